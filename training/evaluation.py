"""Evaluate a bundle on a manifest (optionally one split or fold): the API behind ``mpox-train evaluate``.

    from training.evaluation import evaluate_bundle
    metrics, data = evaluate_bundle("runs/x/bundle", "manifest.csv", split_file="split.json", split="test")

Probabilities are made exactly as the kiosk makes them: ``crop_and_resize`` + ``Preprocessor.normalize``
from the bundle's manifest, then ``softmax(logits / temperature)`` (``models.predictor.Predictor``).
"""

from __future__ import annotations

import json
import tempfile
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from tqdm import tqdm

from models.bundle import Bundle, load_bundle, sha256_file
from models.serving import softmax

from . import splits as splitlib
from .cache import DEFAULT_CACHE_DIR, load_images
from .calibration import reliability
from .data import label_index, target_mask
from .dataset_manifest import ManifestError, Record, labelled, read_dataset_manifest
from .metrics import (
    bootstrap,
    bootstrap_ci,
    core_metrics,
    proportion_intervals,
    subset_recall,
    threshold_analysis,
    wilson_interval,
)

INTERVALS = ("bootstrap", "wilson")


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
    progress: bool = False,
    desc: str = "predicting",
) -> np.ndarray:
    """(N, C) logits of the bundle's model for ``records`` (serving preprocessing, CPU or CUDA);
    ``transform`` edits each uint8 (N, S, S, 3) batch at input size first (e.g. ``mask_corners``)."""
    images = load_images(records, bundle.manifest["input_size"], cache_dir, progress=progress)
    pre = bundle.preprocessor
    device = next(bundle.model.parameters()).device
    out = []
    starts = range(0, len(records), batch_size)
    with torch.inference_mode():
        for start in tqdm(starts, desc=desc, unit="batch", disable=not progress, leave=False):
            pixels = np.array(images[start : start + batch_size])
            batch = pre.normalize(transform(pixels) if transform else pixels)
            out.append(bundle.model(batch.to(device)).float().cpu())
    return torch.cat(out).numpy()


def mask_corners(images: np.ndarray, frac: float = 0.2) -> np.ndarray:
    """Copy of (N, H, W, 3) uint8 images with the four corner boxes (``frac`` of each side) filled with each
    image's mean colour: where DermNet NZ's and the stock agencies' watermarks sit (the bundle conditioning's
    ``mask_marks`` without its bottom strip)."""
    from models.preprocessing import mask_marks

    return mask_marks(images, corner=frac, bottom=0.0)


def corner_mask_check(
    bundle: Bundle, data: EvalData, cache_dir=DEFAULT_CACHE_DIR, frac: float = 0.2, progress: bool = False
) -> dict:
    """How much the predictions lean on the image corners, per source: accuracy with and without the corners
    masked, and the share of predictions that change. A source whose predictions change far more than the
    others' suggests the model reads its watermark rather than the rash (the data README's confound).
    ``data`` holds the unmasked predictions already made for the same records; only the masked pass runs."""
    records, y = data.records, data.y
    plain = data.probs.argmax(1)
    masked = bundle_logits(
        bundle,
        records,
        cache_dir,
        transform=lambda b: mask_corners(b, frac),
        progress=progress,
        desc="corners masked",
    ).argmax(1)
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
    records = labelled(read_dataset_manifest(manifest))
    if split_file is None:
        return records
    loaded = splitlib.load_split(split_file, manifest)
    return splitlib.select(records, loaded, split or "test", fold=fold)


def eval_data(
    bundle: Bundle, records: list[Record], cache_dir=DEFAULT_CACHE_DIR, progress: bool = False
) -> EvalData:
    if not records:
        raise ManifestError("no labelled images to evaluate; check --data, --split-file and --split")
    classes = bundle.classes
    return EvalData(
        bundle_logits(bundle, records, cache_dir, progress=progress),
        bundle.temperature,
        label_index(records, classes),
        target_mask(records, classes).numpy(),
        records,
        classes,
    )


