"""``mpox-train fit``: train a classifier and export its bundle (see training.fit for the API)."""

from __future__ import annotations

import argparse
import json
from dataclasses import MISSING, fields
from pathlib import Path

from models.registry import REGISTRY
from training.fit import BALANCES, OPTIMIZERS, SCHEDULES, FitConfig, fit
from training.manifest import read_manifest
from training.splits import make_split, save_split

# The one home of the defaults is FitConfig; the command line only shows them.
DEFAULTS = {f.name: f.default for f in fields(FitConfig) if f.default is not MISSING}


def add_fit_arguments(parser: argparse.ArgumentParser) -> None:
    """Training options shared by ``fit`` and ``screen-models``; every default is FitConfig's."""
    d = DEFAULTS
    parser.add_argument("--data", required=True, type=Path, help="manifest CSV")
    parser.add_argument(
        "--split-file", type=Path, help="split file from `mpox-train split` (default: made in --out)"
    )
    parser.add_argument(
        "--init", default=d["init"], help="random | imagenet | simclr:PATH (default %(default)s)"
    )
    parser.add_argument("--input-size", type=int, help="image size (default: the architecture's)")
    parser.add_argument("--epochs", type=int, default=d["epochs"], help="(default %(default)s)")
    parser.add_argument("--batch-size", type=int, default=d["batch_size"], help="(default %(default)s)")
    parser.add_argument(
        "--optimizer", choices=OPTIMIZERS, default=d["optimizer"], help="default %(default)s (the paper's)"
    )
    parser.add_argument("--lr", type=float, default=d["lr"], help="(default %(default)s)")
    parser.add_argument("--weight-decay", type=float, default=d["weight_decay"], help="(default %(default)s)")
    parser.add_argument("--schedule", choices=SCHEDULES, default=d["schedule"], help="(default %(default)s)")
    parser.add_argument(
        "--label-smoothing", type=float, default=d["label_smoothing"], help="(default %(default)s)"
    )
    parser.add_argument(
        "--balance",
        choices=BALANCES,
        default=d["balance"],
        help="class-weighted loss or balanced sampling for imbalanced data (default %(default)s)",
    )
    parser.add_argument(
        "--expand-scarce",
        type=int,
        default=d["expand_scarce"],
        metavar="N",
        help="repeat scarce labels (augmented) up to N images each (the paper's Data_C)",
    )
    parser.add_argument("--no-augment", action="store_true", help="train without augmentation")
    parser.add_argument(
        "--augment-p",
        type=float,
        default=d["augment_p"],
        help="probability of each augmentation (default %(default)s)",
    )
    parser.add_argument(
        "--colour-jitter",
        type=float,
        default=d["colour_jitter"],
        help="strength in [0, 1] of an extra colour operation (brightness, contrast, saturation, hue) for "
        "skin tones and lighting (default %(default)s: the paper's set only)",
    )
    parser.add_argument(
        "--camera-p",
        type=float,
        default=d["camera_p"],
        help="webcam simulation before the other augmentations (white balance, exposure, zoom, low "
        "resolution, motion blur, noise, vignetting, JPEG), each with this probability "
        "(default %(default)s: off)",
    )
    parser.add_argument(
        "--condition",
        default="",
        metavar="STEP[+STEP]",
        help="conditioning steps of every picture, recorded in the bundle (mask_marks, shades_of_grey; "
        "default: none)",
    )
    parser.add_argument(
        "--mixup-alpha",
        type=float,
        default=d["mixup_alpha"],
        help="mixup: blend each batch with a shuffled copy, weights from Beta(alpha, alpha) "
        "(default %(default)s: off)",
    )
    parser.add_argument(
        "--cutmix-alpha",
        type=float,
        default=d["cutmix_alpha"],
        help="CutMix: paste a box of a shuffled copy; with --mixup-alpha too, each batch uses one "
        "(default %(default)s: off)",
    )
    parser.add_argument(
        "--patience",
        type=int,
        default=d["patience"],
        help="early stopping on val macro-F1 (0: off; default %(default)s)",
    )
    parser.add_argument(
        "--freeze-below",
        default=d["freeze_below"],
        metavar="PREFIX",
        help="freeze parameters before the first named PREFIX (e.g. _blocks.10)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=d["num_workers"],
        help="DataLoader worker processes (default %(default)s: load in the main process)",
    )
    parser.add_argument("--seed", type=int, default=d["seed"])
    parser.add_argument("--device", help="cpu, cuda, cuda:1 (default: CUDA when available)")
    parser.add_argument("--cache-dir", type=Path, help="decoded-image cache (default ~/.cache/mpox-train)")
    parser.add_argument("--quiet", action="store_true", help="no progress bars")
    parser.add_argument(
        "--open-set",
        type=Path,
        metavar="MANIFEST",
        help="outlier exposure: train also on the training part of this open-set manifest",
    )
    parser.add_argument("--open-split", type=Path, help="its split file (default: made in the run folder)")
    parser.add_argument(
        "--outlier-output",
        action="store_true",
        help="train those open-set images to one extra output instead of the uniform target; the bundle "
        "keeps only the classes' outputs",
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--arch", default=DEFAULTS["arch"], choices=sorted(REGISTRY), help="(default %(default)s)"
    )
    add_fit_arguments(parser)
    parser.add_argument("--out", required=True, type=Path, help="run folder: checkpoints, logs, bundle/")
    parser.add_argument("--resume", action="store_true", help="continue from --out/last.pt")
    parser.add_argument("--name", help="bundle name")
    parser.add_argument(
        "--cv",
        type=int,
        default=0,
        metavar="K",
        help="k-fold cross-validation: one bundle per fold in --out/foldI",
    )


