"""int8 graphs for bundles from a manifest's real images (see ``models.int8`` for the graph and its gate)."""

from __future__ import annotations

import random
from pathlib import Path

from models.imageio import decode_image
from models.int8 import MIN_AGREEMENT, quantize_bundle

from . import splits as splitlib
from .dataset_manifest import ManifestError, labelled, read_dataset_manifest


def quantize_from_manifest(
    bundle_dir: str | Path,
    manifest: str | Path,
    split_file: str | Path | None = None,
    split: str = "val",
    n_calibration: int = 32,
    max_check: int = 400,
    seed: int = 0,
    min_agreement: float = MIN_AGREEMENT,
) -> dict:
    """Calibrate on ``n_calibration`` images of the manifest (of ``split`` when a split file is given) and
    check agreement on up to ``max_check`` others; returns the manifest's new ``int8`` entry."""
    records = labelled(read_dataset_manifest(manifest))
    if split_file is not None:
        records = splitlib.select(records, splitlib.load_split(split_file, manifest), split)
    if len(records) < n_calibration + 1:
        raise ManifestError(
            f"{len(records)} labelled images are too few to calibrate on {n_calibration} "
            "and check on the rest"
        )
    random.Random(seed).shuffle(records)
    chosen = records[: n_calibration + max_check]
    images = [decode_image(r.path) for r in chosen]
    return quantize_bundle(bundle_dir, images[:n_calibration], images[n_calibration:], min_agreement)
