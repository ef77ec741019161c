"""The options every command that reads the stations' case store takes (evaluate --store, data --from-store,
rollout): where the store's files are, and which admin authorises the reading (training/field_store.py)."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_store_options(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--store-data", type=Path, help=f"{what}: the store's data folder (its media/ and keys/)"
    )
    parser.add_argument("--key-file", type=Path, help=f"{what}: its key file (default: in --store-data)")
    parser.add_argument("--as", dest="admin", help=f"{what}: the admin account that authorises it (audited)")
    parser.add_argument("--password-stdin", action="store_true", help=f"{what}: the password from stdin")
