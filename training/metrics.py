"""Screening metrics with stable keys (other tools read ``metrics.json``).

Rows with a partial label (MSLD ``others``: chickenpox or measles, not which) are left out of the 8-class
metrics (accuracy, per-class, macro, confusion matrix, ECE) because their true class is unknown; they are
counted as not-mpox in the mpox-vs-rest metrics, and ``partial.<label>.accuracy`` reports how often the
prediction fell inside the allowed set. Macro averages run over the classes present in the evaluated data.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TypeVar

import numpy as np
from tqdm import tqdm

from .calibration import expected_calibration_error

PAPER_CONFIDENT = 0.6
PAPER_UNSURE = 0.5
Z95 = 1.959963984540054  # two-sided 95% normal quantile
SMALL_N = 30  # a proportion on fewer images than this is marked "small n" in the reports


def share_with_interval(k: int, n: int) -> dict:
    """``k`` of ``n`` as the reports record a proportion: share (None when ``n`` is 0), counts, 95% Wilson."""
    k, n = int(k), int(n)
    return {"share": k / n if n else None, "k": k, "n": n, "ci95": wilson_interval(k, n)}


def wilson_interval(k: int, n: int, z: float = Z95) -> list[float] | None:
    """95% Wilson score interval of the proportion ``k / n`` (None when ``n`` is 0).

    Unlike a percentile bootstrap it does not collapse at 0/n or n/n: 12 of 12 gives 0.758-1.000, not
    1.000-1.000, and it keeps close to its nominal coverage on small ``n``."""
    if n <= 0:
        return None
    if not 0 <= k <= n:
        raise ValueError(f"wilson_interval: k={k} is not in 0..{n}")
    p, z2 = k / n, z * z
    denom = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom
    lo = 0.0 if k == 0 else max(0.0, centre - half)
    hi = 1.0 if k == n else min(1.0, centre + half)
    return [float(lo), float(hi)]


def confusion(y_true: np.ndarray, y_pred: np.ndarray, n_classes: int) -> np.ndarray:
    cm = np.zeros((n_classes, n_classes), dtype=int)
    np.add.at(cm, (y_true, y_pred), 1)
    return cm


def per_class_from_confusion(cm: np.ndarray, classes: Sequence[str]) -> dict[str, dict[str, float]]:
    """Precision, recall, specificity, F1 and support per class (0 where undefined, as scikit-learn)."""
    total = cm.sum()
    out = {}
    for i, name in enumerate(classes):
        tp = cm[i, i]
        fp = cm[:, i].sum() - tp
        fn = cm[i, :].sum() - tp
        tn = total - tp - fp - fn
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        specificity = tn / (tn + fp) if tn + fp else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[name] = {
            "precision": float(precision),
            "recall": float(recall),
            "specificity": float(specificity),
            "f1": float(f1),
            "support": int(tp + fn),
        }
    return out


def binary_metrics(positive_true: np.ndarray, positive_pred: np.ndarray) -> dict[str, float]:
    tp = int(np.sum(positive_true & positive_pred))
    fp = int(np.sum(~positive_true & positive_pred))
    fn = int(np.sum(positive_true & ~positive_pred))
    tn = int(np.sum(~positive_true & ~positive_pred))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "specificity": tn / (tn + fp) if tn + fp else 0.0,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
    }


def core_metrics(
    probs: np.ndarray, y: np.ndarray, allowed: np.ndarray, classes: Sequence[str], positive: str = "mpox"
) -> dict:
    """Accuracy, macro-F1, per-class, confusion matrix, ECE, mpox-vs-rest, partial-label accuracy.

    ``y``: class index per row, -1 for a partial label; ``allowed``: (N, C) bool mask of allowed classes.
    """
    probs, y, allowed = np.asarray(probs), np.asarray(y), np.asarray(allowed, dtype=bool)
    pred = probs.argmax(1)
    full = y >= 0
    cm = confusion(y[full], pred[full], len(classes))
    per_class = per_class_from_confusion(cm, classes)
    present = [c for c in classes if per_class[c]["support"] > 0]
    macro = {
        k: float(np.mean([per_class[c][k] for c in present])) if present else 0.0
        for k in ("precision", "recall", "specificity", "f1")
    }
    out = {
        "n_images": int(len(y)),
        "n_single_label": int(full.sum()),
        "accuracy": float(np.mean(pred[full] == y[full])) if full.any() else 0.0,
        "macro_f1": macro["f1"],
        "macro": macro,
        "ece": expected_calibration_error(probs[full], y[full]) if full.any() else 0.0,
        "per_class": per_class,
        "confusion_matrix": cm.tolist(),
        "classes": list(classes),
    }
    if positive in classes:
        k = list(classes).index(positive)
        out["mpox_vs_rest"] = binary_metrics(allowed[:, k] & (allowed.sum(1) == 1), pred == k)
    partial = ~full
    if partial.any():
        inside = allowed[np.flatnonzero(partial), pred[partial]]
        out["partial"] = {"n": int(partial.sum()), "accuracy": float(inside.mean())}
    return out


def threshold_analysis(probs: np.ndarray, correct: np.ndarray) -> dict:
    """The paper's figures: share with top probability >= 0.6 and their accuracy; share < 0.5, their error."""
    top = np.asarray(probs).max(1)
    hi, lo = top >= PAPER_CONFIDENT, top < PAPER_UNSURE
    return {
        "share_top_ge_0.6": float(hi.mean()) if len(top) else 0.0,
        "accuracy_top_ge_0.6": float(correct[hi].mean()) if hi.any() else 0.0,
        "share_top_lt_0.5": float(lo.mean()) if len(top) else 0.0,
        "error_top_lt_0.5": float(1 - correct[lo].mean()) if lo.any() else 0.0,
    }


