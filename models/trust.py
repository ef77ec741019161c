"""Which model bundles a station accepts, and the keys and pins that decide it.

A bundle's ``manifest.json`` lists the SHA-256 of every file of the bundle (``models.bundle``), so trusting
the manifest's exact bytes means trusting the whole bundle. The station (and ``mpox-screen``) trusts them in
one of two ways, and refuses everything else (``BundleTrustError``):

- **signed**: where the station trusts at least one key (``*.pub`` files in its trusted-keys folder), the
  bundle must carry ``manifest.sig``, an Ed25519 signature over ``SIGNED_PREFIX + manifest bytes`` made by
  one of those keys (``mpox-train sign``); pins are then not consulted.
- **pinned**: where no key is trusted, the bundle must match its pin: the SHA-256 of the manifest's bytes
  and of every listed file, and the bundle digest over all of them. At a station (``TrustPolicy.pins_dir``
  set) the pin must be the **station's own**, in its protected data folder (``station_pin_path``), written
  by an admin with ``mpox-kiosk trust pin`` (audited): whoever can write a bundle's folder could also write
  a pin beside it, so a pin beside the bundle (``<bundle folder>.pin``, ``mpox-train pin``) is accepted
  there only for the shipped default bundle inside the installed package (``TrustPolicy.default_bundle``).
  Tools without a station (training, evaluation) read the pin beside the bundle.

Everything fails closed: a missing, unreadable or malformed key, signature or pin, or a missing
``cryptography`` package, refuses the bundle. The key format is in ``models.keys``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import BundleError
from .fsutil import atomic_write
from .keys import (
    ALGORITHM,
    KeyFileError,
    crypto,
    fingerprint,
    key_id,
    load_private_key,
    load_public_key,
)
from .manifest import (
    MANIFEST_NAME,
    SIGNATURE_NAME,
    BundleIntegrityError,
    VerifiedBundle,
    bundle_digest,
    bundle_folder,
    listed_files,
    open_verified,
    read_manifest_bytes,
    sha256_bytes,
    sha256_file,
)

# What an officer sees when a bundle is refused; the details go to the log.
OFFICER_MESSAGE = "The screening model was changed or damaged: call your administrator."
PIN_SUFFIX = ".pin"
PIN_FORMAT = "mpox-aism bundle pin v1"
SIGNATURE_FORMAT = "mpox-aism manifest signature v1"
SIGNED_PREFIX = b"mpox-aism manifest v1\n"  # domain separation: this key signs bundle manifests only

if TYPE_CHECKING:  # the station's ONNX path verifies bundles without PyTorch; only loading a model needs it
    import torch

    from .bundle import Bundle

log = logging.getLogger(__name__)


class BundleTrustError(BundleIntegrityError):
    """The manifest is not covered by a trusted signature or by its pin (or they cannot be checked)."""


# --- trusted keys --------------------------------------------------------------------------------------


def read_trusted_keys(folder: str | Path | None) -> dict[str, Any]:
    """key id -> public key for every file in ``folder`` (hidden files aside). An absent folder is no
    keys; an unreadable folder or any file that is not an Ed25519 public key refuses (BundleTrustError)."""
    if folder is None:
        return {}
    folder = Path(folder)
    if not folder.exists():
        return {}
    try:
        entries = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    except OSError as exc:
        raise BundleTrustError(
            folder,
            f"the trusted-keys folder cannot be read ({exc.strerror})",
            "Fix its permissions; no bundle is accepted until then",
        ) from exc
    keys: dict[str, Any] = {}
    for path in entries:
        try:
            key = load_public_key(path)
        except KeyFileError as exc:
            raise BundleTrustError(
                path,
                f"unusable trusted key: {exc}",
                "Remove or replace it with `mpox-kiosk trust remove/add`",
            ) from exc
        keys[key_id(key)] = key
    return keys


# --- signatures ----------------------------------------------------------------------------------------


def sign_manifest(manifest_bytes: bytes, private_key) -> dict[str, Any]:
    """The content of ``manifest.sig`` for these exact manifest bytes."""
    public = private_key.public_key()
    return {
        "format": SIGNATURE_FORMAT,
        "algorithm": ALGORITHM,
        "key_id": key_id(public),
        "key_fingerprint": fingerprint(public),
        "manifest_sha256": sha256_bytes(manifest_bytes),
        "signature": base64.b64encode(private_key.sign(SIGNED_PREFIX + manifest_bytes)).decode("ascii"),
        "signed_utc": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def sign_bundle(bundle_dir: str | Path, private_key_path: str | Path) -> tuple[Path, dict[str, Any], Bundle]:
    """Verify the bundle (every listed file, the model), then write ``manifest.sig`` over the manifest's
    exact bytes. Returns the signature's path, its content and the verified bundle."""
    from .bundle import load_bundle

    bundle_dir = bundle_folder(bundle_dir)
    key = load_private_key(private_key_path)
    raw = read_manifest_bytes(bundle_dir)
    bundle = load_bundle(bundle_dir, manifest_bytes=raw)
    signature = sign_manifest(raw, key)
    _verify_signature(bundle_dir, raw, signature, {signature["key_id"]: key.public_key()})
    path = bundle_dir / SIGNATURE_NAME
    atomic_write(path, (json.dumps(signature, indent=2) + "\n").encode())
    return path, signature, bundle


