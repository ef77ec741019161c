"""Real full screen for the station's window, with or without a window manager."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget


class FullScreen:
    """``showFullScreen`` only asks the window manager, and a kiosk session often has none: the window is also
    given the screen's whole geometry, without a frame, itself. Leaving full screen restores the frame and the
    earlier geometry."""

    def __init__(self, window: QWidget):
        self.window = window
        self.on = False
        self._normal_geometry: QRect | None = None

    def set(self, on: bool) -> None:
        window = self.window
        screen = window.screen() or QApplication.primaryScreen()
        if on:
            if not self.on:
                self._normal_geometry = window.geometry()
            self.on = True
            window.setWindowFlag(
                Qt.WindowType.FramelessWindowHint, True
            )  # hides the window: shown again below
            window.showFullScreen()
            if screen is not None:
                whole = screen.geometry()
                # A screen smaller than the layout's minimum (an 800-pixel panel): the window still fits it.
                hint = window.minimumSizeHint()
                window.setMinimumSize(min(hint.width(), whole.width()), min(hint.height(), whole.height()))
                window.setGeometry(whole)
            window.raise_()
            window.activateWindow()  # keyboard focus without a window manager to give it
        else:
            self.on = False
            window.setMinimumSize(0, 0)  # the layout's own minimum again
            window.setWindowFlag(Qt.WindowType.FramelessWindowHint, False)
            window.showNormal()
            if self._normal_geometry is not None:
                window.setGeometry(self._normal_geometry)
            window.activateWindow()
