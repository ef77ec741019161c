"""Model bundles: the only place that knows how a trained model is stored.

A bundle is a folder with ``model.safetensors`` (no pickle: safe to load on a kiosk) and ``manifest.json``
describing everything needed to rebuild and use the model. The manifest lists the SHA-256 of every other file
of the bundle in ``files`` (the weights, an int8 graph, any file a later version adds), so the manifest's own
bytes identify the whole bundle: ``Bundle.sha256`` is a digest of them and of the listed files. Only
``MODEL_CARD.md`` (documentation, never read by the software) and the signature ``manifest.sig`` are left
out. Loading verifies all of it and refuses, with a message naming the file and the problem, anything that
does not match; whether the manifest itself is to be trusted (signature or pin) is decided by
``models.trust``. The torch-free half (manifest, hashes, ``VerifiedBundle``) is
``models.manifest``; this module adds the PyTorch model.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import torch
from safetensors import SafetensorError
from safetensors.torch import load as load_safetensors
from safetensors.torch import save_file
from torch import nn

from . import manifest as _manifest
from .decision import Thresholds
from .errors import BundleError
from .fsutil import replace_dir
from .manifest import (  # noqa: F401  (re-exported: the names callers have always imported from here)
    CONDITIONING_SCHEMA,
    DEFAULT_BUNDLE_DIR,
    MANIFEST_NAME,
    MODEL_CARD_NAME,
    SCHEMA_VERSION,
    SIGNATURE_NAME,
    UNHASHED,
    WEIGHTS_NAME,
    BundleIntegrityError,
    VerifiedBundle,
    bundle_digest,
    bundle_folder,
    bundle_path_or_default,
    check_file_name,
    listed_files,
    read_manifest_bytes,
    sha256_bytes,
    sha256_file,
    verify_files,
)
from .preprocessing import check_steps
from .registry import REGISTRY, build_model, count_parameters, get_spec


@dataclass(kw_only=True)
class Bundle(VerifiedBundle):
    """A verified bundle with its PyTorch model built and loaded."""

    model: nn.Module


def validate_manifest(manifest: Any, where: Path) -> dict[str, Any]:
    """``models.manifest.validate_manifest`` with this software's architectures."""
    return _manifest.validate_manifest(manifest, where, REGISTRY)


def parse_manifest(raw: bytes, manifest_path: Path) -> dict[str, Any]:
    return _manifest.parse_manifest(raw, manifest_path, REGISTRY)


def read_bundle_manifest(bundle_dir: str | Path) -> dict[str, Any]:
    return _manifest.read_bundle_manifest(bundle_dir, REGISTRY)