def full_metrics(
    data: EvalData, n_boot: int = 1000, seed: int = 0, intervals: str = "bootstrap", progress: bool = False
) -> dict:
    """Everything in the report: core metrics, calibration before/after, thresholds, sources, subsets, CIs.

    ``intervals="wilson"``: the proportions (accuracy, mpox recall and specificity, overall and per source,
    per-class and per-subset recall) get 95% Wilson intervals, which stay honest on small groups, and
    ``ci95_method`` says which interval each ``ci95`` entry is; macro-F1 keeps the bootstrap. The default
    ("bootstrap") is the percentile bootstrap for every ``ci95`` entry."""
    if intervals not in INTERVALS:
        raise ValueError(f"intervals={intervals!r}; use one of {INTERVALS}")
    wilson = intervals == "wilson"
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
        if wilson:
            ci = proportion_intervals(sm)
            binary = sm.get("mpox_vs_rest") or {}
            m["per_source"][s] |= {
                "n_single_label": sm["n_single_label"],
                "n_mpox": binary.get("tp", 0) + binary.get("fn", 0),
                "n_not_mpox": binary.get("tn", 0) + binary.get("fp", 0),
                **{f"{k}_ci95": ci.get(k) for k in ("accuracy", "mpox_recall", "mpox_specificity")},
            }
    pred = probs.argmax(1)
    for column in ("grade", "stage"):
        values = [getattr(r, column) for r in data.records]
        if any(values):
            m[f"{column}_recall"] = subset_recall(data.y, pred, values)
            if wilson:
                for v in m[f"{column}_recall"].values():
                    v["ci95"] = wilson_interval(round(v["recall"] * v["n"]), v["n"])
    if n_boot:
        m["n_bootstrap"] = n_boot
        m["ci95"] = bootstrap_ci(
            probs, data.y, data.allowed, data.classes, n_boot=n_boot, seed=seed, progress=progress
        )
    if wilson:
        cm = np.asarray(m["confusion_matrix"])
        for i, v in enumerate(m["per_class"].values()):
            v["recall_ci95"] = wilson_interval(int(cm[i, i]), v["support"])
        proportions = proportion_intervals(m)
        m["ci95"] = m.get("ci95", {}) | proportions
        m["ci95_method"] = {k: "wilson" if k in proportions else "bootstrap" for k in m["ci95"]}
    return m


def operating_point(
    p_flag: np.ndarray,
    is_positive: np.ndarray,
    threshold: float,
    n_boot: int,
    seed: int,
    intervals: str = "bootstrap",
) -> dict:
    """Recall and specificity of 'flag when p >= threshold', with 95% bootstrap intervals (``n_boot`` > 0),
    or with ``intervals="wilson"`` 95% Wilson intervals (whatever ``n_boot``)."""
    if intervals not in INTERVALS:
        raise ValueError(f"intervals={intervals!r}; use one of {INTERVALS}")
    flagged = p_flag >= threshold

    def rs(idx: np.ndarray) -> tuple[float, float]:
        pos, neg = is_positive[idx], ~is_positive[idx]
        recall = float(flagged[idx][pos].mean()) if pos.any() else float("nan")
        spec = float((~flagged[idx])[neg].mean()) if neg.any() else float("nan")
        return recall, spec

    recall, spec = rs(np.arange(len(p_flag)))
    recall_ci = spec_ci = None
    if intervals == "wilson":
        recall_ci = wilson_interval(int((flagged & is_positive).sum()), int(is_positive.sum()))
        spec_ci = wilson_interval(int((~flagged & ~is_positive).sum()), int((~is_positive).sum()))
    elif n_boot > 0:
        boots = np.array(bootstrap(rs, len(p_flag), n_boot, seed))
        lo, hi = np.nanpercentile(boots, [2.5, 97.5], axis=0)
        recall_ci, spec_ci = [float(lo[0]), float(hi[0])], [float(lo[1]), float(hi[1])]
    out = {
        "threshold": threshold,
        "recall": recall,
        "recall_ci95": recall_ci,
        "specificity": spec,
        "specificity_ci95": spec_ci,
        "n_positive": int(is_positive.sum()),
        "n_negative": int((~is_positive).sum()),
    }
    if intervals == "wilson":
        out["ci95_method"] = "wilson"
    return out


