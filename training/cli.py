"""``mpox-train``: one entry point, one module per sub-command.

Each sub-command lives in its own module exposing ``add_arguments(parser)`` and ``run(args) -> int``; the
module is imported only when its command runs, so ``mpox-train --help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from models.errors import MpoxError

# command -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "data": ("training.commands.data", "import datasets into one manifest and print counts"),
    "split": ("training.commands.split", "make a group-aware, stratified split file"),
    "fit": ("training.commands.fit", "train a classifier and export its bundle"),
    "screen-models": (
        "training.commands.screen_models",
        "train several architectures under identical conditions",
    ),
    "evaluate": ("training.commands.evaluate", "evaluate a bundle on a manifest and write a report"),
    "soup": ("training.commands.soup", "average fine-tuning runs' weights into one network (model soup)"),
    "export": ("training.commands.export", "export a checkpoint as a verified bundle with its ONNX graph"),
    "onnx": ("training.commands.onnx", "add the ONNX graph the station serves without PyTorch"),
    "quantize": ("training.commands.quantize", "add an int8 graph to a bundle, checked on real images"),
    "open-set": ("training.commands.open_set", "fit the open-set checks (unknown condition, not skin)"),
    "pretrain": ("training.commands.pretrain", "SimCLR self-supervised pre-training of a backbone"),
    "ablate-ssl": ("training.commands.ablate_ssl", "compare random/ImageNet/SimCLR initialisations"),
    "recipe": ("training.commands.recipe", "run a named end-to-end recipe (default, paper)"),
    "keygen": ("training.commands.keygen", "make an Ed25519 key pair for signing bundles"),
    "sign": ("training.commands.sign", "verify a bundle and sign its manifest (manifest.sig)"),
    "protocols": ("training.commands.protocols", "frozen-feature MSLD 3-fold and leave-one-source-out"),
    "cross-source": (
        "training.commands.cross_source",
        "choose a bundle's heads on sources held out of their fitting (issue 31)",
    ),
    "rollout": (
        "training.commands.rollout",
        "compare a shadow bundle with the live one on the stations' confirmed cases; refuse if worse",
    ),
    "pin": ("training.commands.pin", "verify a bundle and write its pin (BUNDLE.pin) after a rebuild"),
}


def get_args_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mpox-train", description="Train, evaluate and export mpox screening models."
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (_module, help_text) in COMMANDS.items():
        sub.add_parser(name, help=help_text, add_help=False)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = get_args_parser()
    if not argv or argv[0] in ("-h", "--help") or argv[0] not in COMMANDS:
        parser.parse_args(argv)  # prints help or the usage error and exits
        return 2
    name = argv[0]
    try:
        return _run(name, argv)
    except ModuleNotFoundError as exc:  # a station installation: the training profile is not there
        if (exc.name or "").split(".")[0] in ("models", "kiosk", "training"):
            raise  # our own module missing is a bug, not an installation profile
        print(
            f"mpox-train {name}: {exc.name} is not installed. mpox-train needs the training profile "
            "(PyTorch, lightly, scikit-learn, ...): pip install 'mpox-aism[train]'",
            file=sys.stderr,
        )
        return 2


def _run(name: str, argv: list[str]) -> int:
    module = importlib.import_module(COMMANDS[name][0])
    sub_parser = argparse.ArgumentParser(prog=f"mpox-train {name}", description=COMMANDS[name][1])
    module.add_arguments(sub_parser)
    args = sub_parser.parse_args(argv[1:])
    try:
        return int(module.run(args) or 0)
    except MpoxError as exc:
        print(f"mpox-train {name}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
