"""The officer's column of the screening window: source chooser and who is logged in, the live view with the
camera-lost panel over it, the traveller's reference and the row for the traveller in front, the buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.store.writer import MAX_TRAVELLER_REF

from ..i18n import QT_TRANSLATE_NOOP, tr
from ..widgets import ImageView, LostPanel, SourceBox

LIVE_PLACEHOLDER = QT_TRANSLATE_NOOP("ScreeningWindow", "Waiting for the camera…")
REF_PLACEHOLDER = QT_TRANSLATE_NOOP(
    "ScreeningWindow",
    "Traveller reference for the next capture (optional): document number or note — Ctrl+L",
)
SHORT_NAME = 24  # a longer name is cut: it must not push the buttons away


class OfficerPanel(QWidget):
    """The widgets of the officer's column; the window connects them and says what they show.
    ``traveller_controls``: the row for the traveller in front (kiosk/ui/screening/traveller_side.py)."""

    def __init__(self, show_review: bool, traveller_controls: QLayout):
        super().__init__()
        lv = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("ScreeningWindow", "Source")))
        self.source_box = SourceBox()
        self.source_box.setToolTip(
            tr("ScreeningWindow", "Choose the camera (Ctrl+K): the cameras found, and the configured source")
        )
        top.addWidget(self.source_box, 1)
        self.user_label = QLabel("")
        self.user_label.setObjectName("user")
        # a long name or a long language's "Logged in: ..." wraps instead of pushing the window past a
        # 1280-pixel screen (French, logged in: 1,353 px before)
        self.user_label.setWordWrap(True)
        self.logoff_button = QPushButton(tr("ScreeningWindow", "Log off"))
        self.logoff_button.setToolTip(
            tr(
                "ScreeningWindow",
                "End your session (Ctrl+Shift+L): the screen is cleared and the login comes back",
            )
        )
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
        # Enter captures (the window) and Escape leaves the field: either way the focus goes back to the
        # station, so the next P or Space is a shortcut, not a letter typed into the next traveller's
        # reference.
        leave = QShortcut(QKeySequence("Escape"), self.ref_edit)
        leave.setContext(Qt.ShortcutContext.WidgetShortcut)
        leave.activated.connect(self.ref_edit.clearFocus)
        lv.addWidget(self.ref_edit)
        lv.addLayout(traveller_controls)
        lv.addLayout(self._buttons(show_review))

    def _buttons(self, show_review: bool) -> QGridLayout:
        # Two rows: side by side, with Log off in the top row, they widened the officer's column past 1280 px
        # in French or Portuguese once a reviewer was logged in (the traveller's panel beside the result).
        buttons = QGridLayout()
        self.capture_button = QPushButton(tr("ScreeningWindow", "Capture  [Space]"))
        self.auto_button = QPushButton(tr("ScreeningWindow", "Automatic  [A]"))
        self.auto_button.setCheckable(True)
        self.review_button = QPushButton(tr("ScreeningWindow", "Review cases  [Ctrl+R]"))
        self.review_button.setVisible(show_review)
        buttons.addWidget(self.capture_button, 0, 0)
        buttons.addWidget(self.auto_button, 0, 1)
        buttons.addWidget(self.review_button, 1, 0)
        buttons.addWidget(self.logoff_button, 1, 1)
        return buttons

    def italic_labels(self) -> list[QLabel]:
        """The labels set in italics (upright in scripts without italics)."""
        return [self.notice_label, self.lost_panel.technical]

    def show_user(self, name: str, role: str, login_required: bool) -> None:
        """Who is logged in (name and role, the role in the station's language) or that nobody is."""
        self.user_label.setToolTip(f"{name} ({role})" if name else "")
        if not login_required:
            self.user_label.setText(tr("ScreeningWindow", "No login (demo mode)"))
        elif name:
            shown = name if len(name) <= SHORT_NAME else name[: SHORT_NAME - 1] + "…"
            if role:  # the role in the station's language, as the review screens name it
                from ..review.wording import role_text

                role = role_text(role)
                self.user_label.setToolTip(f"{name} ({role})")
            self.user_label.setText(
                tr("ScreeningWindow", "Logged in: {name} ({role})").format(name=shown, role=role)
                if role
                else tr("ScreeningWindow", "Logged in: {name}").format(name=shown)
            )
        else:
            self.user_label.setText(tr("ScreeningWindow", "Nobody logged in"))
        self.logoff_button.setVisible(login_required and bool(name))

    def show_camera_notice(self, line: str, detail: str) -> None:
        """A line about the live camera ("" hides it); ``detail``, the capture service's words, is its tooltip
        for the administrator."""
        self.notice_label.setText(line)
        self.notice_label.setToolTip(detail)
        self.notice_label.setVisible(bool(line))

    def show_waiting_text(self, waiting: bool) -> None:
        """The live view's text while there is no picture; none with the camera lost (the panel over it says
        why)."""
        self.live_view.placeholder = tr("ScreeningWindow", LIVE_PLACEHOLDER) if waiting else ""
