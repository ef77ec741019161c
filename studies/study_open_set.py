"""Which open-set score finds rashes of conditions the model does not know? Chosen without the test part.

Reads the pooled features of studies/extract_features.py (fine-tuned Lite0 + ImageNet Lite0 at 224 px: the
default bundle's two trunks) and compares, on the open-set split's validation part and by a topic-grouped
cross-validation over its training + validation topics (an estimate for conditions never seen in training):
the logistic "unknown" head the bundle uses (several C), Mahalanobis distance to the class means (PCA d dims,
shared covariance), k-nearest-neighbour cosine distance to the training images, and sums of standardised
scores. Figure: share of other-condition images above the threshold that refuses 5% of the validation
eight-class images.

    .venv/bin/python studies/study_open_set.py   # after studies/extract_features.py --bundle OLD_DEFAULT
"""

import sys

import numpy as np

sys.path.insert(0, "studies")
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from study_fusion import joint_split

from models.taxonomy import CLASSES
from training.dataset_manifest import read_dataset_manifest
from training.open_set import make_open_split

idx = np.load("runs/feat/index.npz")
x = np.concatenate([np.load(f"runs/feat/{a}-224.npy") for a in ("bundle", "efficientnet_lite0")], 1)
lab, det, path = idx["label"], idx["detail"], idx["path"]
split8 = joint_split()["assignments"]
# The recipe's open-set split (seed 0): 6 whole topics and 2 non-skin sources are test-only and unused here.
osplit = make_open_split(read_dataset_manifest("../shared/data/open_set/manifest.csv"), seed=0)["assignments"]
part = np.array([split8.get(p, osplit.get(p, "")) for p in path])
known = np.isin(lab, list(CLASSES) + ["others"])
other = lab == "other_condition"
ns = lab == "not_skin"
kn_tr, kn_va = known & (part == "train"), known & (part == "val")
ot_tr, ot_va = other & (part == "train"), other & (part == "val")
xs = np.sqrt(np.maximum(x, 0))
mu, sd = xs[kn_tr].mean(0), xs[kn_tr].std(0) + 1e-6
z = (xs - mu) / sd


def tpr(sk, so, fpr=0.05):
    t = np.quantile(sk, 1 - fpr)
    return float(np.mean(so > t))


def lr_score(tr_known, tr_other, C):
    clf = LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit(
        np.r_[z[tr_known], z[tr_other]], np.r_[np.zeros(tr_known.sum()), np.ones(tr_other.sum())]
    )
    return clf.decision_function(z)


yk = np.array([CLASSES.index(name) if name in CLASSES else -1 for name in lab])


def maha_score(d):
    pca = PCA(d, random_state=0).fit(z[kn_tr])
    p = pca.transform(z)
    rows = kn_tr & (yk >= 0)
    means = np.stack([p[rows & (yk == c)].mean(0) for c in range(8)])
    resid = np.concatenate([p[rows & (yk == c)] - means[c] for c in range(8)])
    prec = np.linalg.inv(np.cov(resid.T) + 1e-3 * np.eye(d))
    dist = np.stack([np.einsum("ij,jk,ik->i", p - means[c], prec, p - means[c]) for c in range(8)], 1)
    return dist.min(1)


def knn_score(k):
    f = x / np.linalg.norm(x, axis=1, keepdims=True)
    bank = f[kn_tr]
    sims = f @ bank.T
    sims[kn_tr] = np.where(np.isclose(sims[kn_tr], 1.0), -1, sims[kn_tr])  # drop self
    return -np.sort(sims, 1)[:, -k]


res = {}
for C in (0.001, 0.01, 0.1):
    s = lr_score(kn_tr, ot_tr, C)
    res[f"lr C={C}"] = s
for d in (32, 64, 128):
    res[f"maha d={d}"] = maha_score(d)
for k in (1, 5, 20):
    res[f"knn k={k}"] = knn_score(k)


def rank(s):
    return (s - s[kn_va].mean()) / (s[kn_va].std() + 1e-9)


res["lr0.001+maha64"] = rank(res["lr C=0.001"]) + rank(res["maha d=64"])
res["lr0.001+knn5"] = rank(res["lr C=0.001"]) + rank(res["knn k=5"])
for name, s in res.items():
    print(
        f"{name:18s} val TPR@5% other {tpr(s[kn_va], s[ot_va]):.3f}   "
        f"not-skin {tpr(s[kn_va], s[ns & (part == 'val')]):.3f}"
    )
# Topic-held-out estimate for LR: GroupKFold over topics within train+val other images
tv_other = other & np.isin(part, ["train", "val"])
topics = det[tv_other]
ids = np.flatnonzero(tv_other)
print("topic-grouped CV (unseen topics), known val as negatives:")
for name in ("lr C=0.001", "lr C=0.01", "maha d=64", "knn k=5", "lr0.001+maha64", "lr0.001+knn5"):
    tprs = []
    for trg, teg in GroupKFold(4).split(ids, groups=topics):
        tr_o = np.zeros(len(x), bool)
        tr_o[ids[trg]] = True
        te_o = np.zeros(len(x), bool)
        te_o[ids[teg]] = True
        if name.startswith("lr") and "+" not in name:
            s = lr_score(kn_tr, tr_o, float(name.split("=")[1]))
        elif "+" in name:
            s_lr = lr_score(kn_tr, tr_o, 0.001)
            other_s = res["maha d=64"] if "maha" in name else res["knn k=5"]
            s = rank(s_lr) + rank(other_s)
        else:
            s = res[name]
        tprs.append(tpr(s[kn_va], s[te_o]))
    print(f"  {name:18s} {np.mean(tprs):.3f}  folds {[round(t, 2) for t in tprs]}")
print("C sweep, topic-grouped CV:")
for C in (0.00003, 0.0001, 0.0003, 0.001, 0.003):
    tprs = []
    for trg, teg in GroupKFold(4).split(ids, groups=topics):
        tr_o = np.zeros(len(x), bool)
        tr_o[ids[trg]] = True
        te_o = np.zeros(len(x), bool)
        te_o[ids[teg]] = True
        s = lr_score(kn_tr, tr_o, C)
        tprs.append(tpr(s[kn_va], s[te_o]))
    s = lr_score(kn_tr, ot_tr, C)
    print(
        f"  C={C}: unseen-topic TPR {np.mean(tprs):.3f} {[round(t, 2) for t in tprs]}   "
        f"val TPR {tpr(s[kn_va], s[ot_va]):.3f}"
    )
