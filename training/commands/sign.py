"""``mpox-train sign --key PRIVATE_KEY BUNDLE``: verify a bundle, then sign its manifest's exact bytes
(``manifest.sig`` beside it)."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--key", required=True, type=Path, help="private key from `mpox-train keygen`")
    parser.add_argument("bundle", type=Path, metavar="BUNDLE", help="bundle folder to sign")


def run(args: argparse.Namespace) -> int:
    from models.trust import sign_bundle

    path, signature, bundle = sign_bundle(args.bundle, args.key)
    print(f"signed {bundle.path / 'manifest.json'} with key {signature['key_id']}: {path}")
    print(f"bundle SHA-256 {bundle.sha256} (files listed: {', '.join(sorted(bundle.files))})")
    print("stations accept it once they trust the key: mpox-kiosk trust add KEY.pub --as ADMIN")
    return 0