def mpox_positive(data: EvalData) -> np.ndarray:
    """Images whose only allowed label is mpox (MSLD's partial 'others' never count as positive)."""
    k = list(data.classes).index("mpox")
    return data.allowed[:, k] & (data.allowed.sum(1) == 1)


def mpox_operating_point(
    data: EvalData, threshold: float, n_boot: int, seed: int = 0, intervals: str = "bootstrap"
) -> dict:
    """``operating_point`` of flagging when p(mpox) >= ``threshold``: what the station decides."""
    k = list(data.classes).index("mpox")
    return operating_point(data.probs[:, k], mpox_positive(data), threshold, n_boot, seed, intervals)


def _split_fingerprint(path: Path, recorded_manifest: str | None) -> str:
    """SHA-256 a split file would have had if ``save_split`` had written it for ``recorded_manifest`` (the
    path the manifest had at training): a remade split records the manifest path it was remade from."""
    split = json.loads(path.read_text())
    if recorded_manifest:
        split["manifest"] = recorded_manifest
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "split.json"
        out.write_text(json.dumps(split, indent=1, sort_keys=True) + "\n")
        return sha256_file(out)


def bundle_split(
    provenance: dict, manifest: str | Path, split_file: str | Path | None = None
) -> tuple[dict | None, str]:
    """The split a bundle was trained with, from its provenance, and how it was found (or, with None, why
    not): its recorded ``split_file`` when that is readable and unchanged (``split_sha256``); else
    ``split_file`` (the one given to evaluate) when it hashes to ``split_sha256``; else the split remade from
    the recorded manifest (or ``manifest`` when it is the same file, by ``manifest_sha256``) and ``seed``,
    accepted only when it hashes to ``split_sha256`` (as ``mpox-train recipe --fit-from`` checks)."""
    manifest = Path(manifest)
    recorded, want = provenance.get("split_file"), provenance.get("split_sha256")
    trained_on = provenance.get("manifest")
    same = (
        bool(provenance.get("manifest_sha256"))
        and manifest.is_file()
        and (sha256_file(manifest) == provenance["manifest_sha256"])
    )
    # Relative paths in a split file are relative to the folder of the manifest it was made for.
    base = manifest if same or not trained_on else Path(trained_on)
    why = "the bundle's provenance names no split file"
    if recorded:
        why = f"the bundle's split file {recorded} is not readable"
        if Path(recorded).is_file():
            if not want or sha256_file(recorded) == want:
                return splitlib.load_split(recorded, base), f"the bundle's split file {recorded}"
            why = f"the bundle's split file {recorded} changed since training (SHA-256 differs)"
    if split_file is not None and want and Path(split_file).is_file() and sha256_file(split_file) == want:
        return splitlib.load_split(split_file, manifest), f"{split_file} (the bundle's split, by SHA-256)"
    if not want or provenance.get("fold") is not None:
        return None, why
    sources = [Path(trained_on)] if trained_on and Path(trained_on).is_file() else []
    if same and manifest.resolve() not in [s.resolve() for s in sources]:
        sources.append(manifest)
    seed = int(provenance.get("seed") or 0)
    for source in sources:
        if sha256_file(source) != provenance.get("manifest_sha256"):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            remade = Path(tmp) / "split.json"
            with warnings.catch_warnings():  # scikit-learn's remarks on the folds were made at training
                warnings.simplefilter("ignore", UserWarning)
                split = splitlib.make_split(labelled(read_dataset_manifest(source)), seed=seed)
            splitlib.save_split(split, remade, source)
            if _split_fingerprint(remade, trained_on) == want:
                return splitlib.load_split(remade, source), f"the split remade from {source} with seed {seed}"
    return None, why + " and it could not be remade from the recorded manifest and seed"


