"""Model bundles: the only place that knows how a trained model is stored.

A bundle is a folder with ``model.safetensors`` (no pickle: safe to load on a kiosk) and ``manifest.json``
describing everything needed to rebuild and use the model. The manifest lists the SHA-256 of every other file
of the bundle in ``files`` (the weights, an int8 graph, any file a later version adds), so the manifest's own
bytes identify the whole bundle: ``Bundle.sha256`` is a digest of them and of the listed files. Only
``MODEL_CARD.md`` (documentation, written after the bundle and never read by the software) and the signature
``manifest.sig`` are left out. Loading verifies all of it and refuses, with a message naming the file and the
problem, anything that does not match; whether the manifest itself is to be trusted (signature or pin) is
decided by ``models.trust``.
"""

from __future__ import annotations

import hashlib
import json
import logging
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

from .decision import Thresholds
from .errors import BundleError
from .fsutil import replace_dir
from .preprocessing import Preprocessor
from .registry import REGISTRY, build_model, count_parameters, get_spec

SCHEMA_VERSION = 1
MANIFEST_NAME = "manifest.json"
WEIGHTS_NAME = "model.safetensors"
SIGNATURE_NAME = "manifest.sig"  # models.trust: detached Ed25519 signature over manifest.json's bytes
MODEL_CARD_NAME = "MODEL_CARD.md"
UNHASHED = (MODEL_CARD_NAME,)  # documentation only: not listed in ``files``, never read by the software
DEFAULT_BUNDLE_DIR = Path(__file__).resolve().parent / "bundles" / "default"


def bundle_path_or_default(given: str | Path | None) -> Path | None:
    """The bundle folder to use: the one ``given`` (a --bundle option, the station's configuration), else
    the default bundle installed with the software, else None (the caller says how to get one)."""
    if given:
        return Path(given)
    if (DEFAULT_BUNDLE_DIR / MANIFEST_NAME).is_file():
        return DEFAULT_BUNDLE_DIR
    return None


_DIGEST_DOMAIN = b"mpox-aism bundle digest v1\n"

log = logging.getLogger(__name__)


class BundleIntegrityError(BundleError):
    """The bundle differs from what its manifest, signature or pin says: damaged or tampered with."""


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
    "open_set": (dict, False),  # open-set head and how it was made (models/open_set.py)
    "files": (dict, False),  # name -> SHA-256 of every file but the manifest, signature and model card
}


