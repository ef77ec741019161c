"""The resources/ files that need Qt to be used: the application icon, the decision icons and the FLAG alert.

Paths come from kiosk.resources (plain Python); this module turns them into QIcons and a sound that plays
without blocking the GUI thread.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QSize
from PySide6.QtGui import QIcon

from models.decision import Decision

from ..resources import ResourceMissing, resource_path

log = logging.getLogger(__name__)

DECISION_ICONS = {
    Decision.FLAG: "flag.svg",
    Decision.REVIEW: "review.svg",
    Decision.CLEAR: "clear.svg",
    Decision.RETAKE: "retake.svg",
}


def app_icon() -> QIcon:
    """The station's icon: the SVG (any size) and its 256 px PNG (for platforms that take a bitmap).
    Raises ResourceMissing when the files are not installed."""
    icon = QIcon(str(resource_path("icons", "app.svg")))
    icon.addFile(str(resource_path("icons", "app.png")), QSize(256, 256))
    return icon


def decision_icon(decision: Decision | str) -> QIcon:
    """The icon of a decision (a stored string such as "flag" is taken too)."""
    return QIcon(str(resource_path("icons", DECISION_ICONS[Decision(decision)])))


# Command-line players tried in order when Qt Multimedia is not there (PySide6-Essentials lacks it).
PLAYERS = {
    "linux": (("pw-play",), ("paplay",), ("aplay", "-q")),
    "darwin": (("afplay",),),
}


def _player_command(which: Callable[[str], str | None] = shutil.which) -> tuple[str, ...] | None:
    for command in PLAYERS.get("darwin" if sys.platform == "darwin" else "linux", ()):
        found = which(command[0])
        if found:
            return (found, *command[1:])
    return None


class FlagSound:
    """resources/sounds/flag.wav, played when a FLAG is shown ([ui] flag_sound, off by default).

    Never blocks the GUI thread and never raises: Qt Multimedia's QSoundEffect when PySide6 has it; else
    ``winsound`` (asynchronous) on Windows or a command-line player (pw-play, paplay, aplay; afplay on macOS)
    started in the background; with none of them, or when one fails, one log line and silence."""

    def __init__(
        self,
        parent: QObject | None = None,
        path: Path | None = None,
        spawn: Callable[[Sequence[str]], subprocess.Popen] | None = None,
        which: Callable[[str], str | None] = shutil.which,
        use_qt: bool = True,
    ):
        self.backend = "none"
        self._effect = None
        self._command: tuple[str, ...] | None = None
        self._process: subprocess.Popen | None = None
        self._spawn = spawn or _spawn_quietly
        self._warned = False
        try:
            self.path = path or resource_path("sounds", "flag.wav")
        except ResourceMissing as exc:
            self.path = None
            self._off(str(exc))
            return
        if use_qt and self._try_qt(parent):
            self.backend = "qt"
        elif sys.platform == "win32":
            self.backend = "winsound"
        else:
            self._command = _player_command(which)
            if self._command is not None:
                self.backend = "command"
            else:
                self._off(
                    "no audio player found (Qt Multimedia is not installed; none of pw-play, paplay, aplay)"
                )

    def _try_qt(self, parent: QObject | None) -> bool:
        try:
            from PySide6.QtCore import QUrl
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:
            return False
        self._effect = QSoundEffect(parent)
        self._effect.setSource(QUrl.fromLocalFile(str(self.path)))
        return True

    def _off(self, why: str) -> None:
        if not self._warned:
            log.warning("the FLAG sound is off: %s", why)
            self._warned = True
        self.backend = "none"

    def play(self) -> bool:
        """Start the sound and return at once; False when there is nothing to play it with."""
        try:
            if self.backend == "qt":
                self._effect.play()
            elif self.backend == "winsound":
                import winsound

                winsound.PlaySound(
                    str(self.path), winsound.SND_FILENAME | winsound.SND_ASYNC | winsound.SND_NODEFAULT
                )
            elif self.backend == "command":
                if self._process is not None and self._process.poll() is None:
                    return True  # the last alert is still sounding
                self._process = self._spawn([*self._command, str(self.path)])
            else:
                return False
        except Exception as exc:  # noqa: BLE001 - a sound must never stop the station
            self._off(f"{type(exc).__name__}: {exc}")
            return False
        return True

    def on_outcome(self, outcome) -> None:
        """Slot for InferenceController.outcome: sounds for a FLAG."""
        result = getattr(outcome, "result", None)
        if result is not None and result.decision == Decision.FLAG:
            self.play()


def _spawn_quietly(command: Sequence[str]) -> subprocess.Popen:
    return subprocess.Popen(
        list(command), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
