"""Where the heatmap lies (issue 31): the share of each Grad-CAM heatmap's mass inside the corners and the
bottom strip (``models.preprocessing.mask_marks``' regions, where DermNet NZ's and DermQuest's marks sit) of
the model's square view, for two bundles, on the held-out test split's images of one source.

    .venv/bin/python studies/heatmap_on_marks.py --bundle models/bundles/default --baseline OLD \
        --source dermnet_nz

The heatmap explains the top class, as the review window shows it. Uniform heat would put 22 % of its mass
there (the share of the square those regions cover); a model that reads the watermark puts more.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from models.imageio import decode_image  # noqa: E402
from models.manifest import open_verified  # noqa: E402
from models.preprocessing import MARK_BOTTOM, MARK_CORNER, square_crop_box  # noqa: E402
from models.serving import ServingPredictor  # noqa: E402

DATA = REPO.parent / "shared" / "data"


def marks_mask(side: int) -> np.ndarray:
    m = np.zeros((side, side), bool)
    c, b = max(1, round(side * MARK_CORNER)), max(1, round(side * MARK_BOTTOM))
    for rows in (slice(0, c), slice(side - c, side)):
        for cols in (slice(0, c), slice(side - c, side)):
            m[rows, cols] = True
    m[side - b :, :] = True
    return m


def shares(bundle: Path, paths: list[Path]) -> list[float]:
    predictor = ServingPredictor(open_verified(bundle)[0])
    out = []
    for path in paths:
        image = decode_image(path)
        prediction, feats = predictor.predict_with_features(image)
        heat = predictor.explainer.heatmap_from_features(
            image.shape[:2], feats, int(prediction.probabilities.argmax())
        )
        top, left, side, _ = square_crop_box(*image.shape[:2])
        view = np.clip(heat[top : top + side, left : left + side], 0, None)
        total = float(view.sum())
        out.append(float(view[marks_mask(side)].sum()) / total if total > 0 else 0.0)
    return out


def main() -> None:
    from training.dataset_manifest import labelled, read_dataset_manifest
    from training.splits import joint_split, select

    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--bundle", type=Path, required=True)
    p.add_argument("--baseline", type=Path, required=True)
    p.add_argument("--source", default="dermnet_nz")
    args = p.parse_args()
    manifests = [DATA / "skin" / "manifest.csv", DATA / "skin_more" / "manifest.csv"]
    records = [r for m in manifests for r in labelled(read_dataset_manifest(m))]
    test = [r for r in select(records, joint_split(manifests, seed=0), "test") if r.source == args.source]
    paths = [Path(r.path) for r in test]
    uniform = float(marks_mask(224).mean())
    print(f"{len(paths)} test images of {args.source}; uniform heat would put {uniform:.0%} in those areas")
    for name, bundle in (("baseline", args.baseline), ("bundle", args.bundle)):
        s = np.array(shares(bundle, paths))
        print(
            f"{name:8s} {bundle}: heat in the marked regions median {np.median(s):.0%}, mean {s.mean():.0%}, "
            f"images with over half of it there {np.mean(s > 0.5):.0%}"
        )


if __name__ == "__main__":
    main()
