"""Checkpoints -> verified bundles (models.bundle), with provenance, and an optional ONNX copy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import torch
from torch import nn

from models.bundle import make_manifest
from models.decision import Thresholds
from models.registry import build_model, get_spec, replace_head

from .bundle_draft import BundleDraft
from .dataset_manifest import ManifestError


def git_commit() -> str:
    """The repository's commit (with ``-dirty`` when the tree has changes), or 'unknown'."""
    root = Path(__file__).resolve().parents[1]
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, timeout=10, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
        return commit + ("-dirty" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def command_line() -> str:
    """The command as a user would type it again (``python -m training.cli`` is ``mpox-train``)."""
    program = Path(sys.argv[0]).name
    if program in ("cli.py", "__main__.py"):
        program = "mpox-train"
    return " ".join([program, *sys.argv[1:]])


def export_draft(
    model: nn.Module,
    arch: str,
    classes: list[str] | tuple[str, ...],
    *,
    input_size: int,
    temperature: float = 1.0,
    metrics: dict | None = None,
    provenance: dict | None = None,
    name: str | None = None,
    thresholds: Thresholds | None = None,
    preprocessing: tuple[str, ...] = (),
) -> BundleDraft:
    """The bundle of a trained network, not yet written: more may be added (an ONNX graph) before the one
    write."""
    model = model.module if hasattr(model, "module") else model  # unwrap DDP
    model = model.to("cpu").to(memory_format=torch.contiguous_format).eval()
    manifest = make_manifest(
        model,
        arch,
        classes,
        name=name,
        thresholds=thresholds,
        temperature=temperature,
        metrics=metrics or {},
        provenance=provenance or {},
        input_size=input_size,
        preprocessing=preprocessing,
    )
    return BundleDraft(model, manifest)


def export_bundle(
    model: nn.Module, arch: str, classes: list[str] | tuple[str, ...], out_dir: str | Path, **manifest_fields
) -> Path:
    """Write a bundle and load it back (hash, strict keys, forward pass) before returning its path."""
    return export_draft(model, arch, classes, **manifest_fields).write(out_dir).path


def load_checkpoint(path: str | Path) -> dict:
    path = Path(path)
    if not path.is_file():
        raise ManifestError(
            f"checkpoint {path} not found; `mpox-train fit` writes last.pt and best.pt in its --out"
        )
    try:
        ckpt = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:  # torch raises several types for damaged files
        raise ManifestError(f"checkpoint {path} cannot be read ({exc}); use another checkpoint") from exc
    for key in ("model", "arch", "classes", "input_size"):
        if key not in ckpt:
            raise ManifestError(f"checkpoint {path} lacks {key!r}: it was not written by `mpox-train fit`")
    return ckpt


def model_from_checkpoint(ckpt: dict) -> nn.Module:
    arch, n = ckpt["arch"], len(ckpt["classes"])
    # A run with the training-only outlier output (fit's outlier_output) has more rows than classes.
    rows = ckpt["model"].get(f"{get_spec(arch).head}.weight")
    n_rows = n if rows is None else rows.shape[0]
    extra = 1 if ckpt.get("config", {}).get("outlier_output") else 0
    if n_rows != n + extra:  # anything else is not what `mpox-train fit` wrote for these classes
        raise ManifestError(
            f"the checkpoint's classifier has {n_rows} outputs for {n} classes"
            + (" and the outlier output" if extra else "")
            + ": it is damaged or was not written by `mpox-train fit`; export another checkpoint"
        )
    model = build_model(arch, n_rows, init="random")
    model.load_state_dict(ckpt["model"], strict=True)
    if extra:
        drop_outputs_after(model, arch, n)
    return model.eval()


def drop_outputs_after(model: nn.Module, arch: str, n: int) -> None:
    """Keep the classifier's first ``n`` outputs (the classes), dropping the training-only outlier output."""
    spec = get_spec(arch)
    head = model.get_submodule(spec.head)
    kept = nn.Linear(head.in_features, n).to(head.weight.device)
    with torch.no_grad():
        kept.weight.copy_(head.weight[:n])
        kept.bias.copy_(head.bias[:n])
    replace_head(model, spec, kept)
