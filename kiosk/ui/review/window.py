"""The review window: filter bar, lazily paged case table, case detail, dashboard, export, log-off."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.store import accounts, audit
from kiosk.store.accounts import UserSession
from kiosk.store.database import Database
from kiosk.store.errors import StoreError
from kiosk.store.queries import CaseFilter, stations
from kiosk.store.schema import REVIEW_STATUSES
from kiosk.store.settings import StoreSettings
from kiosk.ui.i18n import QT_TRANSLATE_NOOP, technical_detail, tr
from kiosk.ui.review.dashboard import DashboardWidget
from kiosk.ui.review.detail import CaseDetailDialog
from kiosk.ui.review.export import ExportFailed, export_csv, export_name, export_pdf, free_path
from kiosk.ui.review.prefs import ReviewPrefs
from kiosk.ui.review.table_model import COLUMNS, STRETCH_COLUMN, THUMB_PX, CaseTableModel
from kiosk.ui.review.wording import (
    decision_text,
    reason_text,
    role_text,
    short_name,
    status_text,
    store_error_text,
)
from kiosk.ui.session import LOGOUT, StationSession
from models.decision import Decision, ReasonCode
from models.taxonomy import CLASSES


def _combo(items: list[tuple[str, str | None]]) -> QComboBox:
    box = QComboBox()
    for label, value in items:
        box.addItem(label, value)
    return box


REVIEW_DENIED = QT_TRANSLATE_NOOP("ReviewWindow", "Reviewing cases needs a reviewer or admin login.")
MIN_SIZE = QSize(1000, 560)  # fits a 1280x720 screen with its panel and window frame
PREFERRED_SIZE = QSize(1600, 1000)


def fit_to_screen(window: QWidget) -> None:
    """Open at the preferred size or the screen's available area, whichever is smaller, centred on it."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is None:
        window.resize(PREFERRED_SIZE)
        return
    area = screen.availableGeometry()
    frame = QSize(16, 48)  # a window manager's border and title bar, roughly
    size = PREFERRED_SIZE.boundedTo(area.size() - frame).expandedTo(QSize(320, 240))
    window.resize(size)
    window.move(
        area.x() + (area.width() - size.width()) // 2, area.y() + (area.height() - size.height()) // 2
    )


