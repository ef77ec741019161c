"""``mpox-train rollout``: may a candidate bundle, run in shadow beside the live one, replace it? Refused,
with the figures, when it is worse on the stations' confirmed cases (training/field_store.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from training.commands.store_args import add_store_options


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", required=True, metavar="URL", help="the stations' case store")
    parser.add_argument(
        "--candidate", required=True, type=Path, help="the bundle the stations ran as [model] shadow_bundle"
    )
    parser.add_argument("--install", type=Path, help="when allowed, install the candidate here (atomically)")
    add_store_options(parser, "reading the store")


def run(args: argparse.Namespace) -> int:
    from training.field_store import rollout

    return rollout(args)
