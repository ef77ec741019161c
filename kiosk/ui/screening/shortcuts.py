"""The screening window's keys (docs/kiosk.md lists them for the officer)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow


def add_shortcuts(window: QMainWindow) -> None:
    """``window``: the screening window (kiosk/ui/screening_window.py), its parts and actions."""
    officer, results, traveller = window.officer, window.results, window.traveller
    opacity = results.opacity

    def key(seq: str, fn: Callable[[], object]) -> None:
        QShortcut(QKeySequence(seq), window).activated.connect(fn)

    key("Space", window.capture_now)
    key("F5", window.capture_now)
    key("A", lambda: officer.auto_button.toggle())
    key("H", lambda: results.heatmap_toggle.toggle())
    key("+", lambda: opacity.setValue(opacity.value() + 10))
    key("=", lambda: opacity.setValue(opacity.value() + 10))
    key("-", lambda: opacity.setValue(opacity.value() - 10))
    key("F11", lambda: window.set_fullscreen(not window.fullscreen))
    key("P", window.save_referral_slip)
    key("C", lambda: traveller.consent_button.isVisible() and traveller.consent_button.toggle())
    key("T", lambda: traveller.training_button.isVisible() and traveller.training_button.toggle())
    key("Ctrl+L", officer.ref_edit.setFocus)
    key("Ctrl+K", officer.source_box.showPopup)
    key("Ctrl+R", lambda: window.review_requested.emit())  # an officer is told why not (and it is audited)
    key("Ctrl+Shift+L", lambda: officer.logoff_button.isVisible() and window.log_off_requested.emit())
    key("Ctrl+Q", window.quit)
