"""Fires after a period without keyboard, mouse or touch input anywhere in the application."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class InactivityWatcher(QObject):
    """``timed_out`` once the countdown runs out; any input restarts it. ``minutes`` may be a fraction."""

    timed_out = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, int(minutes * 60_000)))
        self._timer.timeout.connect(self.timed_out)
        self._stopped = False
        QApplication.instance().installEventFilter(self)
        self._timer.start()

    def set_interval_ms(self, ms: int) -> None:
        self._timer.setInterval(ms)
        if not self._stopped:
            self._timer.start()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if not self._stopped and event.type() in _INPUT_EVENTS:
            self._timer.start()  # restart the countdown
        return False

    def stop(self) -> None:
        self._stopped = True
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
