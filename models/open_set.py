"""Open-set scores: "not a condition this model knows" and "not a skin close-up", per image.

Two logistic heads on the model's own features (the Grad-CAM target layer's activations, averaged over
space: the same vector the classifier reads), trained by ``training.open_set`` on the eight classes' training
images against ``../shared/data/open_set``. They cost one dot product per image on top of the classification
the station already runs (the features come out of the same forward pass).

A bundle carries them as ``open_set.safetensors`` (no pickle) and a manifest block::

    "open_set": {"file": "open_set.safetensors", "transform": "sqrt" | "none",
                 "feature": "mean of <cam_target_layer>", "metrics": {...}, "data": {...}}

with the thresholds in the manifest's ``thresholds`` (``unknown``, ``not_skin``) and the file's SHA-256 in
its ``files`` like every other file of the bundle.

The not-skin head may also carry ``not_skin.raw_weight``: a linear term on the *untransformed* pooled
features. ``training.open_set`` puts there a fused bundle's ImageNet trunk's own 1000-class classifier,
folded into one vector (its logits are linear in those features, so nothing else ships): what ImageNet
knows about desks, food and plants, at the cost of one more dot product.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from safetensors import SafetensorError
from safetensors.numpy import load, save

from .decision import OpenSetScores
from .errors import BundleError

if TYPE_CHECKING:
    from .bundle import Bundle

OPEN_SET_FILE = "open_set.safetensors"
TRANSFORMS = ("none", "sqrt")
_KEYS = ("mean", "scale", "unknown.weight", "unknown.bias", "not_skin.weight", "not_skin.bias")
_OPTIONAL_KEYS = ("not_skin.raw_weight",)


def pool(cam_features: np.ndarray) -> np.ndarray:
    """(N, C, h, w) activations -> (N, C) features (spatial mean)."""
    return cam_features.reshape(cam_features.shape[0], cam_features.shape[1], -1).mean(axis=2)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -60.0, 60.0)))


@dataclass(frozen=True)
class OpenSetHead:
    mean: np.ndarray  # (D,) standardisation of the (transformed) features
    scale: np.ndarray  # (D,)
    unknown_weight: np.ndarray  # (D,)
    unknown_bias: float
    not_skin_weight: np.ndarray  # (D,)
    not_skin_bias: float
    transform: str = "none"
    not_skin_raw_weight: np.ndarray | None = None  # (D,) on the untransformed pooled features

    def __post_init__(self) -> None:
        if self.transform not in TRANSFORMS:
            raise ValueError(f"open-set transform {self.transform!r} is not one of {TRANSFORMS}")
        if self.not_skin_raw_weight is not None and self.not_skin_raw_weight.shape != self.mean.shape:
            raise ValueError("the not-skin raw weight does not have the features' shape")

    @property
    def dim(self) -> int:
        return int(self.mean.shape[0])

    def standardise(self, pooled: np.ndarray) -> np.ndarray:
        x = np.sqrt(np.maximum(pooled, 0.0)) if self.transform == "sqrt" else pooled
        return (x - self.mean) / self.scale

    def score_arrays(self, pooled: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(N, D) pooled features -> (unknown, not_skin) scores, each (N,) in [0, 1]."""
        if pooled.ndim != 2 or pooled.shape[1] != self.dim:
            raise ValueError(f"open-set head expects (N, {self.dim}) features, got {pooled.shape}")
        pooled = pooled.astype(np.float64)
        z = self.standardise(pooled)
        not_skin = z @ self.not_skin_weight + self.not_skin_bias
        if self.not_skin_raw_weight is not None:
            not_skin = not_skin + pooled @ self.not_skin_raw_weight
        return _sigmoid(z @ self.unknown_weight + self.unknown_bias), _sigmoid(not_skin)

    def scores(self, cam_features: np.ndarray) -> list[OpenSetScores]:
        unknown, not_skin = self.score_arrays(pool(cam_features))
        return [OpenSetScores(float(u), float(n)) for u, n in zip(unknown, not_skin, strict=True)]

    def to_bytes(self) -> bytes:
        """The safetensors file a bundle ships (float32)."""
        return save(_tensors(self))


def _tensors(head: OpenSetHead) -> dict[str, np.ndarray]:
    values = (
        head.mean,
        head.scale,
        head.unknown_weight,
        np.array([head.unknown_bias]),
        head.not_skin_weight,
        np.array([head.not_skin_bias]),
    )
    tensors = dict(zip(_KEYS, values, strict=True))
    if head.not_skin_raw_weight is not None:
        tensors["not_skin.raw_weight"] = head.not_skin_raw_weight
    return {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in tensors.items()}


def load_head(bundle: Bundle) -> OpenSetHead | None:
    """The bundle's open-set head, verified (listed and hashed in the manifest, keys, shapes); None when the
    bundle has none. Open-set thresholds without a head, or a head without thresholds, are refused: the
    station must never screen silently without the checks the bundle promises."""
    block = bundle.manifest.get("open_set")
    thresholds = bundle.manifest.get("thresholds", {})
    has_thresholds = [thresholds.get(k) is not None for k in ("unknown", "not_skin")]
    if block is None:
        if any(has_thresholds):
            raise BundleError(
                bundle.path,
                "the thresholds name open-set checks but the bundle has no 'open_set' block",
                "Re-export the bundle with `mpox-train open-set`",
            )
        return None
    if block.get("file") != OPEN_SET_FILE:
        raise BundleError(bundle.path, f"the 'open_set' block must name the file {OPEN_SET_FILE}")
    if not all(has_thresholds):
        raise BundleError(
            bundle.path,
            "the bundle has an open-set head but not both 'unknown' and 'not_skin' thresholds",
            "Re-export the bundle with `mpox-train open-set`",
        )
    where = bundle.file(OPEN_SET_FILE)  # refuses a file the manifest does not list
    data = bundle.read_verified(OPEN_SET_FILE)  # the bytes used are the bytes verified
    try:
        t = load(data)
    except (SafetensorError, ValueError) as exc:
        raise BundleError(
            where, f"the open-set head cannot be read ({exc})", "Copy the bundle again"
        ) from exc
    if not set(_KEYS) <= set(t) <= set(_KEYS + _OPTIONAL_KEYS):
        raise BundleError(
            where, f"the open-set head holds {sorted(t)}, expected {sorted(_KEYS)} (+ {list(_OPTIONAL_KEYS)})"
        )
    dim = t["mean"].shape[0]
    vectors = ["scale", "unknown.weight", "not_skin.weight", *(k for k in _OPTIONAL_KEYS if k in t)]
    if any(t[k].shape != (dim,) for k in vectors):
        raise BundleError(where, "the open-set head's arrays do not have one shape")
    raw = t.get("not_skin.raw_weight")
    try:
        return OpenSetHead(
            t["mean"].astype(np.float64),
            t["scale"].astype(np.float64),
            t["unknown.weight"].astype(np.float64),
            float(t["unknown.bias"][0]),
            t["not_skin.weight"].astype(np.float64),
            float(t["not_skin.bias"][0]),
            transform=str(block.get("transform", "none")),
            not_skin_raw_weight=None if raw is None else raw.astype(np.float64),
        )
    except ValueError as exc:
        raise BundleError(where, str(exc)) from exc
