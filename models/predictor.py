"""Calibrated class probabilities from a bundle, in batches, under inference mode.

``backend='auto'`` (default) runs the optimised CPU path of ``models.runtime`` (ONNX Runtime, checked against
eager PyTorch at load, falling back to eager with the reason logged); ``backend='eager'`` is plain PyTorch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import torch

from .bundle import Bundle
from .open_set import load_head
from .runtime import select_runtime
from .serving import Prediction, PredictorBase

if TYPE_CHECKING:
    from .explainer import Explainer, Explanation

__all__ = ["Prediction", "Predictor", "pick_device"]


def pick_device(requested: str | None = None) -> torch.device:
    """CUDA when available (or asked for), else CPU."""
    if requested:
        return torch.device(requested)
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


class Predictor(PredictorBase):
    """The PyTorch side: the bundle's model on ``device``, served by ``models.runtime``'s backends."""

    def __init__(
        self,
        bundle: Bundle,
        device: str | torch.device | None = None,
        batch_size: int = 32,
        backend: str = "auto",
    ):
        self.bundle = bundle
        self.device = pick_device(str(device) if device else None)
        self.device_type = self.device.type
        self.model = bundle.model.to(self.device).eval()
        if self.device.type == "cuda":
            self.model = self.model.to(memory_format=torch.channels_last)
        self.preprocess = bundle.preprocessor
        self.batch_size = batch_size
        self.runtime = select_runtime(bundle, self.device, backend)
        self.open_set = load_head(bundle)
        self._explainer: Explainer | None = None

    @property
    def explainer(self) -> Explainer:
        """Grad-CAM sharing this predictor's runtime (built on first use)."""
        if self._explainer is None:
            from .explainer import Explainer

            self._explainer = Explainer(self.bundle, self.device, backend="auto", runtime=self.runtime)
        return self._explainer

    def predict_explained(
        self, image: np.ndarray, class_index: int | None = None, opacity: float = 0.45
    ) -> tuple[Prediction, Explanation]:
        """Classify one image and explain ``class_index`` (default: the top class) with one forward pass when
        the model allows it (no-backward Grad-CAM); otherwise a separate gradient pass for the heatmap."""
        explainer = self.explainer
        if not explainer.fast:
            prediction = self.predict_one(image)
            idx = int(prediction.probabilities.argmax()) if class_index is None else class_index
            return prediction, explainer.explain(image, idx, opacity)
        prediction, feats = self.predict_with_features(image)
        idx = int(prediction.probabilities.argmax()) if class_index is None else int(class_index)
        return prediction, explainer.explain_from_features(image, feats, idx, opacity)
