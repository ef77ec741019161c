"""Traveller references at rest: sealed with the station's key, looked up by a keyed hash.

A reference (a passport or document number, an MRZ line, an officer's note) is what makes a case personal, so
the database never holds it in clear. ``cases.traveller_ref`` holds ``enc1:<key id>:<base64>``: AES-256-GCM
under a key derived (HKDF-SHA256) from the station's media key, the case id and key id bound as associated
data, so a sealed reference cannot be moved to another case unnoticed. ``<key id>`` names the key a row was
sealed with, so the key can be rotated and a row sealed with another key is recognised as such.
``cases.traveller_ref_hmac`` holds HMAC-SHA256 of the normalised reference under a second derived key: the
review window's search finds exact matches (whatever the case, spacing or Unicode form) without the clear text
in the database, and without the key the hash cannot be checked against guessed document numbers.

Only the review window and the exports of reviewers and admins reveal references (kiosk/store/queries.py);
the retention purge clears them with the images (kiosk/store/retention.py).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import unicodedata

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from kiosk.store.errors import MediaError

PREFIX = "enc1"
MAX_REFERENCE = 256  # characters of clear text a case keeps (the sealed form is longer)
UNREADABLE = "⚠ reference unreadable"  # shown in place of a reference that cannot be opened (log says why)


def normalise(reference: str) -> str:
    """The form references are compared in: Unicode NFKC, case-folded, without any white space."""
    return "".join(unicodedata.normalize("NFKC", reference).casefold().split())


def is_sealed(stored: str) -> bool:
    return stored.startswith(PREFIX + ":")


def _derive(key: bytes, purpose: str) -> bytes:
    info = f"mpox-aism traveller reference {purpose}".encode()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(key)


class ReferenceCipher:
    """Seals, opens and hashes references with keys derived from one station key (the media key)."""

    def __init__(self, key: bytes):
        self.key_id = hashlib.sha256(_derive(key, "key id")).hexdigest()[:8]
        self._aead = AESGCM(_derive(key, "encryption v1"))
        self._mac_key = _derive(key, "lookup v1")

    def lookup(self, reference: str) -> str | None:
        """The keyed hash a search compares with; None for an empty reference."""
        text = normalise(reference)
        if not text:
            return None
        return hmac.new(self._mac_key, text.encode(), hashlib.sha256).hexdigest()

    def seal(self, case_id: str, reference: str) -> tuple[str, str | None]:
        """(the stored form, its lookup hash) of ``reference`` for case ``case_id``; ("", None) when empty."""
        reference = reference.strip()
        if not reference:
            return "", None
        nonce = secrets.token_bytes(12)
        sealed = self._aead.encrypt(nonce, reference.encode(), self._bound(case_id))
        token = base64.urlsafe_b64encode(nonce + sealed).decode()
        return f"{PREFIX}:{self.key_id}:{token}", self.lookup(reference)

    def open(self, case_id: str, stored: str) -> str:
        """The clear reference of a stored one. A value that is not sealed (a row from before revision 0007
        that was not sealed yet) is returned as it is; MediaError when it cannot be opened."""
        if not stored or not is_sealed(stored):
            return stored or ""
        _, key_id, token = stored.split(":", 2)
        if key_id != self.key_id:
            raise MediaError(
                f"the reference of case {case_id} was sealed with key {key_id}, not this station's key "
                f"{self.key_id}: open the case where that key is installed",
                "key",
            )
        try:
            blob = base64.urlsafe_b64decode(token.encode())
            return self._aead.decrypt(blob[:12], blob[12:], self._bound(case_id)).decode()
        except (InvalidTag, ValueError, binascii.Error) as exc:
            raise MediaError(f"the reference of case {case_id} is damaged or was altered", "damaged") from exc

    def reveal(self, case_id: str, stored: str) -> str:
        """``open`` for a list or an export: a reference that cannot be opened reads as UNREADABLE (one
        damaged row must not hide the others; nothing is revealed that the key does not open)."""
        try:
            return self.open(case_id, stored)
        except MediaError:
            return UNREADABLE

    def _bound(self, case_id: str) -> bytes:
        return f"{case_id}:{self.key_id}".encode()
