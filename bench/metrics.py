"""Correction metrics: pycorrector's sentence-level P/R/F1 and SIGHAN-style character-level scores."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 with the raw counts behind them."""

    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int

    def line(self, name: str) -> str:
        """Format as one printable line."""
        return (
            f"{name}: P={self.precision:.4f} R={self.recall:.4f} F1={self.f1:.4f} "
            f"(TP={self.tp} FP={self.fp} FN={self.fn})"
        )


def scores(tp: int, fp: int, fn: int) -> Scores:
    """Build Scores from counts; 0 where undefined."""
    precision = tp / (tp + fp) if tp else 0.0
    recall = tp / (tp + fn) if tp else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, tp, fp, fn)


def sentence_level(sources: list[str], targets: list[str], predictions: list[str]) -> Scores:
    """pycorrector's rule: an erroneous sentence counts only if fully corrected; any change to a clean one is FP."""
    tp = fp = fn = 0
    for source, target, predicted in zip(sources, targets, predictions, strict=False):
        if source == target:
            fp += predicted != target
        elif predicted == target:
            tp += 1
        else:
            fn += 1
    return scores(tp, fp, fn)


def char_level(sources: list[str], targets: list[str], predictions: list[str]) -> tuple[Scores, Scores]:
    """Character-level detection and correction scores over same-length sentence pairs."""
    det = [0, 0, 0]
    cor = [0, 0, 0]
    for source, target, predicted in zip(sources, targets, predictions, strict=False):
        if not len(source) == len(target) == len(predicted):
            continue
        for s, t, p in zip(source, target, predicted, strict=False):
            wrong, flagged = s != t, s != p
            det[0] += wrong and flagged
            det[1] += flagged and not wrong
            det[2] += wrong and not flagged
            cor[0] += wrong and flagged and p == t
            cor[1] += flagged and p != t
            cor[2] += wrong and p != t
    return scores(*det), scores(*cor)


def false_alarm_rate(sources: list[str], targets: list[str], predictions: list[str]) -> float:
    """Share of already-correct sentences that the checker changed."""
    clean = [(t, p) for s, t, p in zip(sources, targets, predictions, strict=False) if s == t]
    return sum(t != p for t, p in clean) / len(clean) if clean else 0.0