def sha256_file(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def listed_files(manifest: dict[str, Any]) -> dict[str, str]:
    """name -> SHA-256 of each file the manifest covers: its ``files`` map; for a manifest written before
    ``files`` existed, the weights and the int8 graph (the only files such a bundle had)."""
    if "files" in manifest:
        return dict(manifest["files"])
    files = {manifest["weights_file"]: manifest["weights_sha256"]}
    int8 = manifest.get("int8")
    if isinstance(int8, dict) and "file" in int8:
        files[int8["file"]] = int8.get("sha256")
    return files


def bundle_digest(manifest_bytes: bytes, files: dict[str, str]) -> str:
    """The SHA-256 that identifies a whole bundle: the manifest's exact bytes and every listed file."""
    digest = hashlib.sha256(_DIGEST_DOMAIN)
    digest.update(f"{MANIFEST_NAME} {sha256_bytes(manifest_bytes)}\n".encode())
    for name in sorted(files):
        digest.update(f"{name} {files[name]}\n".encode())
    return digest.hexdigest()


@dataclass
class Bundle:
    path: Path
    manifest: dict[str, Any]
    model: nn.Module
    digest: str  # bundle_digest: the manifest and every file it lists, all verified
    files: dict[str, str]  # name -> verified SHA-256 (listed_files)
    trust: str = "not checked"  # how models.trust accepted it ("signed by ...", "pinned ...")

    @property
    def classes(self) -> tuple[str, ...]:
        return tuple(self.manifest["classes"])

    @property
    def sha256(self) -> str:
        """Identifies the whole verified bundle (manifest included): what the station shows and logs."""
        return self.digest

    @property
    def weights_sha256(self) -> str:
        return self.manifest["weights_sha256"]

    def file(self, name: str) -> Path:
        """Path of a file the manifest lists (and loading verified); any other file is refused."""
        if name not in self.files:
            raise BundleIntegrityError(
                self.path / name,
                "this file is not listed in the manifest",
                "Re-export the bundle so that its manifest lists it",
            )
        return self.path / name

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
    leaves either the old bundle or the new one. The manifest's ``files`` lists the SHA-256 of the weights
    and of every extra file but the model card; an old signature is dropped (it signed another manifest)."""
    out_dir = Path(out_dir)
    extra = {name: data for name, data in (extra_files or {}).items() if name != SIGNATURE_NAME}
    for name in extra:
        _check_file_name(name, out_dir / name)
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


def rewrite_bundle(
    bundle: Bundle,
    manifest: dict[str, Any],
    files: dict[str, bytes] | None = None,
    out: str | Path | None = None,
) -> Path:
    """Write ``bundle`` (to ``out``, default in place, atomically) with a new manifest and added or replaced
    ``files``; its other files (an int8 graph, an open-set head, the model card) stay with it."""
    files = files or {}
    keep = {
        p.name: p.read_bytes()
        for p in bundle.path.iterdir()
        if p.is_file() and p.name not in (bundle.manifest["weights_file"], MANIFEST_NAME, *files)
    }
    target = Path(out or bundle.path)
    save_bundle(bundle.model, target, manifest, extra_files={**keep, **files})
    return target


def _check_file_name(name: Any, where: Path) -> None:
    """A bundle file is a plain name inside the bundle folder: no path, no hidden file, not the manifest."""
    if (
        not isinstance(name, str)
        or not name
        or name.startswith(".")
        or any(c in name for c in "/\\\0")
        or name in (MANIFEST_NAME, SIGNATURE_NAME)
    ):
        raise BundleError(where, f"{name!r} is not a valid bundle file name (a plain file name is needed)")


def _is_sha256(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)


def _validate_files(manifest: dict[str, Any], where: Path) -> None:
    """``files`` (or the hashes of an older manifest) must be well formed and agree with the other keys."""
    _check_file_name(manifest["weights_file"], where)
    int8 = manifest.get("int8")
    if int8 is not None:
        if not isinstance(int8.get("file"), str) or not _is_sha256(int8.get("sha256")):
            raise BundleError(where, "'int8' must name its graph file and give its SHA-256")
        _check_file_name(int8["file"], where)
    for name, digest in listed_files(manifest).items():
        _check_file_name(name, where)
        if not _is_sha256(digest):
            raise BundleError(where, f"the SHA-256 listed for {name!r} is not a SHA-256 hex digest")
    if "files" in manifest:
        files = manifest["files"]
        if files.get(manifest["weights_file"]) != manifest["weights_sha256"]:
            raise BundleError(where, "'files' and 'weights_sha256' disagree about the weights")
        if int8 is not None and files.get(int8["file"]) != int8["sha256"]:
            raise BundleError(where, "'files' and 'int8' disagree about the int8 graph")


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
    if not _is_sha256(manifest["weights_sha256"]):
        raise BundleError(where, "weights_sha256 is not a SHA-256 hex digest")
    _validate_files(manifest, where)
    return manifest


def bundle_folder(bundle_dir: str | Path) -> Path:
    """The bundle folder, also when given the path of its manifest.json."""
    bundle_dir = Path(bundle_dir)
    return bundle_dir.parent if bundle_dir.name == MANIFEST_NAME else bundle_dir


def read_manifest_bytes(bundle_dir: str | Path) -> bytes:
    """The manifest's exact bytes (what a signature or a pin covers), read once."""
    bundle_dir = bundle_folder(bundle_dir)
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
        return manifest_path.read_bytes()
    except OSError as exc:
        raise BundleError(manifest_path, f"manifest.json cannot be read ({exc.strerror})") from exc


def parse_manifest(raw: bytes, manifest_path: Path) -> dict[str, Any]:
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BundleError(
            manifest_path,
            f"manifest.json is not valid JSON ({exc})",
            "The file is damaged; copy the bundle again",
        ) from exc
    return validate_manifest(manifest, manifest_path)


def read_manifest(bundle_dir: str | Path) -> dict[str, Any]:
    bundle_dir = bundle_folder(bundle_dir)
    return parse_manifest(read_manifest_bytes(bundle_dir), bundle_dir / MANIFEST_NAME)


def _mismatch(path: Path, expected: str, actual: str) -> BundleIntegrityError:
    return BundleIntegrityError(
        path,
        f"SHA-256 mismatch (the manifest lists {expected}, the file has {actual}): "
        "the file is truncated, damaged or was altered",
        "Do not use this bundle; copy it again from a trusted source",
    )


def _verified_files(bundle_dir: Path, manifest: dict[str, Any]) -> tuple[dict[str, str], bytes]:
    """Check every listed file against its SHA-256; returns the listed hashes and the weights' bytes (read
    once, so the bytes loaded are the bytes checked)."""
    files = listed_files(manifest)
    weights = b""
    for name, expected in files.items():
        path = bundle_dir / name
        is_weights = name == manifest["weights_file"]
        if not path.is_file():
            problem = "weights file is missing" if is_weights else "a file listed in the manifest is missing"
            raise BundleIntegrityError(path, problem, "Copy the complete bundle folder again")
        try:
            if is_weights:
                weights = path.read_bytes()
                actual = sha256_bytes(weights)
            else:
                actual = sha256_file(path)
        except OSError as exc:
            raise BundleIntegrityError(path, f"cannot be read ({exc.strerror})", "Copy it again") from exc
        if actual != expected:
            raise _mismatch(path, expected, actual)
    ignored = [
        p.name
        for p in bundle_dir.iterdir()
        if p.name not in files and p.name not in (MANIFEST_NAME, SIGNATURE_NAME, *UNHASHED)
    ]
    if ignored:
        log.warning(
            "bundle %s: %s not listed in its manifest: not verified, never used",
            bundle_dir,
            ", ".join(sorted(ignored)),
        )
    return files, weights


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
    weights_path = bundle_dir / manifest["weights_file"]
    files, weights = _verified_files(bundle_dir, manifest)
    try:
        state = load_safetensors(weights)
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
    digest = bundle_digest(raw, files)
    return Bundle(path=bundle_dir, manifest=manifest, model=model, digest=digest, files=files)


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
