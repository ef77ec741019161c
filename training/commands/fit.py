"""``mpox-train fit``: train a classifier and export its bundle (see training.fit for the API)."""

from __future__ import annotations

import argparse
import json

from training.dataset_manifest import read_dataset_manifest
from training.fit import FitConfig, fit
from training.settings import add_setting_arguments, settings_from_args
from training.splits import make_split, save_split

# Options fit, screen-models and the recipe set themselves rather than take from the command line.
_NOT_FLAGS = ("init_head",)


def add_fit_arguments(parser: argparse.ArgumentParser, skip: tuple[str, ...] = ()) -> None:
    """One flag per FitConfig setting (training/settings.py): its help, default and bounds are FitConfig's."""
    add_setting_arguments(parser, FitConfig, skip=_NOT_FLAGS + skip)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_fit_arguments(parser)
    parser.add_argument(
        "--cv",
        type=int,
        default=0,
        metavar="K",
        help="k-fold cross-validation: one bundle per fold in --out/foldI",
    )


def config_from_args(args: argparse.Namespace, skip: tuple[str, ...] = (), **overrides) -> FitConfig:
    """The FitConfig the flags describe, checked before any split is made or image decoded."""
    config = FitConfig(**{**settings_from_args(FitConfig, args, skip=_NOT_FLAGS + skip), **overrides})
    config.validate()
    return config


def _summary(result) -> str:
    t = result.test_metrics
    line = (
        f"best epoch {result.best_epoch}: val macro-F1 {result.best_val_macro_f1:.3f}; "
        f"temperature {result.temperature:.3f}"
    )
    if t:
        line += f"; test accuracy {t['accuracy']:.3f}, macro-F1 {t['macro_f1']:.3f}"
    return line + f"\nbundle: {result.bundle_dir}"


def run(args: argparse.Namespace) -> int:
    from training.utils import teardown_distributed

    try:
        if args.cv:
            _run_folds(args)
        else:
            _run_one(args)
    finally:
        teardown_distributed()  # under torchrun: leave the process group once every fit is done
    return 0


def _report(text: str) -> None:
    """Print on rank 0 only: under torchrun the other ranks hold no metrics and no bundle."""
    from training.utils import dist_info

    if dist_info().main:
        print(text, flush=True)


def _run_one(args: argparse.Namespace) -> None:
    result = fit(config_from_args(args))
    _report(_summary(result))
    if result.test_metrics:
        _report(json.dumps({k: result.test_metrics[k] for k in ("accuracy", "macro_f1", "ece")}, indent=1))


def _run_folds(args: argparse.Namespace) -> None:
    split_file = args.split_file or args.out_dir / "split.json"
    if not args.split_file:
        split = make_split(read_dataset_manifest(args.manifest), k=args.cv, seed=args.seed)
        save_split(split, split_file, args.manifest)
    for fold in range(args.cv):
        cfg = config_from_args(args, out_dir=args.out_dir / f"fold{fold}", split_file=split_file, fold=fold)
        _report(f"fold {fold}: " + _summary(fit(cfg)))
