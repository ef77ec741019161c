"""Store errors: shown to users as they are, so each says what was wrong and what to do."""

from __future__ import annotations

from models.errors import MpoxError


class StoreError(MpoxError):
    """The case database, media files or key file cannot be used as asked."""


class AccessDenied(StoreError):
    """The logged-in account's role does not allow this action."""


class LoginError(StoreError):
    """Wrong user name or password, or a locked account."""
