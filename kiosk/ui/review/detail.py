"""One case: image, heatmap, all probabilities, quality, model, operator, history, and reviewer actions."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
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
from kiosk.ui.widgets import ImageView
from models.taxonomy import display_name


class CaseDetailDialog(QDialog):
    changed = Signal(str)  # case id, after a review action

    def __init__(self, db: Database, user: UserSession, case_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.user, self.case_id = db, user, case_id
        self.setWindowTitle(f"Case {case_id}")
        self.resize(1100, 700)
        self.image = ImageView("image purged (retention) or unavailable")
        self.heatmap = ImageView("no heatmap")
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.probs = QTableWidget(0, 2)
        self.probs.setHorizontalHeaderLabels(["Class", "Probability"])
        self.history = QLabel()
        self.history.setTextFormat(Qt.TextFormat.PlainText)
        self.history.setWordWrap(True)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("Note (what was done, why)")
        self.note.setMaximumHeight(80)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #ff8a80;")
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for action, label, key in (
            ("confirm", "&Confirm (send to PCR)", "Ctrl+1"),
            ("dismiss", "&Dismiss (false alarm)", "Ctrl+2"),
            ("refer", "&Refer", "Ctrl+3"),
        ):
            button = QPushButton(label)
            button.setShortcut(key)
            button.clicked.connect(lambda _=False, a=action: self.apply_review(a))
            actions.addWidget(button)
            self.buttons[action] = button
        self.outcome = QComboBox()
        self.outcome.addItem("PCR positive", "pcr_positive")
        self.outcome.addItem("PCR negative", "pcr_negative")
        record = QPushButton("Record &outcome")
        record.clicked.connect(lambda: self.apply_outcome(self.outcome.currentData()))
        actions.addWidget(self.outcome)
        actions.addWidget(record)
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
        layout.addWidget(self.error)
        self.load()

    def load(self) -> None:
        detail = reviews.view_case(self.db, self.user, self.case_id)  # audited as a case view
        self.detail = detail
        c = detail.summary
        for view, rel, sha in (
            (self.image, detail.image_path, detail.image_sha256),
            (self.heatmap, detail.heatmap_path, detail.heatmap_sha256),
        ):
            try:
                view.set_image(self.db.media.load(rel, sha) if rel else None)
            except StoreError as exc:
                view.placeholder = str(exc)
                view.set_image(None)
        ranked = sorted(detail.probabilities.items(), key=lambda kv: -kv[1])
        self.probs.setRowCount(len(ranked))
        for row, (cls, p) in enumerate(ranked):
            self.probs.setItem(row, 0, QTableWidgetItem(display_name(cls)))
            self.probs.setItem(row, 1, QTableWidgetItem(f"{p:.1%}"))
        quality = ", ".join(f"{k} {v:.3g}" for k, v in detail.quality.items()) or "-"
        purged = f" · images purged {detail.images_purged_utc:%Y-%m-%d}" if detail.images_purged_utc else ""
        e = html.escape  # traveller references and names are typed by people: never markup
        self.info.setText(
            f"<b>{c.decision.upper()}</b> · {e(display_name(c.top_class))} {c.top_probability:.1%} · "
            f"review: <b>{c.review_status}</b>{' · ' + c.outcome if c.outcome else ''}<br>"
            f"{c.captured_utc:%Y-%m-%d %H:%M:%S} UTC · station {e(c.station_id)} · "
            f"operator {e(c.operator or '-')} · traveller ref. {e(c.traveller_ref or '-')}<br>"
            f"model {e(c.model_name)} ({detail.model_sha256[:12]}) · "
            f"thresholds {e(str(detail.thresholds))} · quality {e(quality)}{purged}"
        )
        self.info.setTextFormat(Qt.TextFormat.RichText)
        lines = [
            f"{when:%Y-%m-%d %H:%M} {who}: {action}{' ' + outcome if outcome else ''}"
            f"{' — ' + note if note else ''}"
            for when, who, action, outcome, note in detail.history
        ]
        self.history.setText("History: " + ("; ".join(lines) if lines else "not reviewed yet"))

    def apply_review(self, action: str) -> None:
        self._record(reviews.review_case, action)

    def apply_outcome(self, outcome: str) -> None:
        self._record(reviews.record_outcome, outcome)

    def _record(self, store_call, value: str) -> None:
        """Store a review action or an outcome with the note; show a refusal instead of raising."""
        try:
            store_call(self.db, self.user, self.case_id, value, self.note.toPlainText())
        except StoreError as exc:
            self.error.setText(str(exc))
            return
        self.note.clear()
        self.load()
        self.changed.emit(self.case_id)
