"""The screening window: live view, Capture / automatic mode, the decision banner, top-3, Grad-CAM, status.

The window never waits: a timer takes the newest frame from the capture slot (if any) and paints it; screening
requests go to the inference thread and come back as signals; the store reports through signals too.

The window shows who is logged in and has *Log off*; it does not own the session (kiosk/ui/session.py):
it asks for a log-off (``log_off_requested``), says when it is closing and why (``closing``), and forgets the
last traveller when told (``clear_result``) or after ``clear_result_after_s`` without a new result or input.
With a login required and nobody logged in it does not screen.
"""

from __future__ import annotations

import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSlider,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kiosk.store.writer import MAX_TRAVELLER_REF
from models.decision import Decision, ReasonCode
from models.heatmap import blend_heatmap
from models.preprocessing import square_crop_box

from ..capture import (
    PROBLEMS,
    RETRYING,
    CameraDevice,
    CameraProber,
    CameraScan,
    CameraState,
    CaptureService,
    CaptureStats,
    source_choices,
)
from ..caselog import Consent
from ..config import ReferralConfig
from ..inference import ScreeningResult
from ..workers import InferenceController, ScreenOutcome, ScreenRequest
from . import i18n
from .i18n import QT_TRANSLATE_NOOP, technical_detail, tr
from .style import (
    CHART_COLOURS,
    banner_lines,
    banner_style,
    banner_text,
    class_name,
    reason_sentence,
    scale_for,
    sentence,
    style_sheet,
)
from .traveller import INFO, LIVE, NOTICE, WAIT, TravellerPanel, placement, second_screen
from .widgets import Banner, ImageView, LostPanel, SourceBox, Top3Chart, local_time

# Module-level texts are English, marked for translation and translated when shown (kiosk/ui/i18n.py).
NOTE = QT_TRANSLATE_NOOP(
    "ScreeningWindow",
    "Screening aid, not a diagnosis: the officer decides. When in doubt, refer the traveller "
    "to secondary screening.",
)
# The camera-lost state takes the place of the "Ready" banner (a result on screen keeps its banner: the
# officer may still need it for the traveller in front). Its colours are in style.BANNER_COLOURS.
CAMERA_LOST = "camera_lost"
CAMERA_LOST_HEADLINE = QT_TRANSLATE_NOOP("ScreeningWindow", "CAMERA LOST · no live picture")
CAMERA_LOST_ACTION = QT_TRANSLATE_NOOP("ScreeningWindow", "Check the cable or choose another camera [Ctrl+K]")
LIVE_PLACEHOLDER = QT_TRANSLATE_NOOP("ScreeningWindow", "Waiting for the camera…")
# Screening unavailable (no usable model): what the officer reads; the technical reason (English, for the
# administrator) is on a line of its own under it. "refused": the bundle failed its trust check
# (kiosk/trust.py): the text is models.trust.OFFICER_MESSAGE (a test keeps them equal), and its details are
# in the log only, as kiosk/trust.py wants.
UNAVAILABLE = {
    "model": QT_TRANSLATE_NOOP(
        "ScreeningWindow", "Screening is unavailable: the model could not be loaded. Call your administrator."
    ),
    "refused": QT_TRANSLATE_NOOP(
        "ScreeningWindow", "The screening model was changed or damaged: call your administrator."
    ),
    "failing": QT_TRANSLATE_NOOP(
        "ScreeningWindow",
        "Screening is out of service: the model keeps failing. Screen travellers by hand and call your "
        "administrator.",
    ),
}
# The case database in the status bar ("Database: {state}"); the station's technical reason is its tooltip.
DATABASE_STATES = {
    "OK": QT_TRANSLATE_NOOP("ScreeningWindow", "OK"),
    "not started": QT_TRANSLATE_NOOP("ScreeningWindow", "not started"),
    "not configured": QT_TRANSLATE_NOOP("ScreeningWindow", "not configured"),
    "unavailable": QT_TRANSLATE_NOOP(
        "ScreeningWindow", "unavailable: cases are NOT saved. Call your administrator"
    ),
}
CAMERA_PROBLEM = QT_TRANSLATE_NOOP("ScreeningWindow", "The camera delivers no picture.")  # no known kind
TRAINING_CONSENT = QT_TRANSLATE_NOOP("ScreeningWindow", "Picture may improve the model  [T]")
REF_PLACEHOLDER = QT_TRANSLATE_NOOP(
    "ScreeningWindow",
    "Traveller reference for the next capture (optional): document number or note — Ctrl+L",
)
_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


def breakable(text: str, every: int = 24) -> str:
    """``text`` with break opportunities (zero-width spaces) in runs of more than ``every`` characters without
    a space: a passport's MRZ line or a scanned barcode as a traveller reference wraps in the result line
    instead of widening its column (and the window) beyond the screen."""
    return re.sub(rf"\S{{{every}}}(?=\S)", lambda m: m.group(0) + "\u200b", text)


