"""Issue 26 item 2: the automatic mode's aggregator is plain Python in models/ (the station's engine uses it):
the decision on the mean of N consecutive good pictures; a refused picture starts the window again."""

from __future__ import annotations

import numpy as np

from models.decision import Decision, OpenSetScores, ReasonCode, Thresholds
from models.quality import QualityLimits, assess
from models.screening import FrameWindow, Screening, decide_screening
from models.serving import Prediction
from models.taxonomy import CLASSES

from .conftest import one_hot_probs
from .kiosk.conftest import skin_texture

T = Thresholds(flag=0.5, review=0.6, unknown=0.5, not_skin=0.5)
GOOD = assess(skin_texture(64), QualityLimits())
DARK = assess(skin_texture(64, brightness=0.1), QualityLimits())


def _screened(probs, unknown=0.1, quality=GOOD) -> Screening:
    if quality.retake:
        return Screening(quality, None, decide_screening(quality, None, CLASSES, T, None))
    prediction = Prediction(np.asarray(probs, dtype=np.float64), CLASSES, OpenSetScores(unknown, 0.0))
    return Screening(quality, prediction, prediction.verdict(T))


def test_the_decision_rests_on_the_mean_of_the_window():
    window = FrameWindow(3)
    assert window.add(_screened(one_hot_probs("mpox", 0.9)), T) is None
    assert window.add(_screened(one_hot_probs("mpox", 0.3)), T) is None and window.filled == 2
    decided = window.add(_screened(one_hot_probs("mpox", 0.6)), T)
    assert decided.verdict.decision is Decision.FLAG  # mean 0.6 >= 0.5, though one frame alone was 0.3
    assert np.isclose(decided.prediction.probabilities[CLASSES.index("mpox")], 0.6)
    assert window.filled == 0  # the next decision starts afresh


def test_a_refused_picture_empties_the_window_and_is_its_own_retake():
    window = FrameWindow(2)
    window.add(_screened(one_hot_probs("mpox", 0.9)), T)
    retake = window.add(_screened(None, quality=DARK), T)
    assert retake.verdict.decision is Decision.RETAKE and window.filled == 0


def test_one_broken_frame_makes_the_window_a_model_error_never_clear():
    window = FrameWindow(2)
    window.add(_screened(one_hot_probs("eczema", 0.95)), T)
    broken = np.full(len(CLASSES), np.nan)
    decided = window.add(_screened(broken), T)
    assert (decided.verdict.decision, decided.verdict.reason_code) == (
        Decision.REVIEW,
        ReasonCode.MODEL_ERROR,
    )


def test_open_set_scores_are_averaged_too():
    window = FrameWindow(2)
    window.add(_screened(one_hot_probs("eczema", 0.9), unknown=0.8), T)
    decided = window.add(_screened(one_hot_probs("eczema", 0.9), unknown=0.4), T)
    assert decided.verdict.reason_code is ReasonCode.UNKNOWN_CONDITION  # mean 0.6 >= 0.5
