"""``mpox-train evaluate``: metrics.json and report.md (with figures) for a bundle on a manifest."""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections import Counter
from pathlib import Path

import numpy as np

from training.commands.store_args import add_store_options
from training.dataset_manifest import ManifestError
from training.evaluation import EvalData, evaluate_bundle, full_metrics
from training.report import calibration_text, overlap_text, proportion, small_n, write_report

CV_KEYS = ("accuracy", "macro_f1", "ece")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--bundle",
        required=True,
        type=Path,
        help="bundle folder; with --cv, the run folder of `mpox-train fit --cv K` (foldI/bundle)",
    )
    data = parser.add_mutually_exclusive_group(required=True)
    data.add_argument("--data", type=Path, help="manifest CSV")
    data.add_argument(
        "--store",
        metavar="URL",
        help="the stations' case store: evaluate on its confirmed cases (needs --store-data and --as ADMIN; "
        "audited; pictures decrypted in memory only)",
    )
    add_store_options(parser, "with --store")
    parser.add_argument("--split-file", type=Path, help="split file (default: every labelled image)")
    parser.add_argument(
        "--split",
        choices=("train", "val", "test"),
        help="the part of --split-file to evaluate (default test); needs --split-file",
    )
    parser.add_argument("--cv", type=int, default=0, metavar="K", help="evaluate K fold bundles, mean and sd")
    parser.add_argument("--out", required=True, type=Path, help="report folder")
    parser.add_argument("--bootstrap", type=int, default=1000, help="bootstrap resamples for the 95%% CIs")
    parser.add_argument("--cache-dir", type=Path, help="decoded-image cache (default ~/.cache/mpox-train)")
    parser.add_argument(
        "--open-set",
        type=Path,
        metavar="MANIFEST",
        help="also screen this open-set manifest (other_condition, not_skin) as the station "
        "does, with the selected eight-class images; adds 'open_set' to metrics.json",
    )
    parser.add_argument(
        "--open-split",
        type=Path,
        help="open-set split file: only its --split part is used (default: every open-set image)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bars")


def run(args: argparse.Namespace) -> int:
    if args.store:
        return _run_store(args)
    if args.split and not args.split_file and not args.cv:
        raise ManifestError(_split_needs_file(args))
    if args.open_set and args.cv:
        raise ManifestError("--open-set evaluates one bundle; leave out --cv")
    if not args.split_file and not args.cv:
        print(f"no --split-file: evaluating every labelled image of {args.data}", file=sys.stderr)
    # Warnings from the libraries (scikit-learn, numpy) are collected, summarised once and recorded in
    # metrics.json instead of interleaving with the progress bars; the filters in force still apply.
    with warnings.catch_warnings(record=True) as caught:
        metrics, pooled, title = _evaluate(args)
        if args.open_set:
            metrics["open_set"] = _open_set(args, pooled)
    if caught:
        metrics["warnings"] = _summarise_warnings(caught)
    report = write_report(args.out, metrics, pooled, title=title)
    _print_summary(metrics)
    print(f"report: {report}")
    return 0


def _run_store(args: argparse.Namespace) -> int:
    """Local validation on the stations' confirmed cases (training/field_store.py)."""
    from training.field_store import evaluate_store, field_report_lines

    if args.cv or args.split_file or args.split or args.open_set:
        raise ManifestError(
            "--store evaluates one bundle on the store's confirmed cases: leave out --cv, "
            "--split-file, --split and --open-set"
        )
    with warnings.catch_warnings(record=True):
        field, pooled = evaluate_store(args)
        metrics = (
            full_metrics(pooled, n_boot=args.bootstrap, intervals="wilson", progress=not args.quiet)
            if pooled is not None and len(pooled.y) >= 2
            else {}
        )
    title = f"Evaluation of {args.bundle} on the confirmed cases of the case store"
    if metrics:
        metrics["field"] = field
        report = write_report(args.out, metrics, pooled, title=title)
        text = report.read_text(encoding="utf-8").split("\n", 1)
        report.write_text(text[0] + "\n\n" + "\n".join(field_report_lines(field)) + text[1], encoding="utf-8")
        _print_summary(metrics)
    else:  # no eight-class case with a picture the model saw: the field section alone
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "metrics.json").write_text(json.dumps({"field": field}, indent=1) + "\n")
        report = args.out / "report.md"
        report.write_text(f"# {title}\n\n" + "\n".join(field_report_lines(field)), encoding="utf-8")
    print("\n".join(field_report_lines(field)[2:]))
    print(f"report: {report}")
    return 0


