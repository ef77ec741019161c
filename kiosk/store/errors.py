"""Store errors: shown to users as they are, so each says what was wrong and what to do."""

from __future__ import annotations

from models.errors import MpoxError


class StoreError(MpoxError):
    """The case database, media files or key file cannot be used as asked."""


class AccessDenied(StoreError):
    """The logged-in account's role does not allow this action."""


class RuleRefused(StoreError):
    """A review rule refuses a change (kiosk/store/reviews.py). The message is English; ``text`` is the same
    sentence marked for the station's translations (context "ReviewRules") with ``values`` (raw status,
    outcome and action keys) to fill it, so the review screens can say it in the station's language."""

    def __init__(self, message: str, text: str, values: dict[str, str]):
        super().__init__(message)
        self.text, self.values = text, dict(values)


class LoginError(StoreError):
    """Wrong user name or password, or a locked account."""
