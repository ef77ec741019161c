"""``mpox-train soup``: average the weights of fine-tuning runs into one network (a model soup).

    mpox-train soup --bundle runs/default/fit/bundle --bundle runs/default/fit-s1/bundle \\
        --data runs/default/data/manifest.csv --split-file runs/default/split.json --out runs/soup/bundle

Only runs of one architecture fine-tuned from the same start on the same manifest and split are accepted
(``training.soup.check_ingredients``). The validation split fits the temperature (and, with ``--greedy``,
chooses the ingredients); the test split is not read.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--bundle",
        required=True,
        action="append",
        type=Path,
        help="a fine-tuned bundle (give two or more: the bundle of each `mpox-train fit` run)",
    )
    parser.add_argument("--data", required=True, type=Path, help="the manifest the runs were trained on")
    parser.add_argument("--split-file", required=True, type=Path, help="the runs' split file")
    parser.add_argument("--out", required=True, type=Path, help="bundle folder to write")
    parser.add_argument(
        "--greedy",
        action="store_true",
        help="add ingredients best first, keeping each only if validation macro-F1 does not drop",
    )
    parser.add_argument("--name", help="bundle name (default: the first ingredient's, with -soup)")
    parser.add_argument("--cache-dir", type=Path, help="decoded-image cache (default ~/.cache/mpox-train)")


def run(args: argparse.Namespace) -> int:
    from training import splits as splitlib
    from training.dataset_manifest import labelled, read_dataset_manifest
    from training.soup import make_soup

    records = labelled(read_dataset_manifest(args.data))
    val = splitlib.select(records, splitlib.load_split(args.split_file, args.data), "val")
    result = make_soup(
        args.bundle, val, args.out, greedy=args.greedy, cache_dir=args.cache_dir, name=args.name
    )
    print(
        json.dumps(
            {
                "bundle": str(result.bundle),
                "method": result.method,
                "kept": result.kept,
                "val_macro_f1": round(result.val_macro_f1, 4),
                "ingredients_val_macro_f1": {
                    k: round(v, 4) for k, v in result.ingredient_val_macro_f1.items()
                },
                "temperature": round(result.temperature, 4),
            },
            indent=2,
        )
    )
    return 0
