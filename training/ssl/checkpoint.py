"""The SimCLR artefact: a backbone alone (safetensors) plus a JSON sidecar of metadata.

``backbone.safetensors`` holds the state dict of ``models.registry.build_backbone(arch)`` (the classifier
head replaced by Identity, so it has no head keys); ``backbone.json`` beside it says what it is and how it
was made. Loading it into a classifier is strict: the only keys allowed to be missing are the head's.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, save_file
from torch import nn

from models.bundle import sha256_file
from models.errors import MpoxError
from models.fsutil import atomic_path, atomic_write
from models.registry import REGISTRY, count_parameters, get_spec, head_keys

from ..export import git_commit

FORMAT = "mpox-simclr-backbone"
FORMAT_VERSION = 1
WEIGHTS_NAME = "backbone.safetensors"
_SHOW_KEYS = 5  # keys listed in an error message; the rest are counted


class SimCLRCheckpointError(MpoxError):
    """A SimCLR backbone file that is missing, corrupt, or does not fit the classifier asked for."""

    def __init__(self, path: str | Path, problem: str, hint: str = ""):
        self.path = str(path)
        self.problem = problem
        message = f"SimCLR backbone {self.path}: {problem}"
        if hint:
            message += f". {hint}"
        super().__init__(message)


def sidecar_path(weights: Path) -> Path:
    return weights.with_suffix(".json")


def resolve_weights_path(path: str | Path) -> Path:
    """Accept the .safetensors file, its .json sidecar, or the folder holding backbone.safetensors."""
    path = Path(path)
    if path.is_dir():
        return path / WEIGHTS_NAME
    if path.suffix == ".json":
        return path.with_suffix(".safetensors")
    return path


def make_metadata(backbone: nn.Module, arch: str, **fields: Any) -> dict[str, Any]:
    """Metadata for the sidecar; ``fields`` adds what the run knows (epochs, steps, loss, data, init...)."""
    spec = get_spec(arch)
    meta: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "arch": arch,
        "feature_dim": spec.feature_dim,
        "input_size": spec.input_size,
        "num_params": count_parameters(backbone),
        "created_utc": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join(sys.argv),
        "commit": git_commit(),
    }
    meta.update(fields)
    return meta


def save_simclr_backbone(backbone: nn.Module, path: str | Path, metadata: dict[str, Any]) -> Path:
    """Write weights then sidecar, each atomically (write to a temporary file, then rename)."""
    weights = resolve_weights_path(path)
    weights.parent.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().to("cpu").contiguous() for k, v in backbone.state_dict().items()}
    with atomic_path(weights) as tmp:
        save_file(state, tmp, metadata={"format": FORMAT, "arch": str(metadata["arch"])})
        digest = sha256_file(tmp)
    meta = dict(metadata, weights_file=weights.name, weights_sha256=digest)
    atomic_write(sidecar_path(weights), (json.dumps(meta, indent=2) + "\n").encode())
    return weights


def read_simclr_metadata(path: str | Path) -> dict[str, Any]:
    """Read and check the sidecar of a backbone file; raises SimCLRCheckpointError."""
    weights = resolve_weights_path(path)
    redo = "Re-run `mpox-train pretrain`, or check the path given to --init simclr:PATH"
    if not weights.is_file():
        raise SimCLRCheckpointError(weights, "file not found", redo)
    side = sidecar_path(weights)
    if not side.is_file():
        raise SimCLRCheckpointError(
            weights,
            f"its metadata file {side.name} is missing beside it",
            "Keep the .json written by `mpox-train pretrain` next to the weights",
        )
    try:
        meta = json.loads(side.read_text())
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SimCLRCheckpointError(
            weights, f"its metadata file {side.name} is not valid JSON ({exc})", redo
        ) from exc
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        found = meta.get("format") if isinstance(meta, dict) else None
        problem = f"{side.name} is not SimCLR backbone metadata (format {found!r})"
        raise SimCLRCheckpointError(weights, problem, redo)
    if meta.get("format_version", 0) > FORMAT_VERSION:
        raise SimCLRCheckpointError(
            weights,
            f"format_version {meta['format_version']} is newer than this "
            f"software understands ({FORMAT_VERSION})",
            "Update the software",
        )
    if meta.get("arch") not in REGISTRY:
        raise SimCLRCheckpointError(
            weights,
            f"unknown architecture {meta.get('arch')!r} in {side.name}",
            f"This software knows: {', '.join(REGISTRY)}",
        )
    return meta


def _list_keys(keys: set[str]) -> str:
    shown = sorted(keys)[:_SHOW_KEYS]
    more = len(keys) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def load_simclr_backbone(model: nn.Module, arch: str, path: str | Path) -> dict[str, Any]:
    """Load a SimCLR backbone into a classifier built by ``build_model(arch, n)``; return its metadata.

    Strict: every key must be present with the right shape except the classifier head's, and the file
    must come from the same architecture. Anything else raises SimCLRCheckpointError naming the file.
    """
    weights = resolve_weights_path(path)
    meta = read_simclr_metadata(weights)
    if meta["arch"] != arch:
        raise SimCLRCheckpointError(
            weights,
            f"it was pre-trained for architecture {meta['arch']!r}, but the classifier is {arch!r}",
            f"Fine-tune with --arch {meta['arch']}, or pre-train {arch} with "
            f"`mpox-train pretrain --arch {arch}`",
        )
    digest = sha256_file(weights)
    if meta.get("weights_sha256") and meta["weights_sha256"] != digest:
        raise SimCLRCheckpointError(
            weights,
            "its SHA-256 does not match the one in its metadata (the file was changed or is corrupt)",
            "Re-run `mpox-train pretrain`",
        )
    try:
        state = load_file(weights)
    except (SafetensorError, OSError, ValueError) as exc:
        raise SimCLRCheckpointError(
            weights, f"cannot be read as safetensors ({exc})", "Re-run `mpox-train pretrain`"
        ) from exc

    expected = model.state_dict()
    allowed_missing = head_keys(arch)
    missing = set(expected) - set(state) - allowed_missing
    unexpected = set(state) - set(expected)
    if missing or unexpected:
        parts = []
        if missing:
            parts.append(f"missing {len(missing)} backbone key(s): {_list_keys(missing)}")
        if unexpected:
            parts.append(f"{len(unexpected)} unexpected key(s): {_list_keys(unexpected)}")
        raise SimCLRCheckpointError(
            weights,
            f"it does not match the {arch} backbone ({'; '.join(parts)})",
            f"Only the classifier head may be missing; re-run `mpox-train pretrain --arch {arch}`",
        )
    wrong = {k for k in state if tuple(state[k].shape) != tuple(expected[k].shape)}
    if wrong:
        k = sorted(wrong)[0]
        raise SimCLRCheckpointError(
            weights,
            f"{len(wrong)} tensor(s) have the wrong shape, e.g. {k}: "
            f"{tuple(state[k].shape)} in the file, "
            f"{tuple(expected[k].shape)} in {arch}",
            "Re-run `mpox-train pretrain`",
        )
    with torch.no_grad():
        result = model.load_state_dict(state, strict=False)
    # Checked above; this guards against a registry whose head keys and state dict disagree.
    if set(result.missing_keys) != allowed_missing & set(expected) or result.unexpected_keys:
        raise SimCLRCheckpointError(
            weights,
            f"loading left keys unmatched: missing {result.missing_keys}, "
            f"unexpected {result.unexpected_keys}",
        )
    return meta
