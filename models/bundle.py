"""Model bundles: the only place that knows how a trained model is stored.

A bundle is a folder with ``model.safetensors`` (no pickle: safe to load on a kiosk) and ``manifest.json``
describing everything needed to rebuild and use the model. Loading verifies all of it and refuses, with a
message naming the file and the problem, anything that does not match.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, save_file
from torch import nn

from .decision import Thresholds
from .errors import BundleError
from .preprocessing import Preprocessor
from .registry import REGISTRY, build_model, count_parameters, get_spec

SCHEMA_VERSION = 1
MANIFEST_NAME = "manifest.json"
WEIGHTS_NAME = "model.safetensors"
DEFAULT_BUNDLE_DIR = Path(__file__).resolve().parent / "bundles" / "default"

# key -> (type(s), required)
_MANIFEST_SCHEMA: dict[str, tuple[type | tuple[type, ...], bool]] = {
    "schema_version": (int, True),
    "name": (str, True),
    "arch": (str, True),
    "classes": (list, True),
    "input_size": (int, True),
    "mean": (list, True),
    "std": (list, True),
    "cam_target_layer": (str, True),
    "thresholds": (dict, True),
    "temperature": ((int, float), True),
    "num_params": (int, True),
    "metrics": (dict, True),
    "provenance": (dict, True),
    "weights_file": (str, True),
    "weights_sha256": (str, True),
    "created_utc": (str, True),
    "int8": (dict, False),  # an int8 ONNX graph shipped beside the weights (models/int8.py)
}


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class Bundle:
    path: Path
    manifest: dict[str, Any]
    model: nn.Module

    @property
    def classes(self) -> tuple[str, ...]:
        return tuple(self.manifest["classes"])

    @property
    def sha256(self) -> str:
        return self.manifest["weights_sha256"]

    @property
    def short_hash(self) -> str:
        return self.sha256[:12]

    @property
    def name(self) -> str:
        return self.manifest["name"]

    @property
    def temperature(self) -> float:
        return float(self.manifest["temperature"])

    @property
    def thresholds(self) -> Thresholds:
        return Thresholds.from_dict(self.manifest["thresholds"])

    @property
    def preprocessor(self) -> Preprocessor:
        return Preprocessor.from_manifest(self.manifest)


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
) -> dict[str, Any]:
    spec = get_spec(arch)
    return {
        "schema_version": SCHEMA_VERSION,
        "name": name or arch,
        "arch": arch,
        "classes": list(classes),
        "input_size": int(input_size or spec.input_size),
        "mean": list(spec.mean),
        "std": list(spec.std),
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
    leaves either the old bundle or the new one."""
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        state = {k: v.detach().to("cpu").contiguous() for k, v in model.state_dict().items()}
        save_file(state, tmp / WEIGHTS_NAME, metadata={"arch": manifest["arch"]})
        manifest = dict(manifest, weights_file=WEIGHTS_NAME, weights_sha256=sha256_file(tmp / WEIGHTS_NAME))
        manifest["num_params"] = count_parameters(model)
        (tmp / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2, sort_keys=False) + "\n")
        extra = [tmp / name for name in (extra_files or {})]
        for path, data in zip(extra, (extra_files or {}).values(), strict=True):
            path.write_bytes(data)
        # mkdtemp makes the folder private; a bundle is read by the station's own user, not only its maker.
        for path in (tmp / WEIGHTS_NAME, tmp / MANIFEST_NAME, *extra):
            path.chmod(0o644)
        tmp.chmod(0o755)
        if out_dir.exists():
            old = out_dir.with_name(f".{out_dir.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            os.replace(out_dir, old)
            os.replace(tmp, out_dir)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, out_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out_dir


def validate_manifest(manifest: Any, where: Path) -> dict[str, Any]:
    """Check the manifest's shape and values; raise BundleError naming the first problem."""
    if not isinstance(manifest, dict):
        raise BundleError(where, "manifest.json must hold a JSON object")
    version = manifest.get("schema_version")
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise BundleError(
            where,
            f"schema_version {version} is newer than this software understands ({SCHEMA_VERSION})",
            "Update the screening software, or use a bundle made for this version",
        )
    for key, (types, required) in _MANIFEST_SCHEMA.items():
        if key not in manifest:
            if required:
                raise BundleError(
                    where,
                    f"manifest.json lacks the required key {key!r}",
                    "Re-export the bundle with `mpox-train export`",
                )
            continue
        if not isinstance(manifest[key], types) or isinstance(manifest[key], bool):
            raise BundleError(
                where, f"manifest key {key!r} has the wrong type ({type(manifest[key]).__name__})"
            )
    if version != SCHEMA_VERSION:
        raise BundleError(
            where,
            f"schema_version {version} is not supported (expected {SCHEMA_VERSION})",
            "Re-export the bundle with `mpox-train export`",
        )
    if manifest["arch"] not in REGISTRY:
        raise BundleError(
            where, f"unknown architecture {manifest['arch']!r}", f"This software knows: {', '.join(REGISTRY)}"
        )
    classes = manifest["classes"]
    if len(classes) < 2 or len(set(classes)) != len(classes) or not all(isinstance(c, str) for c in classes):
        raise BundleError(where, "'classes' must list at least two distinct class names")
    for key in ("mean", "std"):
        if len(manifest[key]) != 3 or not all(isinstance(v, (int, float)) for v in manifest[key]):
            raise BundleError(where, f"{key!r} must hold three numbers")
    if any(v <= 0 for v in manifest["std"]) or manifest["input_size"] < 8 or manifest["temperature"] <= 0:
        raise BundleError(where, "std, input_size and temperature must be positive (input_size at least 8)")
    try:
        thresholds = Thresholds.from_dict(manifest["thresholds"])
    except (TypeError, ValueError) as exc:
        raise BundleError(where, f"thresholds are invalid: {exc}") from exc
    if missing := [c for c in thresholds.flagged_classes if c not in classes]:
        raise BundleError(where, f"flagged classes {missing} are not among the bundle's classes")
    if len(manifest["weights_sha256"]) != 64:
        raise BundleError(where, "weights_sha256 is not a SHA-256 hex digest")
    return manifest


def read_manifest(bundle_dir: str | Path) -> dict[str, Any]:
    bundle_dir = Path(bundle_dir)
    if bundle_dir.name == MANIFEST_NAME:
        bundle_dir = bundle_dir.parent
    manifest_path = bundle_dir / MANIFEST_NAME
    if not bundle_dir.exists():
        raise BundleError(bundle_dir, "folder not found", "Check the bundle path in the configuration")
    if not manifest_path.is_file():
        raise BundleError(
            manifest_path,
            "manifest.json is missing",
            "A bundle folder holds manifest.json and model.safetensors; re-export it",
        )
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BundleError(
            manifest_path,
            f"manifest.json is not valid JSON ({exc})",
            "The file is damaged; copy the bundle again",
        ) from exc
    return validate_manifest(manifest, manifest_path)


def load_bundle(bundle_dir: str | Path, device: str | torch.device = "cpu") -> Bundle:
    """Load and verify a bundle: schema, weights hash, strict keys, parameter count, one dummy forward."""
    bundle_dir = Path(bundle_dir)
    if bundle_dir.name == MANIFEST_NAME:
        bundle_dir = bundle_dir.parent
    manifest = read_manifest(bundle_dir)
    weights_path = bundle_dir / manifest["weights_file"]
    if not weights_path.is_file():
        raise BundleError(weights_path, "weights file is missing", "Copy the complete bundle folder again")
    actual = sha256_file(weights_path)
    if actual != manifest["weights_sha256"]:
        raise BundleError(
            weights_path,
            f"SHA-256 mismatch (manifest {manifest['weights_sha256'][:12]}..., file {actual[:12]}...): "
            "the weights are truncated, damaged or were altered",
            "Do not use this bundle; copy it again from a trusted source",
        )
    try:
        state = load_file(weights_path)
    except (SafetensorError, OSError, ValueError) as exc:
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
    return Bundle(path=bundle_dir, manifest=manifest, model=model)


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
