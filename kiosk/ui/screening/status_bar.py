"""The screening window's status bar: the model, the device it runs on, the last result's timing, the camera's
rate, dropped frames and the case database."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar

from kiosk.store.writer import PROBLEMS as WRITER_PROBLEMS
from kiosk.store.writer import STATUS_OK

from ...capture import CaptureStats
from ...inference import ScreeningResult
from ..i18n import QT_TRANSLATE_NOOP, tr

# The case database ("Database: {state}"); the station's technical reason is its tooltip.
DATABASE_STATES = {
    "OK": QT_TRANSLATE_NOOP("ScreeningWindow", "OK"),
    "not started": QT_TRANSLATE_NOOP("ScreeningWindow", "not started"),
    "not configured": QT_TRANSLATE_NOOP("ScreeningWindow", "not configured"),
    "unavailable": QT_TRANSLATE_NOOP(
        "ScreeningWindow", "unavailable: cases are NOT saved. Call your administrator"
    ),
}


class StationStatusBar(QStatusBar):
    """``database_state``: a key of DATABASE_STATES (other text is shown as it is)."""

    def __init__(self, model_label: str, device_label: str, database_state: str, database_detail: str):
        super().__init__()
        # As QMainWindow.statusBar() makes its own: a long line is cut rather than widening the window past
        # the screen (the French database line does not fit beside the others at 1280 px).
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.model_label = QLabel(
            tr("ScreeningWindow", "Model: {model}").format(model=model_label)
            if model_label
            else tr("ScreeningWindow", "Model: none")
        )
        self.device_label = QLabel(device_label or "—")
        self.timing_label = QLabel(tr("ScreeningWindow", "Inference —"))
        self.camera_label = QLabel(tr("ScreeningWindow", "Camera —"))
        self.dropped_label = QLabel(tr("ScreeningWindow", "Dropped {n}").format(n=0))
        self.database_label = QLabel("")
        self.set_database_state(
            tr("ScreeningWindow", DATABASE_STATES[database_state])
            if database_state in DATABASE_STATES
            else database_state
        )
        self.database_label.setToolTip(database_detail)
        # The case database first: whether cases are saved is what the officer must always be able to read; a
        # long line (French at 1280 px) cuts the technical figures at the end instead.
        for label in (
            self.database_label,
            self.camera_label,
            self.dropped_label,
            self.model_label,
            self.device_label,
            self.timing_label,
        ):
            self.addWidget(label)
        # When the line is too long, the figures meant for the administrator give way, never the database's
        for label in (self.model_label, self.timing_label):
            label.setMinimumWidth(1)

    def set_database_state(self, text: str) -> None:
        self.database_label.setText(tr("ScreeningWindow", "Database: {state}").format(state=text))

    def show_writer_status(self, status: object) -> None:
        """The case writer's line (kiosk/store/writer.py marks them), in the station's language: no SQL, no
        URL; a problem the writer does not name reads as its general one."""
        pending = getattr(status, "pending", 0)
        if getattr(status, "ok", False):
            written = getattr(status, "written", 0)
            self.database_label.setText(tr("CaseWriter", STATUS_OK).format(written=written, n=pending))
        else:
            problem = getattr(status, "problem", None)
            line = WRITER_PROBLEMS[problem if problem in WRITER_PROBLEMS else "other"][1]
            self.database_label.setText(tr("CaseWriter", line).format(n=pending))

    def show_camera(self, stats: CaptureStats | None, shown_fps: float) -> None:
        """The camera's rate and the rate shown, and the frames dropped (only once there are some: room for
        the others at 1280 px until then); ``stats`` None: no camera."""
        if stats is None:
            self.camera_label.setText(tr("ScreeningWindow", "Camera none"))
            return
        self.camera_label.setText(
            tr("ScreeningWindow", "Camera {fps:.1f} fps · shown {shown:.1f}").format(
                fps=stats.fps, shown=shown_fps
            )
        )
        self.dropped_label.setText(tr("ScreeningWindow", "Dropped {n}").format(n=stats.dropped))
        self.dropped_label.setVisible(stats.dropped > 0)

    def show_timing(self, result: ScreeningResult) -> None:
        self.timing_label.setText(
            tr("ScreeningWindow", "Inference {infer:.0f} ms +heatmap {cam:.0f} ms").format(
                infer=result.infer_ms, cam=result.cam_ms
            )
        )
