"""Honest evaluation protocols on frozen features, side by side with the papers (issue 14).

Two protocols, both a standardised logistic regression on a fixed feature matrix (one row per record):

* :func:`msld_binary`: MSLD v1, mpox vs others, 3-fold cross-validation grouped by patient (the manifest's
  ``group``), C chosen by an inner grouped CV on the training folds only; repeated over seeds. This is the
  protocol of Ali et al. 2022 (ResNet50 82.96 +- 4.57% accuracy), so the figures can stand beside theirs.
* :func:`leave_one_source_out`: for each source S, train on every other source (C chosen on the validation
  part of a group-aware split of the training sources) and test on S: cross-source generalisation. A class
  of S that no training source has cannot be predicted; those classes are listed.

The features are frozen ImageNet features (``training.fusion.pooled_features``), not a fine-tuned network:
fine-tuning once per fold and per source is out of reach on a CPU, and the shipped model's fine-tuned trunk
saw parts of these sources, so it cannot be cross-validated fairly on them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from models.taxonomy import CLASSES

from .data import label_index, target_mask
from .dataset_manifest import ManifestError, Record
from .metrics import core_metrics
from .splits import make_split

C_GRID = (0.01, 0.1, 1.0)
MSLD_SOURCE = "msld_v1"
SOURCES = ("msld_v1", "monkeypox2022", "dermnet_nz", "dermnet_com", "msid", "roboflow_urticaria")
PAPER_MSLD = {
    "paper": "Ali et al. 2022",
    "model": "ResNet50 (fine-tuned)",
    "protocol": "MSLD v1, mpox vs others, 3-fold cross-validation grouped by patient",
    "accuracy_mean": 0.8296,
    "accuracy_sd": 0.0457,
}


def _classifier(c: float, seed: int):
    return make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=3000, random_state=seed))


def _sd(values: Sequence[float]) -> float:
    return float(np.std(values, ddof=1)) if len(values) > 1 else 0.0


def msld_binary(
    x: np.ndarray,
    records: Sequence[Record],
    *,
    seeds: Sequence[int] = (0, 1, 2),
    grid: Sequence[float] = C_GRID,
    n_splits: int = 3,
    inner_splits: int = 3,
    source: str = MSLD_SOURCE,
) -> dict:
    """MSLD v1 mpox vs others: ``n_splits``-fold CV grouped by patient, per seed; C by inner grouped CV.

    ``x``: (len(records), D) features; only the rows of ``source`` are used. Within each fold the
    standardisation and the regression see the training folds only. Accuracy per fold, mean +- sample sd
    (ddof=1), mean sensitivity (mpox recall) and specificity (others recall) per seed, and over seeds.
    """
    x = np.asarray(x)
    if len(x) != len(records):
        raise ManifestError(f"{len(x)} feature rows for {len(records)} records")
    rows = np.array([i for i, r in enumerate(records) if r.source == source], dtype=int)
    if not len(rows):
        raise ManifestError(f"no images of source {source!r}: the MSLD protocol needs them")
    labels = [records[i].label for i in rows]
    odd = sorted(set(labels) - {"mpox", "others"})
    if odd:
        raise ManifestError(f"source {source} has labels {odd}; the MSLD protocol expects mpox and others")
    xs = x[rows]
    y = np.array([lab == "mpox" for lab in labels], dtype=int)
    groups = np.array([records[i].group for i in rows])
    per_seed = []
    for seed in seeds:
        outer = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
        folds = []
        for k, (tr, te) in enumerate(outer.split(xs, y, groups)):
            shared = set(groups[tr]) & set(groups[te])
            if shared:  # StratifiedGroupKFold guarantees this; a leak would void every figure below
                raise ManifestError(f"seed {seed} fold {k}: groups on both sides: {sorted(shared)[:5]}")
            search = GridSearchCV(
                _classifier(1.0, seed),
                {"logisticregression__C": list(grid)},
                cv=StratifiedGroupKFold(n_splits=inner_splits, shuffle=True, random_state=seed),
                scoring="accuracy",
            )
            search.fit(xs[tr], y[tr], groups=groups[tr])
            pred = search.predict(xs[te])
            pos = y[te] == 1
            folds.append(
                {
                    "fold": k,
                    "n_test": int(len(te)),
                    "n_test_groups": int(len(set(groups[te]))),
                    "n_train": int(len(tr)),
                    "C": float(search.best_params_["logisticregression__C"]),
                    "inner_accuracy": float(search.best_score_),
                    "accuracy": float(np.mean(pred == y[te])),
                    "sensitivity": float(np.mean(pred[pos] == 1)) if pos.any() else float("nan"),
                    "specificity": float(np.mean(pred[~pos] == 0)) if (~pos).any() else float("nan"),
                }
            )
        accs = [f["accuracy"] for f in folds]
        per_seed.append(
            {
                "seed": int(seed),
                "folds": folds,
                "accuracy_mean": float(np.mean(accs)),
                "accuracy_sd": _sd(accs),
                "sensitivity_mean": float(np.nanmean([f["sensitivity"] for f in folds])),
                "specificity_mean": float(np.nanmean([f["specificity"] for f in folds])),
            }
        )
    all_folds = [f["accuracy"] for s in per_seed for f in s["folds"]]
    return {
        "source": source,
        "n_images": int(len(rows)),
        "n_mpox": int(y.sum()),
        "n_others": int(len(y) - y.sum()),
        "n_groups": int(len(set(groups))),
        "n_splits": n_splits,
        "inner_splits": inner_splits,
        "C_grid": [float(c) for c in grid],
        "seeds": per_seed,
        "over_seeds": {
            "accuracy_mean": float(np.mean([s["accuracy_mean"] for s in per_seed])),
            "accuracy_sd_mean": float(np.mean([s["accuracy_sd"] for s in per_seed])),
            "accuracy_sd_all_folds": _sd(all_folds),
            "n_folds": len(all_folds),
            "sensitivity_mean": float(np.mean([s["sensitivity_mean"] for s in per_seed])),
            "specificity_mean": float(np.mean([s["specificity_mean"] for s in per_seed])),
        },
        "paper": PAPER_MSLD,
    }


class _Constant:
    """The classifier of a training set with one class: it always answers that class."""

    def __init__(self, cls: int):
        self.classes_ = np.array([cls])

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        return np.ones((len(x), 1))


def _fit(x: np.ndarray, y: np.ndarray, c: float, seed: int):
    if not len(y):
        raise ManifestError("no single-label training images: nothing to fit")
    if len(np.unique(y)) < 2:
        return _Constant(int(y[0]))
    return _classifier(c, seed).fit(x, y)


def _probs(clf, x: np.ndarray) -> np.ndarray:
    """(N, 8) probabilities; a class the classifier never saw gets 0."""
    out = np.zeros((len(x), len(CLASSES)))
    out[:, clf.classes_] = clf.predict_proba(x)
    return out


def _allowed_classes(records: Sequence[Record]) -> list[str]:
    """The classes a set of records can be right about (a partial label brings every class it allows)."""
    mask = target_mask(records, CLASSES).numpy()
    return [c for i, c in enumerate(CLASSES) if mask[:, i].any()]


def leave_one_source_out(
    x: np.ndarray,
    records: Sequence[Record],
    *,
    sources: Sequence[str] | None = None,
    grid: Sequence[float] = C_GRID,
    seed: int = 0,
) -> dict:
    """For each source S: fit on every other source, test on S (accuracy, macro-F1, mpox vs rest).

    Training uses single-label rows only; C is chosen by validation macro-F1 on the 'val' part of
    ``make_split`` over the training sources (group-aware), then the regression is refitted on all training
    rows. On S, ``accuracy`` scores every row, a partial label (MSLD ``others``) being right when the
    prediction lies in its allowed set; ``macro_f1`` runs over the single-label rows and the classes
    present in S (``core_metrics``). ``unseen_classes``: S's classes no training source has (never right).
    """
    x = np.asarray(x)
    records = list(records)
    if len(x) != len(records):
        raise ManifestError(f"{len(x)} feature rows for {len(records)} records")
    y = label_index(records, CLASSES)
    allowed = target_mask(records, CLASSES).numpy()
    source = np.array([r.source for r in records])
    present_sources = list(dict.fromkeys(source))
    order = list(sources) if sources else [s for s in SOURCES if s in present_sources]
    order += [s for s in present_sources if s not in order] if not sources else []
    results = []
    for held in order:
        test = source == held
        if not test.any():
            raise ManifestError(f"no images of source {held!r}")
        train_idx = np.flatnonzero(~test)
        if not len(train_idx):
            raise ManifestError(f"source {held!r} is the only source: nothing to train on")
        train_records = [records[i] for i in train_idx]
        split = make_split(train_records, seed=seed)
        part = np.array([split["assignments"].get(str(r.path), "") for r in train_records])
        fit_rows = train_idx[(part == "train") & (y[train_idx] >= 0)]
        val_rows = train_idx[part == "val"]
        choice = []
        for c in grid:
            clf = _fit(x[fit_rows], y[fit_rows], c, seed)
            f1 = core_metrics(_probs(clf, x[val_rows]), y[val_rows], allowed[val_rows], CLASSES)["macro_f1"]
            choice.append({"C": float(c), "val_macro_f1": float(f1)})
        best = max(choice, key=lambda d: d["val_macro_f1"])  # first of equals: the strongest regularisation
        all_rows = train_idx[y[train_idx] >= 0]
        clf = _fit(x[all_rows], y[all_rows], best["C"], seed)
        rows = np.flatnonzero(test)
        probs = _probs(clf, x[rows])
        pred = probs.argmax(1)
        m = core_metrics(probs, y[rows], allowed[rows], CLASSES)
        trained = {CLASSES[i] for i in np.unique(y[all_rows])}
        held_records = [records[i] for i in rows]
        held_classes = _allowed_classes(held_records)
        unseen = [c for c in held_classes if c not in trained]
        reachable = allowed[rows][:, [CLASSES.index(c) for c in sorted(trained, key=CLASSES.index)]].any(1)
        labels = {
            lab: int(sum(r.label == lab for r in held_records))
            for lab in dict.fromkeys(r.label for r in held_records)
        }
        predicted: dict[str, dict[str, int]] = {}
        for r, k in zip(held_records, pred, strict=True):
            row = predicted.setdefault(r.label, {})
            row[CLASSES[k]] = row.get(CLASSES[k], 0) + 1
        wrong = ~allowed[rows, pred]
        errors = np.bincount(pred[wrong], minlength=len(CLASSES))
        mpox = m.get("mpox_vs_rest", {})
        results.append(
            {
                "source": held,
                "n_images": int(len(rows)),
                "n_single_label": m["n_single_label"],
                "labels": labels,
                "train_sources": sorted(set(source[train_idx])),
                "n_train": int(len(all_rows)),
                "train_classes": sorted(trained, key=CLASSES.index),
                "unseen_classes": unseen,
                "n_unreachable": int((~reachable).sum()),
                "C": best["C"],
                "C_choice": choice,
                "accuracy": float(np.mean(allowed[rows, pred])),
                "accuracy_single_label": m["accuracy"],
                "partial_accuracy": m.get("partial", {}).get("accuracy"),
                "macro_f1": m["macro_f1"],
                "macro_f1_classes": [c for c in CLASSES if m["per_class"][c]["support"] > 0],
                "per_class_recall": {
                    c: m["per_class"][c]["recall"] for c in CLASSES if m["per_class"][c]["support"] > 0
                },
                "predicted": predicted,
                "top_error": (
                    {"class": CLASSES[int(errors.argmax())], "n": int(errors.max())} if wrong.any() else None
                ),
                "mpox_sensitivity": mpox["recall"] if mpox and mpox["tp"] + mpox["fn"] else None,
                "mpox_specificity": mpox["specificity"] if mpox and mpox["tn"] + mpox["fp"] else None,
            }
        )
    return {"seed": seed, "C_grid": [float(c) for c in grid], "sources": results}


def frozen_features(
    records: Sequence[Record], trunks: Sequence[str], input_size: int, out_dir, cache_dir, progress: bool
) -> np.ndarray:
    """(N, trunks x 1280) pooled ImageNet features of ``records``, saved under ``out_dir`` (a rerun loads
    them: the file name hashes the trunks, the size and every image's path, size and modification time)."""
    from pathlib import Path

    from models.efficientnet_lite import FusedLite
    from models.fsutil import atomic_path

    from .cache import cache_key
    from .fusion import fused_arch, pooled_features

    trunks = tuple(trunks)
    if not trunks:
        raise ManifestError("no trunks given")
    fused_arch(trunks[0], trunks[1:])  # names the known combinations when this one does not exist
    key = cache_key(list(records), input_size)
    path = Path(out_dir) / f"features-{'_'.join(trunks)}-{input_size}-{key}.npy"
    if path.is_file():
        x = np.load(path)
        if x.shape[0] == len(records):
            return x
    model = FusedLite(trunks)
    model.load_imagenet()
    x = pooled_features(
        model, list(records), input_size, cache_dir, progress, mirror=np.zeros(len(records), bool)
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as tmp, open(tmp, "wb") as f:
        np.save(f, x)
    return x


def _pct(v: float | None) -> str:
    return "–" if v is None or v != v else f"{100 * v:.1f}"


def render_markdown(result: dict) -> str:
    """The Markdown page of a protocols result (``docs/results/protocols.md``)."""
    msld, loso, setup = result["msld_binary"], result["leave_one_source_out"], result["setup"]
    paper = msld["paper"]
    over = msld["over_seeds"]
    lines = [
        "# Honest protocols on frozen ImageNet features, beside the papers",
        "",
        "Written by:",
        "",
        "```",
        setup["command"],
        "```",
        "",
        f"**What these figures are.** Frozen ImageNet features of EfficientNet-{' + '.join(setup['trunks'])} "
        f"(pooled last feature maps, {setup['feature_dim']} numbers per image, {setup['input_size']} px, "
        "the station's crop and resize), standardised on the training rows, and a logistic regression whose "
        "C is chosen on training data only (grid " + ", ".join(str(c) for c in setup["C_grid"]) + "). "
        "**No fine-tuning**: fine-tuning a network once per fold and per source is out of reach on this "
        "project's CPU, so these are frozen-feature figures. They are **not** the figures of the shipped "
        "model: its fine-tuned trunk was trained on parts of these very sources, so it cannot be "
        "cross-validated fairly here (its held-out test figures are in its model card).",
        "",
        "## 1. MSLD v1, mpox vs others, 3-fold cross-validation grouped by patient",
        "",
        f"{msld['n_images']} images of `{msld['source']}` ({msld['n_mpox']} mpox, {msld['n_others']} "
        f"others) in {msld['n_groups']} patient groups (the manifest's `group` column). Folds: "
        f"`StratifiedGroupKFold(n_splits={msld['n_splits']}, shuffle=True, random_state=seed)`; no group "
        "lies in two folds (checked). In each fold the standardisation and the regression see the two "
        f"training folds only, and C is chosen by an inner {msld['inner_splits']}-fold grouped CV on them "
        "(accuracy). Accuracy per held-out fold; sd is the sample sd (ddof=1) over the folds.",
        "",
        "| | fold accuracies (%) | accuracy mean ± sd (%) | sensitivity (%) | specificity (%) | C per fold |",
        "|---|---|---|---|---|---|",
    ]
    for s in msld["seeds"]:
        lines.append(
            f"| ours, seed {s['seed']} | "
            + ", ".join(_pct(f["accuracy"]) for f in s["folds"])
            + f" | {_pct(s['accuracy_mean'])} ± {_pct(s['accuracy_sd'])} | {_pct(s['sensitivity_mean'])} | "
            f"{_pct(s['specificity_mean'])} | " + ", ".join(f"{f['C']:g}" for f in s["folds"]) + " |"
        )
    lines += [
        f"| **ours, mean over {len(msld['seeds'])} seeds** | {over['n_folds']} folds, sd over all "
        f"{_pct(over['accuracy_sd_all_folds'])} | **{_pct(over['accuracy_mean'])} ± "
        f"{_pct(over['accuracy_sd_mean'])}** (mean of the seeds' sd) | {_pct(over['sensitivity_mean'])} | "
        f"{_pct(over['specificity_mean'])} | |",
        f"| {paper['paper']}, {paper['model']} | | {100 * paper['accuracy_mean']:.2f} ± "
        f"{100 * paper['accuracy_sd']:.2f} | | | |",
        "",
        f"The paper's figure is a fine-tuned {paper['model'].split(' ')[0]} under its own 3-fold "
        "patient-grouped protocol on the MSLD v1 release; ours is a linear model on frozen features, on this "
        "project's copy of MSLD v1 (the counts above), so the two are comparable in protocol, not in model.",
        "",
        "## 2. Leave one source out (cross-source generalisation)",
        "",
        f"All eight-class labelled rows of {', '.join(f'`{m}`' for m in setup['manifests'])}. For each "
        "source: train on every other source (single-label rows; C chosen by macro-F1 on the validation part "
        f"of a group-aware split of the training sources, `make_split(seed={loso['seed']})`, then refitted "
        "on all training rows), test on the source. **Accuracy** counts every row, an MSLD `others` row "
        "(chickenpox or measles, which is unknown) being right when the prediction is chickenpox or measles; "
        "**macro-F1** runs over the single-label rows and the classes present in the source. A class of the "
        "source that no training source has can never be predicted: it is listed, with the number of such "
        "rows.",
        "",
        "| held-out source | images | labels | accuracy (%) | macro-F1 | mpox sensitivity (%) | "
        "mpox specificity (%) | classes never in training | rows that cannot be right | most frequent wrong "
        "answer | C |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in loso["sources"]:
        labels = ", ".join(f"{k} {v}" for k, v in r["labels"].items())
        top = f"{r['top_error']['class']} ({r['top_error']['n']})" if r["top_error"] else "–"
        lines.append(
            f"| {r['source']} | {r['n_images']} | {labels} | {_pct(r['accuracy'])} | {r['macro_f1']:.3f} | "
            f"{_pct(r['mpox_sensitivity'])} | {_pct(r['mpox_specificity'])} | "
            f"{', '.join(r['unseen_classes']) or 'none'} | {r['n_unreachable']} | {top} | {r['C']:g} |"
        )
    lines += [
        "",
        "Per-class recall, what each label was predicted as, the chosen C's validation macro-F1 and the "
        "training sources are in `protocols.json` beside this page. A class learnt from a single source is "
        "partly learnt as that source's look (camera, lighting, framing): where the figures above fall far "
        "below the in-source ones, the predicted-as counts show which classes took the "
        "images. For a source of one class (dermnet_com: eczema; "
        "roboflow_urticaria: urticaria) macro-F1 is that class's F1 = 2r/(1 + r) of its recall r (its "
        "precision is 1 by construction): read the accuracy. For msld_v1 the only single-label class is "
        "mpox, so its macro-F1 is the F1 of mpox over the mpox rows alone (precision 1 by construction); "
        "read its accuracy and mpox sensitivity/specificity instead.",
        "",
    ]
    return "\n".join(lines)
