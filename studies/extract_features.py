"""Pooled last-layer features of frozen backbones for every labelled and open-set image, cached as .npz.

Used by the fusion study (studies/study_fusion.py): frozen features make each candidate head a seconds-long
fit, so many can be compared on validation without fine-tuning on 2 CPU cores.

    .venv/bin/python studies/extract_features.py --out runs/feat --size 224 \
        --arch efficientnet_lite0 efficientnet_lite1 efficientnet_lite2
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import torch

from models.registry import build_model, get_spec
from training.cache import load_images
from training.dataset_manifest import read_dataset_manifest

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
MANIFESTS = (
    DATA / "skin" / "manifest.csv",
    DATA / "skin_more" / "manifest.csv",
    DATA / "open_set" / "manifest.csv",
)


def pooled_features(model, images: np.ndarray, mean, std, batch: int = 32) -> np.ndarray:
    """(N, S, S, 3) uint8 -> (N, K) pooled features, averaged over the image and its mirror image."""
    mean_t = torch.tensor(mean).view(1, 3, 1, 1)
    std_t = torch.tensor(std).view(1, 3, 1, 1)
    out = []
    with torch.inference_mode():
        for start in range(0, len(images), batch):
            x = torch.from_numpy(np.array(images[start : start + batch])).permute(0, 3, 1, 2)
            x = (x.float() / 255.0 - mean_t) / std_t
            f = model.feature_map(x).mean(dim=(2, 3)) + model.feature_map(x.flip(3)).mean(dim=(2, 3))
            out.append((f / 2).numpy())
    return np.concatenate(out)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", default="runs/feat")
    p.add_argument("--size", type=int, default=224)
    p.add_argument(
        "--arch", nargs="+", default=["efficientnet_lite0", "efficientnet_lite1", "efficientnet_lite2"]
    )
    p.add_argument(
        "--bundle", help="also the features of this bundle's (fine-tuned) network, saved as 'bundle'"
    )
    args = p.parse_args()
    torch.set_num_threads(2)
    records = [
        r for m in MANIFESTS if m.is_file() for r in read_dataset_manifest(m) if r.label != "unlabelled"
    ]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    np.savez(
        out / "index.npz",
        path=np.array([str(r.path) for r in records]),
        label=np.array([r.label for r in records]),
        source=np.array([r.source for r in records]),
        group=np.array([r.group for r in records]),
        detail=np.array([r.detail for r in records]),
    )
    images = load_images(records, args.size)
    jobs = [(arch, arch) for arch in args.arch] + ([("bundle", args.bundle)] if args.bundle else [])
    for name, what in jobs:
        target = out / f"{name}-{args.size}.npy"
        if target.is_file():
            continue
        if name == "bundle":
            from models.bundle import load_bundle

            bundle = load_bundle(what)
            model, spec = bundle.model.eval(), get_spec(bundle.manifest["arch"])
        else:
            model, spec = build_model(what, 8, "imagenet").eval(), get_spec(what)
        t = time.perf_counter()
        feats = pooled_features(model, images, spec.mean, spec.std)
        np.save(target, feats.astype(np.float32))
        print(f"{name} @ {args.size}: {len(records)} images in {time.perf_counter() - t:.0f} s", flush=True)


if __name__ == "__main__":
    main()
