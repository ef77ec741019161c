"""``mpox-train pin BUNDLE``: verify a bundle, then write its pin ``BUNDLE.pin`` (after a legitimate
rebuild: the recipe's install step calls the same function)."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("bundle", type=Path, metavar="BUNDLE", help="bundle folder to pin")
    parser.add_argument("--out", type=Path, help="pin file to write (default: BUNDLE.pin beside the folder)")


def run(args: argparse.Namespace) -> int:
    from models.trust import pin_bundle

    path, bundle = pin_bundle(args.bundle, args.out)
    print(
        f"pinned {bundle.path}: {path} (bundle SHA-256 {bundle.sha256}; files: manifest.json, "
        f"{', '.join(sorted(bundle.files))})"
    )
    return 0
