"""Calibrated class probabilities from a bundle, in batches, under inference mode.

``backend='auto'`` (default) runs the optimised CPU path of ``models.runtime`` (ONNX Runtime, checked against
eager PyTorch at load, falling back to eager with the reason logged); ``backend='eager'`` is plain PyTorch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import torch

from .bundle import Bundle
from .decision import Thresholds, Verdict, decide
from .runtime import EagerRuntime, Runtime, select_runtime

if TYPE_CHECKING:
    from .explainer import Explainer, Explanation


def pick_device(requested: str | None = None) -> torch.device:
    """CUDA when available (or asked for), else CPU."""
    if requested:
        return torch.device(requested)
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


@dataclass(frozen=True)
class Prediction:
    probabilities: np.ndarray  # (C,) calibrated, sums to 1
    classes: tuple[str, ...]

    def verdict(self, thresholds: Thresholds) -> Verdict:
        return decide(self.probabilities, self.classes, thresholds)


class Predictor:
    def __init__(
        self,
        bundle: Bundle,
        device: str | torch.device | None = None,
        batch_size: int = 32,
        backend: str = "auto",
    ):
        self.bundle = bundle
        self.device = pick_device(str(device) if device else None)
        self.model = bundle.model.to(self.device).eval()
        if self.device.type == "cuda":
            self.model = self.model.to(memory_format=torch.channels_last)
        self.preprocess = bundle.preprocessor
        self.classes = bundle.classes
        self.temperature = bundle.temperature
        self.batch_size = batch_size
        self.runtime: Runtime = select_runtime(bundle, self.device, backend)
        self._explainer: Explainer | None = None

    @property
    def backend(self) -> str:
        """The backend in use: 'onnxruntime-int8', 'onnxruntime' or 'eager' (``runtime.fallback_reason``)."""
        return self.runtime.name

    def probabilities_from_tensor(self, batch: torch.Tensor) -> np.ndarray:
        """Normalised (N, 3, S, S) tensor -> (N, C) calibrated probabilities."""
        if not isinstance(self.runtime, EagerRuntime):
            logits = torch.from_numpy(self.runtime.run(batch)[0])
            return torch.softmax(logits.float() / self.temperature, dim=1).numpy()
        with torch.inference_mode():
            logits = self.model(batch.to(self.device, non_blocking=True))
            return torch.softmax(logits.float() / self.temperature, dim=1).cpu().numpy()

    def predict(self, images: Sequence[np.ndarray]) -> list[Prediction]:
        """RGB uint8 images of any size -> one Prediction each."""
        out: list[Prediction] = []
        for start in range(0, len(images), self.batch_size):
            batch = self.preprocess.batch(images[start : start + self.batch_size])
            out.extend(Prediction(p, self.classes) for p in self.probabilities_from_tensor(batch))
        return out

    def predict_one(self, image: np.ndarray) -> Prediction:
        return self.predict([image])[0]

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
        logits, feats = self.runtime.run(self.preprocess(image).unsqueeze(0), features=True)
        probs = torch.softmax(torch.from_numpy(logits).float() / self.temperature, dim=1).numpy()[0]
        idx = int(probs.argmax()) if class_index is None else int(class_index)
        return Prediction(probs, self.classes), explainer.explain_from_features(image, feats[0], idx, opacity)