def _counted_overlap(
    provenance: dict, records: list[Record], manifest: str | Path, split_file: str | Path | None
) -> dict | None:
    """Without the split: every labelled image of the very manifest the bundle was trained on (same SHA-256)
    was evaluated, so all but its recorded ``n_test`` test images were on the training or validation side."""
    n_test, n_val = provenance.get("n_test"), provenance.get("n_val")
    if split_file is not None or not isinstance(n_test, int) or not isinstance(n_val, int):
        return None
    if not Path(manifest).is_file() or sha256_file(manifest) != provenance.get("manifest_sha256"):
        return None
    seen = max(0, len(records) - n_test)
    return {
        "split": "counted from the bundle's recorded n_test and n_val: the whole training manifest was "
        "evaluated",
        "n_overlap": seen,
        "train": max(0, seen - n_val),
        "val": min(n_val, seen),
    }


def training_overlap(
    bundle: Bundle, records: list[Record], manifest: str | Path, split_file: str | Path | None = None
) -> dict:
    """How many of the evaluated ``records`` were on the train or validation side of the split the bundle
    was trained with (see ``bundle_split``): figures on those images are not held-out figures.
    ``checked`` is False, with ``reason``, when the bundle's split cannot be found."""
    provenance = bundle.manifest.get("provenance") or {}
    try:
        split, how = bundle_split(provenance, manifest, split_file)
    except (ManifestError, OSError, ValueError, KeyError, TypeError) as exc:  # a check, never a failure
        split, how = None, f"the bundle's split could not be read ({exc})"
    out: dict = {"checked": split is not None, "n_evaluated": len(records)}
    if split is None:
        counted = _counted_overlap(provenance, records, manifest, split_file)
        return out | ({"checked": True} | counted if counted else {"reason": how})
    fold = provenance.get("fold")
    if fold is None:
        side = {p: a for p, a in split["assignments"].items() if a in ("train", "val")}
    else:  # as training.fit: the fold is the test set, the next fold validation, the rest training
        k, folds = int(split.get("k", 0)), split.get("folds", {})
        side = {p: "val" if f == (fold + 1) % max(k, 1) else "train" for p, f in folds.items() if f != fold}
    counts = Counter(side[str(r.path)] for r in records if str(r.path) in side)
    return out | {
        "split": how,
        "n_overlap": sum(counts.values()),
        "train": counts["train"],
        "val": counts["val"],
    }


def evaluate_bundle(
    bundle_dir: str | Path,
    manifest: str | Path,
    *,
    split_file: str | Path | None = None,
    split: str | None = "test",
    fold: int | None = None,
    cache_dir=DEFAULT_CACHE_DIR,
    n_boot: int = 1000,
    intervals: str = "bootstrap",
    progress: bool = False,
) -> tuple[dict, EvalData]:
    """Load and verify a bundle, predict the selected images, return (metrics, data for the figures).
    ``metrics["training_overlap"]`` counts the selected images the bundle trained or validated on."""
    bundle = load_bundle(bundle_dir)
    records = select_records(manifest, split_file, split, fold)
    data = eval_data(bundle, records, cache_dir, progress=progress)
    metrics = full_metrics(data, n_boot=n_boot, intervals=intervals, progress=progress)
    metrics["corner_mask_check"] = corner_mask_check(bundle, data, cache_dir, progress=progress)
    if "mpox" in bundle.classes:
        metrics["mpox_operating_point"] = mpox_operating_point(
            data, bundle.thresholds.flag, n_boot, intervals=intervals
        )
    metrics["training_overlap"] = training_overlap(bundle, records, manifest, split_file)
    return metrics, data


def _defined(m: dict, key: str, a: str, b: str) -> float | None:
    binary = m.get("mpox_vs_rest")
    return binary[key] if binary and binary[a] + binary[b] else None
