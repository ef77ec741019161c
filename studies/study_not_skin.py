"""Does the ImageNet trunk's own classifier help the not-skin head on picture sources it never trained on?

Reads the pooled features of studies/extract_features.py (the default bundle's fine-tuned trunk + ImageNet
Lite0 at 224 px) and, for each non-skin source in turn, fits the not-skin logistic head without that source
(open-set train + validation parts, the eight classes' training split as negatives) and measures the share
of that source's pictures above the threshold that refuses 1% of the validation eight-class images.
Compared: the head on the features alone, the head on the features and the standardised logits of
ImageNet Lite0's 1000-class classifier (what ``training.open_set.imagenet_prior`` ships, folded into one
weight), and ImageNet's own max-probability / energy scores added as standardised sums. The open-set test
part's figures are not used (the leave-one-source-out folds use the train and validation parts only).

    .venv/bin/python studies/study_not_skin.py   # after studies/extract_features.py --bundle DEFAULT
"""

import sys

import numpy as np
import torch

sys.path.insert(0, "studies")
from sklearn.linear_model import LogisticRegression
from study_fusion import joint_split

from models.efficientnet_lite import lite_imagenet_checkpoint
from models.taxonomy import CLASSES
from training.dataset_manifest import read_dataset_manifest
from training.open_set import make_open_split

idx = np.load("runs/feat/index.npz")
raw = np.load("runs/feat/efficientnet_lite0-224.npy")
x = np.concatenate([np.load(f"runs/feat/{a}-224.npy") for a in ("bundle", "efficientnet_lite0")], 1)
lab, path, src = idx["label"], idx["path"], idx["source"]
split8 = joint_split()["assignments"]
osplit = make_open_split(read_dataset_manifest("../shared/data/open_set/manifest.csv"), seed=0)["assignments"]
part = np.array([split8.get(p, osplit.get(p, "")) for p in path])
known = np.isin(lab, list(CLASSES) + ["others"])
ns = lab == "not_skin"
kn_tr, kn_va = known & (part == "train"), known & (part == "val")
xs = np.sqrt(np.maximum(x, 0))
z = (xs - xs[kn_tr].mean(0)) / (xs[kn_tr].std(0) + 1e-6)
state = torch.load(lite_imagenet_checkpoint("lite0"), map_location="cpu", weights_only=True)
logits = raw @ state["_fc.weight"].numpy().T + state["_fc.bias"].numpy()
top = logits.max(1, keepdims=True)
maxp = 1.0 / np.exp(logits - top).sum(1)
energy = np.log(np.exp(logits - top).sum(1)) + top[:, 0]
z_logits = np.c_[z, (logits - logits[kn_tr].mean(0)) / (logits[kn_tr].std(0) + 1e-6)]


def caught(scores, pictures, fpr=0.01):
    return float(np.mean(scores[pictures] > np.quantile(scores[kn_va], 1 - fpr)))


def head(positive, feats, C=0.01):
    y = np.r_[np.zeros(kn_tr.sum()), np.ones(positive.sum())]
    clf = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
    return clf.fit(np.r_[feats[kn_tr], feats[positive]], y).decision_function(feats)


def rank(s):
    return (s - s[kn_va].mean()) / (s[kn_va].std() + 1e-9)


sources = sorted(set(src[ns]))
for C in (0.001, 0.01):
    for name in ("features", "features + ImageNet logits", "features + max-prob", "features + energy"):
        out = []
        for left_out in sources:
            train = ns & (src != left_out) & np.isin(part, ["train", "val"])
            if name == "features + ImageNet logits":
                s = head(train, z_logits, C)
            else:
                s = head(train, z, C)
                s = (
                    rank(s) + rank(maxp)
                    if "max-prob" in name
                    else rank(s) + rank(energy)
                    if "energy" in name
                    else s
                )
            out.append(caught(s, ns & (src == left_out)))
        per = ", ".join(f"{k.removeprefix('not_skin_')} {v:.2f}" for k, v in zip(sources, out, strict=True))
        print(f"C={C} {name:28s} mean {np.mean(out):.3f}  ({per})")
