"""``mpox-train split``: a group-aware, stratified train/val/test (and k-fold) split file."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from training.dataset_manifest import read_dataset_manifest
from training.splits import load_split, make_split, save_split, select


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, type=Path, help="manifest CSV")
    parser.add_argument("--out", required=True, type=Path, help="split file (JSON) to write")
    parser.add_argument("--val", type=float, default=0.15, help="validation fraction (default 0.15)")
    parser.add_argument("--test", type=float, default=0.15, help="test fraction (default 0.15)")
    parser.add_argument("--k", type=int, default=0, help="also assign k group-disjoint folds")
    parser.add_argument("--seed", type=int, default=0)


def run(args: argparse.Namespace) -> int:
    records = read_dataset_manifest(args.data)
    split = make_split(records, val=args.val, test=args.test, k=args.k, seed=args.seed)
    save_split(split, args.out, args.data)
    split = load_split(args.out, args.data)
    for name in ("train", "val", "test"):
        chosen = select(records, split, name)
        counts = Counter(r.label for r in chosen)
        groups = len({r.group for r in chosen})
        print(
            f"{name:<6} {len(chosen):>5} images {groups:>5} groups  "
            + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        )
    print(f"wrote {args.out}")
    return 0
