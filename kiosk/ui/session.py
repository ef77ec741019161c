"""The station's one session model.

A session starts with a successful login and ends exactly once, whatever ends it: *Log off* (screening or
review window), inactivity, Ctrl+Q, closing the window, the station being stopped (``--quit-after``, SIGTERM
from its service) or an error that ends the program. Ending it writes one ``logout`` audit entry with the
reason, stops its inactivity watcher and emits ``ended(reason)``; whoever shows data (the screening window,
the review window and its case dialogs) listens and clears or closes.

A process that is killed or loses power cannot write anything; for that case a small marker file in the data
folder says who is logged in. It is removed when the session ends; one found at the next start means the
last session was cut short, and that is audited then (``find_unfinished``).
"""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from kiosk.store import accounts, audit
from kiosk.store.accounts import UserSession
from kiosk.store.database import Database
from kiosk.ui.inactivity import InactivityWatcher
from models.errors import MpoxError

log = logging.getLogger(__name__)

MARKER_NAME = "session.json"
CUT_SHORT = "station stopped without logging off (crash or power loss); found at the next start"

# Why a session ended: the reason written to the audit trail.
LOGOUT = "logout"
INACTIVITY = "inactivity"
STOPPED = "station stopped"


class StationSession(QObject):
    """One logged-in user until ``end``; ``ended`` is emitted once, after the log-off was audited."""

    ended = Signal(str)  # reason

    def __init__(
        self,
        db: Database,
        user: UserSession,
        timeout_minutes: float,
        marker: Path | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.db, self.user, self.marker = db, user, marker
        self.active = True
        self.watcher = InactivityWatcher(timeout_minutes, self)
        self.watcher.timed_out.connect(lambda: self.end(INACTIVITY))
        if marker is not None:
            _write_marker(marker, user)

    @property
    def username(self) -> str:
        return self.user.username

    @property
    def can_review(self) -> bool:
        return self.user.can_review

    def end(self, reason: str) -> bool:
        """End the session (audited) and tell the listeners; False when it had already ended."""
        if not self.active:
            return False
        self.active = False
        self.watcher.stop()
        recorded = True
        try:
            accounts.logout(self.db, self.user, reason)
        except (MpoxError, OSError) as exc:  # the session still ends; the marker lets the next start say so
            recorded = False
            log.error("could not record the log-off of %s (%s): %s", self.user.username, reason, exc)
        if recorded and self.marker is not None:
            try:
                self.marker.unlink(missing_ok=True)
            except OSError as exc:
                log.error("could not remove the session marker %s: %s", self.marker, exc)
        self.ended.emit(reason)
        return True


def _write_marker(path: Path, user: UserSession) -> None:
    body = json.dumps(
        {
            "username": user.username,
            "role": user.role,
            "login_utc": user.login_utc.astimezone(UTC).isoformat(),
            "pid": os.getpid(),
        }
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(body)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(path, 0o600)
    except OSError as exc:
        log.error("could not write the session marker %s: %s", path, exc)


def find_unfinished(db: Database, marker: Path) -> str | None:
    """A marker left by a session that never ended: audit its log-off now; returns the user name or None."""
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        username = str(data["username"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.error("unreadable session marker %s (%s); removed", marker, exc)
        marker.unlink(missing_ok=True)
        return None
    details = {
        "reason": CUT_SHORT,
        "login_utc": data.get("login_utc", ""),
        "found_utc": datetime.now(UTC).isoformat(),
    }
    audit.record(db, username, "logout", username, details)
    marker.unlink(missing_ok=True)
    return username
