"""The screening window's source chooser: the configured source, the one in use, and the cameras the last scan
found, looked for again (off the GUI thread) each time the list opens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from ...capture import CameraDevice, CameraProber, CameraScan, source_choices
from ..i18n import tr
from ..widgets import SourceBox


class SourceList(QObject):
    """Fills ``box`` and says which source the officer chose (``chosen``). ``is_live``: whether the source in
    use delivers pictures now."""

    chosen = Signal(str)  # the spec of the source chosen in the list
    cameras_found = Signal(object)  # list[CameraDevice] | None, from the camera scan's thread

    def __init__(
        self, box: SourceBox, configured: str, prober: CameraProber | None, is_live: Callable[[], bool]
    ):
        super().__init__(box)
        self.box = box
        self.is_live = is_live
        self.configured = configured
        self.in_use = configured
        self.cameras: list[CameraDevice] | None = None
        self.scan = CameraScan(prober) if prober is not None else None
        self.listed_live = ""  # the source listed as live when the list was last filled
        box.opening.connect(self.rescan)  # a camera plugged in since is listed next time
        box.activated.connect(self._chosen)
        self.cameras_found.connect(self.set_cameras)

    def _chosen(self, index: int) -> None:
        spec = self.box.itemData(index)
        if spec:
            self.chosen.emit(spec)

    def current(self) -> str:
        """The spec of the source chosen in the list ("camera:1", "folder:/path", ...)."""
        return self.box.currentData() or ""

    def rescan(self) -> bool:
        """Look for cameras again, off the GUI thread (the list updates when the scan is done); the camera in
        use is not opened a second time. False when no scan started (one is running, or no prober)."""
        if self.scan is None:
            return False
        kind, _, rest = self.in_use.partition(":")
        skip = frozenset({int(rest)}) if kind == "camera" and rest.isdigit() else frozenset()
        return self.scan.start(self._cameras_from_scan, skip)

    def _cameras_from_scan(self, cameras: list[CameraDevice] | None) -> None:
        try:  # the scan's thread: the signal carries the list to the GUI thread
            self.cameras_found.emit(cameras)
        except RuntimeError:  # the window is gone
            pass

    def set_cameras(self, cameras: list[CameraDevice] | None) -> None:
        """The cameras found (None: the scan failed; what was known stays)."""
        if cameras is not None:
            self.cameras = list(cameras)
            self.fill()

    def outdated(self) -> bool:
        """The source in use started (or stopped) delivering since the list was filled: "not found" or not."""
        return (self.in_use if self.is_live() else "") != self.listed_live

    def fill(self) -> None:
        """The list again; the source in use is there when it delivers pictures, whatever the scan says."""
        self.listed_live = self.in_use if self.is_live() else ""
        choices = source_choices(
            self.cameras, [self.configured, self.in_use], self.listed_live, lambda text: tr("Capture", text)
        )
        box = self.box
        box.blockSignals(True)
        box.clear()
        for choice in choices:
            box.addItem(choice.label, choice.spec)
            if choice.present is False:
                box.setItemData(
                    box.count() - 1,
                    tr(
                        "ScreeningWindow",
                        "Not found now: it is kept in the list because it is configured or in use",
                    ),
                    Qt.ItemDataRole.ToolTipRole,
                )
        box.setCurrentIndex(max(0, box.findData(self.in_use)))
        box.blockSignals(False)
