"""Log-in dialog, and on first run the creation of the admin account (no default passwords)."""

from __future__ import annotations

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

from kiosk.store import accounts
from kiosk.store.accounts import UserSession
from kiosk.store.database import Database
from kiosk.store.errors import StoreError
from kiosk.store.settings import StoreSettings
from kiosk.ui.i18n import tr


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
        try:
            accounts.create_user(self.db, self.username.text(), self.password.text(), "admin", None)
            self.session = accounts.authenticate(self.db, self.username.text(), self.password.text())
        except StoreError as exc:
            self.refused(str(exc))
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
        except StoreError as exc:
            self.refused(str(exc))
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
