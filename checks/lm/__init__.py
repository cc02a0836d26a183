"""The character language model: training text, the Kneser-Ney ARPA builder, the cached model file and scoring."""
