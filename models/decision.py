"""The decision rule, in one place: FLAG for secondary screening, REVIEW by a person, or CLEAR."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np

# The paper refers cases whose top probability is below 0.6 for manual review.
PAPER_REVIEW_THRESHOLD = 0.6
DEFAULT_FLAG_THRESHOLD = 0.5


class Decision(StrEnum):
    FLAG = "flag"
    REVIEW = "review"
    CLEAR = "clear"


@dataclass(frozen=True)
class Thresholds:
    """``flag``: probability of a flagged class at or above which the traveller is flagged.
    ``review``: top probability below which a person must look (the paper's 0.6)."""

    flag: float = DEFAULT_FLAG_THRESHOLD
    review: float = PAPER_REVIEW_THRESHOLD
    flagged_classes: tuple[str, ...] = ("mpox",)

    def __post_init__(self) -> None:
        for name in ("flag", "review"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"threshold {name!r} must be between 0 and 1, got {value}")
        if not self.flagged_classes:
            raise ValueError("at least one flagged class is needed (default: mpox)")

    def as_dict(self) -> dict:
        return {"flag": self.flag, "review": self.review, "flagged_classes": list(self.flagged_classes)}

    @classmethod
    def from_dict(cls, data: dict) -> Thresholds:
        return cls(
            flag=float(data.get("flag", DEFAULT_FLAG_THRESHOLD)),
            review=float(data.get("review", PAPER_REVIEW_THRESHOLD)),
            flagged_classes=tuple(data.get("flagged_classes", ("mpox",))),
        )


@dataclass(frozen=True)
class Verdict:
    decision: Decision
    top_class: str
    top_probability: float
    ranked: list[tuple[str, float]] = field(repr=False)
    reason: str
    flagged_class: str | None = None  # the class that caused a FLAG (not always the top class)

    @property
    def explained_class(self) -> str:
        """The class a heatmap should explain: the flagged one for a FLAG, else the top one."""
        return self.flagged_class or self.top_class

    def top(self, k: int = 3) -> list[tuple[str, float]]:
        return self.ranked[:k]


def decide(
    probabilities: Sequence[float] | np.ndarray, classes: Sequence[str], thresholds: Thresholds
) -> Verdict:
    """Apply the screening rule to one image's class probabilities.

    Flag takes precedence over review: a flagged class at or above its threshold is referred to secondary
    screening even when the model is unsure between classes, because missing an infectious case costs
    more than a second look.
    """
    probs = np.asarray(probabilities, dtype=np.float64)
    if probs.ndim != 1 or len(probs) != len(classes):
        raise ValueError(f"expected {len(classes)} probabilities, got shape {probs.shape}")
    unknown = [c for c in thresholds.flagged_classes if c not in classes]
    if unknown:
        raise ValueError(f"flagged classes {unknown} are not among the model's classes {list(classes)}")
    order = np.argsort(-probs, kind="stable")
    ranked = [(classes[i], float(probs[i])) for i in order]
    top_class, top_p = ranked[0]

    flagged = [(c, float(probs[classes.index(c)])) for c in thresholds.flagged_classes]
    flagged = [(c, p) for c, p in flagged if p >= thresholds.flag]
    if flagged:
        cls, p = max(flagged, key=lambda cp: cp[1])
        reason = f"{cls} probability {p:.2f} is at or above the flag threshold {thresholds.flag:.2f}"
        return Verdict(Decision.FLAG, top_class, top_p, ranked, reason, flagged_class=cls)
    if top_p < thresholds.review:
        reason = f"top probability {top_p:.2f} is below the review threshold {thresholds.review:.2f}"
        return Verdict(Decision.REVIEW, top_class, top_p, ranked, reason)
    reason = f"no flagged class reached {thresholds.flag:.2f}; top class {top_class} at {top_p:.2f}"
    return Verdict(Decision.CLEAR, top_class, top_p, ranked, reason)
