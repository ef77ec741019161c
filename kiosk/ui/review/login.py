"""Log-in dialog, and on first run the creation of the admin account (no default passwords)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.store import accounts
from kiosk.store.accounts import UserSession
from kiosk.store.database import Database
from kiosk.store.errors import StoreError
from kiosk.store.settings import StoreSettings


class _Form(QDialog):
    def __init__(self, title: str, intro: str, confirm: bool, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #ff8a80;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow("User name", self.username)
        form.addRow("Password", self.password)
        if confirm:
            form.addRow("Repeat password", self.repeat)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.session: UserSession | None = None

    def submit(self) -> None:
        raise NotImplementedError


class CreateAdminDialog(_Form):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(
            "Create the admin account",
            "First start: there are no accounts yet. Create the administrator account "
            f"(password of at least {accounts.MIN_PASSWORD_LENGTH} characters; "
            "there is no default password).",
            True,
            parent,
        )
        self.db = db

    def submit(self) -> None:
        if self.password.text() != self.repeat.text():
            self.error.setText("The two passwords differ.")
            return
        try:
            accounts.create_user(self.db, self.username.text(), self.password.text(), "admin", None)
            self.session = accounts.authenticate(self.db, self.username.text(), self.password.text())
        except StoreError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


class LoginDialog(_Form):
    def __init__(self, db: Database, config: Any, parent: QWidget | None = None):
        super().__init__("Log in", "Log in to the screening station.", False, parent)
        self.db = db
        self.config = config

    def submit(self) -> None:
        try:
            self.session = accounts.authenticate(
                self.db, self.username.text(), self.password.text(), self.config
            )
        except StoreError as exc:
            self.error.setText(str(exc))
            self.password.clear()
            return
        self.accept()


def login_flow(parent: QWidget | None, db: Database, config: Any) -> UserSession | None:
    """First run: create the admin account; otherwise log in. None when cancelled."""
    dialog = (
        LoginDialog(db, StoreSettings.from_config(config), parent)
        if accounts.has_users(db)
        else CreateAdminDialog(db, parent)
    )
    dialog.exec()
    return dialog.session
