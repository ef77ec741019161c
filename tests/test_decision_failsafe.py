"""Issue 26 item 1: the decision rule fails safe. Scores that are not a probability distribution give REVIEW ·
model_error (never CLEAR, never a class named); every threshold is tested at its exact value, at 0 and 1, and
the rule's safety properties hold for any input Hypothesis finds."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.decision import Decision, OpenSetScores, ReasonCode, Thresholds, decide
from models.taxonomy import CLASSES

from .conftest import one_hot_probs

N = len(CLASSES)
MPOX = CLASSES.index("mpox")


@pytest.mark.parametrize(
    "probs",
    [
        np.full(N, np.nan),
        [math.nan, *one_hot_probs("eczema", 0.9)[1:]],
        [math.inf, *[0.0] * (N - 1)],
        [-math.inf, *[0.0] * (N - 1)],
        [5.0, *[0.0] * (N - 1)],  # unnormalised scores (a logit, not a probability)
        [1.2, -0.2, *[0.0] * (N - 2)],  # sums to 1 but is not a distribution
        np.full(N, 0.5),  # sums to 4
        np.zeros(N),  # sums to 0
    ],
)
def test_broken_probabilities_give_review_model_error(probs):
    verdict = decide(probs, CLASSES, Thresholds())
    assert verdict.decision is Decision.REVIEW
    assert verdict.reason_code is ReasonCode.MODEL_ERROR
    assert verdict.top_class is None and verdict.explained_class is None and verdict.top(3) == []
    assert "screen this traveller by hand" in verdict.reason


@pytest.mark.parametrize(
    "scores", [(math.nan, 0.0), (0.0, math.nan), (1.5, 0.0), (0.0, -0.1), (math.inf, 0.0)]
)
def test_broken_open_set_scores_give_review_model_error(scores):
    t = Thresholds(unknown=0.5, not_skin=0.5)
    verdict = decide(one_hot_probs("eczema", 0.9), CLASSES, t, open_set=OpenSetScores(*scores))
    assert (verdict.decision, verdict.reason_code) == (Decision.REVIEW, ReasonCode.MODEL_ERROR)


def test_rounding_of_a_real_softmax_is_accepted():
    probs = np.asarray(one_hot_probs("eczema", 0.9), dtype=np.float32) * np.float32(1.0000004)
    assert decide(probs, CLASSES, Thresholds()).decision is Decision.CLEAR


def test_a_retake_decided_before_the_model_stays_a_retake():
    """The quality gate comes first: a picture that cannot be used is retaken whatever the model said."""
    v = decide(np.full(N, np.nan), CLASSES, Thresholds(), quality_retake="too dark")
    assert (v.decision, v.reason_code) == (Decision.RETAKE, ReasonCode.POOR_QUALITY)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -0.0001, 1.0001])
@pytest.mark.parametrize("name", ["flag", "review", "unknown", "not_skin"])
def test_thresholds_outside_0_1_or_not_numbers_are_refused(name, bad):
    with pytest.raises(ValueError, match=name):
        Thresholds(**{name: bad})


# --- every threshold at its exact value ---------------------------------------------------------------


@pytest.mark.parametrize("flag", [0.0, 0.3, 0.5, 0.77, 1.0])
def test_flag_threshold_exact_value_flags_and_just_below_does_not(flag):
    t = Thresholds(flag=flag, review=0.0)
    at = decide(one_hot_probs("mpox", flag), CLASSES, t)
    # at the threshold: flagged (a flag threshold of 0 flags everything, of 1 only certainty)
    assert at.decision is Decision.FLAG and at.flagged_class == "mpox"
    if flag > 0.0:
        below = decide(one_hot_probs("mpox", np.nextafter(flag, 0.0)), CLASSES, t)
        assert below.decision is not Decision.FLAG


@pytest.mark.parametrize("review", [0.6, 0.9, 1.0])
def test_review_threshold_exact_value_clears_and_just_below_reviews(review):
    t = Thresholds(flag=1.0, review=review)
    assert decide(one_hot_probs("eczema", review), CLASSES, t).decision is Decision.CLEAR
    below = decide(one_hot_probs("eczema", np.nextafter(review, 0.0)), CLASSES, t)
    assert (below.decision, below.reason_code) == (Decision.REVIEW, ReasonCode.LOW_CONFIDENCE)


def test_review_threshold_0_never_asks_for_low_confidence():
    t = Thresholds(flag=1.0, review=0.0)
    assert decide(one_hot_probs("eczema", 0.2), CLASSES, t).decision is Decision.CLEAR


@pytest.mark.parametrize("threshold", [0.0, 0.4, 1.0])
def test_unknown_and_not_skin_thresholds_at_their_exact_value(threshold):
    probs = one_hot_probs("eczema", 0.9)
    unknown = decide(probs, CLASSES, Thresholds(unknown=threshold), open_set=OpenSetScores(threshold, 0.0))
    assert unknown.reason_code is ReasonCode.UNKNOWN_CONDITION
    not_skin = decide(probs, CLASSES, Thresholds(not_skin=threshold), open_set=OpenSetScores(0.0, threshold))
    assert (not_skin.decision, not_skin.reason_code) == (Decision.RETAKE, ReasonCode.NOT_SKIN)
    if threshold > 0.0:
        below = np.nextafter(threshold, 0.0)
        t = Thresholds(unknown=threshold, not_skin=threshold)
        v = decide(probs, CLASSES, t, open_set=OpenSetScores(below, below))
        assert v.decision is Decision.CLEAR


def test_ties_between_rules_resolve_in_the_documented_order():
    t = Thresholds(flag=0.5, review=0.6, unknown=0.5, not_skin=0.5)
    mpox = one_hot_probs("mpox", 0.5)
    # not-skin before FLAG: a face is never flagged
    assert decide(mpox, CLASSES, t, open_set=OpenSetScores(0.5, 0.5)).decision is Decision.RETAKE
    # FLAG before unknown condition and low confidence (0.5 < review 0.6)
    v = decide(mpox, CLASSES, t, open_set=OpenSetScores(0.5, 0.0))
    assert (v.decision, v.reason_code) == (Decision.FLAG, ReasonCode.FLAG_THRESHOLD)
    # unknown condition before low confidence
    low = one_hot_probs("eczema", 0.4)
    assert (
        decide(low, CLASSES, t, open_set=OpenSetScores(0.5, 0.0)).reason_code is ReasonCode.UNKNOWN_CONDITION
    )
    # a tie between two classes at the top: the first in class order is the top one, the decision the same
    tie = np.zeros(N)
    tie[CLASSES.index("eczema")] = tie[CLASSES.index("measles")] = 0.5
    v = decide(tie, CLASSES, Thresholds(flag=0.5, review=0.5))
    assert v.decision is Decision.CLEAR and v.top_class == min(("eczema", "measles"), key=CLASSES.index)


# --- properties ---------------------------------------------------------------------------------------

finite_probs = st.lists(st.floats(0.0, 1.0), min_size=N, max_size=N).filter(lambda xs: sum(xs) > 1e-6)
any_floats = st.lists(st.floats(allow_nan=True, allow_infinity=True), min_size=N, max_size=N)
unit = st.floats(0.0, 1.0)


def _normalised(xs):
    p = np.asarray(xs, dtype=np.float64)
    return p / p.sum()


@settings(max_examples=300, deadline=None)
@given(finite_probs, unit, unit, st.none() | st.tuples(unit, unit), unit, unit)
def test_a_flagged_class_at_or_above_the_flag_threshold_is_never_cleared(xs, flag, review, scores, u, ns):
    probs = _normalised(xs)
    t = Thresholds(flag=flag, review=review, unknown=u, not_skin=ns)
    verdict = decide(probs, CLASSES, t, open_set=None if scores is None else OpenSetScores(*scores))
    if probs[MPOX] >= flag:
        assert verdict.decision is not Decision.CLEAR
        # only a picture that is not a skin close-up may be retaken instead of flagged
        assert verdict.decision is Decision.FLAG or verdict.reason_code is ReasonCode.NOT_SKIN


@settings(max_examples=300, deadline=None)
@given(any_floats, st.none() | st.tuples(st.floats(), st.floats()))
def test_anything_not_a_distribution_is_never_cleared(xs, scores):
    probs = np.asarray(xs, dtype=np.float64)
    open_set = None if scores is None else OpenSetScores(*scores)
    verdict = decide(probs, CLASSES, Thresholds(unknown=0.5, not_skin=0.5), open_set=open_set)
    broken = not np.all(np.isfinite(probs)) or np.any(probs < -1e-3) or np.any(probs > 1.0 + 1e-3)
    broken = broken or abs(float(probs.sum()) - 1.0) > 1e-3  # in range: the sum cannot overflow
    if open_set is not None:
        broken = broken or not all(np.isfinite(s) and -1e-3 <= s <= 1.0 + 1e-3 for s in scores)
    if broken:
        assert (verdict.decision, verdict.reason_code) == (Decision.REVIEW, ReasonCode.MODEL_ERROR)
    assert verdict.decision is not Decision.CLEAR or not broken


@settings(max_examples=300, deadline=None)
@given(finite_probs, st.tuples(unit, unit), st.sampled_from(["too dark", None]))
def test_a_retake_never_names_a_class(xs, scores, quality):
    t = Thresholds(unknown=0.5, not_skin=0.5)
    verdict = decide(_normalised(xs), CLASSES, t, open_set=OpenSetScores(*scores), quality_retake=quality)
    if verdict.decision is Decision.RETAKE:
        assert verdict.top_class is None and verdict.top(3) == [] and verdict.explained_class is None


def test_a_probability_just_below_the_review_threshold_is_not_shown_as_equal():
    """Issue 27: "0.60 is below the review threshold 0.60" for 0.5958."""
    verdict = decide(one_hot_probs("eczema", 0.5958), CLASSES, Thresholds(flag=1.0, review=0.6))
    assert verdict.reason == "top probability 0.59 is below the review threshold 0.60"
