"""The review window's admin tabs (issue 27): the accounts, and the audit log.

*Users*: every account with its role, whether it is disabled, and a lock-out after failed log-ins; an admin
changes a role, disables or enables an account and ends a lock-out, through the same store functions as the
``mpox-kiosk`` commands (``kiosk/store/accounts.py``: admin only, audited, the last active admin kept). *Audit
log*: the newest entries of the tamper-evident log, filtered by what they concern. Both tabs exist only for
an admin; the store refuses the changes to anyone else anyway.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from kiosk.store import accounts, audit
from kiosk.store.accounts import UserSession
from kiosk.store.database import Database
from kiosk.store.errors import StoreError
from kiosk.store.schema import User
from kiosk.ui.i18n import tr
from kiosk.ui.review.wording import role_text

NAME_ROLE, ROLE_ROLE = Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 1
AUDIT_ROWS = 500  # the newest entries shown; `mpox-kiosk audit-log` and verify-audit read the whole chain


def plain_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def ltr(text: str) -> str:
    """A technical text (a time, a name, JSON) kept left to right inside a right-to-left (Arabic) window."""
    return f"\u2066{text}\u2069" if text else ""


HASH = re.compile(r"^[0-9a-f]{64}$")


def details_text(raw: str) -> tuple[str, str]:
    """(shown, tooltip) of an audit entry's details: the shown text leaves out 64-digit hashes (they fill the
    column and hide what changed), the tooltip has it all."""
    try:
        data = json.loads(raw or "{}")
    except ValueError:  # a damaged entry is shown as stored; verify-audit reports it
        return str(raw), str(raw)
    full = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return json.dumps(_without_hashes(data), ensure_ascii=False, sort_keys=True), full


def _without_hashes(value):
    """``value`` with every 64-digit hash left out, and what that leaves empty (e.g. the rows' digests)."""
    if isinstance(value, dict):
        kept = {k: _without_hashes(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in ({}, [], None) and not _is_hash(v)}
    if isinstance(value, list):
        return [v for v in map(_without_hashes, value) if not _is_hash(v)]
    return value


def _is_hash(value) -> bool:
    return isinstance(value, str) and bool(HASH.match(value))


def _local(when: datetime | None) -> str:
    if when is None:
        return ""
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


class UsersWidget(QWidget):
    def __init__(self, db: Database, actor: UserSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.last_error: str | None = None  # the last refusal shown (tests read it)
        self.ask_role = self._ask_role  # tests replace this: (user, current role) -> new role or None
        self.table = plain_table(
            [
                tr("AdminTabs", "User"),
                tr("AdminTabs", "Role"),
                tr("AdminTabs", "Account"),
                tr("AdminTabs", "Locked until"),
                tr("AdminTabs", "Failed log-ins"),
            ]
        )
        self.role_button = QPushButton(tr("AdminTabs", "Change role…"))
        self.disable_button = QPushButton(tr("AdminTabs", "Disable"))
        self.enable_button = QPushButton(tr("AdminTabs", "Enable"))
        self.unlock_button = QPushButton(tr("AdminTabs", "Unlock"))
        self.role_button.clicked.connect(self.change_role)
        self.disable_button.clicked.connect(lambda: self._act(accounts.set_disabled, True))
        self.enable_button.clicked.connect(lambda: self._act(accounts.set_disabled, False))
        self.unlock_button.clicked.connect(lambda: self._act(accounts.unlock))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        for b in (self.role_button, self.disable_button, self.enable_button, self.unlock_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(tr("AdminTabs", "Every change is checked by the store and written to the audit log."))
        )
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        now = datetime.now(UTC)
        with self.db.session() as s:
            users = list(s.execute(select(User).order_by(User.username)).scalars())
            rows = [
                (
                    u.username,
                    u.role,
                    u.disabled,
                    u.locked_until if u.locked_until and u.locked_until > now else None,
                    u.failed_logins,
                )
                for u in users
            ]
        self.table.setRowCount(len(rows))
        for i, (name, role, disabled, locked, failed) in enumerate(rows):
            cells = (
                name,
                role_text(role),
                tr("AdminTabs", "disabled") if disabled else tr("AdminTabs", "active"),
                ltr(_local(locked)),
                str(failed),
            )
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == 0:
                    item.setData(NAME_ROLE, name)  # the account's name as stored
                    item.setData(ROLE_ROLE, role)
                self.table.setItem(i, j, item)
        self._update_buttons()

    def selected(self) -> tuple[str, str] | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.data(NAME_ROLE), item.data(ROLE_ROLE)

    def select(self, username: str) -> None:
        for i in range(self.table.rowCount()):
            if self.table.item(i, 0).data(NAME_ROLE) == username:
                self.table.selectRow(i)
                return

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        for b in (self.role_button, self.disable_button, self.enable_button, self.unlock_button):
            b.setEnabled(chosen)

    def _ask_role(self, username: str, current: str) -> str | None:
        labels = [role_text(r) for r in accounts.ROLES]
        label, ok = QInputDialog.getItem(
            self,
            tr("AdminTabs", "Change role"),
            tr("AdminTabs", "New role for {user}:").format(user=username),
            labels,
            accounts.ROLES.index(current) if current in accounts.ROLES else 0,
            False,
        )
        return accounts.ROLES[labels.index(label)] if ok else None

    def change_role(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        role = self.ask_role(*chosen)
        if role is not None and role != chosen[1]:
            self._act(accounts.set_role, role)

    def _act(self, action, *args) -> None:
        """Run a store action on the selected account as the logged-in admin; a refusal is shown."""
        chosen = self.selected()
        if chosen is None:
            return
        try:
            action(self.db, chosen[0], *args, self.actor)
        except (StoreError, accounts.AccessDenied) as exc:
            self.last_error = str(exc)
            box = QMessageBox(QMessageBox.Icon.Warning, tr("AdminTabs", "Not changed"), str(exc), parent=self)
            box.open()
        else:
            self.last_error = None
        self.refresh()
        self.select(chosen[0])


class AuditWidget(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(tr("AdminTabs", "What it concerns (a user, a case id)"))
        self.filter_edit.returnPressed.connect(self.refresh)
        refresh = QPushButton(tr("AdminTabs", "Refresh"))
        refresh.clicked.connect(self.refresh)
        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(refresh)
        self.table = plain_table(
            [
                tr("AdminTabs", "No."),
                tr("AdminTabs", "Time"),
                tr("AdminTabs", "By"),
                tr("AdminTabs", "Action"),
                tr("AdminTabs", "Concerns"),
                tr("AdminTabs", "Details"),
            ]
        )
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.count_label)
        self.refresh()

    def refresh(self) -> None:
        target = self.filter_edit.text().strip() or None
        entries = audit.recent(self.db, AUDIT_ROWS, target=target)
        self.table.setRowCount(len(entries))
        for i, e in enumerate(entries):
            shown, full = details_text(e.details)
            cells = (str(e.seq), _local(e.ts_utc), e.actor, e.action, e.target, shown)
            for j, text in enumerate(cells):
                item = QTableWidgetItem(ltr(text) if j else text)
                item.setToolTip(full if j == len(cells) - 1 else text)
                self.table.setItem(i, j, item)
        line = tr("AdminTabs", "{n} newest entries; `mpox-kiosk verify-audit` checks the whole chain.")
        command = "`mpox-kiosk verify-audit`"
        self.count_label.setText(line.format(n=len(entries)).replace(command, ltr(command)))