def _read_signature(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise BundleTrustError(
            path,
            "the bundle is not signed, and this station accepts only bundles signed by a key it trusts",
            "Sign it with `mpox-train sign --key KEY BUNDLE`, or trust the key that signed it",
        )
    try:
        sig = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BundleTrustError(
            path, f"the signature file cannot be read or is malformed ({exc})", "Sign the bundle again"
        ) from exc
    ok = (
        isinstance(sig, dict)
        and sig.get("format") == SIGNATURE_FORMAT
        and sig.get("algorithm") == ALGORITHM
        and isinstance(sig.get("key_id"), str)
        and isinstance(sig.get("signature"), str)
    )
    if not ok:
        raise BundleTrustError(
            path,
            f"malformed signature file (expected format {SIGNATURE_FORMAT!r}, algorithm {ALGORITHM})",
            "Sign the bundle again",
        )
    return sig


def _verify_signature(bundle_dir: Path, raw: bytes, sig: dict[str, Any], keys: dict[str, Any]) -> str:
    """Raise BundleTrustError unless ``sig`` is a valid signature of ``raw`` by one of ``keys``."""
    path = bundle_dir / SIGNATURE_NAME
    _, _, invalid_signature = crypto()
    kid = sig["key_id"]
    if kid not in keys:
        raise BundleTrustError(
            path,
            f"signed by key {kid}, which this station does not trust (trusted: {', '.join(keys)})",
            "Trust that key with `mpox-kiosk trust add KEY.pub --as ADMIN` only if it is yours",
        )
    try:
        signature = base64.b64decode(sig["signature"], validate=True)
    except ValueError as exc:
        raise BundleTrustError(path, f"malformed signature ({exc})", "Sign the bundle again") from exc
    try:
        keys[kid].verify(signature, SIGNED_PREFIX + raw)
    except invalid_signature:
        actual = sha256_bytes(raw)
        why = (
            "manifest.json was changed after it was signed "
            f"(signed SHA-256 {sig.get('manifest_sha256')}, now {actual})"
            if sig.get("manifest_sha256") != actual
            else "the signature itself was altered"
        )
        raise BundleTrustError(
            bundle_dir / MANIFEST_NAME,
            f"the signature by trusted key {kid} does not match: {why}",
            "Do not use this bundle; copy it again from a trusted source",
        ) from None
    return kid


# --- pins ----------------------------------------------------------------------------------------------


def pin_path(bundle_dir: str | Path) -> Path:
    """Where a bundle's pin lives: ``<bundle folder>.pin`` beside the folder (outside it, so that whoever
    can only change the bundle cannot also change its pin)."""
    bundle_dir = bundle_folder(bundle_dir)
    return bundle_dir.with_name(bundle_dir.name + PIN_SUFFIX)


def station_pin_path(pins_dir: str | Path, bundle_dir: str | Path) -> Path:
    """Where a station keeps its own pin of the bundle at ``bundle_dir``: named by the bundle folder's
    resolved path, so a pin vouches for one installed place (a copy elsewhere needs its own)."""
    where = str(bundle_folder(bundle_dir).resolve())
    return Path(pins_dir) / f"{hashlib.sha256(where.encode()).hexdigest()[:24]}{PIN_SUFFIX}"


def make_pin(manifest_bytes: bytes, files: dict[str, str]) -> dict[str, Any]:
    return {
        "format": PIN_FORMAT,
        "bundle_sha256": bundle_digest(manifest_bytes, files),
        "files": {MANIFEST_NAME: sha256_bytes(manifest_bytes), **dict(sorted(files.items()))},
    }


def write_pin(bundle_dir: str | Path, out: str | Path | None = None) -> Path:
    """Pin the bundle as it is on disk (the hashes of the files themselves, not the manifest's claims). Does
    not check the model: ``pin_bundle`` does; this is for tests and tools that just made the bundle."""
    bundle_dir = bundle_folder(bundle_dir)
    raw = read_manifest_bytes(bundle_dir)
    try:
        names = listed_files(json.loads(raw.decode("utf-8")))
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise BundleError(bundle_dir / MANIFEST_NAME, f"cannot be pinned ({exc})") from exc
    files = {name: sha256_file(bundle_dir / name) for name in names}
    return _write_pin_file(Path(out) if out else pin_path(bundle_dir), make_pin(raw, files))


def _write_pin_file(path: Path, pin: dict[str, Any]) -> Path:
    atomic_write(path, (json.dumps(pin, indent=2) + "\n").encode())
    return path


def pin_bundle(bundle_dir: str | Path, out: str | Path | None = None) -> tuple[Path, Bundle]:
    """Verify the bundle completely (files, model, forward pass), then write its pin; returns the pin's path
    and the bundle. Run it again after a bundle is legitimately rebuilt (``mpox-train pin``)."""
    from .bundle import load_bundle

    bundle_dir = bundle_folder(bundle_dir)
    raw = read_manifest_bytes(bundle_dir)
    bundle = load_bundle(bundle_dir, manifest_bytes=raw)
    path = _write_pin_file(Path(out) if out else pin_path(bundle_dir), make_pin(raw, bundle.files))
    return path, bundle


def read_pin(path: str | Path, station: bool = False, bundle: Path | None = None) -> dict[str, Any]:
    """A pin file's content; anything missing, unreadable or malformed refuses (BundleTrustError).
    ``station``: the pin is a station's own (the advice then names the station's command); ``bundle``: the
    bundle it is for (named in the refusal)."""
    path = Path(path)
    if not path.is_file():
        how = (
            "an admin pins it at this station (`mpox-kiosk trust pin BUNDLE --as ADMIN`: a pin beside the "
            "bundle is not enough, whoever can write that folder could write it)"
            if station
            else "pin it where it is installed (`mpox-train pin BUNDLE`)"
        )
        raise BundleTrustError(
            bundle or path,
            f"no trusted key is configured and the bundle has no pin ({path}), so nothing vouches for it",
            f"To use it, {how}, or sign it and trust the key (`mpox-train sign`, `mpox-kiosk trust add`)",
        )
    try:
        pin = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BundleTrustError(
            path,
            f"the pin cannot be read or is malformed ({exc})",
            "Pin the bundle again (`mpox-train pin BUNDLE`)",
        ) from exc
    ok = (
        isinstance(pin, dict)
        and pin.get("format") == PIN_FORMAT
        and isinstance(pin.get("bundle_sha256"), str)
        and isinstance(pin.get("files"), dict)
        and isinstance(pin["files"].get(MANIFEST_NAME), str)
        and all(isinstance(v, str) for v in pin["files"].values())
    )
    if not ok:
        raise BundleTrustError(
            path,
            f"malformed pin (expected format {PIN_FORMAT!r})",
            "Pin the bundle again (`mpox-train pin BUNDLE`)",
        )
    return pin


def _check_pinned_files(path: Path, pin: dict[str, Any], bundle: VerifiedBundle) -> None:
    pinned = {k: v for k, v in pin["files"].items() if k != MANIFEST_NAME}
    for name in sorted(set(pinned) | set(bundle.files)):
        if pinned.get(name) != bundle.files.get(name):
            found = bundle.files.get(name, "none")
            raise BundleTrustError(
                bundle.path / name,
                f"differs from its pin {path} (pinned {pinned.get(name, 'no such file')}, found {found})",
            )
    if pin["bundle_sha256"] != bundle.digest:  # the pin's own hashes disagree with its digest
        raise BundleTrustError(
            path,
            "the pin is damaged: its bundle digest does not follow from its file hashes",
            "Pin the bundle again (`mpox-train pin BUNDLE`)",
        )


# --- the one way a station loads a bundle --------------------------------------------------------------


@dataclass(frozen=True)
class TrustPolicy:
    """Where the station's trusted keys are (None: none) and whether trust checks are skipped (a
    developer's own, unsigned bundle with ``mpox-screen --allow-unsigned``; never at a station)."""

    trusted_keys_dir: Path | None = None
    allow_unsigned: bool = False
    pins_dir: Path | None = None  # a station's own pins (kiosk/trust.py); None: the pin beside the bundle
    default_bundle: Path | None = None  # the shipped bundle whose pin beside it a station accepts

    def pin_for(self, bundle_dir: Path) -> Path:
        """The pin this policy reads for ``bundle_dir`` (see the module's docstring)."""
        if self.pins_dir is None:
            return pin_path(bundle_dir)
        own = station_pin_path(self.pins_dir, bundle_dir)
        shipped = self.default_bundle is not None and (
            bundle_folder(bundle_dir).resolve() == bundle_folder(self.default_bundle).resolve()
        )
        return pin_path(bundle_dir) if shipped and not own.exists() else own


def _trusted_manifest(bundle_dir: Path, policy: TrustPolicy) -> tuple[bytes, str, dict[str, Any] | None]:
    """The manifest's bytes once its signature or pin accepts them, how they were accepted, and the pin
    (whose file hashes are checked once the files are verified)."""
    raw = read_manifest_bytes(bundle_dir)
    pin: dict[str, Any] | None = None
    try:
        keys = {} if policy.allow_unsigned else read_trusted_keys(policy.trusted_keys_dir)
        if policy.allow_unsigned:
            how = "UNSIGNED: neither signature nor pin checked (--allow-unsigned)"
        elif keys:
            kid = _verify_signature(bundle_dir, raw, _read_signature(bundle_dir / SIGNATURE_NAME), keys)
            how = f"signed by trusted key {kid}"
        else:
            where = policy.pin_for(bundle_dir)
            pin = read_pin(where, station=policy.pins_dir is not None, bundle=bundle_dir)
            actual, pinned = sha256_bytes(raw), pin["files"][MANIFEST_NAME]
            if pinned != actual:
                raise BundleTrustError(
                    bundle_dir / MANIFEST_NAME,
                    f"differs from its pin {where} (pinned SHA-256 {pinned}, found {actual}): "
                    "its classes, thresholds, preprocessing or file hashes may have been edited",
                    "Do not use this bundle; copy it again from a trusted source, or have an admin pin it "
                    "again (`mpox-kiosk trust pin BUNDLE --as ADMIN`) if it was rebuilt on purpose",
                )
            how = f"pinned by {where}"
    except KeyFileError as exc:  # cryptography missing
        raise BundleTrustError(bundle_dir, str(exc)) from exc
    return raw, how, pin


def _accepted(bundle: VerifiedBundle, how: str, pin: dict[str, Any] | None, policy: TrustPolicy) -> None:
    if pin is not None:
        _check_pinned_files(policy.pin_for(bundle.path), pin, bundle)
    bundle.trust = how
    log.info("model bundle %s accepted (%s); bundle SHA-256 %s", bundle.path, how, bundle.digest)


def verify_trusted_bundle(bundle_dir: str | Path, policy: TrustPolicy) -> VerifiedBundle:
    """``load_trusted_bundle`` without building the PyTorch model (torch-free): the station's ONNX path."""
    bundle_dir = bundle_folder(bundle_dir)
    raw, how, pin = _trusted_manifest(bundle_dir, policy)
    bundle, _ = open_verified(bundle_dir, manifest_bytes=raw)
    _accepted(bundle, how, pin, policy)
    return bundle


def load_trusted_bundle(
    bundle_dir: str | Path, policy: TrustPolicy, device: str | torch.device = "cpu"
) -> Bundle:
    """Load a bundle only if a trusted key signed its manifest or, with no key trusted, it matches its pin.

    Raises BundleTrustError (or BundleIntegrityError for a file that differs from the manifest), whose
    message holds the technical details for the log; show ``OFFICER_MESSAGE`` to an officer.
    """
    from .bundle import load_bundle

    bundle_dir = bundle_folder(bundle_dir)
    raw, how, pin = _trusted_manifest(bundle_dir, policy)
    bundle = load_bundle(bundle_dir, device, manifest_bytes=raw)
    _accepted(bundle, how, pin, policy)
    return bundle
