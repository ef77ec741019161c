"""Store errors: each message says in English what was wrong and what to do (for the log, the administration
commands and the administrator). The review screens say them in the station's language by their type
(kiosk/ui/review/wording.py ``store_error_lines``), with the message as the technical detail."""

from __future__ import annotations

from models.errors import MpoxError


class StoreError(MpoxError):
    """The case database, media files or key file cannot be used as asked."""


class AccessDenied(StoreError):
    """The logged-in account's role does not allow this action."""


class CaseNotFound(StoreError):
    """The case asked for is not in the database (deleted by an admin, or since the list was loaded)."""


class MediaError(StoreError):
    """A case image cannot be read (kiosk/store/media.py). The message is English, for the administrator;
    ``problem`` names what is wrong, for the review screens' line in the station's language: "missing" (the
    file is gone), "damaged" (not a case image, altered, or not matching its recorded SHA-256) or "key" (the
    station's key file is unusable or not the one the file was written with)."""

    def __init__(self, message: str, problem: str):
        super().__init__(message)
        self.problem = problem


class RuleRefused(StoreError):
    """A review rule refuses a change (kiosk/store/reviews.py). The message is English; ``text`` is the same
    sentence marked for the station's translations (context "ReviewRules") with ``values`` (raw status,
    outcome and action keys) to fill it, so the review screens can say it in the station's language."""

    def __init__(self, message: str, text: str, values: dict[str, str]):
        super().__init__(message)
        self.text, self.values = text, dict(values)


class LoginError(StoreError):
    """Wrong user name or password, or a locked account."""
