"""Official-writing rules: wording, punctuation, repeats, dates, law titles, 的/地/得 and function words."""