def make_manifest(
    model: nn.Module,
    arch: str,
    classes: list[str] | tuple[str, ...],
    *,
    name: str | None = None,
    thresholds: Thresholds | None = None,
    temperature: float = 1.0,
    metrics: dict | None = None,
    provenance: dict | None = None,
    input_size: int | None = None,
    preprocessing: tuple[str, ...] = (),
) -> dict[str, Any]:
    spec = get_spec(arch)
    return {
        # schema 1 unless the pictures are conditioned: older stations keep loading plain bundles
        "schema_version": CONDITIONING_SCHEMA if preprocessing else 1,
        "name": name or arch,
        "arch": arch,
        "classes": list(classes),
        "input_size": int(input_size or spec.input_size),
        "mean": list(spec.mean),
        "std": list(spec.std),
        "preprocessing": {"steps": list(check_steps(preprocessing))},
        "cam_target_layer": spec.cam_target_layer,
        "thresholds": (thresholds or Thresholds()).as_dict(),
        "temperature": float(temperature),
        "num_params": count_parameters(model),
        "metrics": metrics or {},
        "provenance": provenance or {},
        "weights_file": WEIGHTS_NAME,
        "weights_sha256": "",
        "created_utc": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def save_bundle(
    model: nn.Module,
    out_dir: str | Path,
    manifest: dict[str, Any],
    extra_files: dict[str, bytes] | None = None,
) -> Path:
    """Write weights, manifest and ``extra_files`` (name -> content, e.g. an int8 graph) atomically: a crash
    leaves either the old bundle or the new one. The manifest's ``files`` lists the SHA-256 of the weights
    and of every extra file but the model card; an old signature is dropped (it signed another manifest)."""
    out_dir = Path(out_dir)
    extra = {name: data for name, data in (extra_files or {}).items() if name != SIGNATURE_NAME}
    for name in extra:
        check_file_name(name, out_dir / name)
        if name in (WEIGHTS_NAME, MANIFEST_NAME):
            raise BundleError(out_dir / name, f"{name} is written by save_bundle itself, not as an extra")
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        state = {k: v.detach().to("cpu").contiguous() for k, v in model.state_dict().items()}
        save_file(state, tmp / WEIGHTS_NAME, metadata={"arch": manifest["arch"]})
        weights_sha = sha256_file(tmp / WEIGHTS_NAME)
        files = {WEIGHTS_NAME: weights_sha}
        for name, data in extra.items():
            (tmp / name).write_bytes(data)
            if name not in UNHASHED:
                files[name] = sha256_bytes(data)
        manifest = dict(
            manifest, weights_file=WEIGHTS_NAME, weights_sha256=weights_sha, files=dict(sorted(files.items()))
        )
        manifest["num_params"] = count_parameters(model)
        (tmp / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2, sort_keys=False) + "\n")
        # mkdtemp makes the folder private; a bundle is read by the station's own user, not only its maker.
        for name in (WEIGHTS_NAME, MANIFEST_NAME, *extra):
            (tmp / name).chmod(0o644)
        tmp.chmod(0o755)
        replace_dir(tmp, out_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out_dir


def load_bundle(
    bundle_dir: str | Path, device: str | torch.device = "cpu", *, manifest_bytes: bytes | None = None
) -> Bundle:
    """Load and verify a bundle: schema, the SHA-256 of every listed file, strict keys, parameter count,
    one dummy forward. ``manifest_bytes``: the manifest as already read (and checked by ``models.trust``),
    so that the bytes verified are the bytes used. It does not decide whether the manifest is trusted:
    the station and ``mpox-screen`` load through ``models.trust.load_trusted_bundle``."""
    bundle_dir = bundle_folder(bundle_dir)
    raw = read_manifest_bytes(bundle_dir) if manifest_bytes is None else manifest_bytes
    manifest = parse_manifest(raw, bundle_dir / MANIFEST_NAME)
    weights_name = manifest["weights_file"]
    weights_path = bundle_dir / weights_name
    files, kept = verify_files(bundle_dir, manifest, keep=(weights_name,))
    try:
        state = load_safetensors(kept[weights_name])
    except (SafetensorError, ValueError) as exc:
        raise BundleError(weights_path, f"weights cannot be read ({exc})", "Copy the bundle again") from exc

    model = build_model(manifest["arch"], len(manifest["classes"]), init="random")
    n_params = count_parameters(model)
    if n_params != manifest["num_params"]:
        raise BundleError(
            weights_path,
            f"parameter count {n_params} differs from the manifest's "
            f"{manifest['num_params']}: the architecture does not match",
        )
    try:
        model.load_state_dict(state, strict=True)
    except RuntimeError as exc:
        raise BundleError(
            weights_path, f"weights do not fit architecture {manifest['arch']} ({exc})"
        ) from exc
    model.eval().to(device)
    _check_forward(model, manifest, weights_path, device)
    return Bundle(
        path=bundle_dir, manifest=manifest, model=model, digest=bundle_digest(raw, files), files=files
    )


def _check_forward(model: nn.Module, manifest: dict, where: Path, device) -> None:
    size = manifest["input_size"]
    try:
        with torch.inference_mode():
            out = model(torch.zeros(1, 3, size, size, device=device))
    except RuntimeError as exc:
        raise BundleError(where, f"a test forward pass failed ({exc})") from exc
    if tuple(out.shape) != (1, len(manifest["classes"])) or not torch.isfinite(out).all():
        raise BundleError(
            where,
            f"a test forward pass gave output of shape {tuple(out.shape)} or non-finite "
            f"values; expected (1, {len(manifest['classes'])})",
        )
