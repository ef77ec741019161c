"""``mpox-train export``: a checkpoint (last.pt/best.pt of `mpox-train fit`) -> verified bundle, with the ONNX
graph the station serves without PyTorch (``models.serving``) unless ``--no-onnx``."""

from __future__ import annotations

import argparse
from pathlib import Path

from training.export import export_draft, load_checkpoint, model_from_checkpoint


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--checkpoint", required=True, type=Path, help="best.pt or last.pt from `mpox-train fit`"
    )
    parser.add_argument("--out", required=True, type=Path, help="bundle folder to write")
    parser.add_argument(
        "--temperature",
        type=float,
        help="calibration temperature (default: from the run's bundle next to the checkpoint, or 1)",
    )
    parser.add_argument("--name", help="bundle name")
    parser.add_argument(
        "--onnx",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="add model.onnx (checked against PyTorch) so the station serves the bundle without PyTorch",
    )


def run(args: argparse.Namespace) -> int:
    from models.bundle import read_bundle_manifest

    ckpt = load_checkpoint(args.checkpoint)
    model = model_from_checkpoint(ckpt)
    temperature, metrics, provenance = 1.0, {}, {"init": ckpt.get("init_meta", {}).get("init", "unknown")}
    sibling = args.checkpoint.parent / "bundle"
    if (sibling / "manifest.json").is_file():
        old = read_bundle_manifest(sibling)
        temperature, metrics, provenance = old["temperature"], old["metrics"], dict(old["provenance"])
    if args.temperature is not None:
        temperature = args.temperature
    provenance["exported_from"] = str(args.checkpoint.resolve())
    draft = export_draft(
        model,
        ckpt["arch"],
        ckpt["classes"],
        input_size=ckpt["input_size"],
        temperature=temperature,
        metrics=metrics,
        provenance=provenance,
        name=args.name,
    )
    block = None
    if args.onnx:  # the graph joins the bundle before its one write
        from models.serving import ServingUnavailable
        from training.onnx_export import serving_graph_into

        try:
            block = serving_graph_into(draft)
        except ServingUnavailable as exc:  # the bundle is still good: the eager path serves it
            print(
                f"no ONNX graph: {exc}; a station serves this bundle with PyTorch (pip install "
                "'mpox-aism[eager]')"
            )
    written = draft.write(args.out)
    print(f"bundle written and verified: {written.path}")
    if block is not None:
        from training.commands.onnx import graph_added
        from training.onnx_export import check_written_graph

        check_written_graph(written)
        graph_added(written.path, block)
    return 0
