"""Log-in dialog, and on first run the creation of the admin account (no default passwords)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from kiosk.store import accounts
from kiosk.store.accounts import UserSession
from kiosk.store.database import Database
from kiosk.store.errors import LoginError, StoreError
from kiosk.store.settings import StoreSettings
from kiosk.store.writer import classify
from kiosk.ui.i18n import QT_TRANSLATE_NOOP, technical_detail, tr

log = logging.getLogger(__name__)
# The case database in trouble while logging in (kind as kiosk.store.writer.classify names it).
DATABASE_TROUBLE = {
    "busy": QT_TRANSLATE_NOOP(
        "Login", "The case database is busy (locked by another program): wait a moment and try again."
    ),
    "unreachable": QT_TRANSLATE_NOOP(
        "Login", "The case database cannot be reached: try again in a moment, or call your administrator."
    ),
    "disk": QT_TRANSLATE_NOOP(
        "Login", "The case database cannot write (disk full or read-only): call your administrator."
    ),
    "other": QT_TRANSLATE_NOOP(
        "Login", "The case database refused the request: try again, or call your administrator."
    ),
}


def refusal(exc: Exception) -> str:
    """What the dialog says about a refusal of the store, in the station's language: the one answer for a
    failed log-in, the database's trouble in plain words, or a general line with the store's own words
    (English) under it for the administrator."""
    if isinstance(exc, LoginError):
        return tr("Login", accounts.LOGIN_REFUSED)
    if isinstance(exc, SQLAlchemyError):
        log.error("the login could not use the case database: %s", exc)
        return tr("Login", DATABASE_TROUBLE[classify(exc)])
    return (
        tr("Login", "The station refused this. Call your administrator if it persists.")
        + "\n"
        + technical_detail(exc)
    )


def new_account_problem(username: str, password: str) -> str:
    """Why the first account cannot be made with these, in the station's language ("" : it can); the same
    rules as kiosk.store.accounts, checked here to say them in the officer's language."""
    name = username.strip()
    if not name or len(name) > 64:
        return tr("Login", "The user name must be 1 to 64 characters long.")
    if len(password) < accounts.MIN_PASSWORD_LENGTH:
        return tr("Login", "The password is too short: use at least {n} characters.").format(
            n=accounts.MIN_PASSWORD_LENGTH
        )
    if password.strip().lower() == name.lower():
        return tr("Login", "The password must not be the user name.")
    return ""


class _Form(QDialog):
    """Intro, user name, password (and repeat), a word-wrapped message, OK/Cancel; sized to its content.

    The fields come in a fixed order with a fixed tab order; Enter in the user name moves to the password
    (it does not try to log in with an empty password), Enter in the last field submits. After a refusal
    the password is cleared and the cursor goes back to it, so a password is never typed into the name box.
    """

    EM_WIDTH = 56  # the dialog's width in average character widths (less on a narrow screen)

    def __init__(self, title: str, intro: str, confirm: bool, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.confirm = confirm
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setMaxLength(64)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel("")
        self.error.setObjectName("loginError")
        self.error.setStyleSheet("color: #ff8a80;")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # store messages may quote what was typed
        fields = [(tr("Login", "User name"), self.username), (tr("Login", "Password"), self.password)]
        if confirm:
            fields.append((tr("Login", "Repeat password"), self.repeat))
        self.fields = [field for _label, field in fields]
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for row, (text, field) in enumerate(fields):
            label = QLabel(text)
            label.setBuddy(field)
            grid.addWidget(label, row, 0)
            grid.addWidget(field, row, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        for button in (self.ok_button, self.cancel_button):
            button.setAutoDefault(False)  # Enter is handled per field below
            button.setDefault(False)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        for field, following in zip(self.fields, self.fields[1:], strict=False):
            field.returnPressed.connect(following.setFocus)
        self.fields[-1].returnPressed.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        chain = [*self.fields, self.ok_button, self.cancel_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.session: UserSession | None = None
        self.username.setFocus()

    def focus_order(self) -> list[QWidget]:
        """The widgets Tab visits from the user name, up to the OK button (for tests and checks)."""
        order, widget = [self.username], self.username.nextInFocusChain()
        while widget is not self.username and widget is not None and len(order) < 50:
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget in (*self.fields, self.ok_button):
                order.append(widget)
            if widget is self.ok_button:
                break
            widget = widget.nextInFocusChain()
        return order

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.fit_to_content()

    def refused(self, text: str) -> None:
        """After a refusal: say why, clear the password(s), put the cursor where the next try starts."""
        self.show_error(text)
        self.password.clear()
        self.repeat.clear()
        (self.password if self.username.text().strip() else self.username).setFocus()

    def fit_to_content(self) -> None:
        """Width from the font (at most the screen's), height from the word-wrapped texts at that width."""
        self.ensurePolished()
        for child in self.findChildren(QWidget):
            child.ensurePolished()
        screen = (self.parentWidget() or self).screen().availableGeometry()
        width = self.fontMetrics().averageCharWidth() * self.EM_WIDTH
        width = max(width, self.layout().totalMinimumSize().width())
        width = min(width, int(screen.width() * 0.95))
        layout = self.layout()
        layout.invalidate()
        layout.activate()
        height = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        height = max(height, layout.totalMinimumSize().height())
        self.setMinimumSize(width, min(height, screen.height()))
        self.resize(width, min(height, screen.height()))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.fit_to_content()
        super().showEvent(event)

    def submit(self) -> None:
        raise NotImplementedError


class CreateAdminDialog(_Form):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(
            tr("Login", "Create the admin account"),
            tr(
                "Login",
                "First start: there are no accounts yet. Create the administrator account (password of at "
                "least {n} characters; there is no default password).",
            ).format(n=accounts.MIN_PASSWORD_LENGTH),
            True,
            parent,
        )
        self.db = db

    def submit(self) -> None:
        if self.password.text() != self.repeat.text():
            self.refused(tr("Login", "The two passwords differ: type the password twice the same way."))
            return
        problem = new_account_problem(self.username.text(), self.password.text())
        if problem:
            self.refused(problem)
            return
        try:
            accounts.create_user(self.db, self.username.text(), self.password.text(), "admin", None)
            self.session = accounts.authenticate(self.db, self.username.text(), self.password.text())
        except (StoreError, SQLAlchemyError) as exc:
            self.refused(refusal(exc))
            return
        self.accept()


class LoginDialog(_Form):
    def __init__(self, db: Database, config: Any, parent: QWidget | None = None):
        super().__init__(
            tr("Login", "Log in"), tr("Login", "Log in to the screening station."), False, parent
        )
        self.db = db
        self.config = config

    def submit(self) -> None:
        if not self.username.text().strip():
            self.refused(tr("Login", "Type your user name first."))
            return
        try:
            self.session = accounts.authenticate(
                self.db, self.username.text(), self.password.text(), self.config
            )
        except (StoreError, SQLAlchemyError) as exc:
            self.refused(refusal(exc))
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
