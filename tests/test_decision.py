import numpy as np
import pytest

from models.decision import Decision, Thresholds, UnknownFlaggedClassError, decide, override_thresholds
from models.taxonomy import CLASSES

from .conftest import one_hot_probs


@pytest.mark.parametrize(
    ("cls", "p", "expected"),
    [
        ("mpox", 0.50, Decision.FLAG),  # at the flag threshold: flagged
        ("mpox", 0.4999, Decision.REVIEW),  # just below: not flagged, and top < 0.6 -> review
        ("eczema", 0.60, Decision.CLEAR),  # at the review threshold: clear
        ("eczema", 0.5999, Decision.REVIEW),
        ("mpox", 0.95, Decision.FLAG),
        ("normal", 0.95, Decision.CLEAR),
    ],
)
def test_boundaries(cls, p, expected):
    verdict = decide(one_hot_probs(cls, p), CLASSES, Thresholds(flag=0.5, review=0.6))
    assert verdict.decision is expected
    assert verdict.top_class == cls


def test_flagged_class_below_top_still_flags():
    probs = np.zeros(8)
    probs[CLASSES.index("chickenpox")] = 0.45
    probs[CLASSES.index("mpox")] = 0.40
    probs[CLASSES.index("normal")] = 0.15
    assert decide(probs, CLASSES, Thresholds(flag=0.5)).decision is Decision.REVIEW
    assert decide(probs, CLASSES, Thresholds(flag=0.4)).decision is Decision.FLAG
    t = Thresholds(flag=0.45, flagged_classes=("mpox", "chickenpox"))
    verdict = decide(probs, CLASSES, t)
    assert verdict.decision is Decision.FLAG and "chickenpox" in verdict.reason


def test_ranked_is_sorted_and_complete():
    verdict = decide(one_hot_probs("measles", 0.7), CLASSES, Thresholds())
    probs = [p for _, p in verdict.ranked]
    assert probs == sorted(probs, reverse=True) and len(probs) == 8
    assert verdict.top(3)[0] == ("measles", pytest.approx(0.7))


@pytest.mark.parametrize("bad", [{"flag": 1.5}, {"review": -0.1}, {"flagged_classes": ()}])
def test_invalid_thresholds_are_refused(bad):
    with pytest.raises(ValueError):
        Thresholds(**bad)


def test_unknown_flagged_class_is_refused():
    with pytest.raises(ValueError, match="not among"):
        decide(one_hot_probs("mpox", 0.9), CLASSES, Thresholds(flagged_classes=("smallpox",)))


def test_flag_names_the_class_to_explain():
    probs = np.zeros(8)
    probs[CLASSES.index("chickenpox")] = 0.55
    probs[CLASSES.index("mpox")] = 0.43
    probs[CLASSES.index("normal")] = 0.02
    verdict = decide(probs, CLASSES, Thresholds(flag=0.26))
    assert verdict.decision is Decision.FLAG and verdict.top_class == "chickenpox"
    assert verdict.flagged_class == "mpox" and verdict.explained_class == "mpox"
    clear = decide(one_hot_probs("eczema", 0.9), CLASSES, Thresholds())
    assert clear.flagged_class is None and clear.explained_class == "eczema"


def test_overrides_win_and_open_set_thresholds_stay_the_bundles():
    base = Thresholds(flag=0.5, review=0.6, unknown=0.3, not_skin=0.2)
    got = override_thresholds(base, CLASSES, review=0.8, flagged_classes=["mpox", "measles"])
    assert (got.flag, got.review, got.flagged_classes) == (0.5, 0.8, ("mpox", "measles"))
    assert (got.unknown, got.not_skin) == (0.3, 0.2)
    assert override_thresholds(base, CLASSES, flagged_classes=[]) == base
    with pytest.raises(UnknownFlaggedClassError):
        override_thresholds(base, ("mpox", "normal"), flagged_classes=["measles"])
