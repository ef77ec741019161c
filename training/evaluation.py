"""Evaluate a bundle on a manifest (optionally one split or fold): the API behind ``mpox-train evaluate``.

    from training.evaluation import evaluate_bundle
    metrics, data = evaluate_bundle("runs/x/bundle", "manifest.csv", split_file="split.json", split="test")

Probabilities are made exactly as the kiosk makes them: ``crop_and_resize`` + ``Preprocessor.normalize``
from the bundle's manifest, then ``softmax(logits / temperature)`` (``models.predictor.Predictor``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from models.bundle import Bundle, load_bundle
from models.runtime import softmax

from . import splits as splitlib
from .cache import DEFAULT_CACHE_DIR, load_images
from .calibration import reliability
from .data import label_index, target_mask
from .manifest import ManifestError, Record, labelled, read_manifest
from .metrics import bootstrap, bootstrap_ci, core_metrics, subset_recall, threshold_analysis


@dataclass
class EvalData:
    logits: np.ndarray
    temperature: float
    y: np.ndarray  # class index, -1 for partial labels
    allowed: np.ndarray  # (N, C) bool
    records: list[Record]
    classes: tuple[str, ...]

    @property
    def probs(self) -> np.ndarray:
        return softmax(self.logits, self.temperature, np.float64)

    @property
    def probs_uncalibrated(self) -> np.ndarray:
        return softmax(self.logits, 1.0, np.float64)

    @staticmethod
    def concat(parts: list[EvalData]) -> EvalData:
        """Pool folds: logits divided by their own temperature, so the pooled temperature is 1."""
        return EvalData(
            np.concatenate([p.logits / p.temperature for p in parts]),
            1.0,
            np.concatenate([p.y for p in parts]),
            np.concatenate([p.allowed for p in parts]),
            [r for p in parts for r in p.records],
            parts[0].classes,
        )


def bundle_logits(
    bundle: Bundle,
    records: list[Record],
    cache_dir=DEFAULT_CACHE_DIR,
    batch_size: int = 64,
    transform: Callable[[np.ndarray], np.ndarray] | None = None,
) -> np.ndarray:
    """(N, C) logits of the bundle's model for ``records`` (serving preprocessing, CPU or CUDA);
    ``transform`` edits each uint8 (N, S, S, 3) batch at input size first (e.g. ``mask_corners``)."""
    images = load_images(records, bundle.manifest["input_size"], cache_dir, progress=False)
    pre = bundle.preprocessor
    device = next(bundle.model.parameters()).device
    out = []
    with torch.inference_mode():
        for start in range(0, len(records), batch_size):
            pixels = np.array(images[start : start + batch_size])
            batch = pre.normalize(transform(pixels) if transform else pixels)
            out.append(bundle.model(batch.to(device)).float().cpu())
    return torch.cat(out).numpy()


def mask_corners(images: np.ndarray, frac: float = 0.2) -> np.ndarray:
    """Copy of (N, H, W, 3) uint8 images with the four corner boxes (``frac`` of each side) filled with each
    image's mean colour: where DermNet NZ's and the stock agencies' watermarks sit."""
    out = images.copy()
    n, h, w, _ = out.shape
    bh, bw = max(1, round(h * frac)), max(1, round(w * frac))
    fill = images.reshape(n, -1, 3).mean(axis=1).round().astype(np.uint8)[:, None, None, :]
    for rows in (slice(0, bh), slice(h - bh, h)):
        for cols in (slice(0, bw), slice(w - bw, w)):
            out[:, rows, cols] = fill
    return out


def corner_mask_check(bundle: Bundle, data: EvalData, cache_dir=DEFAULT_CACHE_DIR, frac: float = 0.2) -> dict:
    """How much the predictions lean on the image corners, per source: accuracy with and without the corners
    masked, and the share of predictions that change. A source whose predictions change far more than the
    others' suggests the model reads its watermark rather than the rash (the data README's confound).
    ``data`` holds the unmasked predictions already made for the same records; only the masked pass runs."""
    records, y = data.records, data.y
    plain = data.probs.argmax(1)
    masked = bundle_logits(bundle, records, cache_dir, transform=lambda b: mask_corners(b, frac)).argmax(1)
    sources = np.array([r.source for r in records])
    out: dict = {"corner_fraction": frac, "per_source": {}}
    groups = [("all", np.ones(len(records), dtype=bool))] + [(s, sources == s) for s in sorted(set(sources))]
    for name, sel in groups:
        single = sel & (y >= 0)
        entry = {
            "n": int(sel.sum()),
            "changed": float(np.mean(plain[sel] != masked[sel])) if sel.any() else None,
            "accuracy": float(np.mean(plain[single] == y[single])) if single.any() else None,
            "accuracy_masked": float(np.mean(masked[single] == y[single])) if single.any() else None,
        }
        if name == "all":
            out.update(entry)
        else:
            out["per_source"][name] = entry
    return out


def select_records(
    manifest: str | Path, split_file: str | Path | None, split: str | None, fold: int | None = None
) -> list[Record]:
    records = labelled(read_manifest(manifest))
    if split_file is None:
        return records
    loaded = splitlib.load_split(split_file, manifest)
    return splitlib.select(records, loaded, split or "test", fold=fold)


