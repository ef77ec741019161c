"""``mpox-train evaluate``: metrics.json and report.md (with figures) for a bundle on a manifest."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from training.evaluation import EvalData, evaluate_bundle, full_metrics
from training.manifest import ManifestError
from training.report import write_report

CV_KEYS = ("accuracy", "macro_f1", "ece")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--bundle",
        required=True,
        type=Path,
        help="bundle folder; with --cv, the run folder of `mpox-train fit --cv K` (foldI/bundle)",
    )
    parser.add_argument("--data", required=True, type=Path, help="manifest CSV")
    parser.add_argument("--split-file", type=Path, help="split file (default: every labelled image)")
    parser.add_argument("--split", default="test", choices=("train", "val", "test"))
    parser.add_argument("--cv", type=int, default=0, metavar="K", help="evaluate K fold bundles, mean and sd")
    parser.add_argument("--out", required=True, type=Path, help="report folder")
    parser.add_argument("--bootstrap", type=int, default=1000, help="bootstrap resamples for the 95%% CIs")
    parser.add_argument("--cache-dir", type=Path, help="decoded-image cache (default ~/.cache/mpox-train)")
    parser.add_argument("--open-set", type=Path, metavar="MANIFEST",
                        help="also screen this open-set manifest (other_condition, not_skin) as the station "
                             "does, with the selected eight-class images; adds 'open_set' to metrics.json")
    parser.add_argument("--open-split", type=Path, help="open-set split file: only its --split part is used "
                        "(default: every open-set image)")


def run(args: argparse.Namespace) -> int:
    extra = {"cache_dir": args.cache_dir} if args.cache_dir else {}
    if args.cv:
        split_file = args.split_file or args.bundle / "split.json"
        folds, parts = [], []
        for fold in range(args.cv):
            bundle = args.bundle / f"fold{fold}" / "bundle"
            if not bundle.is_dir():
                raise ManifestError(
                    f"{bundle} not found: train the folds with `mpox-train fit --cv {args.cv}`"
                )
            m, data = evaluate_bundle(bundle, args.data, split_file=split_file, fold=fold, n_boot=0, **extra)
            folds.append({k: m[k] for k in CV_KEYS} | {"mpox_recall": m["mpox_vs_rest"]["recall"]})
            parts.append(data)
        pooled = EvalData.concat(parts)
        metrics = full_metrics(pooled, n_boot=args.bootstrap)
        metrics["folds"] = folds
        metrics["cv"] = {
            k: {"mean": float(np.mean([f[k] for f in folds])), "std": float(np.std([f[k] for f in folds]))}
            for k in folds[0]
        }
        title = f"Cross-validation report ({args.cv} folds, pooled out-of-fold predictions)"
    else:
        metrics, pooled = evaluate_bundle(
            args.bundle,
            args.data,
            split_file=args.split_file,
            split=args.split if args.split_file else None,
            n_boot=args.bootstrap,
            **extra,
        )
        title = f"Evaluation of {args.bundle} on {args.data}" + (
            f" ({args.split} split)" if args.split_file else ""
        )
    if args.open_set:
        if args.cv:
            raise ManifestError("--open-set evaluates one bundle; leave out --cv")
        metrics["open_set"] = _open_set(args, pooled)
    report = write_report(args.out, metrics, pooled, title=title)
    print(
        f"accuracy {metrics['accuracy']:.3f}  macro-F1 {metrics['macro_f1']:.3f}  ECE {metrics['ece']:.3f}  "
        f"mpox recall (top class) {metrics['mpox_vs_rest']['recall']:.3f}  ({metrics['n_images']} images)"
    )
    if op := metrics.get("mpox_operating_point"):
        print(f"at the bundle's flag threshold {op['threshold']}: mpox recall {op['recall']:.3f}, "
              f"specificity {op['specificity']:.3f}")
    if m := metrics.get("open_set"):
        from training.open_set_eval import EIGHT_CLASS

        o, r = m["outcomes"], m["reasons"]
        unknown = r["other_condition"]["unknown_condition"]
        print(f"open set: other conditions -> unknown_condition {unknown:.1%},"
              f" FLAG {o['other_condition']['flag']:.1%}; not skin -> RETAKE {o['not_skin']['retake']:.1%}, "
              f"FLAG {o['not_skin']['flag']:.1%}; eight-class images refused "
              f"{m['eight_class_rejected']['total']:.1%} (of {o[EIGHT_CLASS]['n']})")
    print(f"report: {report}")
    return 0


def _open_set(args: argparse.Namespace, pooled: EvalData) -> dict:
    """Screen the evaluated eight-class images and the open-set images through the station's path."""
    from models.bundle import load_bundle
    from training.manifest import read_manifest
    from training.open_set import load_open_split, select_open
    from training.open_set_eval import evaluate_open_set

    records = read_manifest(args.open_set)
    split = load_open_split(args.open_split, args.open_set) if args.open_split else None
    chosen = select_open(records, split, args.split if split else None)
    if not chosen:
        raise ManifestError(f"no open-set images selected from {args.open_set}")
    return evaluate_open_set(load_bundle(args.bundle), pooled.records, chosen, progress=sys.stderr.isatty())
