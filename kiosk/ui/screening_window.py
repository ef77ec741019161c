"""The screening window: live view, Capture / automatic mode, the decision banner, top-3, Grad-CAM, status.

It never waits and is not on the frames' way to the model: a timer paints the newest frame; automatic frames
go from the capture thread to inference directly; results and the store's news come back as signals. It shows
who is logged in and has *Log off*, but does not own the session (kiosk/ui/session.py): it asks for a log-off
(``log_off_requested``), says when it closes and why (``closing``), and forgets the last traveller when told
(``clear_result``) or after ``clear_result_after_s`` without a new result or input. It is a view: what it
shows is decided by kiosk/station.py; its columns and status bar are in kiosk/ui/screening/.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QMainWindow, QSplitter, QWidget

from models.decision import ReasonCode

from ..capture import CameraProber, CameraState, CaptureService, CaptureStats
from ..config import ReferralConfig
from ..station import CAMERA_LOST, IDLE, SIGNED_OUT, BannerText, StationCore, camera_line
from ..workers import InferenceController, ScreenOutcome, ScreenRequest
from . import i18n
from .i18n import tr
from .screening.fullscreen import FullScreen
from .screening.live_feed import LiveFeed
from .screening.officer_panel import OfficerPanel
from .screening.result_panel import ResultPanel, SlipDesk, result_words
from .screening.shortcuts import add_shortcuts
from .screening.sources import SourceList
from .screening.status_bar import StationStatusBar
from .screening.traveller_side import TravellerSide
from .style import scale_for, style_sheet
from .traveller import placement

_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


def _of(part: str, name: str, settable: bool = False) -> property:
    """The window's own name for an attribute of one of its parts."""

    def get(window: ScreeningWindow) -> object:
        return getattr(getattr(window, part), name)

    def set_(window: ScreeningWindow, value: object) -> None:
        setattr(getattr(window, part), name, value)

    return property(get, set_ if settable else None)