def coverage_curve(probs: np.ndarray, correct: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Accuracy on the most confident fraction of rows, for each coverage 1/N .. 1."""
    order = np.argsort(-np.asarray(probs).max(1), kind="stable")
    hits = np.cumsum(np.asarray(correct)[order])
    n = np.arange(1, len(order) + 1)
    return n / max(1, len(order)), hits / n


T = TypeVar("T")


def bootstrap(
    statistic: Callable[[np.ndarray], T], n: int, n_boot: int, seed: int, progress: bool = False
) -> list[T]:
    """``statistic(idx)`` for ``n_boot`` resamples of ``n`` rows with replacement (the one bootstrap loop)."""
    rng = np.random.default_rng(seed)
    resamples = tqdm(range(n_boot), desc="bootstrap", unit="resample", disable=not progress, leave=False)
    return [statistic(rng.integers(0, n, n)) for _ in resamples]


def bootstrap_ci(
    probs: np.ndarray,
    y: np.ndarray,
    allowed: np.ndarray,
    classes: Sequence[str],
    n_boot: int = 1000,
    seed: int = 0,
    progress: bool = False,
) -> dict[str, list[float]]:
    """95% percentile bootstrap intervals (rows resampled) for the headline figures."""
    keys = ("accuracy", "macro_f1", "mpox_recall", "mpox_specificity")
    draws: dict[str, list[float]] = {k: [] for k in keys}

    def stats(idx: np.ndarray) -> dict:
        return core_metrics(probs[idx], y[idx], allowed[idx], classes)

    for m in bootstrap(stats, len(y), n_boot, seed, progress):
        draws["accuracy"].append(m["accuracy"])
        draws["macro_f1"].append(m["macro_f1"])
        if "mpox_vs_rest" in m:
            draws["mpox_recall"].append(m["mpox_vs_rest"]["recall"])
            draws["mpox_specificity"].append(m["mpox_vs_rest"]["specificity"])
    return {k: [float(np.percentile(v, 2.5)), float(np.percentile(v, 97.5))] for k, v in draws.items() if v}


def subset_recall(y: np.ndarray, pred: np.ndarray, values: Sequence[str]) -> dict[str, dict]:
    """Recall (share of rows classified as their true class) per value of a column such as grade or stage."""
    out = {}
    values = np.asarray(values)
    for v in sorted(set(values) - {""}):
        sel = (values == v) & (y >= 0)
        if sel.any():
            out[str(v)] = {"n": int(sel.sum()), "recall": float(np.mean(pred[sel] == y[sel]))}
    return out


def proportion_intervals(m: dict) -> dict[str, list[float]]:
    """95% Wilson intervals of the proportions in ``core_metrics``' output ``m``: accuracy (correct of the
    single-label images), mpox recall (of the mpox images) and mpox specificity (of the others); a figure
    with no denominator is left out."""
    n = m["n_single_label"]
    correct = int(np.trace(np.asarray(m["confusion_matrix"]))) if n else 0
    out = {"accuracy": wilson_interval(correct, n)}
    if b := m.get("mpox_vs_rest"):
        out["mpox_recall"] = wilson_interval(b["tp"], b["tp"] + b["fn"])
        out["mpox_specificity"] = wilson_interval(b["tn"], b["tn"] + b["fp"])
    return {k: v for k, v in out.items() if v is not None}