def _evaluate(args: argparse.Namespace) -> tuple[dict, EvalData, str]:
    extra = {"cache_dir": args.cache_dir} if args.cache_dir else {}
    extra |= {"intervals": "wilson", "progress": not args.quiet}
    if args.cv:
        split_file = args.split_file or args.bundle / "split.json"
        folds, parts, overlaps = [], [], []
        for fold in range(args.cv):
            bundle = args.bundle / f"fold{fold}" / "bundle"
            if not bundle.is_dir():
                raise ManifestError(
                    f"{bundle} not found: train the folds with `mpox-train fit --cv {args.cv}`"
                )
            m, data = evaluate_bundle(bundle, args.data, split_file=split_file, fold=fold, n_boot=0, **extra)
            folds.append({k: m[k] for k in CV_KEYS} | {"mpox_recall": m["mpox_vs_rest"]["recall"]})
            overlaps.append(m["training_overlap"])
            parts.append(data)
        pooled = EvalData.concat(parts)
        metrics = full_metrics(pooled, n_boot=args.bootstrap, intervals="wilson", progress=extra["progress"])
        metrics["folds"] = folds
        metrics["cv"] = {
            k: {"mean": float(np.mean([f[k] for f in folds])), "std": float(np.std([f[k] for f in folds]))}
            for k in folds[0]
        }
        metrics["training_overlap"] = _pool_overlaps(overlaps)
        title = f"Cross-validation report ({args.cv} folds, pooled out-of-fold predictions)"
    else:
        split = (args.split or "test") if args.split_file else None
        metrics, pooled = evaluate_bundle(
            args.bundle,
            args.data,
            split_file=args.split_file,
            split=split,
            n_boot=args.bootstrap,
            **extra,
        )
        title = f"Evaluation of {args.bundle} on {args.data}" + (f" ({split} split)" if split else "")
    return metrics, pooled, title


def _split_needs_file(args: argparse.Namespace) -> str:
    """--split without --split-file used to evaluate every image silently; say which file to add."""
    message = (
        f"--split {args.split} needs --split-file (without a split file every labelled image of "
        f"{args.data} is evaluated)"
    )
    try:
        recorded = json.loads((args.bundle / "manifest.json").read_text())["provenance"].get("split_file")
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        recorded = None
    return message + (f"; the bundle was trained with --split-file {recorded}" if recorded else "")


def _pool_overlaps(overlaps: list[dict]) -> dict:
    """The folds' ``training_overlap`` summed (cross-validation: each fold bundle on its own test fold)."""
    out: dict = {
        "checked": all(o["checked"] for o in overlaps),
        "n_evaluated": sum(o["n_evaluated"] for o in overlaps),
        "folds": overlaps,
    }
    if out["checked"]:
        out |= {k: sum(o[k] for o in overlaps) for k in ("n_overlap", "train", "val")}
        out["split"] = "each fold bundle's split"
    else:
        out["reason"] = "; ".join(sorted({o["reason"] for o in overlaps if not o["checked"]}))
    return out


def _summarise_warnings(caught: list[warnings.WarningMessage]) -> list[dict]:
    counts = Counter((w.category.__name__, str(w.message)) for w in caught)
    return [{"category": c, "message": msg, "count": n} for (c, msg), n in counts.most_common()]


def _print_summary(metrics: dict) -> None:
    """The console summary: proportions with their Wilson interval and n, calibration, overlap, warnings."""
    ci, n = metrics.get("ci95", {}), metrics["n_images"]
    print(
        f"accuracy {proportion(metrics['accuracy'], ci.get('accuracy'), metrics['n_single_label'])}  "
        f"macro-F1 {metrics['macro_f1']:.3f}  ({n} images{small_n(n)})"
    )
    if b := metrics.get("mpox_vs_rest"):
        recall = proportion(b["recall"], ci.get("mpox_recall"), b["tp"] + b["fn"])
        specificity = proportion(b["specificity"], ci.get("mpox_specificity"), b["tn"] + b["fp"])
        print(f"mpox vs rest (top class): recall {recall}, specificity {specificity}")
    worse = metrics["ece"] > metrics["ece_before_temperature"]
    print(("WARNING: " if worse else "") + f"calibration: {calibration_text(metrics)}")
    if op := metrics.get("mpox_operating_point"):
        print(
            f"at the bundle's flag threshold {op['threshold']}: mpox recall "
            f"{proportion(op['recall'], op['recall_ci95'], op['n_positive'])}, specificity "
            f"{proportion(op['specificity'], op['specificity_ci95'], op['n_negative'])}"
        )
    overlap = metrics.get("training_overlap") or {}
    if warning := overlap_text(overlap):
        print(f"WARNING: {warning}")
    elif overlap and not overlap["checked"]:
        print(f"note: overlap with the bundle's training images not checked: {overlap['reason']}")
    for w in metrics.get("warnings", []):
        print(f"note: {w['count']} x {w['category']} during the evaluation: {w['message']}")
    if m := metrics.get("open_set"):
        from training.open_set_eval import EIGHT_CLASS

        o, r = m["outcomes"], m["reasons"]
        unknown = r["other_condition"]["unknown_condition"]
        print(
            f"open set: other conditions -> unknown_condition {unknown:.1%},"
            f" FLAG {o['other_condition']['flag']:.1%}; not skin -> RETAKE {o['not_skin']['retake']:.1%}, "
            f"FLAG {o['not_skin']['flag']:.1%}; eight-class images refused "
            f"{m['eight_class_rejected']['total']:.1%} (of {o[EIGHT_CLASS]['n']})"
        )


def _open_set(args: argparse.Namespace, pooled: EvalData) -> dict:
    """Screen the evaluated eight-class images and the open-set images through the station's path."""
    from models.bundle import load_bundle
    from training.dataset_manifest import read_dataset_manifest
    from training.open_set import load_open_split, select_open
    from training.open_set_eval import evaluate_open_set

    records = read_dataset_manifest(args.open_set)
    split = load_open_split(args.open_split, args.open_set) if args.open_split else None
    chosen = select_open(records, split, (args.split or "test") if split else None)
    if not chosen:
        raise ManifestError(f"no open-set images selected from {args.open_set}")
    return evaluate_open_set(load_bundle(args.bundle), pooled.records, chosen, progress=not args.quiet)