class ScreeningWindow(QMainWindow):
    source_change_requested = Signal(str)
    review_requested = Signal()
    log_off_requested = Signal()
    closing = Signal(str)  # why: "quit" (Ctrl+Q) or "window closed"
    outcome_shown = Signal(object)  # ScreenOutcome, after the panel was updated (tests and demos listen)
    result_cleared = Signal()
    referral_saved = Signal(object)  # Path of the referral slip just saved (tests listen)

    # What the window has always been asked for (kiosk/app.py, the tests, docs/img), now held by its parts.
    banner_kind = _of("core", "banner_kind")  # a decision, or one of the station's states (kiosk/station.py)
    operator = _of("core", "operator")
    login_required = _of("core", "login_required", settable=True)
    auto_mode = _of("core", "auto_mode")
    consent_given = _of("core", "consent_given")
    training_consent = _of("core", "training_consent")
    _generation = _of("core", "generation")
    _result = _of("core", "result")
    capture = _of("feed", "capture")
    displayed_frames = _of("feed", "frames_shown")
    frame_listeners = _of("feed", "listeners")  # called with each frame's paint time (benchmark)
    camera_scan = _of("sources", "scan")
    current_source = _of("sources", "current")
    set_cameras = _of("sources", "set_cameras")
    source_box = _of("officer", "source_box")
    user_label = _of("officer", "user_label")
    logoff_button = _of("officer", "logoff_button")
    live_view = _of("officer", "live_view")
    lost_panel = _of("officer", "lost_panel")
    notice_label = _of("officer", "notice_label")
    ref_edit = _of("officer", "ref_edit")
    capture_button = _of("officer", "capture_button")
    auto_button = _of("officer", "auto_button")
    review_button = _of("officer", "review_button")
    traveller_panel = _of("traveller", "panel")
    traveller_language_box = _of("traveller", "language_box")
    consent_button = _of("traveller", "consent_button")
    training_button = _of("traveller", "training_button")
    consent = _of("traveller", "consent")
    set_consent = _of("traveller", "set_consent")
    set_training_consent = _of("traveller", "set_training_consent")
    set_traveller_language = _of("traveller", "set_language")
    banner = _of("results", "banner")
    reason = _of("results", "reason")
    detail_label = _of("results", "detail_label")
    referral_button = _of("results", "referral_button")
    referral_label = _of("results", "referral_label")
    chart = _of("results", "chart")
    heatmap_caption = _of("results", "heatmap_caption")
    heatmap_view = _of("results", "heatmap_view")
    heatmap_toggle = _of("results", "heatmap_toggle")
    opacity = _of("results", "opacity")
    note = _of("results", "note")
    status_model = _of("status_bar", "model_label")
    status_device = _of("status_bar", "device_label")
    status_fps = _of("status_bar", "camera_label")
    status_dropped = _of("status_bar", "dropped_label")
    status_db = _of("status_bar", "database_label")
    on_writer_status = _of("status_bar", "show_writer_status")

    def __init__(
        self,
        capture: CaptureService | None,
        controller: InferenceController | None,
        *,
        unavailable: str = "",
        unavailable_kind: str = "model",
        model_label: str = "",
        device_label: str = "",
        source_spec: str = "",
        auto_mode: bool = False,
        operator: str = "",
        show_review: bool = False,
        database_state: str = "not configured",
        database_detail: str = "",
        frame_interval_ms: int = 5,
        login_required: bool = False,
        clear_result_after_s: float = 60.0,
        review_instruction: str = "",
        station_id: str = "",
        referral: ReferralConfig | None = None,
        referral_folder: Path | None = None,
        camera_prober: CameraProber | None = None,
        traveller_screen: str = "off",
        require_consent: bool = False,
        traveller_language: str = "",
        retention_days: int = 90,
    ):
        super().__init__()
        self.setWindowTitle(tr("ScreeningWindow", "Mpox screening station"))
        self.controller = controller
        self.core = StationCore(
            has_engine=controller is not None,
            unavailable=unavailable,
            unavailable_kind=unavailable_kind,
            operator=operator,
            login_required=login_required,
            require_consent=require_consent,
            traveller_language=traveller_language or i18n.current_language(),
            translate=tr,
        )
        # The traveller-facing panel and the privacy notice (kiosk/ui/traveller.py, [traveller] in the config)
        self.traveller_placement = placement(traveller_screen, len(QApplication.screens()))
        self.traveller = TravellerSide(self.core, self.traveller_placement, retention_days, self)
        self.traveller.agreement_changed.connect(self._agreement_changed)
        self.officer = OfficerPanel(show_review, self.traveller.controls)
        # The referral slip of a FLAG or REVIEW saved as a case (kiosk/ui/referral.py); no folder: no slips.
        slips = SlipDesk(station_id, referral or ReferralConfig(), referral_folder)
        self.results = ResultPanel(self.traveller_placement == "panel", review_instruction, slips)
        self._lay_out()
        self.status_bar = StationStatusBar(model_label, device_label, database_state, database_detail)
        self.setStatusBar(self.status_bar)
        self.feed = LiveFeed(self.officer.live_view, capture)
        self._feed_inference(capture)
        self.sources = SourceList(self.officer.source_box, source_spec, camera_prober, self.feed.live)
        self.sources.chosen.connect(self.source_change_requested)
        self.sources.fill()
        self._full_screen = FullScreen(self)
        self._close_reason = ""
        self._scale = 0.0
        self._connect(controller)
        add_shortcuts(self)
        self.set_auto_mode(auto_mode)
        self._show_idle()
        self._start_timers(frame_interval_ms, clear_result_after_s)
        QApplication.instance().installEventFilter(self)
        self.set_user(operator, "", show_review)
        self.resize(1280, 720)
        self.sources.rescan()

    # ---------- construction ----------
    def _lay_out(self) -> None:
        central = QWidget()
        self.setCentralWidget(central)
        root = QHBoxLayout(central)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        root.addWidget(splitter)
        splitter.addWidget(self.officer)
        splitter.addWidget(self.results)
        if i18n.current_language() in i18n.UPRIGHT:  # no italics in Arabic or Chinese (kiosk/ui/i18n.py)
            for label in self.officer.italic_labels() + self.results.italic_labels():
                label.setStyleSheet("font-style: normal;")
        # The result column as wide as the live view: the decision's banner is the largest text on the screen
        # (its lines shrink only to fit their column's width).
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        if self.traveller_placement == "panel":  # the traveller's panel at the side of the officer's screen
            splitter.addWidget(self.traveller.panel)
            splitter.setStretchFactor(2, 1)
            splitter.setSizes([2400, 2400, 1200])  # narrower than the result column: the result first
        else:
            splitter.setSizes([2500, 2500])

    def _connect(self, controller: InferenceController | None) -> None:
        officer = self.officer
        officer.logoff_button.clicked.connect(lambda: self.log_off_requested.emit())
        officer.ref_edit.returnPressed.connect(self._reference_entered)
        officer.ref_edit.textChanged.connect(self._publish_auto)  # the reference goes with automatic frames
        officer.capture_button.clicked.connect(self.capture_now)
        officer.auto_button.toggled.connect(self.set_auto_mode)
        officer.review_button.clicked.connect(lambda: self.review_requested.emit())
        self.results.referral_button.clicked.connect(self.save_referral_slip)
        if controller is not None:
            controller.outcome.connect(self.show_outcome)
            controller.failed.connect(self._on_failed)
            controller.case_event.connect(self.on_case_event)

    def _start_timers(self, frame_interval_ms: int, clear_result_after_s: float) -> None:
        self._frame_timer = QTimer(self)
        self._frame_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._frame_timer.timeout.connect(self._tick)
        self._frame_timer.start(frame_interval_ms)
        self._status_timer = QTimer(self)
        self._status_timer.timeout.connect(self._refresh_status)
        self._status_timer.start(500)
        # The last traveller's picture and result leave the screen after this long without a new result or
        # keyboard/mouse input (privacy at a gate; docs/kiosk.md).
        self.clear_timer = QTimer(self)
        self.clear_timer.setSingleShot(True)
        self.clear_timer.setInterval(max(1, int(clear_result_after_s * 1000)))
        self.clear_timer.timeout.connect(self.clear_result)

    # ---------- who is logged in, and the traveller ----------
    def set_user(self, name: str, role: str, can_review: bool) -> None:
        """Show who is logged in (name and role) and what they may do; nobody: screening stops."""
        self.core.operator = name
        self.officer.show_user(name, role, self.core.login_required)
        self.officer.review_button.setVisible(bool(can_review))
        self._update_buttons()
        if self.core.signed_out:
            self.set_auto_mode(False)
            self.clear_result()
        elif self.core.banner_kind == SIGNED_OUT:
            self._show_idle()
        self._publish_auto()

    def _update_buttons(self) -> None:
        self.officer.capture_button.setEnabled(self.core.can_capture)
        self.officer.auto_button.setEnabled(self.core.can_screen)

    def _agreement_changed(self) -> None:
        self._publish_auto()
        if self.core.banner_kind == IDLE:  # "Ready" says whether the traveller still has to agree
            self._show_idle()

    def clear_result(self) -> None:
        """Forget the last traveller: picture, heatmap, decision, top-3 and the reference typed for them.
        A result still on its way from the inference thread is not shown either."""
        self.core.clear()
        self.clear_timer.stop()
        self._show_case()
        self.results.clear()
        self.officer.ref_edit.clear()
        self.traveller.show_answers()  # the next traveller is asked again
        self.traveller.show_state()
        self._show_idle()
        self._publish_auto()
        self.result_cleared.emit()

    def quit(self) -> None:
        """Ctrl+Q: close the station; the session ends as "quit" (audited)."""
        self._close_reason = "quit"
        self.close()

    # ---------- actions ----------
    def set_fullscreen(self, on: bool) -> None:
        """Real full screen, with or without a window manager (kiosk/ui/screening/fullscreen.py)."""
        self._full_screen.set(on)

    @property
    def fullscreen(self) -> bool:
        return self._full_screen.on

    def set_auto_mode(self, on: bool) -> None:
        on = self.core.set_auto_mode(on)
        if self.officer.auto_button.isChecked() != on:
            self.officer.auto_button.setChecked(on)
        self._publish_auto()

    def _publish_auto(self) -> None:
        """What automatic frames are screened with now: the capture thread hands each new frame to inference
        itself (kiosk/workers.py offer_frame); the GUI keeps this up to date on each change and each frame."""
        if self.controller is not None:
            reference, consent = self.officer.ref_edit.text().strip(), self.traveller.consent()
            self.controller.set_auto_context(self.core.auto_context(reference, consent))

    def _reference_entered(self) -> None:
        self.officer.ref_edit.clearFocus()
        self.capture_now()

    def capture_now(self) -> None:
        """Screen the frame on screen now (with Grad-CAM); the result comes back as a signal."""
        if not self.core.can_screen:
            return
        if self.core.camera_lost:
            self._show_banner(self.core.camera_lost_banner())  # [Space]: the banner says why nothing happens
            return
        if self.feed.last_frame is None or not self.feed.live():
            self._show_banner(self.core.no_live_picture_banner())
            return
        # The reference belongs to this capture and goes with it; the field starts empty for the next one
        # (a reference left there after a CLEAR or a RETAKE was once saved with the next traveller's case).
        ref = self.officer.ref_edit.text().strip()
        self.officer.ref_edit.clear()
        frame, core = self.feed.last_frame.copy(), self.core
        self.controller.request(
            ScreenRequest("capture", frame, core.operator, ref, core.generation, self.traveller.consent())
        )
        self.results.reason.setText(tr("ScreeningWindow", "Screening…"))

    def _feed_inference(self, capture: CaptureService | None) -> None:
        if capture is not None and self.controller is not None:  # automatic frames skip the GUI thread
            capture.frame_listener = self.controller.offer_frame

    def set_capture(self, capture: CaptureService | None, source_spec: str = "") -> None:
        """Swap the frame source (the app stops the old service)."""
        self.feed.capture = capture
        self._feed_inference(capture)
        self.feed.forget()
        if source_spec:
            self.sources.in_use = source_spec
            self.sources.fill()

    def _tick(self) -> None:
        """Draw the newest frame; automatic screening does not wait for this (see _publish_auto)."""
        if self.feed.take() is not None:
            self._publish_auto()

    # ---------- results ----------
    def _show_banner(self, banner: BannerText) -> None:
        self.results.show_banner(banner, self._scale or 1.0)

    def _show_idle(self) -> None:
        self._show_banner(self.core.idle_banner())

    def _check_in_service(self) -> bool:
        """Take screening out of service once the engine stopped it (a model that keeps failing,
        kiosk/inference.py): buttons off, automatic mode off, the banner says so. False when out."""
        reason = self.controller.engine.out_of_service if self.controller is not None else ""
        if not reason:
            return True
        if self.core.take_out_of_service(reason):
            self.set_auto_mode(False)
            self._update_buttons()
            self._show_idle()
        return False

    def show_outcome(self, outcome: ScreenOutcome) -> None:
        if not self.core.is_current(outcome):  # the automatic window still filling, or asked before a clear
            return
        result = outcome.result
        if result.reason_code is ReasonCode.MODEL_ERROR and not self._check_in_service():
            return
        words = result_words(result, self.results.review_instruction)
        shown = self.core.present(outcome, self.officer.ref_edit.text().strip(), words)
        if shown.clear_reference:
            self.officer.ref_edit.clear()
        self._show_case()
        self.clear_timer.start()  # the result fades to "Ready" after clear_result_after_s (docs/kiosk.md)
        self._show_banner(shown.banner)
        self.results.show_classes(result, shown.classes)
        if shown.decided:
            self.status_bar.show_timing(result)
            self.traveller.show_answers()  # reset for the next traveller (docs/kiosk.md)
        self.traveller.show_state(result_shown=shown.decided)
        self.results.show_screened(result)
        self.outcome_shown.emit(outcome)

    def _on_failed(self, message: str) -> None:
        """Screening this picture failed; a model that keeps failing takes screening out of service."""
        if self._check_in_service():
            self._show_banner(self.core.failed_banner(message))

    def _show_case(self) -> None:
        """The case on screen (or none): the referral slip is offered for a saved FLAG or REVIEW."""
        self.results.offer_referral(self.core.result, self.core.case_id)

    def save_referral_slip(self) -> Path | None:
        """[P]: save the slip of the result on screen (kiosk/ui/screening/result_panel.py)."""
        core = self.core
        path = self.results.save_referral_slip(core.result, core.case_id, not core.case_without_picture)
        if path is not None:
            self.referral_saved.emit(path)
        return path

    # ---------- status ----------
    def on_capture_state(self, stats: CaptureStats) -> None:
        if stats.state is CameraState.LOST:
            self.show_camera_lost(stats.message, stats.problem, stats.values)
        elif stats.state is CameraState.LIVE:
            self._camera_back()
            line = camera_line(stats.problem, stats.values, tr) if stats.message else ""
            self.officer.show_camera_notice(line, stats.message)
        if self.sources.outdated():
            self.sources.fill()

    def show_camera_lost(
        self, detail: str = "", problem: str = "", values: dict[str, object] | None = None
    ) -> None:
        """The camera is lost: the panel over the live view says why (``problem``, a key of capture.PROBLEMS,
        filled with ``values``, in the station's language) and what to do, with ``detail`` (the capture
        service's English words) for the administrator under it; the "Ready" banner becomes the camera-lost
        banner, Capture is off until pictures return."""
        self.officer.lost_panel.show_reason(camera_line(problem, values or {}, tr), detail)
        if not self.core.lose_camera(time.strftime("%H:%M:%S")):
            return
        self._publish_auto()  # no automatic screening of what a lost camera still sends
        self.officer.show_waiting_text(False)
        self.feed.forget()
        self._update_buttons()
        self.sources.fill()  # the source in use is marked "not found" if the last scan did not see it
        if self.core.camera_lost_takes_the_banner:
            self._show_banner(self.core.camera_lost_banner())

    def _camera_back(self) -> None:
        self.officer.lost_panel.hide()
        if not self.core.camera_returned():
            return
        self._publish_auto()
        self.officer.show_waiting_text(True)
        self._update_buttons()
        self.sources.fill()
        if self.core.banner_kind == CAMERA_LOST:
            self._show_idle()

    def on_case_event(self, case_id: str, kind: str, detail: str = "") -> None:
        """A case is on disk or could not be kept (the writer's spooling thread, with ``detail``: why not),
        in the database or set aside (the writer): the result on screen says so once it is true, and offers
        the referral slip once its case is kept."""
        line = self.core.case_event(case_id, kind, detail)
        if line is not None:
            self.results.reason.setText(line)
            if detail:
                self.results.set_detail(detail)
            self._show_case()

    def _refresh_status(self) -> None:
        stats = self.feed.stats()
        self.status_bar.show_camera(stats, self.feed.shown_fps())
        if stats is not None:
            self.on_capture_state(stats)

    # ---------- scaling and shutdown ----------
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        scale = scale_for(event.size().height())
        if abs(scale - self._scale) > 0.05:
            self._scale = scale
            self.setStyleSheet(style_sheet(scale))
            self.results.set_scale(self.core.banner_kind, scale)
            panel = self.traveller.panel
            if panel is not None and not panel.isWindow():
                panel.set_scale(scale)
                panel.setMinimumWidth(int(220 * scale))  # large print needs the room
        super().resizeEvent(event)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        # Someone is working at the station: keep the result on screen a while longer.
        if event.type() in _INPUT_EVENTS and self.clear_timer.isActive():
            self.clear_timer.start()
        return False

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.traveller.panel is not None and self.traveller.panel.isWindow():
            self.traveller.panel.show_facing_traveller()

    def stop_timers(self) -> None:
        self._frame_timer.stop()
        self._status_timer.stop()
        self.clear_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.stop_timers()
        if self.traveller.panel is not None and self.traveller.panel.isWindow():
            self.traveller.panel.close()
        reason, self._close_reason = self._close_reason or "window closed", ""
        self.closing.emit(reason)
        super().closeEvent(event)
