"""What a bundle is without PyTorch: its manifest, the SHA-256 of its files, and a verified handle to it.

The station serves a bundle's checked ONNX graph (``models.serving``) and never needs PyTorch; everything it
needs to read and verify a bundle lives here, torch-free. ``models.bundle`` adds the PyTorch model on top
(building the architecture, loading the weights) for training, evaluation and the eager fallback.

The manifest lists the SHA-256 of every other file of the bundle in ``files``, so the manifest's own bytes
identify the whole bundle: ``VerifiedBundle.sha256`` is a digest of them and of the listed files.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .decision import Thresholds
from .errors import BundleError
from .preprocessing import Preprocessor, UnknownPreprocessingError, check_steps

SCHEMA_VERSION = 2  # the newest manifest this software understands
# A bundle whose pictures are conditioned (``preprocessing.steps``) says schema 2: software from before the
# steps refuses it ("newer than this software understands") instead of screening unconditioned pictures.
CONDITIONING_SCHEMA = 2
SUPPORTED_SCHEMAS = (1, 2)
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
    "int8": (dict, False),  # an int8 ONNX graph shipped beside the weights (made by training/quantize.py)
    "open_set": (dict, False),  # open-set head and how it was made (models/open_set.py)
    "onnx": (dict, False),  # the float32 ONNX graph the station serves without PyTorch (models/serving.py)
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


def check_file_name(name: Any, where: Path) -> None:
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
    check_file_name(manifest["weights_file"], where)
    int8 = manifest.get("int8")
    if int8 is not None:
        if not isinstance(int8.get("file"), str) or not _is_sha256(int8.get("sha256")):
            raise BundleError(where, "'int8' must name its graph file and give its SHA-256")
        check_file_name(int8["file"], where)
    for name, digest in listed_files(manifest).items():
        check_file_name(name, where)
        if not _is_sha256(digest):
            raise BundleError(where, f"the SHA-256 listed for {name!r} is not a SHA-256 hex digest")
    if "files" in manifest:
        files = manifest["files"]
        if files.get(manifest["weights_file"]) != manifest["weights_sha256"]:
            raise BundleError(where, "'files' and 'weights_sha256' disagree about the weights")
        if int8 is not None and files.get(int8["file"]) != int8["sha256"]:
            raise BundleError(where, "'files' and 'int8' disagree about the int8 graph")


def _validate_preprocessing(manifest: dict[str, Any], where: Path) -> None:
    """The conditioning steps must be a list of steps this software knows: running a bundle without a step it
    was trained with would screen pictures unlike its training images, so the bundle is refused instead."""
    block = manifest.get("preprocessing", {})
    steps = block.get("steps", []) if isinstance(block, dict) else None
    if not isinstance(steps, list) or not all(isinstance(s, str) for s in steps):
        raise BundleError(where, "'preprocessing' must be an object whose 'steps' lists step names")
    if steps and manifest.get("schema_version", 0) < CONDITIONING_SCHEMA:
        raise BundleError(
            where,
            f"the bundle conditions its pictures ({', '.join(steps)}) but says schema_version "
            f"{manifest.get('schema_version')}; software from before conditioning would ignore the steps",
            f"Re-export it: a conditioned bundle is schema_version {CONDITIONING_SCHEMA}",
        )
    try:
        check_steps(steps)
    except UnknownPreprocessingError as exc:
        raise BundleError(where, str(exc), "Update the screening software to the bundle's version") from exc


def validate_manifest(
    manifest: Any, where: Path, known_archs: Collection[str] | None = None
) -> dict[str, Any]:
    """Check the manifest's shape and values; raise BundleError naming the first problem. ``known_archs``:
    the architectures this software can build (``models.bundle`` passes the registry's; the ONNX serving
    path builds none, the graph is the model)."""
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
    if version not in SUPPORTED_SCHEMAS:
        raise BundleError(
            where,
            f"schema_version {version} is not supported (expected one of {SUPPORTED_SCHEMAS})",
            "Re-export the bundle with `mpox-train export`",
        )
    if known_archs is not None and manifest["arch"] not in known_archs:
        raise BundleError(
            where,
            f"unknown architecture {manifest['arch']!r}",
            f"This software knows: {', '.join(known_archs)}",
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
    _validate_preprocessing(manifest, where)
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


def parse_manifest(
    raw: bytes, manifest_path: Path, known_archs: Collection[str] | None = None
) -> dict[str, Any]:
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BundleError(
            manifest_path,
            f"manifest.json is not valid JSON ({exc})",
            "The file is damaged; copy the bundle again",
        ) from exc
    return validate_manifest(manifest, manifest_path, known_archs)


def read_bundle_manifest(
    bundle_dir: str | Path, known_archs: Collection[str] | None = None
) -> dict[str, Any]:
    bundle_dir = bundle_folder(bundle_dir)
    return parse_manifest(read_manifest_bytes(bundle_dir), bundle_dir / MANIFEST_NAME, known_archs)


def _mismatch(path: Path, expected: str, actual: str) -> BundleIntegrityError:
    return BundleIntegrityError(
        path,
        f"SHA-256 mismatch (the manifest lists {expected}, the file has {actual}): "
        "the file is truncated, damaged or was altered",
        "Do not use this bundle; copy it again from a trusted source",
    )


def verify_files(
    bundle_dir: Path, manifest: dict[str, Any], keep: Collection[str] = ()
) -> tuple[dict[str, str], dict[str, bytes]]:
    """Check every listed file against its SHA-256; returns the listed hashes and the bytes of the files
    named in ``keep`` (read once, so the bytes used are the bytes checked)."""
    files = listed_files(manifest)
    kept: dict[str, bytes] = {}
    for name, expected in files.items():
        path = bundle_dir / name
        if not path.is_file():
            is_weights = name == manifest["weights_file"]
            problem = "weights file is missing" if is_weights else "a file listed in the manifest is missing"
            raise BundleIntegrityError(path, problem, "Copy the complete bundle folder again")
        try:
            if name in keep:
                kept[name] = path.read_bytes()
                actual = sha256_bytes(kept[name])
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
    return files, kept


@dataclass(kw_only=True)
class VerifiedBundle:
    """A bundle whose manifest was parsed and every listed file checked against its SHA-256 (no model
    loaded: ``models.bundle.Bundle`` adds the PyTorch model, ``models.serving`` serves its ONNX graph)."""

    path: Path
    manifest: dict[str, Any]
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

    def read_verified(self, name: str) -> bytes:
        """The bytes of a listed file, checked again against the manifest's SHA-256 as they are read (the
        bytes used are the bytes verified, even if the file changed since the bundle was opened)."""
        path = self.file(name)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise BundleIntegrityError(path, f"cannot be read ({exc.strerror})", "Copy it again") from exc
        actual = sha256_bytes(data)
        if actual != self.files[name]:
            raise _mismatch(path, self.files[name], actual)
        return data

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


def open_verified(
    bundle_dir: str | Path,
    *,
    manifest_bytes: bytes | None = None,
    keep: Collection[str] = (),
    known_archs: Collection[str] | None = None,
) -> tuple[VerifiedBundle, dict[str, bytes]]:
    """Parse the manifest (``manifest_bytes`` when already read and checked by ``models.trust``) and verify
    every listed file; returns the bundle and the bytes of the files named in ``keep``. Trust in the
    manifest itself (signature or pin) is ``models.trust``'s decision."""
    bundle_dir = bundle_folder(bundle_dir)
    raw = read_manifest_bytes(bundle_dir) if manifest_bytes is None else manifest_bytes
    manifest = parse_manifest(raw, bundle_dir / MANIFEST_NAME, known_archs)
    files, kept = verify_files(bundle_dir, manifest, keep)
    verified = VerifiedBundle(
        path=bundle_dir, manifest=manifest, digest=bundle_digest(raw, files), files=files
    )
    return verified, kept
