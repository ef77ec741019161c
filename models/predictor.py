"""Calibrated class probabilities from a bundle, in batches, under inference mode."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch

from .bundle import Bundle
from .decision import Thresholds, Verdict, decide


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
    def __init__(self, bundle: Bundle, device: str | torch.device | None = None, batch_size: int = 32):
        self.bundle = bundle
        self.device = pick_device(str(device) if device else None)
        self.model = bundle.model.to(self.device).eval()
        if self.device.type == "cuda":
            self.model = self.model.to(memory_format=torch.channels_last)
        self.preprocess = bundle.preprocessor
        self.classes = bundle.classes
        self.temperature = bundle.temperature
        self.batch_size = batch_size

    def probabilities_from_tensor(self, batch: torch.Tensor) -> np.ndarray:
        """Normalised (N, 3, S, S) tensor -> (N, C) calibrated probabilities."""
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
