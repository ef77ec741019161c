"""Preprocessing, defined once from a bundle's metadata and used by training evaluation and the kiosk alike.

An image (RGB uint8, any size) -> centre square crop of the full shorter side -> resize to the input
size -> the bundle's conditioning steps -> scale to [0, 1] -> normalise with the bundle's mean and std. The
square crop keeps the aspect ratio (squashing a 4:3 webcam frame would distort lesions); ``square_crop_box``
tells the explainer where the model's view lies in the original image.

Conditioning steps (the manifest's ``preprocessing.steps``, applied in this order, identically in training,
``mpox-screen`` and the station) take away what tells one source from another rather than one rash from
another (issue 31):

- ``mask_marks``: the four corners and the bottom strip, where atlases put their marks (DermNet NZ's
  "Te Whatu Ora" corner watermark, DermQuest's bottom strip, stock-photo marks), filled with the picture's
  mean colour, so neither a class nor the heatmap can lean on them.
- ``shades_of_grey``: colour constancy (Finlayson & Trezzi 2004; Barata et al. 2015 for skin images): each
  channel scaled so that its Minkowski p-norm mean matches the others': the light's colour is divided out.

A bundle naming a step this code does not know is refused (``UnknownPreprocessingError``): running it without
the step would feed the network pictures unlike those it was trained on.
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


MARK_CORNER = 0.2  # share of each side: DermNet NZ's watermark and stock marks sit in a corner box this size
MARK_BOTTOM = 0.1  # share of the height: DermQuest's grey strip is about the lowest 8 %
SHADES_OF_GREY_P = 6  # Minkowski norm; 6 is the value Finlayson & Trezzi and Barata et al. found best


def mask_marks(images: np.ndarray, corner: float = MARK_CORNER, bottom: float = MARK_BOTTOM) -> np.ndarray:
    """Copy of uint8 images (H, W, 3) or (N, H, W, 3) with the four corner boxes (``corner`` of each side) and
    the bottom strip (``bottom`` of the height; 0: none) filled with each picture's mean colour."""
    batch = images[None] if images.ndim == 3 else images
    out = batch.copy()
    n, h, w, _ = out.shape
    bh, bw = max(1, round(h * corner)), max(1, round(w * corner))
    fill = batch.reshape(n, -1, 3).mean(axis=1).round().astype(np.uint8)[:, None, None, :]
    for rows in (slice(0, bh), slice(h - bh, h)):
        for cols in (slice(0, bw), slice(w - bw, w)):
            out[:, rows, cols] = fill
    if bottom > 0:
        out[:, h - max(1, round(h * bottom)) :, :] = fill
    return out[0] if images.ndim == 3 else out


def shades_of_grey(images: np.ndarray, p: int = SHADES_OF_GREY_P) -> np.ndarray:
    """Colour constancy on uint8 images (H, W, 3) or (N, H, W, 3): the light's colour, estimated per picture
    as the p-norm mean of each channel, is divided out, keeping the picture's overall brightness."""
    batch = images[None] if images.ndim == 3 else images
    x = batch.astype(np.float32)
    n = x.shape[0]
    light = np.power(np.power(x.reshape(n, -1, 3) / 255.0, p).mean(axis=1), 1.0 / p)  # (N, 3)
    light = np.maximum(light, 1e-3)
    gain = light.mean(axis=1, keepdims=True) / light  # grey-world balance at the p-norm
    out = np.clip(x * gain[:, None, None, :] + 0.5, 0, 255).astype(np.uint8)
    return out[0] if images.ndim == 3 else out


STEPS = {"mask_marks": mask_marks, "shades_of_grey": shades_of_grey}


class UnknownPreprocessingError(ValueError):
    def __init__(self, steps: Sequence[str]):
        self.steps = list(steps)
        super().__init__(
            f"the bundle asks for preprocessing steps this software does not know ({', '.join(steps)}); "
            f"known: {', '.join(STEPS)}. Install the software version the bundle was made for."
        )


def check_steps(steps: Sequence[str]) -> tuple[str, ...]:
    unknown = [s for s in steps if s not in STEPS]
    if unknown:
        raise UnknownPreprocessingError(unknown)
    return tuple(steps)


def condition(resized: np.ndarray, steps: Sequence[str]) -> np.ndarray:
    """Apply the conditioning ``steps`` (names of ``STEPS``, in order) to uint8 pictures at input size."""
    for step in steps:
        resized = STEPS[step](resized)
    return resized


def manifest_steps(manifest: dict) -> tuple[str, ...]:
    """The conditioning steps a bundle's manifest records (none for bundles made before they existed)."""
    return check_steps((manifest.get("preprocessing") or {}).get("steps", ()))


@dataclass(frozen=True)
class Preprocessor:
    input_size: int
    mean: tuple[float, float, float]
    std: tuple[float, float, float]
    steps: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_steps(self.steps)

    @classmethod
    def from_manifest(cls, manifest: dict) -> Preprocessor:
        return cls(
            int(manifest["input_size"]),
            tuple(manifest["mean"]),
            tuple(manifest["std"]),
            manifest_steps(manifest),
        )

    def condition(self, resized: np.ndarray) -> np.ndarray:
        """The bundle's conditioning steps on uint8 picture(s) already at input size."""
        return condition(resized, self.steps) if self.steps else resized

    def normalize(self, resized: np.ndarray | torch.Tensor) -> torch.Tensor:
        """RGB uint8 (H, W, 3) or (N, H, W, 3) already at input size -> normalised float CHW tensor."""
        import torch

        if self.steps:
            pixels = resized.numpy() if isinstance(resized, torch.Tensor) else resized
            resized = self.condition(np.asarray(pixels, dtype=np.uint8))
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
        x = self.condition(crop_and_resize(image, self.input_size)).astype(np.float32).transpose(2, 0, 1)
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
