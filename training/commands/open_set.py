"""``mpox-train open-set``: fit a bundle's open-set head and thresholds and write them into the bundle.

    mpox-train open-set --bundle runs/default/bundle --data ../shared/data/skin/manifest.csv \\
        --split-file runs/default/split.json --open-set ../shared/data/open_set/manifest.csv

The open-set images are split once into train/val/test (``--open-split``, written beside the bundle when it
does not exist); the test part is never used here: evaluate on it with ``mpox-train evaluate --open-set``.
A bundle rewritten here needs a new pin or signature before a station accepts it (``mpox-train pin|sign``).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from training.open_set import OpenSetConfig

    d = OpenSetConfig(Path(), Path(), Path(), Path())
    parser.add_argument("--bundle", required=True, type=Path, help="bundle folder")
    parser.add_argument("--data", required=True, type=Path, help="the eight-class manifest of the bundle")
    parser.add_argument(
        "--split-file",
        required=True,
        type=Path,
        help="the bundle's split: train fits the heads, val chooses the thresholds",
    )
    parser.add_argument(
        "--open-set",
        required=True,
        type=Path,
        help="open-set manifest (other_condition, not_skin), e.g. ../shared/data/open_set/manifest.csv",
    )
    parser.add_argument(
        "--open-split", type=Path, help="open-set split file (default: open_split.json beside the bundle)"
    )
    parser.add_argument(
        "--extra-known",
        type=Path,
        metavar="MANIFEST",
        help="eight-class images the bundle never trained on (e.g. skin_more): half to "
        "fit, half to choose on",
    )
    parser.add_argument("--out", type=Path, help="write the bundle here (default: rewrite --bundle in place)")
    parser.add_argument(
        "--max-unknown",
        type=float,
        default=d.max_unknown,
        help="share of validation eight-class images the unknown check may take",
    )
    parser.add_argument(
        "--max-not-skin",
        type=float,
        default=d.max_not_skin,
        help="share of validation eight-class images the not-skin check may take",
    )
    parser.add_argument("--seed", type=int, default=d.seed)
    parser.add_argument("--cache-dir", type=Path, help="decoded-image cache (default ~/.cache/mpox-train)")


def run(args: argparse.Namespace) -> int:
    from training.open_set import OpenSetConfig, add_open_set, summary

    for name in ("max_unknown", "max_not_skin"):
        if not 0.0 < getattr(args, name) < 0.5:
            raise SystemExit(f"mpox-train open-set: --{name.replace('_', '-')} must be between 0 and 0.5")
    cfg = OpenSetConfig(
        bundle=args.bundle,
        data=args.data,
        split_file=args.split_file,
        open_set=args.open_set,
        open_split=args.open_split,
        out=args.out,
        extra_known=args.extra_known,
        seed=args.seed,
        max_unknown=args.max_unknown,
        max_not_skin=args.max_not_skin,
        **({"cache_dir": args.cache_dir} if args.cache_dir else {}),
    )
    block = add_open_set(cfg)
    print(json.dumps({k: block[k] for k in ("transform", "C_unknown", "validation", "data")}, indent=2))
    print(summary(block))
    print(f"written: {args.out or args.bundle} (re-pin or re-sign it before a station uses it)")
    return 0
