"""The decision rule, in one place: FLAG for secondary screening, REVIEW by a person, CLEAR, or RETAKE.

Every outcome carries a stable ``reason_code`` (:class:`ReasonCode`) that the station logs, ``mpox-screen``
prints and the evaluation counts. The order of the checks, and why it is safe:

1. **RETAKE · poor_quality**: the picture is too dark, bright or blurred to say anything. No classification.
2. **RETAKE · not_skin**: the picture is not a skin close-up (the colour gate sees no skin, or the bundle's
   non-skin score is at or above its threshold). This comes *before* FLAG on purpose: a face or a desk must
   never be flagged as suspected mpox, and a RETAKE never lets a traveller pass — the officer takes another
   picture of the rash, which is screened afresh. The threshold is chosen on validation images so that no
   mpox image and at most about 1% of the eight classes' images are sent here (see the model card).
3. **FLAG · flag_threshold**: a flagged class (default: mpox) at or above the flag threshold. FLAG wins
   over every REVIEW reason, the open-set score included: a suspected mpox is never hidden because the
   rash also looks unfamiliar, since a missed infectious case costs more than a second look.
4. **REVIEW · unknown_condition**: the rash does not look like any of the eight classes (open-set score at
   or above its threshold): a person must look, and no class is asserted.
5. **REVIEW · low_confidence**: the top probability is below the review threshold (the paper's 0.6).
6. **REVIEW · poor_quality**: the image quality is doubtful and the result would otherwise be CLEAR.
7. **CLEAR · confident**.

Before any of 2-7 the model's output is checked on every call (``model_output_problem``): scores that are not
numbers (NaN, infinite), negative, above 1, probabilities that do not sum to 1, or open-set scores outside
[0, 1] give **REVIEW · model_error**, which names no class. The rule fails safe: a broken model, a corrupt
graph or a numeric overflow can never clear a traveller.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

import numpy as np

# The paper refers cases whose top probability is below 0.6 for manual review.
PAPER_REVIEW_THRESHOLD = 0.6
DEFAULT_FLAG_THRESHOLD = 0.5


class Decision(StrEnum):
    FLAG = "flag"
    REVIEW = "review"
    CLEAR = "clear"
    RETAKE = "retake"


class ReasonCode(StrEnum):
    """Why a decision was taken: a fixed list, stored with every case and printed by ``mpox-screen``."""

    FLAG_THRESHOLD = "flag_threshold"
    LOW_CONFIDENCE = "low_confidence"
    UNKNOWN_CONDITION = "unknown_condition"
    NOT_SKIN = "not_skin"
    POOR_QUALITY = "poor_quality"
    CONFIDENT = "confident"
    MODEL_ERROR = "model_error"


@dataclass(frozen=True)
class Thresholds:
    """``flag``: probability of a flagged class at or above which the traveller is flagged.
    ``review``: top probability below which a person must look (the paper's 0.6).
    ``unknown`` / ``not_skin``: open-set scores at or above which the rash is not one the model knows / the
    picture is not a skin close-up (None: the bundle has no open-set scores, the check is not made)."""

    flag: float = DEFAULT_FLAG_THRESHOLD
    review: float = PAPER_REVIEW_THRESHOLD
    flagged_classes: tuple[str, ...] = ("mpox",)
    unknown: float | None = None
    not_skin: float | None = None

    def __post_init__(self) -> None:
        for name in ("flag", "review", "unknown", "not_skin"):
            value = getattr(self, name)
            if value is not None and not 0.0 <= value <= 1.0:
                raise ValueError(f"threshold {name!r} must be between 0 and 1, got {value}")
        if not self.flagged_classes:
            raise ValueError("at least one flagged class is needed (default: mpox)")

    def as_dict(self) -> dict:
        out = {"flag": self.flag, "review": self.review, "flagged_classes": list(self.flagged_classes)}
        out.update({k: getattr(self, k) for k in ("unknown", "not_skin") if getattr(self, k) is not None})
        return out

    @classmethod
    def from_dict(cls, data: dict) -> Thresholds:
        def optional(key: str) -> float | None:
            return None if data.get(key) is None else float(data[key])

        return cls(
            flag=float(data.get("flag", DEFAULT_FLAG_THRESHOLD)),
            review=float(data.get("review", PAPER_REVIEW_THRESHOLD)),
            flagged_classes=tuple(data.get("flagged_classes", ("mpox",))),
            unknown=optional("unknown"),
            not_skin=optional("not_skin"),
        )


class UnknownFlaggedClassError(ValueError):
    """Flagged classes that the model does not have (they could never flag)."""

    def __init__(self, unknown: list[str], classes: Sequence[str]):
        self.unknown, self.classes = unknown, tuple(classes)
        super().__init__(f"flagged classes {unknown} are not classes of the model ({', '.join(classes)})")


def override_thresholds(
    base: Thresholds,
    classes: Sequence[str],
    *,
    flag: float | None = None,
    review: float | None = None,
    flagged_classes: Sequence[str] | None = None,
) -> Thresholds:
    """The bundle's thresholds ``base`` with the given overrides (a station's configuration, a command
    line): given values win, absent (None or empty) ones stay the bundle's; the open-set thresholds always
    stay the bundle's (they belong to its own scores). Flagged classes must be among the model's
    ``classes`` (UnknownFlaggedClassError otherwise); a value outside [0, 1] raises ValueError."""
    flagged = tuple(flagged_classes) if flagged_classes else base.flagged_classes
    unknown = [c for c in flagged if c not in classes]
    if unknown:
        raise UnknownFlaggedClassError(unknown, classes)
    return replace(
        base,
        flag=flag if flag is not None else base.flag,
        review=review if review is not None else base.review,
        flagged_classes=flagged,
    )


@dataclass(frozen=True)
class OpenSetScores:
    """Per image, in [0, 1]: ``unknown`` — how much the rash looks like none of the eight classes;
    ``not_skin`` — how much the picture looks like anything but a skin close-up."""

    unknown: float
    not_skin: float


@dataclass(frozen=True)
class Verdict:
    decision: Decision
    top_class: str | None  # None for a RETAKE: no disease is named
    top_probability: float | None
    ranked: list[tuple[str, float]] = field(repr=False)
    reason: str
    reason_code: ReasonCode = ReasonCode.CONFIDENT
    flagged_class: str | None = None  # the class that caused a FLAG (not always the top class)
    open_set: OpenSetScores | None = None

    @property
    def explained_class(self) -> str | None:
        """The class a heatmap should explain: the flagged one for a FLAG, else the top one; none where the
        decision names no class (a RETAKE, a condition the model does not know)."""
        if self.reason_code is ReasonCode.UNKNOWN_CONDITION:
            return None
        return self.flagged_class or self.top_class

    @property
    def open_set_score(self) -> float | None:
        return None if self.open_set is None else self.open_set.unknown

    @property
    def not_skin_score(self) -> float | None:
        return None if self.open_set is None else self.open_set.not_skin

    def top(self, k: int = 3) -> list[tuple[str, float]]:
        return self.ranked[:k] if self.top_class is not None else []


# How far the model's probabilities may stray from a distribution before they are refused: float32 softmax
# sums are within ~1e-6 of 1; an average over frames or a calibrated int8 graph within ~1e-4.
PROBABILITY_TOLERANCE = 1e-3


def model_output_problem(probs: np.ndarray, open_set: OpenSetScores | None) -> str | None:
    """Why the model's output cannot be trusted (one plain line), or None when it is a probability
    distribution and its open-set scores lie in [0, 1]."""
    if not np.all(np.isfinite(probs)):
        return "the model returned scores that are not numbers (NaN or infinite)"
    if np.any(probs < -PROBABILITY_TOLERANCE) or np.any(probs > 1.0 + PROBABILITY_TOLERANCE):
        return (
            f"the model returned probabilities outside [0, 1] (min {probs.min():.3g}, max {probs.max():.3g})"
        )
    if abs(float(probs.sum()) - 1.0) > PROBABILITY_TOLERANCE:
        return f"the model's probabilities sum to {float(probs.sum()):.4g}, not 1"
    if open_set is not None:
        for name in ("unknown", "not_skin"):
            value = getattr(open_set, name)
            if not (np.isfinite(value) and -PROBABILITY_TOLERANCE <= value <= 1.0 + PROBABILITY_TOLERANCE):
                return f"the model's open-set score {name!r} is {value!r}, not a number in [0, 1]"
    return None


def shown_below(p: float) -> float:
    """``p`` for a sentence that says it is below a threshold, to two decimals rounded down: 0.5958 below
    0.60 reads "0.59", not "0.60 is below the review threshold 0.60"."""
    return math.floor(p * 100) / 100


def _retake(code: ReasonCode, reason: str, ranked: list, open_set: OpenSetScores | None) -> Verdict:
    return Verdict(Decision.RETAKE, None, None, ranked, reason, code, open_set=open_set)


def decide(
    probabilities: Sequence[float] | np.ndarray | None,
    classes: Sequence[str],
    thresholds: Thresholds,
    *,
    open_set: OpenSetScores | None = None,
    quality_retake: str | None = None,
    no_skin: str | None = None,
    quality_doubtful: str | None = None,
) -> Verdict:
    """Apply the screening rule to one image (the order and why it is safe: this module's docstring).

    ``quality_retake``: why the picture cannot be used (too dark, blurred...), from the quality gate;
    ``no_skin``: the colour gate saw no skin; ``quality_doubtful``: usable but doubtful (CLEAR -> REVIEW).
    ``probabilities`` may be None only for a RETAKE decided before classification.
    """
    if quality_retake:
        return _retake(ReasonCode.POOR_QUALITY, f"retake: {quality_retake}", [], open_set)
    if no_skin:
        return _retake(ReasonCode.NOT_SKIN, f"retake: {no_skin}", [], open_set)
    if probabilities is None:
        raise ValueError("class probabilities are needed unless the picture is to be retaken")
    probs = np.asarray(probabilities, dtype=np.float64)
    if probs.ndim != 1 or len(probs) != len(classes):
        raise ValueError(f"expected {len(classes)} probabilities, got shape {probs.shape}")
    unknown = [c for c in thresholds.flagged_classes if c not in classes]
    if unknown:
        raise ValueError(f"flagged classes {unknown} are not among the model's classes {list(classes)}")
    problem = model_output_problem(probs, open_set)
    if problem:  # fail safe: a person screens this traveller, and no class is named from broken scores
        reason = f"model error: {problem}; screen this traveller by hand"
        return Verdict(Decision.REVIEW, None, None, [], reason, ReasonCode.MODEL_ERROR, open_set=open_set)
    order = np.argsort(-probs, kind="stable")
    ranked = [(classes[i], float(probs[i])) for i in order]
    top_class, top_p = ranked[0]

    def verdict(decision: Decision, code: ReasonCode, reason: str, flagged: str | None = None) -> Verdict:
        return Verdict(decision, top_class, top_p, ranked, reason, code, flagged, open_set)

    if open_set is not None and thresholds.not_skin is not None and open_set.not_skin >= thresholds.not_skin:
        return _retake(
            ReasonCode.NOT_SKIN,
            "retake: this does not look like a skin close-up; point the camera at the affected skin",
            ranked,
            open_set,
        )
    flagged = [(c, float(probs[classes.index(c)])) for c in thresholds.flagged_classes]
    flagged = [(c, p) for c, p in flagged if p >= thresholds.flag]
    if flagged:
        cls, p = max(flagged, key=lambda cp: cp[1])
        reason = f"{cls} probability {p:.2f} is at or above the flag threshold {thresholds.flag:.2f}"
        return verdict(Decision.FLAG, ReasonCode.FLAG_THRESHOLD, reason, cls)
    if open_set is not None and thresholds.unknown is not None and open_set.unknown >= thresholds.unknown:
        reason = (
            "This rash does not look like any condition the model knows (mpox and seven look-alikes): "
            f"a person must look (open-set score {open_set.unknown:.2f}, threshold {thresholds.unknown:.2f})"
        )
        return verdict(Decision.REVIEW, ReasonCode.UNKNOWN_CONDITION, reason)
    if top_p < thresholds.review:
        shown = shown_below(top_p)
        reason = f"top probability {shown:.2f} is below the review threshold {thresholds.review:.2f}"
        return verdict(Decision.REVIEW, ReasonCode.LOW_CONFIDENCE, reason)
    reason = f"no flagged class reached {thresholds.flag:.2f}; top class {top_class} at {top_p:.2f}"
    if quality_doubtful:
        reason = f"image quality doubtful ({quality_doubtful}); {reason}"
        return verdict(Decision.REVIEW, ReasonCode.POOR_QUALITY, reason)
    return verdict(Decision.CLEAR, ReasonCode.CONFIDENT, reason)
