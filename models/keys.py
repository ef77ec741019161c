"""Ed25519 bundle-signing keys (no torch, so administration commands stay fast).

Format: PEM. Public key: SubjectPublicKeyInfo (``-----BEGIN PUBLIC KEY-----``, what ``openssl pkey -pubin``
reads); private key: unencrypted PKCS#8 (``-----BEGIN PRIVATE KEY-----``), mode 0600. A key's id is the first
16 hex digits of the SHA-256 of its 32 raw public bytes; its fingerprint is all 64.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .errors import MpoxError

ALGORITHM = "Ed25519"


class KeyFileError(MpoxError):
    """A key file that cannot be used, or no cryptography package (the message says why)."""


def crypto():
    """The Ed25519 classes; their absence refuses (never skips) a signature check."""
    try:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import ed25519
    except ImportError as exc:
        raise KeyFileError(
            f"the cryptography package is missing ({exc}), so signatures cannot be made or checked; "
            "reinstall the software"
        ) from exc
    return ed25519, serialization, InvalidSignature


def _raw_public(public_key) -> bytes:
    _, serialization, _ = crypto()
    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(public_key) -> str:
    return hashlib.sha256(_raw_public(public_key)).hexdigest()


def key_id(public_key) -> str:
    return fingerprint(public_key)[:16]


def public_pem(public_key) -> bytes:
    _, serialization, _ = crypto()
    spki = serialization.PublicFormat.SubjectPublicKeyInfo
    return public_key.public_bytes(serialization.Encoding.PEM, spki)


def _read_key_bytes(path: Path, what: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise KeyFileError(f"{what} {path} cannot be read ({exc.strerror or exc})") from exc


def load_public_key(path: str | Path):
    """An Ed25519 public key from a PEM file; a private key, another algorithm or garbage is refused."""
    ed25519, serialization, _ = crypto()
    path = Path(path)
    data = _read_key_bytes(path, "public key")
    if b"PRIVATE KEY" in data:
        raise KeyFileError(
            f"{path} holds a PRIVATE key: never copy it to a station; give its public half (the .pub file)"
        )
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError) as exc:
        raise KeyFileError(f"{path} is not a PEM public key ({exc})") from exc
    if not isinstance(key, ed25519.Ed25519PublicKey):
        raise KeyFileError(f"{path} is not an {ALGORITHM} public key (make one with `mpox-train keygen`)")
    return key


def load_private_key(path: str | Path):
    ed25519, serialization, _ = crypto()
    path = Path(path)
    data = _read_key_bytes(path, "private key")
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise KeyFileError(
            f"{path} is not an unencrypted PEM private key ({exc}); make one with `mpox-train keygen`"
        ) from exc
    if not isinstance(key, ed25519.Ed25519PrivateKey):
        raise KeyFileError(f"{path} is not an {ALGORITHM} private key (make one with `mpox-train keygen`)")
    return key


def _write_new(path: Path, data: bytes, mode: int) -> None:
    """Create ``path`` with ``mode`` (never overwrite: a key is not replaced by accident)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.chmod(path, mode)


def generate_keypair(private_path: str | Path) -> tuple[Path, Path, str]:
    """Write a new private key (0600) at ``private_path`` and its public key at ``<private_path>.pub``;
    returns both paths and the key id. Existing files are never overwritten."""
    ed25519, serialization, _ = crypto()
    private_path = Path(private_path)
    public_path = private_path.with_name(private_path.name + ".pub")
    for path in (private_path, public_path):
        if path.exists():
            raise KeyFileError(f"{path} already exists; choose another name (a key is never overwritten)")
    private_path.parent.mkdir(parents=True, exist_ok=True)
    key = ed25519.Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    _write_new(private_path, pem, 0o600)
    _write_new(public_path, public_pem(key.public_key()), 0o644)
    return private_path, public_path, key_id(key.public_key())