class ReviewWindow(QMainWindow):
    """The review screens of one session. The window has no session of its own: *Log off* ends the station's
    session (``StationSession.end``), and the window closes whenever that session ends, whatever ended it.
    Given a bare ``UserSession`` (tools, tests) it makes a session for itself."""

    logged_off = Signal(str)  # reason

    def __init__(
        self, db: Database, config: Any, session: StationSession | UserSession, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.settings = StoreSettings.from_config(config)
        user, session = self._reviewer_session(db, session)
        self.db, self.user, self.session = db, user, session
        session.ended.connect(self._session_ended)
        self.setWindowTitle(
            tr("ReviewWindow", "Case review · {user} ({role})").format(
                user=user.username, role=role_text(user.role)
            )
        )
        self.setMinimumSize(MIN_SIZE)
        fit_to_screen(self)
        self.prefs = ReviewPrefs(self.settings.data_dir)
        self.ask_folder = self._ask_folder  # tests replace this: (start folder) -> chosen folder or None
        self.details: list[CaseDetailDialog] = []
        self.last_message: QMessageBox | None = None
        bar = self._build_filters(db)
        self._build_table(db)
        self._build_tabs(db, user, self._build_cases_tab(bar))
        self._connect_signals()
        self.setCentralWidget(self.tabs)
        self._menus()
        self._update_count()

    def _reviewer_session(
        self, db: Database, session: StationSession | UserSession
    ) -> tuple[UserSession, StationSession]:
        """The reviewer and the station's session (made here for a bare ``UserSession``); refused if ended."""
        user = session.user if isinstance(session, StationSession) else session
        accounts.require_reviewer(user, "open the review screens")
        if not isinstance(session, StationSession):
            session = StationSession(db, user, self.settings.session_timeout_minutes, parent=self)
        if not session.active:
            raise accounts.AccessDenied("open the review screens: the session has ended; log in again")
        return user, session

    def _build_filters(self, db: Database) -> QVBoxLayout:
        """The filter bar: dates, decision, class, station, review status and search, in two rows."""
        self._build_date_filters()
        self._build_choice_filters(db)
        self._build_search()
        # two rows, so the bar fits a 1280-pixel screen in the station's large type
        bar = QVBoxLayout()
        for row in (
            (self.use_dates, self.date_from, QLabel(tr("ReviewWindow", "to")), self.date_to, self.search),
            (self.decision, self.top_class, self.station, self.status),
        ):
            line = QHBoxLayout()
            for w in row:
                line.addWidget(w)
            line.addStretch(0)
            bar.addLayout(line)
        self.search.setMinimumWidth(280)
        return bar

    def _build_date_filters(self) -> None:
        """The *From* check box and the two dates (the last 30 days until ticked)."""
        self.use_dates = QCheckBox(tr("ReviewWindow", "From"))
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-30))
        self.date_to = QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            # an ISO date reads left to right in every language (right to left, Arabic would show 31-10-2026)
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)

    def _build_choice_filters(self, db: Database) -> None:
        """The decision, top class, station and review status drop-downs."""
        # "decision" or "decision:reason_code" as the store keeps them: the open-set outcomes apart.
        review = Decision.REVIEW.value
        self.decision = _combo(
            [
                (tr("ReviewWindow", "All decisions"), None),
                (decision_text(Decision.FLAG.value), Decision.FLAG.value),
                (decision_text(review), review),
                *(
                    (f"{decision_text(review)} · {reason_text(code.value)}", f"{review}:{code.value}")
                    for code in (
                        ReasonCode.UNKNOWN_CONDITION,
                        ReasonCode.LOW_CONFIDENCE,
                        ReasonCode.POOR_QUALITY,
                    )
                ),
                (decision_text(Decision.CLEAR.value), Decision.CLEAR.value),
            ]
        )
        self.top_class = _combo(
            [(tr("ReviewWindow", "All classes"), None)] + [(short_name(c), c) for c in CLASSES]
        )
        self.station = _combo([(tr("ReviewWindow", "All stations"), None)] + [(s, s) for s in stations(db)])
        self.status = _combo(
            [(tr("ReviewWindow", "Any review status"), None)] + [(status_text(s), s) for s in REVIEW_STATUSES]
        )

    def _build_search(self) -> None:
        """The search field for a traveller reference or the start of a case id."""
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("ReviewWindow", "Search traveller ref. or case id"))
        self.search.setToolTip(
            tr(
                "ReviewWindow",
                "A whole traveller reference (any case or spacing), or the start of a case id (as on the "
                "referral slip); Enter",
            )
        )
        self.search.setMaxLength(256)
        self.search.setClearButtonEnabled(True)

    def _build_table(self, db: Database) -> None:
        """The lazily paged case table, newest first, with a thumbnail per row."""
        self.model = CaseTableModel(db, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)  # newest first
        # every column as wide as its widest cell; the traveller reference takes the rest
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STRETCH_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.setIconSize(QSize(THUMB_PX, THUMB_PX))
        self.table.verticalHeader().setDefaultSectionSize(THUMB_PX + 6)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)  # two-line cells break at their own newline only
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

    def _build_cases_tab(self, bar: QVBoxLayout) -> QWidget:
        """The *Cases* tab: the filter bar, the table and the count of matching cases under it."""
        self.count_label = QLabel()
        cases = QWidget()
        cases_layout = QVBoxLayout(cases)
        cases_layout.addLayout(bar)
        cases_layout.setContentsMargins(6, 6, 6, 6)
        cases_layout.addWidget(self.table)
        cases_layout.addWidget(self.count_label)
        return cases

    def _build_tabs(self, db: Database, user: UserSession, cases: QWidget) -> None:
        """The tabs: *Cases* and *Dashboard*, and for an admin *Users*, *Audit log* and *Stations*."""
        self.dashboard = DashboardWidget(db)
        self.tabs = QTabWidget()
        self.tabs.addTab(cases, tr("ReviewWindow", "Cases"))
        self.tabs.addTab(self.dashboard, tr("ReviewWindow", "Dashboard"))
        self.users_tab = self.audit_tab = self.stations_tab = None
        if user.role == "admin":  # the accounts and the audit log: an admin's (the store checks it too)
            from kiosk.ui.review.admin import AuditWidget, UsersWidget
            from kiosk.ui.review.stations import StationsWidget

            self.users_tab = UsersWidget(db, user)
            self.audit_tab = AuditWidget(db)
            self.stations_tab = StationsWidget(db)
            self.tabs.addTab(self.users_tab, tr("ReviewWindow", "Users"))
            self.tabs.addTab(self.audit_tab, tr("ReviewWindow", "Audit log"))
            self.tabs.addTab(self.stations_tab, tr("ReviewWindow", "Stations"))

    def _connect_signals(self) -> None:
        """Refilter on every filter change, open a case on double-click, refresh a tab when it is shown."""
        for w in (self.decision, self.top_class, self.station, self.status):
            w.currentIndexChanged.connect(self.apply_filters)
        for w in (self.date_from, self.date_to):
            w.dateChanged.connect(self.apply_filters)
        self.use_dates.toggled.connect(self.apply_filters)
        self.search.returnPressed.connect(self.apply_filters)
        self.search.textChanged.connect(lambda t: self.apply_filters() if not t else None)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_indicator_changed)
        self.table.doubleClicked.connect(lambda index: self.open_case(self.model.case_at(index.row()).id))
        self.model.listed.connect(self._update_count)  # the list is read in its own thread
        self.tabs.currentChanged.connect(
            lambda i: self.dashboard.refresh(self.current_filter()) if i == 1 else None
        )
        if self.users_tab is not None:  # an admin's tabs
            self.tabs.currentChanged.connect(
                lambda i: (
                    self.tabs.widget(i).refresh()
                    if self.tabs.widget(i) in (self.users_tab, self.audit_tab, self.stations_tab)
                    else None
                )
            )

    def _menus(self) -> None:
        menu = self.menuBar().addMenu(tr("ReviewWindow", "&Cases"))
        for text, key, slot in (
            (tr("ReviewWindow", "&Open case"), "Return", self.open_selected),
            (tr("ReviewWindow", "Export selected to &CSV…"), "Ctrl+E", lambda: self._export("csv")),
            (tr("ReviewWindow", "Export selected to &PDF…"), "Ctrl+P", lambda: self._export("pdf")),
            (tr("ReviewWindow", "&Refresh"), "F5", self.apply_filters),
            (tr("ReviewWindow", "&Verify audit trail"), "Ctrl+Shift+V", self.verify_audit),
            (tr("ReviewWindow", "&Log off"), "Ctrl+Shift+L", lambda: self.log_off(LOGOUT)),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            menu.addAction(action)
            if key == "Return":
                # Enter opens a case from the table only: in the search field it runs the search (a
                # window-wide Return took it there as soon as the window had drawn once)
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                self.table.addAction(action)
            else:
                self.addAction(action)

    def _sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        if not self.model.sortable(column):  # the thumbnail, p(mpox), the case id: keep the sort there was
            current = [key for key, _ in COLUMNS].index(self.model.sort_key)
            order = Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(current, order)
            header.blockSignals(False)

    # -- filtering -------------------------------------------------------------------------------
    def current_filter(self) -> CaseFilter:
        date_from = date_to = None
        if self.use_dates.isChecked():
            # the dates are the station's local days (as the table shows times), compared in UTC
            first = datetime.combine(self.date_from.date().toPython(), time())
            after = datetime.combine(self.date_to.date().toPython(), time()) + timedelta(days=1)
            date_from, date_to = first.astimezone().astimezone(UTC), after.astimezone().astimezone(UTC)

        def chosen(box: QComboBox) -> tuple[str, ...]:
            return () if box.currentData() is None else (box.currentData(),)

        decision, _, reason_code = (self.decision.currentData() or "").partition(":")
        return CaseFilter(
            date_from=date_from,
            date_to=date_to,
            decisions=(decision,) if decision else (),
            reason_codes=(reason_code,) if reason_code else (),
            top_classes=chosen(self.top_class),
            stations=chosen(self.station),
            review_statuses=chosen(self.status),
            text=self.search.text(),
        )

    def apply_filters(self) -> None:
        self.model.set_filter(self.current_filter())
        self._update_count()
        if self.tabs.currentIndex() == 1:
            self.dashboard.refresh(self.model.filter)

    def _update_count(self) -> None:
        """The count line: how many match and are loaded, that the database is being read, or why not."""
        model = self.model
        if model.error is not None:
            self.count_label.setText(store_error_text(model.error))
        elif model.loading:
            self.count_label.setText(tr("ReviewWindow", "Reading the cases from the database…"))
        else:
            self.count_label.setText(
                tr("ReviewWindow", "{total} case(s) match · {loaded} loaded").format(
                    total=model.total, loaded=len(model.rows)
                )
            )

    # -- cases -----------------------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.case_at(r).id for r in rows]

    def open_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.open_case(ids[0])

    def open_case(self, case_id: str) -> CaseDetailDialog | None:
        try:
            dialog = CaseDetailDialog(self.db, self.user, case_id, self)
        except StoreError as exc:  # deleted meanwhile, or the store's trouble: in the station's language
            self.warn(tr("ReviewWindow", "Case"), store_error_text(exc))
            return None
        dialog.changed.connect(lambda _id: self.apply_filters())
        dialog.finished.connect(lambda _r, d=dialog: self.details.remove(d) if d in self.details else None)
        self.details.append(dialog)
        dialog.show()
        return dialog

    def warn(self, title: str, text: str) -> None:
        """A refusal or an error in a message box that does not block; the last one stays in
        ``last_message`` while it is open (for tests)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda *_: setattr(self, "last_message", None))
        self.last_message = box
        box.open()

    def _ask_folder(self, start: Path) -> Path | None:
        folder = QFileDialog.getExistingDirectory(
            self, tr("ReviewWindow", "Export the selected cases to folder"), str(start)
        )
        return Path(folder) if folder else None

    def export_folder(self) -> Path:
        """Where this reviewer's next export goes first: the folder they last exported to, else home."""
        return self.prefs.export_folder(self.user.username) or Path.home()

    def _export(self, kind: str) -> Path | None:
        """Export the selected rows to a new file in a folder the reviewer chooses (remembered per user)."""
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(
                self,
                tr("ReviewWindow", "Export"),
                tr("ReviewWindow", "Select the cases to export first (Ctrl+A selects all loaded)."),
            )
            return None
        folder = self.ask_folder(self.export_folder())
        if folder is None:
            return None
        path = free_path(folder, export_name(kind))
        try:
            n = (export_csv if kind == "csv" else export_pdf)(self.db, self.user, ids, path)
        except ExportFailed as exc:  # the file could not be written: said in the station's language already
            self.warn(tr("ReviewWindow", "Export"), str(exc))
            return None
        except StoreError as exc:
            self.warn(tr("ReviewWindow", "Export"), store_error_text(exc))
            return None
        self.prefs.set_export_folder(self.user.username, folder)
        self.statusBar().showMessage(
            tr("ReviewWindow", "Exported {n} case(s) to {path} (readable by you only)").format(
                n=n, path=path
            ),
            15_000,
        )
        return path

    def verify_audit(self) -> None:
        report = audit.verify(self.db)
        text = (
            tr("ReviewWindow", "Audit trail intact: {entries} entries.").format(entries=report.entries)
            if report.ok
            else tr("ReviewWindow", "Audit trail TAMPERED:") + "\n" + "\n".join(report.problems[:20])
        )
        QMessageBox.information(self, tr("ReviewWindow", "Audit trail"), text)

    def log_off(self, reason: str = LOGOUT) -> None:
        """End the station's session (audited once); ``_session_ended`` then closes this window."""
        if not self.session.end(reason):
            self.close()

    def _session_ended(self, reason: str) -> None:
        self.logged_off.emit(reason)
        self.close()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        for dialog in list(self.details):
            dialog.close()
        self.model.loader.stop()  # the thumbnails' thread
        super().closeEvent(event)


def open_review(
    parent: QWidget | None, db: Database | None, config: Any, session: StationSession | UserSession | None
) -> ReviewWindow | None:
    """The review window for a reviewer or admin; an officer, nobody, or an ended session is refused with a
    message, and the refusal is audited (with the officer's name, or as ``(not logged in)``)."""
    if isinstance(session, StationSession) and not session.active:
        session = None
    user = session.user if isinstance(session, StationSession) else session
    if user is None or not user.can_review:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("ReviewWindow", "Case review"),
            " ".join(
                (
                    tr("ReviewWindow", REVIEW_DENIED),
                    tr("ReviewWindow", "You are logged in as {user} ({role}).").format(
                        user=user.username, role=role_text(user.role)
                    )
                    if user
                    else tr("ReviewWindow", "Nobody is logged in."),
                    tr(
                        "ReviewWindow",
                        "Log off and log in with a reviewer or admin account, or ask an admin.",
                    ),
                )
            ),
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not exec(): the screening screen keeps running behind it
        if db is not None:
            actor = user.username if user else "(not logged in)"
            try:
                audit.record(db, actor, "review_denied", actor, {"role": user.role if user else "none"})
            except StoreError as exc:
                box.setInformativeText(
                    tr("ReviewWindow", "The refusal could not be written to the audit trail.")
                    + "\n"
                    + technical_detail(exc)
                )
        return None
    window = ReviewWindow(db, config, session, parent)
    window.show()
    return window
