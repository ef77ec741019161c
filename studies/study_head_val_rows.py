"""Is the fused head misled by fitting on rows the fine-tuned trunk trained on?

The fused network's linear head (training/fusion.py) is fitted on the training images, whose fine-tuned-trunk
features the trunk has already fitted: the head may learn to trust that half more than it deserves on new
pictures. Validation images are honest rows for both halves. Paired comparison on the validation split only
(single-label rows; the test split is never read): the head fitted on training rows alone against the head
fitted on training rows + validation rows of four of five folds (grouped by near-duplicate group, three fold
draws), each scored on the held-out fold.

    .venv/bin/python studies/study_open_stats.py extract --run runs/soup-e2e --out runs/open-stats
    .venv/bin/python studies/study_head_val_rows.py --run runs/soup-e2e --features runs/open-stats
"""

from __future__ import annotations

import argparse
import warnings
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import GroupKFold

from models.taxonomy import CLASSES
from training.dataset_manifest import read_dataset_manifest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--run", required=True)
    ap.add_argument("--features", required=True)
    args = ap.parse_args()
    warnings.filterwarnings("ignore")  # lbfgs convergence notes at small C
    f = np.load(Path(args.features) / "features.npz")
    label, part, path = f["label"], f["part"], f["path"]
    group_of = {str(r.path): r.group for r in read_dataset_manifest(Path(args.run) / "data" / "manifest.csv")}
    groups = np.array([group_of.get(p, p) for p in path])
    x = f["mean"].astype(np.float64)
    y = np.array([CLASSES.index(name) if name in CLASSES else -1 for name in label])
    train, val = np.flatnonzero((y >= 0) & (part == "train")), np.flatnonzero((y >= 0) & (part == "val"))
    z = (x - x[train].mean(0)) / (x[train].std(0) + 1e-6)

    def scores(pred: np.ndarray) -> tuple[float, float]:
        return f1_score(y[val], pred, average="macro"), accuracy_score(y[val], pred)

    for c in (0.01, 0.1):
        for weighting in (None, "balanced"):

            def head(rows: np.ndarray, c=c, weighting=weighting) -> LogisticRegression:
                return LogisticRegression(C=c, max_iter=3000, class_weight=weighting).fit(z[rows], y[rows])

            alone = scores(head(train).predict(z[val]))
            crossed = []
            for draw in range(3):
                names = np.unique(groups[val])
                shuffled = dict(zip(names, np.random.default_rng(draw).permutation(len(names)), strict=True))
                pred = np.empty(len(val), int)
                for fit_rows, held in GroupKFold(5).split(val, groups=[shuffled[g] for g in groups[val]]):
                    pred[held] = head(np.r_[train, val[fit_rows]]).predict(z[val[held]])
                crossed.append(scores(pred))
            both = np.mean(crossed, axis=0)
            print(
                f"C={c} class weights {weighting or 'none'}: training rows alone macro-F1 {alone[0]:.3f} "
                f"accuracy {alone[1]:.3f}; + validation rows (cross-fitted) {both[0]:.3f} / {both[1]:.3f}"
            )


if __name__ == "__main__":
    main()
