"""``mpox-train keygen OUT``: a new Ed25519 key pair for signing bundles (OUT: private, 0600; OUT.pub)."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "out",
        type=Path,
        metavar="OUT",
        help="private key file to create (never overwritten); the public key goes to OUT.pub",
    )


def run(args: argparse.Namespace) -> int:
    from models.keys import generate_keypair

    private, public, kid = generate_keypair(args.out)
    print(f"private key {private} (mode 0600: keep it off the stations, backed up offline)")
    print(f"public key  {public} (key id {kid}): stations trust it with `mpox-kiosk trust add {public.name}`")
    return 0
