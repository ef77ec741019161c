"""Feature fusion: a fine-tuned Lite bundle joined with ImageNet trunks in one FusedLite bundle.

The fine-tuned trunk knows the eight classes, the ImageNet trunk keeps the general features that fine-tuning
on ~1,200 photographs wears away; a logistic regression on the two trunks' pooled features (regularisation
and class weighting chosen on validation macro-F1, ``probe.linear_probe``) becomes the fused network's linear
head, and its temperature is fitted on validation. Nothing here looks at the test split.

Why this and not ImageNet trunks alone: on validation (docs/training.md, "Feature fusion"), fine-tuned Lite0 +
ImageNet Lite0 reached macro-F1 0.787, the fine-tuned trunk re-headed alone 0.760, the best pair of ImageNet
trunks 0.728.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from models.bundle import load_bundle, make_manifest, save_bundle
from models.efficientnet_lite import FusedLite
from models.preprocessing import Preprocessor
from models.registry import REGISTRY, get_spec
from models.taxonomy import CLASSES

from .cache import load_images
from .calibration import fit_temperature
from .data import target_mask
from .dataset_manifest import ManifestError


@dataclass(frozen=True)
class FusionResult:
    bundle: Path
    arch: str
    C: float
    class_weight: str
    val_macro_f1: float
    temperature: float


def fused_arch(base_arch: str, extra: tuple[str, ...]) -> str:
    """The registry name of ``base_arch`` fused with ``extra`` trunks, e.g. fused_lite0_lite0."""
    variants = [base_arch.removeprefix("efficientnet_"), *(a.removeprefix("efficientnet_") for a in extra)]
    name = "fused_" + "_".join(variants)
    if name not in REGISTRY:
        known = ", ".join(n for n in REGISTRY if n.startswith("fused_"))
        raise ManifestError(
            f"cannot fuse {base_arch} with {', '.join(extra)}: no such fused architecture (known: {known})"
        )
    return name


def pooled_features(
    model: FusedLite,
    records,
    input_size: int,
    cache_dir,
    progress: bool,
    mirror: np.ndarray,
    steps: tuple[str, ...] = (),
) -> np.ndarray:
    """(N, trunks x 1280) pooled ``_fused`` features of the pictures conditioned by ``steps`` (the fine-tuned
    trunk's own, models/preprocessing.py); rows where ``mirror`` is set average the picture and its mirror
    image (training rows: a cheap augmentation), the others are what the station computes."""
    spec = get_spec("fused_" + "_".join(model.variants))
    pre = Preprocessor(input_size, spec.mean, spec.std, steps)
    images = load_images(records, input_size, cache_dir, progress=progress)
    model.eval()
    out = []
    with torch.inference_mode():
        for start in range(0, len(records), 32):
            x = pre.normalize(np.array(images[start : start + 32]))
            maps = torch.cat([t.feature_map(x) for t in model.trunks], dim=1).mean(dim=(2, 3))
            rows = torch.from_numpy(mirror[start : start + 32])
            if rows.any():
                flipped = torch.cat([t.feature_map(x[rows].flip(3)) for t in model.trunks], dim=1)
                maps[rows] = (maps[rows] + flipped.mean(dim=(2, 3))) / 2
            out.append(maps.numpy())
    return np.concatenate(out)


def fuse_bundle(
    fit_bundle: Path,
    extra: tuple[str, ...],
    records,
    split: dict,
    out: Path,
    *,
    input_size: int | None = None,
    seed: int = 0,
    cache_dir=None,
    progress: bool = True,
) -> FusionResult:
    """Write a FusedLite bundle: ``out``: the fine-tuned trunk of ``fit_bundle`` + ImageNet trunks ``extra``,
    with a linear head and temperature chosen on the validation split of ``split``."""
    from .probe import linear_probe  # the one probe of the project

    base = load_bundle(fit_bundle)
    arch = fused_arch(base.manifest["arch"], extra)
    spec = get_spec(arch)
    classes = list(base.classes)
    if classes != list(CLASSES):
        raise ManifestError(f"fusion needs a bundle of the eight classes; {fit_bundle} has {classes}")
    size = int(input_size or base.manifest["input_size"])
    model = FusedLite(spec.trunks, num_classes=len(classes))
    model.load_imagenet()
    model.load_trunk(0, base.model.state_dict())

    part = np.array([split["assignments"].get(str(r.path), "") for r in records])
    # the fused network sees the pictures as its fine-tuned trunk learnt them: the same conditioning steps
    steps = base.preprocessor.steps
    x = pooled_features(model, records, size, cache_dir, progress, mirror=part == "train", steps=steps)
    probe = linear_probe(x, records, split, seed)
    with torch.no_grad():
        model._fc.weight.copy_(torch.as_tensor(probe["weight"], dtype=torch.float32))
        model._fc.bias.copy_(torch.as_tensor(probe["bias"], dtype=torch.float32))
    val = part == "val"
    val_logits = x[val] @ probe["weight"].T + probe["bias"]
    temperature = fit_temperature(
        val_logits, target_mask([r for r, v in zip(records, val, strict=True) if v], classes).numpy()
    )
    provenance = dict(
        base.manifest.get("provenance", {}),
        fused_from={
            "bundle_sha256": base.sha256,
            "arch": base.manifest["arch"],
            "input_size": base.manifest["input_size"],
            "extra_trunks": [f"{a} (ImageNet)" for a in extra],
        },
        fusion_head={
            "C": probe["C"],
            "class_weight": probe["class_weight"],
            "val_macro_f1": round(float(probe["val_macro_f1"]), 4),
            "n_train": int((part == "train").sum()),
            "n_val": int(val.sum()),
        },
        n_train=int((part == "train").sum()),
        n_val=int(val.sum()),
        n_test=int((part == "test").sum()),
    )
    manifest = make_manifest(
        model,
        arch,
        classes,
        name=base.manifest.get("name"),
        temperature=temperature,
        provenance=provenance,
        input_size=size,
        preprocessing=steps,
    )
    save_bundle(model, out, manifest)
    load_bundle(out)  # verify what was written
    return FusionResult(
        out, arch, probe["C"], probe["class_weight"], float(probe["val_macro_f1"]), temperature
    )
