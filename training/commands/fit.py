"""``mpox-train fit``: train a classifier and export its bundle (see training.fit for the API)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from models.registry import REGISTRY
from training.fit import FitConfig, fit
from training.manifest import read_manifest
from training.splits import make_split, save_split


def add_fit_arguments(parser: argparse.ArgumentParser) -> None:
    """Training options shared by ``fit`` and ``screen-models``."""
    parser.add_argument("--data", required=True, type=Path, help="manifest CSV")
    parser.add_argument(
        "--split-file", type=Path, help="split file from `mpox-train split` (default: made in --out)"
    )
    parser.add_argument("--init", default="random", help="random | imagenet | simclr:PATH (default random)")
    parser.add_argument("--input-size", type=int, help="image size (default: the architecture's)")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument(
        "--optimizer", choices=("sgd", "adamw"), default="sgd", help="default sgd (the paper's)"
    )
    parser.add_argument("--lr", type=float, default=0.01)
    parser.add_argument("--weight-decay", type=float, default=1e-4)
    parser.add_argument("--schedule", choices=("cosine", "constant"), default="cosine")
    parser.add_argument("--label-smoothing", type=float, default=0.0)
    parser.add_argument(
        "--balance",
        choices=("none", "weights", "sampler"),
        default="none",
        help="class-weighted loss or balanced sampling for imbalanced data",
    )
    parser.add_argument(
        "--expand-scarce",
        type=int,
        default=0,
        metavar="N",
        help="repeat scarce labels (augmented) up to N images each (the paper's Data_C)",
    )
    parser.add_argument("--no-augment", action="store_true", help="train without augmentation")
    parser.add_argument("--augment-p", type=float, default=0.5, help="probability of each augmentation")
    parser.add_argument("--patience", type=int, default=0, help="early stopping on val macro-F1 (0: off)")
    parser.add_argument("--freeze-below", default="", metavar="PREFIX",
                        help="freeze parameters before the first named PREFIX (e.g. _blocks.10)")
    parser.add_argument("--workers", type=int, default=2, help="DataLoader worker processes")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--device", help="cpu, cuda, cuda:1 (default: CUDA when available)")
    parser.add_argument("--cache-dir", type=Path, help="decoded-image cache (default ~/.cache/mpox-train)")
    parser.add_argument("--quiet", action="store_true", help="no progress bars")
    parser.add_argument("--open-set", type=Path, metavar="MANIFEST",
                        help="outlier exposure: train also on the training part of this open-set manifest")
    parser.add_argument("--open-split", type=Path, help="its split file (default: made in the run folder)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--arch", default="efficientnet_lite0", choices=sorted(REGISTRY))
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
        patience=args.patience,
        freeze_below=args.freeze_below,
        num_workers=args.workers,
        seed=args.seed,
        device=args.device,
        progress=not args.quiet,
        open_set=args.open_set,
        open_split=args.open_split,
    )
    if args.cache_dir:
        kwargs["cache_dir"] = args.cache_dir
    kwargs.update(overrides)
    return FitConfig(**kwargs)


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
    if args.cv:
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
            print(f"fold {fold}: " + _summary(fit(cfg)))
        return 0
    result = fit(config_from_args(args, args.arch, args.out, resume=args.resume, bundle_name=args.name))
    print(_summary(result))
    if result.test_metrics:
        print(json.dumps({k: result.test_metrics[k] for k in ("accuracy", "macro_f1", "ece")}, indent=1))
    return 0
