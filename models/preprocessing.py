"""Preprocessing, defined once from a bundle's metadata and used by training evaluation and the kiosk alike.

An image (RGB uint8, any size) -> centre square crop of the full shorter side -> resize to the input
size -> scale to [0, 1] -> normalise with the bundle's mean and std. The square crop keeps the aspect
ratio (squashing a 4:3 webcam frame would distort lesions); ``square_crop_box`` tells the explainer where
the model's view lies in the original image.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import cv2
import numpy as np

if TYPE_CHECKING:  # the station's ONNX path preprocesses with numpy alone (``array``) and never loads torch
    import torch


def square_crop_box(height: int, width: int) -> tuple[int, int, int, int]:
    """(top, left, side, side) of the centred square crop."""
    side = min(height, width)
    return (height - side) // 2, (width - side) // 2, side, side


def crop_and_resize(image: np.ndarray, size: int) -> np.ndarray:
    """Centre square crop then resize to ``size`` x ``size`` (RGB uint8 in, RGB uint8 out)."""
    if image.ndim != 3 or image.shape[2] != 3 or image.dtype != np.uint8:
        raise ValueError(f"expected an RGB uint8 image of shape (H, W, 3), got {image.shape} {image.dtype}")
    top, left, side, _ = square_crop_box(*image.shape[:2])
    square = image[top : top + side, left : left + side]
    if side == size:
        return np.ascontiguousarray(square)
    interpolation = cv2.INTER_AREA if side > size else cv2.INTER_LINEAR
    return cv2.resize(square, (size, size), interpolation=interpolation)


@dataclass(frozen=True)
class Preprocessor:
    input_size: int
    mean: tuple[float, float, float]
    std: tuple[float, float, float]

    @classmethod
    def from_manifest(cls, manifest: dict) -> Preprocessor:
        return cls(int(manifest["input_size"]), tuple(manifest["mean"]), tuple(manifest["std"]))

    def normalize(self, resized: np.ndarray | torch.Tensor) -> torch.Tensor:
        """RGB uint8 (H, W, 3) or (N, H, W, 3) already at input size -> normalised float CHW tensor."""
        import torch

        if isinstance(resized, np.ndarray) and not resized.flags.writeable:
            resized = resized.copy()  # a memory-mapped image cache is read-only; torch wants writable memory
        t = torch.as_tensor(resized)
        t = t.permute(2, 0, 1) if t.ndim == 3 else t.permute(0, 3, 1, 2)
        t = t.float().div_(255.0)
        shape = (3, 1, 1) if t.ndim == 3 else (1, 3, 1, 1)
        mean = torch.tensor(self.mean).view(shape)
        std = torch.tensor(self.std).view(shape)
        return t.sub_(mean).div_(std).contiguous()

    def array(self, image: np.ndarray) -> np.ndarray:
        """One RGB uint8 image of any size -> (3, S, S) float32 array, the same numbers as ``__call__``
        (the same float32 operations in the same order) without PyTorch."""
        x = crop_and_resize(image, self.input_size).astype(np.float32).transpose(2, 0, 1)
        x /= np.float32(255.0)
        x -= np.asarray(self.mean, np.float32).reshape(3, 1, 1)
        x /= np.asarray(self.std, np.float32).reshape(3, 1, 1)
        return np.ascontiguousarray(x)

    def __call__(self, image: np.ndarray) -> torch.Tensor:
        """One RGB uint8 image of any size -> (3, S, S) float tensor."""
        return self.normalize(crop_and_resize(image, self.input_size))

    def batch(self, images: Sequence[np.ndarray]) -> torch.Tensor:
        import torch

        return torch.stack([self(im) for im in images])
