"""``mpox-train screen-models``: train architectures under identical conditions; Figure 3A/B and a ranking."""

from __future__ import annotations

import argparse

from models.registry import REGISTRY
from training.architecture_screening import screen_models
from training.commands.fit import add_fit_arguments, config_from_args
from training.dataset_manifest import ManifestError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--arch", required=True, help="comma-separated architectures, e.g. resnet18,efficientnet_lite0"
    )
    add_fit_arguments(parser, skip=("arch",))  # --out: the folder for runs, figures and ranking


def run(args: argparse.Namespace) -> int:
    archs = [a.strip() for a in args.arch.split(",") if a.strip()]
    unknown = [a for a in archs if a not in REGISTRY]
    if unknown or not archs:
        raise ManifestError(f"--arch: unknown {unknown}; choose from {', '.join(REGISTRY)}")
    if args.split_file is None:
        from training.dataset_manifest import read_dataset_manifest
        from training.splits import make_split, save_split

        args.split_file = args.out_dir / "split.json"  # one split for every model
        save_split(
            make_split(read_dataset_manifest(args.manifest), seed=args.seed), args.split_file, args.manifest
        )
    rows = screen_models(config_from_args(args, skip=("arch",), arch=archs[0]), archs, args.out_dir)
    for row in rows:
        print(
            f"{row['rank']}. {row['arch']}: val macro-F1 {row['val_macro_f1']:.3f}, "
            f"test accuracy {row['test_accuracy']:.3f}"
        )
    print(f"figures and ranking in {args.out_dir}")
    return 0
