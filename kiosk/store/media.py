"""Images and heatmaps at rest: lossless PNG inside AES-256-GCM, key in a 0600 file outside the database.

File layout: MAGIC (6 bytes) + nonce (12) + ciphertext-with-tag. The file's name is bound as associated
data, so an encrypted image cannot be swapped for another case's without detection.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from pathlib import Path

import cv2
import numpy as np
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kiosk.store.errors import MediaError, StoreError
from kiosk.store.fsperm import FILE_MODE, private_dir
from models.fsutil import atomic_write, fsync_path

MAGIC = b"MPXE1\n"


def write_durably(path: Path, data: bytes) -> None:
    """The file is whole or absent, exactly 0600 (models.fsutil.atomic_write)."""
    atomic_write(path, data, mode=FILE_MODE)


def load_or_create_key(key_file: Path) -> bytes:
    key_file = Path(key_file)
    if key_file.exists():
        mode = key_file.stat().st_mode & 0o777
        if mode & 0o077:
            raise MediaError(
                f"key file {key_file} is readable by others (mode {mode:o}); run chmod 600 {key_file}.", "key"
            )
        key = key_file.read_bytes()
        if len(key) != 32:
            raise MediaError(
                f"key file {key_file} is not a 32-byte AES key ({len(key)} bytes). Restore it from backup: "
                "without it the stored images cannot be read.",
                "key",
            )
        return key
    private_dir(key_file.parent)
    key = AESGCM.generate_key(bit_length=256)
    # Written whole under a temporary name, then linked into place: another thread or process that looks at
    # the same moment sees no key file or the whole key, never an empty one; the first link wins.
    tmp = key_file.with_name(f".{key_file.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)  # never world-readable, even briefly
    try:
        os.fchmod(fd, FILE_MODE)
        os.write(fd, key)
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(tmp, key_file)
    except FileExistsError:  # made meanwhile by another writer: that one is the key
        return load_or_create_key(key_file)
    finally:
        tmp.unlink(missing_ok=True)
    fsync_path(key_file.parent)
    return key


class MediaStore:
    """Encrypted image files under ``root``, referenced from the database by relative path and SHA-256."""

    def __init__(self, root: Path, key_file: Path):
        self.root = Path(root)
        self.key_file = Path(key_file)
        self._aead: AESGCM | None = None
        self._root_ready = False

    def _cipher(self) -> AESGCM:
        if self._aead is None:  # created on first use: a review-only station may never need it
            self._aead = AESGCM(load_or_create_key(self.key_file))
        return self._aead

    def secret(self) -> bytes:
        """The station's key (for keyed hashes that must not be computable from the database alone)."""
        return load_or_create_key(self.key_file)

    def save(self, case_id: str, kind: str, rgb: np.ndarray) -> tuple[str, str]:
        """Encrypt and durably write one image; returns (relative path, SHA-256 of the PNG)."""
        if rgb.ndim != 3 or rgb.shape[2] != 3 or rgb.dtype != np.uint8:
            raise StoreError(
                f"case {case_id}: {kind} must be an HxWx3 uint8 RGB image, got {rgb.shape} {rgb.dtype}"
            )
        ok, png = cv2.imencode(".png", cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_PNG_COMPRESSION, 1])
        if not ok:
            raise StoreError(f"case {case_id}: could not encode the {kind} image")
        plain = png.tobytes()
        rel = f"{case_id[:2]}/{case_id}.{kind}.enc"
        path = self.root / rel
        if not self._root_ready:
            private_dir(self.root)  # 0700 (mkdir(parents=True) would make it 0777 minus the umask)
            self._root_ready = True
        if not path.parent.is_dir():
            private_dir(path.parent)
        nonce = secrets.token_bytes(12)
        write_durably(path, MAGIC + nonce + self._cipher().encrypt(nonce, plain, rel.encode()))
        return rel, hashlib.sha256(plain).hexdigest()

    def load(self, rel: str, sha256: str | None = None) -> np.ndarray:
        path = self.root / rel
        try:
            blob = path.read_bytes()
        except FileNotFoundError as exc:
            raise MediaError(f"image file {path} is missing (purged or deleted)", "missing") from exc
        if not blob.startswith(MAGIC):
            raise MediaError(f"image file {path} is not an encrypted case image", "damaged")
        nonce, body = blob[len(MAGIC) : len(MAGIC) + 12], blob[len(MAGIC) + 12 :]
        try:
            plain = self._cipher().decrypt(nonce, body, rel.encode())
        except InvalidTag as exc:
            raise MediaError(
                f"image file {path} cannot be decrypted: it was altered or the key file {self.key_file} "
                "is not the one it was written with",
                "damaged",
            ) from exc
        if sha256 and hashlib.sha256(plain).hexdigest() != sha256:
            raise MediaError(
                f"image file {path} does not match the SHA-256 recorded in the case log", "damaged"
            )
        bgr = cv2.imdecode(np.frombuffer(plain, np.uint8), cv2.IMREAD_COLOR)
        return cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)

    def delete(self, rel: str | None) -> bool:
        if not rel:
            return False
        try:
            (self.root / rel).unlink()
            return True
        except FileNotFoundError:
            return False
