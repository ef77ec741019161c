"""Does training the fused head with MSLD's `others` rows as partial labels help? Chosen on validation.

Softmax regression on the fused default's pooled features (studies/extract_features.py: 'bundle' + ImageNet
Lite0 at 224 px), loss = -log of the probability of the allowed classes (chickenpox or measles for `others`),
L2 penalty 1/(2C), L-BFGS; with and without the partial rows, C and class weighting as the recipe's grid.

    .venv/bin/python studies/study_partial_head.py
"""

import json
import sys

import numpy as np
import torch

sys.path.insert(0, "studies")
from pathlib import Path

from study_fusion import joint_split

from models.taxonomy import CLASSES
from training.data import label_index, target_mask
from training.dataset_manifest import Record
from training.metrics import core_metrics

torch.set_num_threads(1)
idx = np.load("runs/feat/index.npz")
records = [
    Record(Path(p), lab, s, g)
    for p, lab, s, g in zip(idx["path"], idx["label"], idx["source"], idx["group"], strict=True)
]
keep = np.array([r.label in CLASSES or r.label == "others" for r in records])
records = [r for r, k in zip(records, keep, strict=True) if k]
x = np.concatenate([np.load(f"runs/feat/{a}-224.npy")[keep] for a in ("bundle", "efficientnet_lite0")], 1)
split = joint_split()
part = np.array([split["assignments"].get(str(r.path), "") for r in records])
y, mask = label_index(records, CLASSES), target_mask(records, CLASSES).numpy()
tr, va = part == "train", part == "val"
mu, sd = x[tr].mean(0), x[tr].std(0) + 1e-6
xs = (x - mu) / sd


def fit(rows, C, balanced):
    X = torch.tensor(xs[rows], dtype=torch.float64)
    M = torch.tensor(mask[rows])
    n = len(X)
    W = torch.zeros(X.shape[1], 8, dtype=torch.float64, requires_grad=True)
    b = torch.zeros(8, dtype=torch.float64, requires_grad=True)
    w = torch.ones(n, dtype=torch.float64)
    if balanced:
        yy = y[rows]
        counts = np.bincount(yy[yy >= 0], minlength=8).astype(float)
        cw = len(yy[yy >= 0]) / (8 * np.maximum(counts, 1))
        w = torch.tensor([cw[v] if v >= 0 else 1.0 for v in yy], dtype=torch.float64)
    opt = torch.optim.LBFGS([W, b], lr=1, max_iter=500, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        z = X @ W + b
        lse_all = torch.logsumexp(z, 1)
        lse_ok = torch.logsumexp(z.masked_fill(~M, -1e9), 1)
        loss = ((lse_all - lse_ok) * w).sum() + 0.5 * (W**2).sum() / C
        loss.backward()
        return loss

    opt.step(closure)
    return W.detach().numpy(), b.detach().numpy()


for partial in (False, True):
    for C in (0.01, 0.1, 1.0):
        for bal in (False, True):
            rows = tr & ((y >= 0) | partial)
            W, b = fit(rows, C, bal)
            z = xs[va] @ W + b
            p = np.exp(z - z.max(1, keepdims=True))
            p /= p.sum(1, keepdims=True)
            m = core_metrics(p, y[va], mask[va], CLASSES)
            oth = y[va] < 0
            print(
                json.dumps(
                    {
                        "partial": partial,
                        "C": C,
                        "bal": bal,
                        "val_macro_f1": round(m["macro_f1"], 4),
                        "acc": round(m["accuracy"], 4),
                        "others_ok": float(
                            np.mean([mask[va][i][p[i].argmax()] for i in np.flatnonzero(oth)])
                        ),
                    }
                )
            )
