"""One screening path for the station, ``mpox-screen`` and the evaluation: quality gate -> model ->
open-set scores -> decision rule. Each caller gets the same outcome and reason code for the same picture."""

from __future__ import annotations

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
    predictor: PredictorBase, image: np.ndarray, thresholds: Thresholds, limits: QualityLimits | None = None
) -> Screening:
    """Screen one RGB uint8 picture; the model does not run on a picture the quality gate refuses."""
    quality = assess(image, limits or QualityLimits())
    prediction = None if quality.retake else predictor.predict_one(image)
    verdict = decide_screening(
        quality,
        None if prediction is None else prediction.probabilities,
        predictor.classes,
        thresholds,
        None if prediction is None else prediction.open_set,
    )
    return Screening(quality, prediction, verdict)
