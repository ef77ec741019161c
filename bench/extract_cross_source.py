"""Pooled ``_fused`` features of the shipped bundle's two trunks for every labelled, open-set and new-source
image, under each conditioning of the input (issue 31), cached as .npz for ``bench/study_cross_source.py``.

    .venv/bin/python bench/extract_cross_source.py --out runs/xs --bundle models/bundles/default

One file per conditioning (``plain``, ``mask_marks``, ``shades_of_grey``, ``mask_marks+shades_of_grey``):
``x`` (N, 2560) float32 features of the picture as the station sees it (no mirror), ``x_mirror`` of its mirror
image (training rows may average the two), and the rows' path, label, source, group, detail and data set.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import torch

from models.bundle import load_bundle
from models.preprocessing import Preprocessor
from training.cache import load_images
from training.manifest import read_manifest

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SETS = ("skin", "skin_more", "open_set", "sd198", "pad_ufes")
VARIANTS = ("plain", "mask_marks", "shades_of_grey", "mask_marks+shades_of_grey")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", default="runs/xs")
    p.add_argument("--bundle", default="models/bundles/default")
    p.add_argument("--variants", nargs="+", default=list(VARIANTS))
    p.add_argument("--no-mirror", action="store_true", help="skip the mirror images (half the time)")
    args = p.parse_args()
    torch.set_num_threads(2)
    rows = [
        (name, r)
        for name in SETS
        for r in read_manifest(DATA / name / "manifest.csv")
        if r.label != "unlabelled"
    ]
    records = [r for _, r in rows]
    bundle = load_bundle(args.bundle)
    model = bundle.model.eval()
    size = int(bundle.manifest["input_size"])
    images = load_images(records, size)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    meta = dict(
        path=np.array([str(r.path) for r in records]),
        label=np.array([r.label for r in records]),
        source=np.array([r.source for r in records]),
        group=np.array([r.group for r in records]),
        detail=np.array([r.detail or "" for r in records]),
        dataset=np.array([name for name, _ in rows]),
    )
    for variant in args.variants:
        target = out / f"{variant}.npz"
        if target.is_file():
            continue
        steps = () if variant == "plain" else tuple(variant.split("+"))
        pre = Preprocessor(size, tuple(bundle.manifest["mean"]), tuple(bundle.manifest["std"]), steps)
        t0 = time.perf_counter()
        feats, mirrored = [], []
        with torch.inference_mode():
            for start in range(0, len(records), 32):
                x = pre.normalize(np.array(images[start : start + 32]))
                for flip, sink in ((False, feats), (True, mirrored))[: 1 if args.no_mirror else 2]:
                    xx = x.flip(3) if flip else x
                    maps = torch.cat([t.feature_map(xx) for t in model.trunks], dim=1).mean(dim=(2, 3))
                    sink.append(maps.numpy().astype(np.float32))
        x = np.concatenate(feats)
        np.savez(target, x=x, x_mirror=np.concatenate(mirrored) if mirrored else x, **meta)
        print(f"{variant}: {len(records)} images in {time.perf_counter() - t0:.0f} s", flush=True)


if __name__ == "__main__":
    main()