class ScreeningWindow(QMainWindow):
    source_change_requested = Signal(str)
    review_requested = Signal()
    log_off_requested = Signal()
    closing = Signal(str)  # why: "quit" (Ctrl+Q) or "window closed"
    outcome_shown = Signal(object)  # ScreenOutcome, after the panel was updated (tests and demos listen)
    result_cleared = Signal()
    referral_saved = Signal(object)  # Path of the referral slip just saved (tests listen)
    cameras_found = Signal(object)  # list[CameraDevice] | None, from the camera scan's thread

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
        self.capture = capture
        self.controller = controller
        # Screening unavailable: the reason in English (for the administrator; "" : screening works) and its
        # kind, a key of UNAVAILABLE (the officer's line).
        self.unavailable = unavailable
        self.unavailable_kind = unavailable_kind if unavailable_kind in UNAVAILABLE else "model"
        self.operator = operator
        self.login_required = login_required
        self.review_instruction = review_instruction  # the REVIEW banner's second line ("" : the default)
        # The referral slip of a FLAG or REVIEW saved as a case (kiosk/ui/referral.py); no folder: no slips.
        self.station_id = station_id
        self.referral = referral or ReferralConfig()
        self.referral_folder = referral_folder
        self._case_id: str | None = None
        self._case_without_picture = False
        # "Case saved" only once the writer says the case is in the database (kiosk/store/writer.py on_case):
        # case id -> "saved" | "set_aside", the latest 64 (the writer may answer before the result is shown)
        self._case_events: dict[str, str] = {}
        self._awaiting_case: tuple[str, str, str] | None = None  # (case id, line once saved, once set aside)
        # The traveller-facing panel and the privacy notice (kiosk/ui/traveller.py, [traveller] in the
        # config): with require_consent, nothing of a result is kept unless the officer confirmed the
        # traveller agreed.
        self.require_consent = require_consent
        self.traveller_placement = placement(traveller_screen, len(QApplication.screens()))
        self.traveller_panel: TravellerPanel | None = None
        self._traveller_language = traveller_language or i18n.current_language()
        self._retention_days = retention_days
        # The source list: the configured source, the one in use, and the cameras the last scan found.
        self._configured_source = source_spec
        self._source_spec = source_spec
        self._cameras: list[CameraDevice] | None = None
        self.camera_scan = CameraScan(camera_prober) if camera_prober is not None else None
        self._camera_lost = False
        self._lost_since = ""
        self._listed_live = ""  # the source listed as live when the list was last filled
        self._fullscreen = False
        self._normal_geometry = None
        self._generation = 0  # bumped when the screen is cleared: results asked for before are not shown
        self._auto_epoch = 0  # bumped when the automatic window must start afresh (ScreenRequest.auto_epoch)
        self._close_reason = ""
        self._scale = 0.0
        self._last_frame: np.ndarray | None = None
        self._result: ScreeningResult | None = None
        self._shown: tuple[tuple, np.ndarray, np.ndarray | None] | None = None  # see _picture_at_view_size
        self._displayed: deque[float] = deque(maxlen=120)
        self.displayed_frames = 0
        self.frame_listeners: list[Callable[[float], None]] = []  # called with the paint time (benchmark)
        self._build(model_label, device_label, source_spec, show_review, database_state, database_detail)
        self._shortcuts()
        if controller is not None:
            controller.outcome.connect(self.show_outcome)
            controller.failed.connect(self._on_failed)
        self.set_auto_mode(auto_mode and controller is not None)
        self._show_idle()
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
        QApplication.instance().installEventFilter(self)
        self.set_user(operator, "", show_review)
        self.resize(1280, 720)
        self.cameras_found.connect(self.set_cameras)
        self.rescan_cameras()

    # ---------- construction ----------
    def _build(
        self,
        model_label: str,
        device_label: str,
        source_spec: str,
        show_review: bool,
        database_state: str,
        database_detail: str = "",
    ) -> None:
        central = QWidget()
        self.setCentralWidget(central)
        root = QHBoxLayout(central)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        root.addWidget(splitter)
        splitter.addWidget(self._build_officer_column(show_review))
        splitter.addWidget(self._build_result_column())
        self._build_traveller_panel(splitter)
        if i18n.current_language() in i18n.UPRIGHT:  # no italics in Arabic or Chinese (kiosk/ui/i18n.py)
            for label in (
                self.notice_label,
                self.referral_label,
                self.heatmap_caption,
                self.note,
                self.detail_label,
                self.lost_panel.technical,
            ):
                label.setStyleSheet("font-style: normal;")
        # The result column as wide as the live view: the decision's banner is the largest text on the screen
        # (its lines shrink only to fit their column's width).
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        if self.traveller_placement == "panel":  # the traveller's panel at the side of the officer's screen
            splitter.setStretchFactor(2, 1)
            splitter.setSizes([2400, 2400, 1200])  # narrower than the result column: the result first
        else:
            splitter.setSizes([2500, 2500])
        self._build_status_bar(model_label, device_label, database_state, database_detail)

    def _build_officer_column(self, show_review: bool) -> QWidget:
        """The officer's column: source chooser, live view with the camera-lost panel over it, the
        traveller's reference and controls, the buttons."""
        left = QWidget()
        lv = QVBoxLayout(left)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("ScreeningWindow", "Source")))
        self.source_box = SourceBox()
        self.source_box.setToolTip(
            tr("ScreeningWindow", "Choose the camera (Ctrl+K): the cameras found, and the configured source")
        )
        self.source_box.opening.connect(self.rescan_cameras)  # a camera plugged in since is listed next time
        self.source_box.activated.connect(self._source_chosen)
        top.addWidget(self.source_box, 1)
        self.user_label = QLabel("")
        self.user_label.setObjectName("user")
        self.logoff_button = QPushButton(tr("ScreeningWindow", "Log off"))
        self.logoff_button.setToolTip(
            tr(
                "ScreeningWindow",
                "End your session (Ctrl+Shift+L): the screen is cleared and the login comes back",
            )
        )
        self.logoff_button.clicked.connect(lambda: self.log_off_requested.emit())
        top.addWidget(self.user_label)
        lv.addLayout(top)
        live_holder = QWidget()
        grid = QGridLayout(live_holder)
        grid.setContentsMargins(0, 0, 0, 0)
        self.live_view = ImageView(tr("ScreeningWindow", LIVE_PLACEHOLDER))
        self.lost_panel = LostPanel()
        grid.addWidget(self.live_view, 0, 0)
        grid.addWidget(self.lost_panel, 0, 0, Qt.AlignmentFlag.AlignCenter)
        lv.addWidget(live_holder, 1)
        self.notice_label = QLabel("")  # e.g. a slideshow file that was skipped, and why
        self.notice_label.setObjectName("note")
        self.notice_label.setWordWrap(True)
        self.notice_label.hide()
        lv.addWidget(self.notice_label)
        self.ref_edit = QLineEdit()
        self.ref_edit.setPlaceholderText(tr("ScreeningWindow", REF_PLACEHOLDER))
        self.ref_edit.setMaxLength(MAX_TRAVELLER_REF)  # what the case log keeps: a longer one is never typed
        # Enter captures and Escape leaves the field: either way the focus goes back to the station, so the
        # next P or Space is a shortcut, not a letter typed into the next traveller's reference.
        self.ref_edit.returnPressed.connect(self._reference_entered)
        leave = QShortcut(QKeySequence("Escape"), self.ref_edit)
        leave.setContext(Qt.ShortcutContext.WidgetShortcut)
        leave.activated.connect(self.ref_edit.clearFocus)
        lv.addWidget(self.ref_edit)
        lv.addLayout(self._build_traveller_controls())
        # Two rows: side by side, with Log off in the top row, they widened the officer's column past 1280 px
        # in French or Portuguese once a reviewer was logged in (the traveller's panel beside the result).
        buttons = QGridLayout()
        self.capture_button = QPushButton(tr("ScreeningWindow", "Capture  [Space]"))
        self.capture_button.clicked.connect(self.capture_now)
        self.auto_button = QPushButton(tr("ScreeningWindow", "Automatic  [A]"))
        self.auto_button.setCheckable(True)
        self.auto_button.toggled.connect(self.set_auto_mode)
        self.review_button = QPushButton(tr("ScreeningWindow", "Review cases  [Ctrl+R]"))
        self.review_button.clicked.connect(lambda: self.review_requested.emit())
        self.review_button.setVisible(show_review)
        buttons.addWidget(self.capture_button, 0, 0)
        buttons.addWidget(self.auto_button, 0, 1)
        buttons.addWidget(self.review_button, 1, 0)
        buttons.addWidget(self.logoff_button, 1, 1)
        lv.addLayout(buttons)
        return left

    def _build_result_column(self) -> QWidget:
        """The result column: banner, reason, referral slip, top-3 chart, heatmap with toggle and opacity,
        note."""
        right = QWidget()
        rv = QVBoxLayout(right)
        self.banner = Banner()
        rv.addWidget(self.banner)
        self.reason = QLabel()
        self.reason.setObjectName("reason")
        self.reason.setWordWrap(True)
        rv.addWidget(self.reason)
        # Under the reason: a technical detail in English for the administrator, under a translated label
        # (why screening is unavailable, why a case was not saved, why screening failed); hidden when none.
        self.detail_label = QLabel("")
        self.detail_label.setObjectName("note")
        self.detail_label.setWordWrap(True)
        self.detail_label.hide()
        rv.addWidget(self.detail_label)
        slip_row = QHBoxLayout()
        self.referral_button = QPushButton(tr("ScreeningWindow", "Referral slip  [P]"))
        self.referral_button.setToolTip(
            tr(
                "ScreeningWindow",
                "Save the referral slip (PDF) for the secondary-screening desk, and print it when a printer "
                "is configured: FLAG and REVIEW results saved as a case [P]",
            )
        )
        self.referral_button.setEnabled(False)
        self.referral_button.clicked.connect(self.save_referral_slip)
        slip_row.addWidget(self.referral_button)
        slip_row.addStretch(1)
        rv.addLayout(slip_row)
        self.referral_label = QLabel("")  # where the slip was saved, or what to do when it could not be
        self.referral_label.setObjectName("note")
        self.referral_label.setWordWrap(True)
        self.referral_label.hide()
        rv.addWidget(self.referral_label)
        self.chart = Top3Chart()
        rv.addWidget(self.chart, 2)
        self.heatmap_caption = QLabel("")  # which class the heatmap explains, and the square the model saw
        self.heatmap_caption.setObjectName("note")
        self.heatmap_caption.setWordWrap(True)
        rv.addWidget(self.heatmap_caption)
        self.heatmap_view = ImageView(tr("ScreeningWindow", "The screened image and its heatmap appear here"))
        rv.addWidget(self.heatmap_view, 3)
        hm = QHBoxLayout()
        self.heatmap_toggle = QCheckBox(tr("ScreeningWindow", "Heatmap [H]"))
        self.heatmap_toggle.setChecked(True)
        self.heatmap_toggle.toggled.connect(self._render_screened)
        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setRange(0, 100)
        self.opacity.setValue(45)
        self.opacity.setToolTip(tr("ScreeningWindow", "Heatmap opacity ( - / + )"))
        self.opacity.valueChanged.connect(self._render_screened)
        hm.addWidget(self.heatmap_toggle)
        hm.addWidget(QLabel(tr("ScreeningWindow", "Opacity [-/+]")))
        # The slider has the row's width when the column is narrow (large type, the traveller's panel beside).
        narrow = self.traveller_placement == "panel"
        if narrow:
            hm.addStretch(1)
        else:
            hm.addWidget(self.opacity, 1)
        rv.addLayout(hm)
        if narrow:
            rv.addWidget(self.opacity)
        self.note = QLabel(tr("ScreeningWindow", NOTE))
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        rv.addWidget(self.note)
        return right

    def _build_status_bar(
        self, model_label: str, device_label: str, database_state: str, database_detail: str
    ) -> None:
        sb = self.statusBar()
        self.status_model = QLabel(
            tr("ScreeningWindow", "Model: {model}").format(model=model_label)
            if model_label
            else tr("ScreeningWindow", "Model: none")
        )
        self.status_device = QLabel(device_label or "—")
        self.status_infer = QLabel(tr("ScreeningWindow", "Inference —"))
        self.status_fps = QLabel(tr("ScreeningWindow", "Camera —"))
        self.status_dropped = QLabel(tr("ScreeningWindow", "Dropped {n}").format(n=0))
        self.status_db = QLabel("")
        self.set_database_state(
            tr("ScreeningWindow", DATABASE_STATES[database_state])
            if database_state in DATABASE_STATES
            else database_state
        )
        self.status_db.setToolTip(database_detail)
        self._fill_sources()
        for w in (
            self.status_model,
            self.status_device,
            self.status_infer,
            self.status_fps,
            self.status_dropped,
            self.status_db,
        ):
            sb.addWidget(w)
        if self.unavailable:
            self.capture_button.setEnabled(False)
            self.auto_button.setEnabled(False)

    def _build_traveller_controls(self) -> QVBoxLayout:
        """The traveller's language (for their panel and notice) and the agreement toggle, one row above
        Capture. The list names each language in itself; its label is its tooltip and accessible name (a
        label beside it would widen the officer's column beyond 1280 pixels with the panel beside it)."""
        row = QHBoxLayout()
        self.traveller_language_label = QLabel(tr("ScreeningWindow", "Traveller's language"))
        self.traveller_language_box = QComboBox()
        self.traveller_language_box.setToolTip(
            self.traveller_language_label.text()
            + ": "
            + tr(
                "ScreeningWindow",
                "The language of the traveller's panel and privacy notice (the station keeps its own)",
            )
        )
        for code, name in i18n.LANGUAGES.items():
            self.traveller_language_box.addItem(name, code)
        self.traveller_language_box.setCurrentIndex(
            max(0, self.traveller_language_box.findData(self._traveller_language))
        )
        self.traveller_language_box.currentIndexChanged.connect(self._traveller_language_chosen)
        self.consent_button = QPushButton(tr("ScreeningWindow", "Traveller agreed to the notice  [C]"))
        self.consent_button.setObjectName("consent")
        self.consent_button.setCheckable(True)
        self.consent_button.setToolTip(
            tr(
                "ScreeningWindow",
                "Press when the traveller has read the privacy notice and agrees [C]. Without it only a "
                "FLAG is saved, without picture or reference. It resets for the next traveller.",
            )
        )
        self.consent_button.toggled.connect(self._consent_toggled)
        # The traveller's own yes to reuse of the picture for improving the model (a secondary use, asked
        # whatever the legal basis; default no, reset for each traveller).
        self.training_button = QPushButton(tr("ScreeningWindow", TRAINING_CONSENT))
        self.training_button.setObjectName("consent")
        self.training_button.setCheckable(True)
        self.training_button.setToolTip(
            tr(
                "ScreeningWindow",
                "Ask the traveller whether their picture may be kept to improve the screening model; press "
                "only if they say yes [T]. It resets for the next traveller.",
            )
        )
        self.training_button.toggled.connect(self._training_toggled)
        self.traveller_language_box.setAccessibleName(self.traveller_language_label.text())
        row.addWidget(self.traveller_language_box)
        row.addWidget(self.consent_button, 1)
        asked = self.require_consent or self.traveller_placement != "off"
        self.traveller_language_label.hide()
        self.traveller_language_box.setVisible(asked)
        self.consent_button.setVisible(self.require_consent)
        # the reuse question on a row of its own: beside the others it would widen the column past 1280 px
        rows = QVBoxLayout()
        rows.addLayout(row)
        rows.addWidget(self.training_button)
        return rows

    def _build_traveller_panel(self, splitter: QSplitter) -> None:
        if self.traveller_placement == "off":
            return
        if self.traveller_placement == "panel":
            self.traveller_panel = TravellerPanel(self._traveller_language, self._retention_days)
            splitter.addWidget(self.traveller_panel)
        else:  # a window of its own, for the screen that faces the traveller (shown with this window)
            self.traveller_panel = TravellerPanel(self._traveller_language, self._retention_days, self)
            self.traveller_panel.setWindowFlag(Qt.WindowType.Window, True)
            self.traveller_panel.setWindowTitle(self.traveller_panel.text("title"))
            self.traveller_panel.setStyleSheet(style_sheet(1.0))
        self._update_traveller()

    def _show_traveller_window(self) -> None:
        panel = self.traveller_panel
        if panel is None or not panel.isWindow() or panel.isVisible():
            return
        screen = second_screen()
        if screen is not None:  # full screen on the traveller's screen
            panel.setScreen(screen)
            panel.setGeometry(screen.geometry())
            panel.showFullScreen()
        else:  # no second screen: a window beside the officer's, which they can turn or move
            panel.resize(640, 520)
            panel.show()

    def _traveller_language_chosen(self, _index: int) -> None:
        self._traveller_language = self.traveller_language_box.currentData() or "en"
        if self.traveller_panel is not None:
            self.traveller_panel.set_language(self._traveller_language)

    @property
    def traveller_language(self) -> str:
        return self._traveller_language

    def set_traveller_language(self, language: str) -> None:
        self.traveller_language_box.setCurrentIndex(max(0, self.traveller_language_box.findData(language)))

    @property
    def consent_given(self) -> bool:
        return self.consent_button.isChecked()

    def set_consent(self, agreed: bool) -> None:
        self.consent_button.setChecked(bool(agreed))

    def notice_version(self) -> str:
        from .traveller import load_notice

        return load_notice(self._traveller_language, self._retention_days).version

    @property
    def training_consent(self) -> bool:
        return self.training_button.isChecked()

    def set_training_consent(self, agreed: bool) -> None:
        self.training_button.setChecked(bool(agreed))

    def consent(self) -> Consent:
        """What goes with a screening request: the notice shown, the traveller's answer (None where the
        station does not ask: [privacy] legal_basis = "public_health") and their answer on reuse of the
        picture to improve the model."""
        given = self.consent_given if self.require_consent else None
        return Consent(self.notice_version(), self._traveller_language, given, self.training_consent)

    def _training_toggled(self, on: bool) -> None:
        text = tr("ScreeningWindow", TRAINING_CONSENT)
        self.training_button.setText(f"✓ {text}" if on else text)  # the state, not only the colour

    def _consent_toggled(self, on: bool) -> None:
        text = tr("ScreeningWindow", "Traveller agreed to the notice  [C]")
        self.consent_button.setText(f"✓ {text}" if on else text)  # the state, not only the colour
        self._update_traveller()
        if getattr(self, "banner_kind", "") == "idle":
            self._show_idle()

    def _update_traveller(self, result_shown: bool = False) -> None:
        panel = self.traveller_panel
        if panel is None:
            return
        if result_shown:
            panel.set_state(WAIT)
        elif self.require_consent and not self.consent_given:
            panel.set_state(NOTICE)
        elif not self.require_consent:  # public-health basis: the notice is information, always shown
            panel.set_state(INFO)
        else:
            panel.set_state(LIVE)

    def _shortcuts(self) -> None:
        def key(seq: str, fn: Callable[[], object]) -> None:
            sc = QShortcut(QKeySequence(seq), self)
            sc.activated.connect(fn)

        key("Space", self.capture_now)
        key("F5", self.capture_now)
        key("A", lambda: self.auto_button.toggle())
        key("H", lambda: self.heatmap_toggle.toggle())
        key("+", lambda: self.opacity.setValue(self.opacity.value() + 10))
        key("=", lambda: self.opacity.setValue(self.opacity.value() + 10))
        key("-", lambda: self.opacity.setValue(self.opacity.value() - 10))
        key("F11", self.toggle_fullscreen)
        key("P", self.save_referral_slip)
        key("C", lambda: self.consent_button.isVisible() and self.consent_button.toggle())
        key("T", lambda: self.training_button.isVisible() and self.training_button.toggle())
        key("Ctrl+L", self.ref_edit.setFocus)
        key("Ctrl+K", self.source_box.showPopup)
        key("Ctrl+R", lambda: self.review_requested.emit())  # an officer is told why not (and it is audited)
        key("Ctrl+Shift+L", lambda: self.logoff_button.isVisible() and self.log_off_requested.emit())
        key("Ctrl+Q", self.quit)

    # ---------- who is logged in ----------
    @property
    def signed_out(self) -> bool:
        """A login is required and nobody is logged in: nothing is screened."""
        return self.login_required and not self.operator

    def set_user(self, name: str, role: str, can_review: bool) -> None:
        """Show who is logged in (name and role) and what they may do; nobody: screening stops."""
        self.operator = name
        self.user_label.setToolTip(f"{name} ({role})" if name else "")
        if not self.login_required:
            self.user_label.setText(tr("ScreeningWindow", "No login (demo mode)"))
        elif name:
            shown = name if len(name) <= 24 else name[:23] + "…"  # a long name must not push buttons away
            if role:  # the role in the station's language, as the review screens name it
                from .review.wording import role_text

                role = role_text(role)
                self.user_label.setToolTip(f"{name} ({role})")
            self.user_label.setText(
                tr("ScreeningWindow", "Logged in: {name} ({role})").format(name=shown, role=role)
                if role
                else tr("ScreeningWindow", "Logged in: {name}").format(name=shown)
            )
        else:
            self.user_label.setText(tr("ScreeningWindow", "Nobody logged in"))
        self.logoff_button.setVisible(self.login_required and bool(name))
        self.review_button.setVisible(bool(can_review))
        self._update_buttons()
        if self.signed_out:
            self.set_auto_mode(False)
            self.clear_result()
        elif getattr(self, "banner_kind", "") == "signed_out":
            self._show_idle()

    def _update_buttons(self) -> None:
        """Capture needs a model, an officer (when a login is required) and a live camera."""
        enabled = not self.unavailable and self.controller is not None and not self.signed_out
        self.capture_button.setEnabled(enabled and not self._camera_lost)
        self.auto_button.setEnabled(enabled)

    def clear_result(self) -> None:
        """Forget the last traveller: picture, heatmap, decision, top-3 and the reference typed for them.
        A result still on its way from the inference thread is not shown either."""
        self._generation += 1
        self.clear_timer.stop()
        self._result = None
        self._set_case(None)
        self.heatmap_view.set_image(None)
        self.heatmap_caption.setText("")
        self.chart.set_top3([])
        self.ref_edit.clear()
        self.set_consent(False)  # the next traveller is asked again
        self.set_training_consent(False)
        self._update_traveller()
        self._auto_epoch += 1  # the engine starts its automatic window afresh with the next frame
        self._show_idle()
        self.result_cleared.emit()

    def quit(self) -> None:
        """Ctrl+Q: close the station; the session ends as "quit" (audited)."""
        self._close_reason = "quit"
        self.close()

    # ---------- actions ----------
    def toggle_fullscreen(self) -> None:
        """F11: full screen on and off."""
        self.set_fullscreen(not self._fullscreen)

    def set_fullscreen(self, on: bool) -> None:
        """Real full screen with or without a window manager. ``showFullScreen`` only asks the window manager,
        and a kiosk session often has none: the window is also given the screen's whole geometry, without a
        frame, itself. Leaving full screen restores the frame and the earlier geometry."""
        screen = self.screen() or QApplication.primaryScreen()
        if on:
            if not self._fullscreen:
                self._normal_geometry = self.geometry()
            self._fullscreen = True
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)  # hides the window: shown again below
            self.showFullScreen()
            if screen is not None:
                whole = screen.geometry()
                # A screen smaller than the layout's minimum (an 800-pixel panel): the window still fits it.
                hint = self.minimumSizeHint()
                self.setMinimumSize(min(hint.width(), whole.width()), min(hint.height(), whole.height()))
                self.setGeometry(whole)
            self.raise_()
            self.activateWindow()  # keyboard focus without a window manager to give it
        else:
            self._fullscreen = False
            self.setMinimumSize(0, 0)  # the layout's own minimum again
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint, False)
            self.showNormal()
            if self._normal_geometry is not None:
                self.setGeometry(self._normal_geometry)
            self.activateWindow()

    @property
    def fullscreen(self) -> bool:
        return self._fullscreen

    def set_auto_mode(self, on: bool) -> None:
        on = bool(on) and self.controller is not None and not self.unavailable and not self.signed_out
        if self.auto_button.isChecked() != on:
            self.auto_button.setChecked(on)
        self.auto_mode = on
        self._auto_epoch += 1

    def _reference_entered(self) -> None:
        self.ref_edit.clearFocus()
        self.capture_now()

    def capture_now(self) -> None:
        """Screen the frame on screen now (with Grad-CAM); the result comes back as a signal."""
        if self.unavailable or self.controller is None or self.signed_out:
            return
        if self._camera_lost:
            self._show_camera_lost()  # [Space] with the camera lost: the banner says why nothing happens
            return
        if self._last_frame is None or self._camera_state() is not CameraState.LIVE:
            self._set_banner(
                Decision.RETAKE,
                tr("ScreeningWindow", "No live picture to screen: wait for the camera."),
                action=tr("ScreeningWindow", "Wait for the live picture"),
            )
            return
        # The reference belongs to this capture and goes with it; the field starts empty for the next one
        # (a reference left there after a CLEAR or a RETAKE was once saved with the next traveller's case).
        ref = self.ref_edit.text().strip()
        self.ref_edit.clear()
        self.controller.request(
            ScreenRequest(
                "capture", self._last_frame.copy(), self.operator, ref, self._generation, self.consent()
            )
        )
        self.reason.setText(tr("ScreeningWindow", "Screening…"))

    def set_capture(self, capture: CaptureService | None, source_spec: str = "") -> None:
        """Swap the frame source (the app stops the old service)."""
        self.capture = capture
        self._last_frame = None
        self.live_view.set_image(None)
        if source_spec:
            self._source_spec = source_spec
            self._fill_sources()

    # ---------- the source list ----------
    def _source_chosen(self, index: int) -> None:
        spec = self.source_box.itemData(index)
        if spec:
            self.source_change_requested.emit(spec)

    def current_source(self) -> str:
        """The spec of the source chosen in the list ("camera:1", "folder:/path", ...)."""
        return self.source_box.currentData() or ""

    def rescan_cameras(self) -> bool:
        """Look for cameras again, off the GUI thread (the list updates when the scan is done); the camera in
        use is not opened a second time. False when no scan started (one is running, or no prober)."""
        if self.camera_scan is None:
            return False
        kind, _, rest = self._source_spec.partition(":")
        skip = frozenset({int(rest)}) if kind == "camera" and rest.isdigit() else frozenset()
        return self.camera_scan.start(self._cameras_from_scan, skip)

    def _cameras_from_scan(self, cameras: list[CameraDevice] | None) -> None:
        try:  # the scan's thread: the signal carries the list to the GUI thread
            self.cameras_found.emit(cameras)
        except RuntimeError:  # the window is gone
            pass

    def set_cameras(self, cameras: list[CameraDevice] | None) -> None:
        """The cameras found (None: the scan failed; what was known stays)."""
        if cameras is not None:
            self._cameras = list(cameras)
            self._fill_sources()

    def _fill_sources(self) -> None:
        live = self._source_spec if self._camera_state() is CameraState.LIVE else ""
        self._listed_live = live
        choices = source_choices(
            self._cameras,
            [self._configured_source, self._source_spec],
            live,
            lambda text: tr("Capture", text),
        )
        box = self.source_box
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
        box.setCurrentIndex(max(0, box.findData(self._source_spec)))
        box.blockSignals(False)

    # ---------- frames ----------
    def _camera_state(self) -> CameraState:
        return self.capture.stats().state if self.capture is not None else CameraState.STOPPED

    def _tick(self) -> None:
        if self.capture is None:
            return
        item = self.capture.slot.take()
        if item is None:
            return
        _seq, frame = item
        self._last_frame = frame
        self.live_view.set_image(frame)
        now = time.perf_counter()
        self._displayed.append(now)
        self.displayed_frames += 1
        for listener in self.frame_listeners:
            listener(now)
        if (
            self.auto_mode
            and self.controller is not None
            and not self.controller.busy
            and not self.lost_panel.isVisible()
            and not self.signed_out
        ):
            self.controller.request(
                ScreenRequest(
                    "auto",
                    frame.copy(),
                    self.operator,
                    self.ref_edit.text().strip(),
                    self._generation,
                    self.consent(),
                    auto_epoch=self._auto_epoch,
                )
            )

    def displayed_fps(self) -> float:
        d = self._displayed
        if len(d) < 3 or time.perf_counter() - d[-1] > 1.0:
            return 0.0
        return (len(d) - 1) / (d[-1] - d[0])

    # ---------- results ----------
    def _set_banner(
        self,
        kind: Decision | str,
        reason: str,
        headline: str | None = None,
        action: str = "",
        detail: str = "",
    ) -> None:
        """The banner (headline, and what to do on a second line) and the status text under it. ``kind``: a
        decision, or one of the station's states ("idle", "unavailable", "signed_out", "camera_lost").
        ``detail``: a technical line for the administrator (English) under the status text."""
        self.banner_kind = kind
        self.banner.setStyleSheet(banner_style(kind, self._scale or 1.0))
        self.banner.show_lines(headline or banner_text(kind), action, self._scale or 1.0, _icon_of(kind))
        self.reason.setText(reason)
        self.set_detail(detail)

    def set_detail(self, detail: str) -> None:
        """The technical line under the reason (English, for the administrator); "" hides it."""
        self.detail_label.setText(
            # Break opportunities after "/": a long path wraps instead of widening the column.
            technical_detail(detail).replace("/", "/\u200b") if detail else ""
        )
        self.detail_label.setToolTip(detail)
        self.detail_label.setVisible(bool(detail))

    def _show_idle(self) -> None:
        self._awaiting_case = None  # the result left the screen: nothing to update
        if self.signed_out:
            self._set_banner("signed_out", tr("ScreeningWindow", "Log in to screen travellers."))
        elif self.unavailable:
            line = tr("ScreeningWindow", UNAVAILABLE[self.unavailable_kind])
            if self.unavailable_kind != "failing":  # a failing model needs more than a configured one
                line += " " + tr(
                    "ScreeningWindow",
                    "The live view still works; screening starts once a model is configured and the station "
                    "restarted.",
                )
            self._set_banner(
                "unavailable",
                line,
                # A refused bundle's English message is the officer's line itself: nothing more to show.
                detail="" if self.unavailable_kind == "refused" else self.unavailable,
            )
        elif self._camera_lost:
            self._show_camera_lost()
        elif self.require_consent and not self.consent_given:
            self._set_banner(
                "idle",
                tr(
                    "ScreeningWindow",
                    "Show the traveller the privacy notice and press [C] when they agree; without it "
                    "only a FLAG is saved, without picture or reference.",
                ),
            )
        else:
            self._set_banner(
                "idle",
                tr(
                    "ScreeningWindow",
                    "Point the camera at the rash, then press Capture or turn on Automatic.",
                ),
            )

    def _check_in_service(self) -> bool:
        """Take screening out of service once the engine stopped it (a model that keeps failing,
        kiosk/inference.py): buttons off, automatic mode off, the banner says so. False when out."""
        reason = self.controller.engine.out_of_service if self.controller is not None else ""
        if not reason:
            return True
        if self.unavailable != reason:
            self.unavailable, self.unavailable_kind = reason, "failing"
            self.set_auto_mode(False)
            self._update_buttons()
            self._show_idle()
        return False

    def show_outcome(self, outcome: ScreenOutcome) -> None:
        result = outcome.result
        request = outcome.request
        if result is None:  # automatic window still filling
            return
        if request.generation != self._generation:  # asked for before the screen was cleared (log-off)
            return
        if result.reason_code is ReasonCode.MODEL_ERROR and not self._check_in_service():
            return
        ref = request.traveller_ref
        self._awaiting_case = None
        decided = result.decision is not Decision.RETAKE
        if request.mode == "auto" and ref and decided and self.ref_edit.text().strip() == ref:
            self.ref_edit.clear()  # decided with this reference: the next traveller starts clean
        self._result = result
        self._set_case(outcome.case_id)
        # consent basis, no agreement: the case was kept without picture, and the slip carries none either
        self._case_without_picture = request.consent is not None and request.consent.given is False
        self.clear_timer.start()  # the result fades to "Ready" after clear_result_after_s (docs/kiosk.md)
        # The result's time (the station's local time): a result left on screen says how old it is.
        at = local_time(result.captured_utc, "%H:%M:%S")
        # The class the banner names, the chart emphasises and the heatmap explains, as the verdict holds it:
        # a FLAG's flagged class (Verdict.flagged_class, not always the top one), else the top class; none for
        # a RETAKE or a condition the model does not know.
        explained = result.verdict.explained_class if result.verdict else None
        headline, action = banner_lines(
            result.decision,
            result.reason_code,
            class_name(explained, short=True) if explained else "",
            self.review_instruction,
        )
        if result.decision is Decision.RETAKE:
            note = (
                tr(
                    "ScreeningWindow",
                    " Traveller ref. {ref} was not saved: type it again with the new picture.",
                ).format(ref=breakable(ref))
                if ref and request.mode == "capture"
                else ""
            )
            why = sentence(reason_sentence(result))
            line = tr("ScreeningWindow", "{time} · {reason}.{note}").format(time=at, reason=why, note=note)
            self._set_banner(result.decision, line, headline, action)
            self.chart.set_top3([])  # a picture to retake names no disease
        else:
            self._show_decided(outcome, at, headline, action, explained)
        if decided:  # a decision for this traveller: the next one is asked again (docs/kiosk.md)
            self.set_consent(False)
            self.set_training_consent(False)
        self._update_traveller(result_shown=decided)
        self._render_screened()
        self.outcome_shown.emit(outcome)

    def _saved_text(self, outcome: ScreenOutcome) -> str:
        """What the result line says about the case: kept, minimal, not saved (and why), or nothing kept."""
        request, ref = outcome.request, outcome.request.traveller_ref
        refused = request.consent is not None and request.consent.given is False
        if outcome.case_id and refused:  # consent basis: a FLAG without agreement, kept minimal
            return tr(
                "ScreeningWindow",
                " Case saved without picture or reference: the traveller did not agree to the notice.",
            )
        if outcome.case_id:
            return (
                tr("ScreeningWindow", " Case saved with traveller ref. {ref}.").format(ref=breakable(ref))
                if ref
                else tr("ScreeningWindow", " Case saved.")
            )
        if outcome.log_error:  # the reason, in English, goes to the technical line
            return tr("ScreeningWindow", " The case was NOT saved: call your administrator if it persists.")
        if refused:
            return tr(
                "ScreeningWindow",
                " Nothing saved: the traveller did not agree to the notice (no case, no picture).",
            )
        if ref:
            return tr(
                "ScreeningWindow", " Traveller ref. {ref} not saved (no case is kept for this result)."
            ).format(ref=breakable(ref))
        return ""

    def _show_decided(self, outcome: ScreenOutcome, at: str, headline: str, action: str, explained) -> None:
        """A FLAG, REVIEW or CLEAR: the banner, the line (what happened to the case), the top classes."""
        result = outcome.result
        how = (
            tr("ScreeningWindow", "mean of {n} frames").format(n=result.frames_averaged)
            if result.mode == "auto"
            else tr("ScreeningWindow", "captured frame")
        )

        def line_with(saved: str) -> str:
            return tr("ScreeningWindow", "{time} · {reason} ({how}).{saved}").format(
                time=at, reason=sentence(reason_sentence(result)), how=how, saved=saved
            )

        saved = self._saved_text(outcome)
        if outcome.case_id:
            # kept durably on this station; "saved" only once the writer has committed it
            aside = tr(
                "ScreeningWindow",
                " The database refused this case: it is set aside on this station; call your admin.",
            )
            event = self._case_events.get(outcome.case_id)
            if event is None:
                self._awaiting_case = (outcome.case_id, line_with(saved), line_with(aside))
                saved = tr(
                    "ScreeningWindow",
                    " Case kept on this station: it goes into the database as soon as the database answers.",
                )
            elif event == "set_aside":
                saved = aside
        self._set_banner(result.decision, line_with(saved), headline, action, outcome.log_error)
        # An unrecognised rash gets no class chart: the station asserts none of its eight classes.
        unknown = result.reason_code is ReasonCode.UNKNOWN_CONDITION
        self.chart.set_top3(
            [] if unknown else result.top3,
            CHART_COLOURS[result.decision],
            emphasised=explained,
            flag_threshold=result.thresholds.flag,
            flagged_classes=tuple(result.thresholds.flagged_classes),
        )
        self.status_infer.setText(
            tr("ScreeningWindow", "Inference {infer:.0f} ms +heatmap {cam:.0f} ms").format(
                infer=result.infer_ms, cam=result.cam_ms
            )
        )

    # ---------- referral slip ----------
    def _set_case(self, case_id: str | None) -> None:
        """The case on screen (None: none saved): the referral slip is offered for a saved FLAG or REVIEW."""
        from .referral import can_refer

        self._case_id = case_id
        self.referral_label.setText("")
        self.referral_label.hide()
        self.referral_button.setEnabled(self.referral_folder is not None and can_refer(self._result, case_id))

    def save_referral_slip(self) -> Path | None:
        """[P]: save the slip of the result on screen (and print it when a printer is configured); the line
        beside the button says where it went, or what to do when it could not be saved."""
        if not self.referral_button.isEnabled():
            return None
        from .referral import ReferralError, issue_slip, slip_from_result

        slip = slip_from_result(self._result, self._case_id, self.station_id, self.review_instruction)
        if self._case_without_picture:
            slip = replace(slip, image=None, heatmap=None)
        try:
            path, line = issue_slip(slip, self.referral, self.referral_folder)
        except ReferralError as exc:
            line, path = f"{exc}.", None
        # Break opportunities after "/" and "_": a long path wraps instead of widening the column.
        self.referral_label.setText(line.replace("/", "/\u200b").replace("_", "_\u200b"))
        self.referral_label.show()
        if path is None:
            return None
        self.referral_label.setToolTip(str(path))
        self.referral_saved.emit(path)
        return path

    def _on_failed(self, message: str) -> None:
        """Screening this picture failed: the officer's line is translated, the error (English) is the
        technical line under it; a model that keeps failing takes screening out of service."""
        if not self._check_in_service():
            return
        self._set_banner(
            Decision.RETAKE,
            tr(
                "ScreeningWindow",
                "Screening this picture failed. Try again; if it persists, restart the station.",
            ),
            tr("ScreeningWindow", "SCREENING ERROR"),
            tr("ScreeningWindow", "Capture again"),
            message,
        )

    def _picture_at_view_size(self, r: ScreeningResult) -> tuple[np.ndarray, np.ndarray | None]:
        """The screened picture and its heatmap scaled down to the heatmap view's size in device pixels,
        once per result and view size: blending a 1280x720 picture on the GUI thread took ~20 ms per result
        (a stutter in the live view beside it); at view size it takes a few, also when the opacity slider
        moves. The stored result keeps the full picture."""
        ratio = self.heatmap_view.devicePixelRatioF()
        w, h = int(self.heatmap_view.width() * ratio), int(self.heatmap_view.height() * ratio)
        key = (id(r), w, h)
        if self._shown is None or self._shown[0] != key:
            ih, iw = r.image.shape[:2]
            scale = min(1.0, w / iw, h / ih)
            image, heatmap = r.image, r.heatmap
            if scale < 1.0:
                size = (max(1, round(iw * scale)), max(1, round(ih * scale)))
                image = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
                if heatmap is not None:
                    heatmap = cv2.resize(heatmap, size, interpolation=cv2.INTER_LINEAR)
            self._shown = (key, image, heatmap)
        return self._shown[1], self._shown[2]

    def _render_screened(self, *_args: object) -> None:
        r = self._result
        if r is None:
            return
        explained = r.verdict.explained_class if r.verdict else None
        image, heatmap = self._picture_at_view_size(r)
        if heatmap is None:
            self.heatmap_caption.setText(
                tr("ScreeningWindow", "Screened picture (no heatmap: this result names no condition)")
            )
            self.heatmap_view.set_image(image)
            return
        # The model sees the centred square of the picture (models/preprocessing.py): the heatmap stops at its
        # edges, which the dashed outline shows.
        crop = square_crop_box(*image.shape[:2])
        if self.heatmap_toggle.isChecked():
            self.heatmap_caption.setText(
                tr(
                    "ScreeningWindow",
                    "Heatmap: where the model looked for {cls} · dashed square: what the model saw",
                ).format(cls=class_name(explained, short=True))
                if explained
                else tr(
                    "ScreeningWindow", "Heatmap: where the model looked · dashed square: what the model saw"
                )
            )
            self.heatmap_view.set_image(blend_heatmap(image, heatmap, self.opacity.value() / 100.0), crop)
        else:
            self.heatmap_caption.setText(
                tr(
                    "ScreeningWindow",
                    "Screened picture (heatmap off [H]) · dashed square: what the model saw",
                )
            )
            self.heatmap_view.set_image(image, crop)

    # ---------- status ----------
    def on_capture_state(self, stats: CaptureStats) -> None:
        if stats.state is CameraState.LOST:
            self.show_camera_lost(stats.message, stats.problem, stats.values)
        elif stats.state is CameraState.LIVE:
            self._camera_back()
            line = camera_line(stats.problem, stats.values) if stats.message else ""
            self.notice_label.setText(line)
            self.notice_label.setToolTip(stats.message)  # the capture service's words, for the administrator
            self.notice_label.setVisible(bool(line))
        if (self._source_spec if stats.state is CameraState.LIVE else "") != self._listed_live:
            self._fill_sources()  # the source in use started (or stopped) delivering: "not found" or not

    def show_camera_lost(
        self, detail: str = "", problem: str = "", values: dict[str, object] | None = None
    ) -> None:
        """The camera is lost: the panel over the live view says why (``problem``, a key of capture.PROBLEMS,
        filled with ``values``, in the station's language) and what to do, with ``detail`` (the capture
        service's English words) for the administrator under it; the "Ready" banner becomes the camera-lost
        banner, Capture is off until pictures return."""
        self.lost_panel.show_reason(camera_line(problem, values or {}), detail)
        if self._camera_lost:
            return
        self._camera_lost = True
        self._lost_since = time.strftime("%H:%M:%S")
        # The last picture is not left under the panel as if it were live, nor the "waiting" text around it.
        self._last_frame = None
        self.live_view.placeholder = ""
        self.live_view.set_image(None)
        self._auto_epoch += 1
        self._update_buttons()
        self._fill_sources()  # the source in use is marked "not found" if the last scan did not see it
        if self.banner_kind in ("idle", Decision.RETAKE):  # a result on screen keeps its banner
            self._show_camera_lost()

    def _show_camera_lost(self) -> None:
        self._set_banner(
            CAMERA_LOST,
            tr(
                "ScreeningWindow", "No live picture since {time}; the station keeps trying the camera."
            ).format(time=self._lost_since),
            tr("ScreeningWindow", CAMERA_LOST_HEADLINE),
            tr("ScreeningWindow", CAMERA_LOST_ACTION),
        )

    def _camera_back(self) -> None:
        self.lost_panel.hide()
        if not self._camera_lost:
            return
        self._camera_lost = False
        self.live_view.placeholder = tr("ScreeningWindow", LIVE_PLACEHOLDER)
        self._update_buttons()
        self._fill_sources()
        if self.banner_kind == CAMERA_LOST:
            self._show_idle()

    def on_case_event(self, case_id: str, kind: str) -> None:
        """The writer committed a case (``"saved"``) or set it aside (``"set_aside"``): the result on screen
        says so once it is true."""
        self._case_events[case_id] = kind
        while len(self._case_events) > 64:  # the oldest first (dicts keep insertion order)
            del self._case_events[next(iter(self._case_events))]
        if self._awaiting_case is not None and self._awaiting_case[0] == case_id:
            _, saved_line, aside_line = self._awaiting_case
            self._awaiting_case = None
            self.reason.setText(saved_line if kind == "saved" else aside_line)

    def on_writer_status(self, status: object) -> None:
        """The case writer's line (kiosk/store/writer.py marks them), in the station's language: no SQL, no
        URL; a problem the writer does not name reads as its general one."""
        from kiosk.store.writer import PROBLEMS as WRITER_PROBLEMS
        from kiosk.store.writer import STATUS_OK

        pending = getattr(status, "pending", 0)
        if getattr(status, "ok", False):
            written = getattr(status, "written", 0)
            self.status_db.setText(tr("CaseWriter", STATUS_OK).format(written=written, n=pending))
        else:
            problem = getattr(status, "problem", None)
            line = WRITER_PROBLEMS[problem if problem in WRITER_PROBLEMS else "other"][1]
            self.status_db.setText(tr("CaseWriter", line).format(n=pending))

    def set_database_state(self, text: str) -> None:
        self.status_db.setText(tr("ScreeningWindow", "Database: {state}").format(state=text))

    def _refresh_status(self) -> None:
        if self.capture is not None:
            stats = self.capture.stats()
            self.status_fps.setText(
                tr("ScreeningWindow", "Camera {fps:.1f} fps · shown {shown:.1f}").format(
                    fps=stats.fps, shown=self.displayed_fps()
                )
            )
            self.status_dropped.setText(tr("ScreeningWindow", "Dropped {n}").format(n=stats.dropped))
            self.status_dropped.setVisible(stats.dropped > 0)  # room for the others at 1280 px until then
            self.on_capture_state(stats)
        else:
            self.status_fps.setText(tr("ScreeningWindow", "Camera none"))

    # ---------- scaling and shutdown ----------
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        scale = scale_for(event.size().height())
        if abs(scale - self._scale) > 0.05:
            self._scale = scale
            self.setStyleSheet(style_sheet(scale))
            self.banner.setStyleSheet(banner_style(getattr(self, "banner_kind", "idle"), scale))
            self.banner.show_lines(self.banner.headline, self.banner.action, scale, self.banner.icon)
            self.chart.set_scale(scale)
            if self.traveller_panel is not None and not self.traveller_panel.isWindow():
                self.traveller_panel.set_scale(scale)
                self.traveller_panel.setMinimumWidth(int(220 * scale))  # large print needs the room
        super().resizeEvent(event)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        # Someone is working at the station: keep the result on screen a while longer.
        if event.type() in _INPUT_EVENTS and self.clear_timer.isActive():
            self.clear_timer.start()
        return False

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._show_traveller_window()

    def stop_timers(self) -> None:
        self._frame_timer.stop()
        self._status_timer.stop()
        self.clear_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.stop_timers()
        if self.traveller_panel is not None and self.traveller_panel.isWindow():
            self.traveller_panel.close()
        reason, self._close_reason = self._close_reason or "window closed", ""
        self.closing.emit(reason)
        super().closeEvent(event)


def camera_line(problem: str, values: dict[str, object]) -> str:
    """The officer's line for a camera problem (a key of capture.PROBLEMS) in the station's language, with
    when the station tries again; a general line for a problem without a key."""
    if problem not in PROBLEMS:
        return tr("ScreeningWindow", CAMERA_PROBLEM)
    try:
        line = tr("Capture", PROBLEMS[problem]).format(**values)
    except (KeyError, ValueError, IndexError):  # a value missing: the line without it rather than nothing
        line = tr("ScreeningWindow", CAMERA_PROBLEM)
    if "retry_s" in values:
        line += " " + tr("Capture", RETRYING).format(seconds=values["retry_s"])
    return line


def _icon_of(kind: Decision | str) -> QIcon | None:
    """A decision's icon for the banner (resources/icons); the station's states have none."""
    from .assets import decision_icon

    try:
        return decision_icon(Decision(kind))
    except ValueError:  # "idle", "camera_lost", ...: not a decision
        return None
