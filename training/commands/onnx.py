"""``mpox-train onnx BUNDLE``: add (or renew) the ONNX graph the station serves without PyTorch.

For a bundle made before ``mpox-train export`` wrote it. The bundle is rewritten atomically; its pin or
signature must then be made again (``mpox-train pin`` / ``mpox-train sign``).
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("bundle", type=Path, metavar="BUNDLE", help="bundle folder (rewritten atomically)")


def add_graph(bundle: Path) -> None:
    from training.onnx_export import add_serving_graph

    graph_added(bundle, add_serving_graph(bundle))


def graph_added(bundle: Path, block: dict) -> None:
    """Say what the graph added to ``bundle`` is, and that a pin or signature must be made again."""
    from models.trust import pin_path

    print(
        f"{bundle}: {block['file']} and {block['cam_head']} added, checked against PyTorch "
        f"(max |logit difference| {block['max_logit_difference_to_eager']:.1e}); the station serves it "
        "without PyTorch"
    )
    if pin_path(bundle).is_file() or (bundle / "manifest.sig").is_file():
        print(f"the bundle changed: re-pin it (`mpox-train pin {bundle}`); re-sign it if it was signed")


def run(args: argparse.Namespace) -> int:
    add_graph(args.bundle)
    return 0
