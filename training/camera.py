"""Camera simulation (issue 31): what a station's webcam does to a rash that no atlas photograph shows.

Each call draws, per picture, a chain of the things a cheap webcam at a gate adds: a white-balance error and
an exposure error (the light of the hall), a square crop at another zoom (the officer's distance), down-and-up
scaling (a low-resolution sensor), motion blur (a hand that moves), sensor noise, vignetting, and JPEG
re-compression. Operates on uint8 RGB pictures (H, W, 3) at input size, in numpy and OpenCV, so that training
and the frozen-feature studies share it. Each operation applies with probability ``p``.
"""

from __future__ import annotations

import cv2
import numpy as np


def _white_balance(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    gains = np.exp(rng.uniform(-0.25, 0.25, 3))  # a warm or cool cast, about +-28 % per channel
    return img * gains


def _exposure(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    gain = np.exp(rng.uniform(-0.5, 0.4))  # under- or over-exposed
    gamma = np.exp(rng.uniform(-0.25, 0.25))
    return 255.0 * np.power(np.clip(img * gain / 255.0, 0, 1), gamma)


def _zoom(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    h, w = img.shape[:2]
    side = int(round(min(h, w) * rng.uniform(0.65, 1.0)))
    top, left = rng.integers(0, h - side + 1), rng.integers(0, w - side + 1)
    crop = np.ascontiguousarray(img[top : top + side, left : left + side])
    return cv2.resize(crop, (w, h), interpolation=cv2.INTER_LINEAR)


def _low_resolution(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    h, w = img.shape[:2]
    f = rng.uniform(0.3, 0.8)
    small = cv2.resize(img, (max(8, int(w * f)), max(8, int(h * f))), interpolation=cv2.INTER_AREA)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)


def _motion_blur(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    k = int(rng.integers(3, 10))
    kernel = np.zeros((k, k), np.float32)
    kernel[k // 2, :] = 1.0 / k
    centre = ((k - 1) / 2.0, (k - 1) / 2.0)
    kernel = cv2.warpAffine(kernel, cv2.getRotationMatrix2D(centre, rng.uniform(0, 180), 1.0), (k, k))
    kernel /= max(kernel.sum(), 1e-6)
    return cv2.filter2D(img, -1, kernel)


def _noise(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    return img + rng.normal(0.0, rng.uniform(2.0, 9.0), img.shape)


def _vignette(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    h, w = img.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w]
    r2 = ((yy - h / 2) / (h / 2)) ** 2 + ((xx - w / 2) / (w / 2)) ** 2
    return img * (1.0 - rng.uniform(0.1, 0.45) * np.clip(r2 / 2.0, 0, 1))[..., None]


def _jpeg(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    ok, data = cv2.imencode(".jpg", img[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(25, 90))])
    return cv2.imdecode(data, cv2.IMREAD_COLOR)[..., ::-1] if ok else img


# order: light and optics first, then the sensor, then the encoder
OPERATIONS = (
    ("white_balance", _white_balance),
    ("exposure", _exposure),
    ("zoom", _zoom),
    ("low_resolution", _low_resolution),
    ("motion_blur", _motion_blur),
    ("noise", _noise),
    ("vignette", _vignette),
    ("jpeg", _jpeg),
)


def simulate_camera(image: np.ndarray, rng: np.random.Generator, p: float = 0.5) -> np.ndarray:
    """One webcam-like copy of an RGB uint8 picture (same shape), each operation with probability ``p``."""
    if image.ndim != 3 or image.shape[2] != 3 or image.dtype != np.uint8:
        raise ValueError(f"expected an RGB uint8 image (H, W, 3), got {image.shape} {image.dtype}")
    img = image
    for name, op in OPERATIONS:
        if rng.random() < p:
            if name in ("zoom", "low_resolution", "motion_blur", "jpeg"):
                img = op(np.clip(img, 0, 255).astype(np.uint8), rng)
            else:
                img = op(img.astype(np.float32), rng)
    return np.clip(np.asarray(img, np.float32) + 0.5, 0, 255).astype(np.uint8)


def simulate_batch(images: np.ndarray, seed: int, p: float = 0.5) -> np.ndarray:
    """``simulate_camera`` on each of (N, H, W, 3) pictures, deterministic by ``seed`` and position."""
    return np.stack(
        [simulate_camera(np.asarray(im), np.random.default_rng([seed, i]), p) for i, im in enumerate(images)]
    )


class CameraSimulation:
    """``simulate_camera`` as a training transform on CHW uint8 tensors (``training.data``'s augmentation),
    its random draws taken from torch's generator so that a resumed fit repeats them."""

    def __init__(self, p: float = 0.5):
        self.p = p

    def __call__(self, chw):
        import torch

        seed = int(torch.randint(0, 2**31 - 1, (1,)))
        hwc = chw.permute(1, 2, 0).contiguous().numpy()
        out = simulate_camera(hwc, np.random.default_rng(seed), self.p)
        return torch.from_numpy(out).permute(2, 0, 1).contiguous()
