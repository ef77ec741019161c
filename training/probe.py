"""The project's one linear probe: logistic regression on frozen features (the recipe's choice of starting
point and its baseline, and the fused network's head, training/fusion.py)."""

from __future__ import annotations

import numpy as np
from sklearn.linear_model import LogisticRegression

from models.taxonomy import CLASSES

from .data import label_index, target_mask
from .metrics import core_metrics


def linear_probe(x: np.ndarray, records, split: dict, seed: int = 0) -> dict:
    """Logistic regression on frozen features, regularisation and class weighting chosen on validation
    macro-F1. Trained on the training split's single-label images (a partial label cannot train it).

    Returns the classifier, the standardisation, and the head folded into one linear layer on raw features.
    """
    y = label_index(records, CLASSES)
    allowed = target_mask(records, CLASSES).numpy()
    part = np.array([split["assignments"].get(str(r.path), "") for r in records])
    train, val = (part == "train") & (y >= 0), part == "val"
    mean, std = x[train].mean(0), x[train].std(0) + 1e-6
    xs = (x - mean) / std
    best = None
    for c in (0.01, 0.1, 1.0):
        for weighting in (None, "balanced"):
            clf = LogisticRegression(C=c, max_iter=3000, class_weight=weighting, random_state=seed)
            clf.fit(xs[train], y[train])
            f1 = core_metrics(full_probs(clf, xs[val], len(CLASSES)), y[val], allowed[val], CLASSES)[
                "macro_f1"
            ]
            if best is None or f1 > best["val_macro_f1"]:
                best = {"clf": clf, "C": c, "class_weight": weighting or "none", "val_macro_f1": f1}
    clf = best["clf"]
    weight = np.zeros((len(CLASSES), x.shape[1]))
    bias = np.full(len(CLASSES), -30.0)  # a class never seen in training gets no probability
    weight[clf.classes_] = clf.coef_ / std
    bias[clf.classes_] = clf.intercept_ - (clf.coef_ * (mean / std)).sum(1)
    return dict(best, mean=mean, std=std, weight=weight, bias=bias, part=part, y=y, allowed=allowed, xs=xs)


def full_probs(clf: LogisticRegression, x: np.ndarray, n_classes: int) -> np.ndarray:
    """The classifier's probabilities over every class, 0 for a class it never saw in training."""
    probs = np.zeros((len(x), n_classes))
    probs[:, clf.classes_] = clf.predict_proba(x)
    return probs
