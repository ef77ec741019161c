"""``mpox-train quantize``: add an int8 graph to a bundle, calibrated and checked on real images.

    mpox-train quantize --bundle runs/paper/bundle --data ../shared/data/skin/manifest.csv \\
        --split-file runs/paper/split.json --split val
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from training.quantize import MIN_AGREEMENT


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bundle", required=True, type=Path, help="bundle folder (rewritten atomically)")
    parser.add_argument("--data", required=True, type=Path, help="manifest CSV with real images")
    parser.add_argument("--split-file", type=Path, help="take the images from one split of this file")
    parser.add_argument("--split", default="val", choices=("train", "val", "test"))
    parser.add_argument("--calibration", type=int, default=32, help="images for the activation ranges")
    parser.add_argument("--max-check", type=int, default=400, help="other images for the agreement check")
    parser.add_argument(
        "--min-agreement",
        type=float,
        default=MIN_AGREEMENT,
        help="refuse the graph below this top-1 agreement with the float model",
    )
    parser.add_argument("--seed", type=int, default=0)


def run(args: argparse.Namespace) -> int:
    from training.quantize import quantize_from_manifest

    info = quantize_from_manifest(
        args.bundle,
        args.data,
        split_file=args.split_file,
        split=args.split,
        n_calibration=args.calibration,
        max_check=args.max_check,
        seed=args.seed,
        min_agreement=args.min_agreement,
    )
    print(json.dumps(info, indent=2))
    print(
        f"int8 graph added to {args.bundle}: top-1 agreement {info['top1_agreement_with_float']:.1%} "
        f"on {info['n_check_images']} images"
    )
    from models.trust import pin_path

    if pin_path(args.bundle).is_file():  # the manifest changed: the old pin (and any signature) no longer fit
        print(f"the bundle changed: re-pin it (`mpox-train pin {args.bundle}`); re-sign it if it was signed")
    return 0
