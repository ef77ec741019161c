"""One case: image, heatmap, all probabilities, quality, model, operator, history, and reviewer actions.

Every change (confirm, dismiss, refer, outcome, confirmed label) is asked for explicitly and confirmed in a
dialog; the PCR outcome and the confirmed label have no pre-selected value. The store enforces which changes
are allowed (``kiosk.store.reviews``); this dialog only offers those, asks for a note where one is needed, and
shows a refusal in plain words.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.store import reviews
from kiosk.store.accounts import UserSession
from kiosk.store.database import Database
from kiosk.store.errors import StoreError
from kiosk.store.schema import CONFIRMED_LABELS
from kiosk.ui.i18n import QT_TRANSLATE_NOOP, tr
from kiosk.ui.review.export import case_html, history_lines
from kiosk.ui.review.wording import (
    ACTION_LABELS,
    OUTCOME_WORDS,
    decision_text,
    label_text,
    outcome_text,
    refusal_text,
    short_name,
    status_text,
    store_error_lines,
)
from kiosk.ui.widgets import ImageView

log = logging.getLogger(__name__)

ACTION_WORDS = {  # what the confirmation asks, in a reviewer's words (translated when asked)
    "confirm": (
        QT_TRANSLATE_NOOP("CaseDetail", "Confirm case?"),
        QT_TRANSLATE_NOOP("CaseDetail", "confirm it (send the traveller to secondary screening / PCR)"),
    ),
    "dismiss": (
        QT_TRANSLATE_NOOP("CaseDetail", "Dismiss case?"),
        QT_TRANSLATE_NOOP("CaseDetail", "dismiss it as a false alarm"),
    ),
    "refer": (
        QT_TRANSLATE_NOOP("CaseDetail", "Refer case?"),
        QT_TRANSLATE_NOOP("CaseDetail", "refer it to another reviewer or service"),
    ),
}


def _allowed(status: str, outcome: str | None) -> tuple[str, ...]:
    """The changes the store allows next (its state machine); everything when it does not say."""
    allowed = getattr(reviews, "allowed_actions", None)
    return tuple(allowed(status, outcome)) if allowed else (*ACTION_WORDS, "outcome")


def _needs_note(status: str, action: str, outcome: str | None) -> bool:
    needs = getattr(reviews, "needs_note", None)
    if needs is not None:
        return bool(needs(status, action, outcome))
    return (status, action) == ("confirmed", "dismiss")


class CaseDetailDialog(QDialog):
    changed = Signal(str)  # case id, after a review action

    def __init__(self, db: Database, user: UserSession, case_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.user, self.case_id = db, user, case_id
        self.setWindowTitle(tr("CaseDetail", "Case {case_id}").format(case_id=case_id))
        self.resize(1100, 700)
        self.image = ImageView(tr("CaseDetail", "image purged (retention) or unavailable"))
        self.heatmap = ImageView(tr("CaseDetail", "no heatmap"))
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.probs = QTableWidget(0, 2)
        self.probs.setHorizontalHeaderLabels([tr("CaseDetail", "Class"), tr("CaseDetail", "Probability")])
        self.history = QLabel()
        self.history.setTextFormat(Qt.TextFormat.PlainText)
        self.history.setWordWrap(True)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(tr("CaseDetail", "Note (what was done, why)"))
        self.note.setMaximumHeight(80)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #ff8a80;")
        self.error.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for action, key in (("confirm", "Ctrl+1"), ("dismiss", "Ctrl+2"), ("refer", "Ctrl+3")):
            button = QPushButton(tr("CaseDetail", ACTION_LABELS[action]))
            button.setShortcut(key)
            button.clicked.connect(lambda _=False, a=action: self.apply_review(a))
            actions.addWidget(button)
            self.buttons[action] = button
        self.outcome = QComboBox()
        for value in OUTCOME_WORDS:
            self.outcome.addItem(outcome_text(value), value)
        self.outcome.setPlaceholderText(tr("CaseDetail", "PCR result: choose…"))
        self.outcome.setCurrentIndex(-1)  # no pre-selection: the reviewer picks the laboratory's result
        self.outcome.currentIndexChanged.connect(lambda _i: self._update_buttons())
        self.record_button = QPushButton(tr("CaseDetail", ACTION_LABELS["outcome"]))
        self.record_button.clicked.connect(lambda: self.apply_outcome(self.outcome.currentData()))
        actions.addWidget(self.outcome)
        actions.addWidget(self.record_button)
        # What the case turned out to be: the field's own label, for local validation and retraining.
        labels = QHBoxLayout()
        self.label = QComboBox()
        for value in CONFIRMED_LABELS:
            self.label.addItem(label_text(value), value)
        self.label.setPlaceholderText(tr("CaseDetail", "Turned out to be: choose…"))
        self.label.setCurrentIndex(-1)
        self.label.currentIndexChanged.connect(lambda _i: self._update_buttons())
        self.label_detail = QLineEdit()
        self.label_detail.setMaxLength(reviews.MAX_DETAIL)
        self.label_detail.setPlaceholderText(tr("CaseDetail", "Which condition (e.g. scabies)"))
        self.label_detail.textChanged.connect(lambda _t: self._update_buttons())
        self.label_button = QPushButton(tr("CaseDetail", ACTION_LABELS["label"]))
        self.label_button.clicked.connect(lambda: self.apply_label(self.label.currentData()))
        labels.addWidget(self.label)
        labels.addWidget(self.label_detail, 1)
        labels.addWidget(self.label_button)
        self.last_message: QMessageBox | None = None
        grid = QGridLayout()
        grid.addWidget(self.image, 0, 0)
        grid.addWidget(self.heatmap, 0, 1)
        grid.addWidget(self.probs, 0, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 3)
        layout.addWidget(self.info)
        layout.addWidget(self.history)
        layout.addWidget(self.note)
        layout.addLayout(actions)
        layout.addLayout(labels)
        layout.addWidget(self.error)
        self.load()

    def load(self) -> None:
        detail = reviews.view_case(self.db, self.user, self.case_id)  # audited as a case view
        self.detail = detail
        for view, rel, sha in (
            (self.image, detail.image_path, detail.image_sha256),
            (self.heatmap, detail.heatmap_path, detail.heatmap_sha256),
        ):
            view.setToolTip("")
            try:
                view.set_image(self.db.media.load(rel, sha) if rel else None)
            except StoreError as exc:  # the reviewer's line on the picture, the store's words in its tooltip
                log.warning("case %s: %s", self.case_id, exc)
                view.placeholder, detail_line = store_error_lines(exc)
                view.setToolTip(detail_line)
                view.set_image(None)
        ranked = sorted(detail.probabilities.items(), key=lambda kv: -kv[1])
        self.probs.setRowCount(len(ranked))
        for row, (cls, p) in enumerate(ranked):
            self.probs.setItem(row, 0, QTableWidgetItem(short_name(cls)))
            self.probs.setItem(row, 1, QTableWidgetItem(f"{p:.1%}"))
        self.probs.resizeColumnsToContents()
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setText(case_html(detail))  # plain words; typed text escaped (never markup)
        lines = history_lines(detail)
        self.history.setText(
            tr("CaseDetail", "History: {lines}").format(
                lines="; ".join(lines) if lines else tr("CaseDetail", "not reviewed yet")
            )
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        c = self.detail.summary
        allowed = _allowed(c.review_status, c.outcome)
        for action, button in self.buttons.items():
            button.setEnabled(action in allowed)
        self.outcome.setEnabled("outcome" in allowed)
        self.record_button.setEnabled("outcome" in allowed and self.outcome.currentData() is not None)
        other = self.label.currentData() == "other_condition"
        self.label_detail.setEnabled(other)
        self.label_button.setEnabled(
            self.label.currentData() is not None and (not other or bool(self.label_detail.text().strip()))
        )

    def ask(self, title: str, text: str) -> bool:
        """Yes/No before a change (No is the default); tests replace this."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def tell(self, text: str) -> None:
        """A refusal or an error: in the dialog, and in a message box that does not block."""
        self.error.setText(text)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("CaseDetail", "Case {case_id}").format(case_id=self.case_id),
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda *_: setattr(self, "last_message", None))
        self.last_message = box
        box.open()

    def apply_review(self, action: str) -> None:
        title, what = ACTION_WORDS[action]
        self._change(action, reviews.review_case, action, tr("CaseDetail", title), tr("CaseDetail", what))

    def apply_outcome(self, outcome: str | None) -> None:
        if outcome is None:
            self.tell(tr("CaseDetail", "Choose the PCR result first (positive or negative)."))
            return
        words = outcome_text(outcome)
        self._change(
            "outcome",
            reviews.record_outcome,
            outcome,
            tr("CaseDetail", "Record outcome?"),
            tr("CaseDetail", "record the outcome {outcome}").format(outcome=words),
        )

    def apply_label(self, label: str | None) -> None:
        if label is None:
            self.tell(tr("CaseDetail", "Choose what the case turned out to be first."))
            return
        detail = self.label_detail.text().strip() if label == "other_condition" else ""
        if self.detail.confirmed_label is not None and not self.note.toPlainText().strip():
            self.error.setText(
                tr(
                    "CaseDetail",
                    "This case already has a confirmed label: write why it changes in the note box, then "
                    "press Record label again.",
                )
            )
            self.note.setFocus()
            return

        def store_call(db, user, case_id, value, note):
            reviews.record_label(db, user, case_id, value, note, detail=detail)

        self._change(
            "label",
            store_call,
            label,
            tr("CaseDetail", "Record confirmed label?"),
            tr("CaseDetail", "record that it turned out to be: {label}").format(
                label=label_text(label, detail)
            ),
        )

    def _change(self, action: str, store_call, value: str, title: str, what: str) -> None:
        """Ask for the note where one is needed, confirm, then store; a refusal is shown, never raised."""
        c = self.detail.summary
        note = self.note.toPlainText().strip()
        if _needs_note(c.review_status, action, c.outcome) and not note:
            if (c.review_status, action) == ("confirmed", "dismiss"):
                self.error.setText(
                    tr(
                        "CaseDetail",
                        "Dismissing a confirmed case needs a note: write why in the note box, "
                        "then press Dismiss again.",
                    )
                )
            else:
                self.error.setText(
                    tr(
                        "CaseDetail",
                        "This change to a case with the status {status} needs a note: write why in the "
                        "note box, then try again.",
                    ).format(status=status_text(c.review_status))
                )
            self.note.setFocus()
            return
        text = (
            tr("CaseDetail", "Case {case_id} ({decision}, {cls}, now {status}): {what}?").format(
                case_id=self.case_id,
                decision=decision_text(c.decision),
                cls=short_name(c.top_class),
                status=status_text(c.review_status, c.outcome),
                what=what,
            )
            + "\n\n"
            + (tr("CaseDetail", "Note: {note}").format(note=note) if note else tr("CaseDetail", "No note."))
            + "\n\n"
            + tr("CaseDetail", "This is recorded with your name in the audit trail.")
        )
        if not self.ask(title, text):
            return
        try:
            store_call(self.db, self.user, self.case_id, value, note)
        except StoreError as exc:  # a rule's refusal, or the store's trouble, in the station's language
            self.tell(refusal_text(exc))
            return
        except Exception as exc:  # noqa: BLE001 - a database fault: plain words here, details in the log
            log.exception("review change on case %s failed", self.case_id)
            self.tell(
                tr(
                    "CaseDetail",
                    "The change could not be saved: the case database did not accept it ({error}). Try "
                    "again; if it keeps failing, call your administrator.",
                ).format(error=type(exc).__name__)
            )
            return
        self.error.setText("")
        self.note.clear()
        self.outcome.setCurrentIndex(-1)
        self.label.setCurrentIndex(-1)
        self.label_detail.clear()
        self.load()
        self.changed.emit(self.case_id)
