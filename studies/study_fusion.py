"""Which frozen backbones, alone or fused, make the best eight-class head? Chosen on validation only.

Reads the features of studies/extract_features.py; the split is the default recipe's (skin, seed 0) joined
with a group-aware split of skin_more made the same way. Prints validation macro-F1/accuracy per feature set;
the test part is not looked at here.

    .venv/bin/python studies/study_fusion.py --feat runs/feat --size 224
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

import numpy as np

from models.taxonomy import CLASSES
from training import splits as splitlib
from training.data import label_index, target_mask
from training.dataset_manifest import Record
from training.metrics import core_metrics
from training.probe import full_probs, linear_probe

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def joint_split() -> dict:
    """The default recipe's split of skin + skin_more (seed 0), as the recipe makes it."""
    return splitlib.joint_split([DATA / "skin" / "manifest.csv", DATA / "skin_more" / "manifest.csv"], seed=0)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--feat", default="runs/feat")
    p.add_argument("--size", type=int, default=224)
    p.add_argument(
        "--arch", nargs="+", default=["efficientnet_lite0", "efficientnet_lite1", "efficientnet_lite2"]
    )
    p.add_argument("--skin-only", action="store_true", help="train without skin_more (its val still counts)")
    args = p.parse_args()
    feat = Path(args.feat)
    idx = np.load(feat / "index.npz")
    records = [
        Record(Path(pth), lab, src, grp)
        for pth, lab, src, grp in zip(idx["path"], idx["label"], idx["source"], idx["group"], strict=True)
    ]
    keep = np.array([r.label in CLASSES or r.label == "others" for r in records])
    records = [r for r, k in zip(records, keep, strict=True) if k]
    split = joint_split()
    if args.skin_only:
        split["assignments"] = {
            k: ("" if "skin_more" in k and v == "train" else v) for k, v in split["assignments"].items()
        }
    feats = {a: np.load(feat / f"{a}-{args.size}.npy")[keep] for a in args.arch}
    y, allowed = label_index(records, CLASSES), target_mask(records, CLASSES).numpy()
    part = np.array([split["assignments"].get(str(r.path), "") for r in records])
    sources = np.array([r.source for r in records])
    rows = []
    for n in range(1, len(args.arch) + 1):
        for combo in itertools.combinations(args.arch, n):
            x = np.concatenate([feats[a] for a in combo], axis=1)
            probe = linear_probe(x, records, split)
            val = part == "val"
            probs = full_probs(probe["clf"], probe["xs"][val], len(CLASSES))
            m = core_metrics(probs, y[val], allowed[val], CLASSES)
            per_source = {
                s: float(np.mean(probs[sources[val] == s].argmax(1) == y[val][sources[val] == s]))
                for s in sorted(set(sources[val]))
                if (y[val][sources[val] == s] >= 0).all()
            }
            row = {
                "features": "+".join(a.removeprefix("efficientnet_") for a in combo),
                "C": probe["C"],
                "weight": probe["class_weight"],
                "val_macro_f1": round(m["macro_f1"], 4),
                "val_accuracy": round(m["accuracy"], 4),
                "val_acc_by_source": per_source,
            }
            rows.append(row)
            print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