def eval_data(bundle: Bundle, records: list[Record], cache_dir=DEFAULT_CACHE_DIR) -> EvalData:
    if not records:
        raise ManifestError("no labelled images to evaluate; check --data, --split-file and --split")
    classes = bundle.classes
    return EvalData(
        bundle_logits(bundle, records, cache_dir),
        bundle.temperature,
        label_index(records, classes),
        target_mask(records, classes).numpy(),
        records,
        classes,
    )


def full_metrics(data: EvalData, n_boot: int = 1000, seed: int = 0) -> dict:
    """Everything in the report: core metrics, calibration before/after, thresholds, sources, subsets, CIs."""
    probs, raw = data.probs, data.probs_uncalibrated
    m = core_metrics(probs, data.y, data.allowed, data.classes)
    full = data.y >= 0
    correct = probs.argmax(1)[full] == data.y[full]
    m["temperature"] = data.temperature
    m["ece_before_temperature"] = core_metrics(raw, data.y, data.allowed, data.classes)["ece"]
    m["reliability"] = {
        "before": reliability(raw[full].max(1), raw[full].argmax(1) == data.y[full]),
        "after": reliability(probs[full].max(1), correct),
    }
    m["threshold_analysis"] = threshold_analysis(probs[full], correct)
    sources = np.array([r.source for r in data.records])
    m["per_source"] = {}
    for s in sorted(set(sources)):
        sel = sources == s
        sm = core_metrics(probs[sel], data.y[sel], data.allowed[sel], data.classes)
        m["per_source"][s] = {
            "n": int(sel.sum()),
            "accuracy": sm["accuracy"],
            "macro_f1": sm["macro_f1"],
            # None where undefined: no mpox images (recall) or only mpox images (specificity).
            "mpox_recall": _defined(sm, "recall", "tp", "fn"),
            "mpox_specificity": _defined(sm, "specificity", "tn", "fp"),
        }
    pred = probs.argmax(1)
    for column in ("grade", "stage"):
        values = [getattr(r, column) for r in data.records]
        if any(values):
            m[f"{column}_recall"] = subset_recall(data.y, pred, values)
    if n_boot:
        m["n_bootstrap"] = n_boot
        m["ci95"] = bootstrap_ci(probs, data.y, data.allowed, data.classes, n_boot=n_boot, seed=seed)
    return m


def operating_point(
    p_flag: np.ndarray, is_positive: np.ndarray, threshold: float, n_boot: int, seed: int
) -> dict:
    """Recall and specificity of 'flag when p >= threshold', with 95% bootstrap intervals."""
    flagged = p_flag >= threshold

    def rs(idx: np.ndarray) -> tuple[float, float]:
        pos, neg = is_positive[idx], ~is_positive[idx]
        recall = float(flagged[idx][pos].mean()) if pos.any() else float("nan")
        spec = float((~flagged[idx])[neg].mean()) if neg.any() else float("nan")
        return recall, spec

    recall, spec = rs(np.arange(len(p_flag)))
    recall_ci = spec_ci = None
    if n_boot > 0:
        boots = np.array(bootstrap(rs, len(p_flag), n_boot, seed))
        lo, hi = np.nanpercentile(boots, [2.5, 97.5], axis=0)
        recall_ci, spec_ci = [float(lo[0]), float(hi[0])], [float(lo[1]), float(hi[1])]
    return {
        "threshold": threshold,
        "recall": recall,
        "recall_ci95": recall_ci,
        "specificity": spec,
        "specificity_ci95": spec_ci,
        "n_positive": int(is_positive.sum()),
        "n_negative": int((~is_positive).sum()),
    }


def mpox_positive(data: EvalData) -> np.ndarray:
    """Images whose only allowed label is mpox (MSLD's partial 'others' never count as positive)."""
    k = list(data.classes).index("mpox")
    return data.allowed[:, k] & (data.allowed.sum(1) == 1)


def mpox_operating_point(data: EvalData, threshold: float, n_boot: int, seed: int = 0) -> dict:
    """``operating_point`` of flagging when p(mpox) >= ``threshold``: what the station decides."""
    k = list(data.classes).index("mpox")
    return operating_point(data.probs[:, k], mpox_positive(data), threshold, n_boot, seed)


def evaluate_bundle(
    bundle_dir: str | Path,
    manifest: str | Path,
    *,
    split_file: str | Path | None = None,
    split: str | None = "test",
    fold: int | None = None,
    cache_dir=DEFAULT_CACHE_DIR,
    n_boot: int = 1000,
) -> tuple[dict, EvalData]:
    """Load and verify a bundle, predict the selected images, return (metrics, data for the figures)."""
    bundle = load_bundle(bundle_dir)
    records = select_records(manifest, split_file, split, fold)
    data = eval_data(bundle, records, cache_dir)
    metrics = full_metrics(data, n_boot=n_boot)
    metrics["corner_mask_check"] = corner_mask_check(bundle, data, cache_dir)
    if "mpox" in bundle.classes:
        metrics["mpox_operating_point"] = mpox_operating_point(data, bundle.thresholds.flag, n_boot)
    return metrics, data


def _defined(m: dict, key: str, a: str, b: str) -> float | None:
    binary = m.get("mpox_vs_rest")
    return binary[key] if binary and binary[a] + binary[b] else None