def config_from_args(args: argparse.Namespace, arch: str, out_dir: Path, **overrides) -> FitConfig:
    kwargs = dict(
        manifest=args.data,
        out_dir=out_dir,
        split_file=args.split_file,
        arch=arch,
        init=args.init,
        input_size=args.input_size,
        epochs=args.epochs,
        batch_size=args.batch_size,
        optimizer=args.optimizer,
        lr=args.lr,
        weight_decay=args.weight_decay,
        schedule=args.schedule,
        label_smoothing=args.label_smoothing,
        balance=args.balance,
        expand_scarce=args.expand_scarce,
        augment=not args.no_augment,
        augment_p=args.augment_p,
        colour_jitter=args.colour_jitter,
        camera_p=args.camera_p,
        preprocessing=tuple(s for s in args.condition.split("+") if s),
        mixup_alpha=args.mixup_alpha,
        cutmix_alpha=args.cutmix_alpha,
        patience=args.patience,
        freeze_below=args.freeze_below,
        num_workers=args.workers,
        seed=args.seed,
        device=args.device,
        progress=not args.quiet,
        open_set=args.open_set,
        open_split=args.open_split,
        outlier_output=args.outlier_output,
    )
    if args.cache_dir:
        kwargs["cache_dir"] = args.cache_dir
    kwargs.update(overrides)
    config = FitConfig(**kwargs)
    config.validate()  # before any split is made or image decoded
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
    result = fit(config_from_args(args, args.arch, args.out, resume=args.resume, bundle_name=args.name))
    _report(_summary(result))
    if result.test_metrics:
        _report(json.dumps({k: result.test_metrics[k] for k in ("accuracy", "macro_f1", "ece")}, indent=1))


def _run_folds(args: argparse.Namespace) -> None:
    split_file = args.split_file or args.out / "split.json"
    if not args.split_file:
        split = make_split(read_manifest(args.data), k=args.cv, seed=args.seed)
        save_split(split, split_file, args.data)
    for fold in range(args.cv):
        cfg = config_from_args(
            args,
            args.arch,
            args.out / f"fold{fold}",
            split_file=split_file,
            fold=fold,
            resume=args.resume,
            bundle_name=args.name,
        )
        _report(f"fold {fold}: " + _summary(fit(cfg)))
