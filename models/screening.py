"""One screening path for the station, ``mpox-screen`` and the evaluation: quality gate -> model ->
open-set scores -> decision rule. Each caller gets the same outcome and reason code for the same picture:
``screen_image`` for one picture (a capture, a file), ``FrameWindow`` for the station's automatic mode (the
decision on the mean of the last N pictures that passed the quality gate). No Qt, no threads: the station's
engine (kiosk/inference.py) calls these and adds only the heatmap and the timing."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np

from .decision import OpenSetScores, Thresholds, Verdict, decide
from .quality import QualityLimits, QualityReport, assess
from .serving import Prediction, PredictorBase


@dataclass(frozen=True)
class Screening:
    quality: QualityReport
    prediction: Prediction | None  # None when the quality gate refused the picture before the model ran
    verdict: Verdict
    features: np.ndarray | None = None  # the target layer's activations, when asked for (one pass)


def decide_screening(
    quality: QualityReport,
    probabilities: np.ndarray | None,
    classes: tuple[str, ...],
    thresholds: Thresholds,
    open_set: OpenSetScores | None,
) -> Verdict:
    """The decision rule fed with the quality gate's findings (``models.decision`` holds the order)."""
    return decide(
        probabilities,
        classes,
        thresholds,
        open_set=open_set,
        quality_retake=quality.unusable,
        no_skin=quality.no_skin,
        quality_doubtful=quality.doubtful,
    )


def screen_image(
    predictor: PredictorBase,
    image: np.ndarray,
    thresholds: Thresholds,
    limits: QualityLimits | None = None,
    features: bool = False,
) -> Screening:
    """Screen one RGB uint8 picture; the model does not run on a picture the quality gate refuses.
    ``features``: also return the target layer's activations of the same pass (a heatmap without a second)."""
    quality = assess(image, limits or QualityLimits())
    prediction, feats = None, None
    if not quality.retake:
        if features:
            prediction, feats = predictor.predict_with_features(image)
        else:
            prediction = predictor.predict_one(image)
    return Screening(quality, prediction, _decide(quality, prediction, predictor.classes, thresholds), feats)


def _decide(
    quality: QualityReport, prediction: Prediction | None, classes: tuple[str, ...], thresholds: Thresholds
) -> Verdict:
    if prediction is None:
        return decide_screening(quality, None, classes, thresholds, None)
    return decide_screening(quality, prediction.probabilities, classes, thresholds, prediction.open_set)


class FrameWindow:
    """Automatic mode: the decision rests on ``size`` consecutive pictures that passed the quality gate, on
    the mean of their probabilities and open-set scores. A picture the gate refuses empties the window (the
    decision must rest on one steady view). Not thread-safe: one owner (the station's inference thread)."""

    def __init__(self, size: int):
        self._frames: deque[Prediction] = deque(maxlen=max(1, size))

    @property
    def size(self) -> int:
        return self._frames.maxlen or 1

    @property
    def filled(self) -> int:
        return len(self._frames)

    def clear(self) -> None:
        self._frames.clear()

    def add(self, screening: Screening, thresholds: Thresholds) -> Screening | None:
        """Add one screened picture. Returns the window's decision when it is full (the window then starts
        again), the picture's own RETAKE when the gate refused it, or None while the window fills."""
        if screening.prediction is None:
            self.clear()
            return screening
        self._frames.append(screening.prediction)
        if len(self._frames) < self.size:
            return None
        mean = self._mean()
        self.clear()
        verdict = _decide(screening.quality, mean, mean.classes, thresholds)
        return Screening(screening.quality, mean, verdict, screening.features)

    def _mean(self) -> Prediction:
        frames = list(self._frames)
        probabilities = np.mean([p.probabilities for p in frames], axis=0)
        open_set = None
        if all(p.open_set is not None for p in frames):
            open_set = OpenSetScores(
                float(np.mean([p.open_set.unknown for p in frames])),
                float(np.mean([p.open_set.not_skin for p in frames])),
            )
        return Prediction(probabilities, frames[-1].classes, open_set)
