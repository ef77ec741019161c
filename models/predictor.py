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
from .decision import OpenSetScores, Thresholds, Verdict, decide
from .open_set import OpenSetHead, load_head
from .runtime import Runtime, select_runtime, softmax

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
    open_set: OpenSetScores | None = None  # None when the bundle has no open-set head

    def verdict(self, thresholds: Thresholds) -> Verdict:
        """The decision on the model's output alone (no quality gate: ``models.screening`` adds it)."""
        return decide(self.probabilities, self.classes, thresholds, open_set=self.open_set)


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
        self.open_set: OpenSetHead | None = load_head(bundle)
        self._explainer: Explainer | None = None

    @property
    def backend(self) -> str:
        """The backend in use: 'onnxruntime-int8', 'onnxruntime' or 'eager' (``runtime.fallback_reason``)."""
        return self.runtime.name

    def _run(
        self, batch: torch.Tensor, features: bool = False
    ) -> tuple[np.ndarray, list[OpenSetScores] | None, np.ndarray | None]:
        """Calibrated probabilities, the open-set head's scores (when the bundle has one) and, on request, the
        target layer's activations, all from one forward pass."""
        want = features or self.open_set is not None
        logits, feats = self.runtime.run(batch, features=want)
        probs = softmax(logits.astype(np.float32) / self.temperature)
        scores = self.open_set.scores(feats) if self.open_set is not None else None
        return probs, scores, feats

    def predict(self, images: Sequence[np.ndarray]) -> list[Prediction]:
        """RGB uint8 images of any size -> one Prediction each."""
        out: list[Prediction] = []
        for start in range(0, len(images), self.batch_size):
            batch = self.preprocess.batch(images[start : start + self.batch_size])
            probs, scores, _ = self._run(batch)
            out.extend(
                Prediction(p, self.classes, scores[i] if scores else None) for i, p in enumerate(probs)
            )
        return out

    def predict_one(self, image: np.ndarray) -> Prediction:
        return self.predict([image])[0]

    def predict_with_features(self, image: np.ndarray) -> tuple[Prediction, np.ndarray]:
        """One image's prediction and its (K, h, w) target-layer activations from the same pass: a heatmap of
        whichever class the decision names then needs no second pass (``Explainer.explain_from_features``)."""
        probs, scores, feats = self._run(self.preprocess(image).unsqueeze(0), features=True)
        return Prediction(probs[0], self.classes, scores[0] if scores else None), feats[0]

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
