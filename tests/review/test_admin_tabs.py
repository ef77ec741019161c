"""The review window's admin tabs (issue 27): accounts managed through the store's own rules, and the audit
log read back, in a real window on a real SQLite database."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from kiosk.store import accounts, audit
from kiosk.store.errors import LoginError
from kiosk.store.schema import User
from kiosk.ui.review import ReviewWindow, open_review

from .conftest import PW


@pytest.fixture(autouse=True)
def no_window_left():
    """Each test's review windows are gone after it (another module counts the open ones)."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    for w in QApplication.topLevelWidgets():
        if isinstance(w, ReviewWindow):
            w.close()
            w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _window(qtbot, db, settings, user) -> ReviewWindow:
    window = open_review(None, db, settings, user)  # as the station opens it (deleted when closed)
    assert window is not None
    qtbot.addWidget(window)
    return window


def _tab_titles(window) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def _account(db, name) -> User:
    with db.session() as s:
        return s.execute(select(User).where(User.username == name)).scalar_one()


def test_only_an_admin_gets_the_users_audit_and_stations_tabs(qtbot, db, settings, users):
    assert _tab_titles(_window(qtbot, db, settings, users["rev"])) == ["Cases", "Dashboard"]
    admin = _window(qtbot, db, settings, users["root"])
    assert _tab_titles(admin) == ["Cases", "Dashboard", "Users", "Audit log", "Stations"]
    table = admin.users_tab.table
    shown = {table.item(i, 0).text(): table.item(i, 1).text() for i in range(table.rowCount())}
    assert shown == {
        "off": "officer",
        "rev": "reviewer",
        "root": "admin",
    }  # the roles as the station names them


def test_an_admin_changes_roles_disables_enables_and_unlocks_and_it_is_audited(qtbot, db, settings, users):
    window = _window(qtbot, db, settings, users["root"])
    tab = window.users_tab
    tab.select("off")
    tab.ask_role = lambda user, current: "reviewer"
    qtbot.mouseClick(tab.role_button, qtbot_left())
    assert _account(db, "off").role == "reviewer" and tab.last_error is None
    tab.select("rev")
    qtbot.mouseClick(tab.disable_button, qtbot_left())
    assert _account(db, "rev").disabled
    row = next(i for i in range(tab.table.rowCount()) if tab.table.item(i, 0).text() == "rev")
    assert tab.table.item(row, 2).text() == "disabled"
    qtbot.mouseClick(tab.enable_button, qtbot_left())
    assert not _account(db, "rev").disabled
    for _ in range(settings.max_failed_logins):  # three wrong passwords lock the account
        with pytest.raises(LoginError):
            accounts.authenticate(db, "rev", "wrong password", settings)
    with pytest.raises(LoginError):  # locked: even the right password is refused
        accounts.authenticate(db, "rev", PW, settings)
    tab.refresh()
    tab.select("rev")
    row = next(i for i in range(tab.table.rowCount()) if tab.table.item(i, 0).text() == "rev")
    assert tab.table.item(row, 3).text()  # locked until ...
    qtbot.mouseClick(tab.unlock_button, qtbot_left())
    assert _account(db, "rev").locked_until is None
    assert accounts.authenticate(db, "rev", PW, settings).username == "rev"
    actions = [e.action for e in audit.recent(db, 20) if e.actor == "root"]
    for action in ("role_changed", "account_disabled", "account_enabled", "account_unlocked"):
        assert action in actions, action


def test_the_last_admin_cannot_be_demoted_or_disabled_from_the_tab(qtbot, db, settings, users):
    window = _window(qtbot, db, settings, users["root"])
    tab = window.users_tab
    tab.select("root")
    tab.ask_role = lambda user, current: "officer"
    qtbot.mouseClick(tab.role_button, qtbot_left())
    assert "last admin" in tab.last_error and _account(db, "root").role == "admin"
    qtbot.mouseClick(tab.disable_button, qtbot_left())
    assert "last admin" in tab.last_error and not _account(db, "root").disabled


def test_an_admin_demoted_meanwhile_cannot_act_through_a_tab_left_open(qtbot, db, settings, users):
    """The store checks the actor's account as the database holds it at each change: a review window that
    outlived its admin's rights changes nothing."""
    window = _window(qtbot, db, settings, users["root"])
    accounts.create_user(db, "boss", PW, "admin", users["root"])
    boss = accounts.authenticate(db, "boss", PW)
    accounts.set_role(db, "root", "reviewer", boss)  # another admin demotes root while its window is open
    tab = window.users_tab
    tab.refresh()
    tab.select("off")
    qtbot.mouseClick(tab.disable_button, qtbot_left())
    assert "no longer an active admin" in tab.last_error and not _account(db, "off").disabled
    tab.ask_role = lambda user, current: "admin"
    qtbot.mouseClick(tab.role_button, qtbot_left())
    assert _account(db, "off").role == "officer"


def test_the_audit_tab_shows_the_newest_entries_and_filters_them(qtbot, db, settings, users):
    window = _window(qtbot, db, settings, users["root"])
    accounts.set_role(db, "off", "reviewer", users["root"])
    tab = window.audit_tab
    tab.refresh()

    def cell(i: int, j: int) -> str:  # without the left-to-right isolates the cells carry for Arabic
        return tab.table.item(i, j).text().strip("\u2066\u2069")

    actions = [cell(i, 3) for i in range(tab.table.rowCount())]
    assert actions[0] == "role_changed" and "user_created" in actions
    tab.filter_edit.setText("off")
    tab.refresh()
    targets = {cell(i, 4) for i in range(tab.table.rowCount())}
    assert targets == {"off"} and tab.table.rowCount() >= 2
    assert '"to": "reviewer"' in cell(0, 5)
    # the row hashes fill the column and hide what changed: shown in the tooltip only
    created = next(i for i in range(tab.table.rowCount()) if cell(i, 3) == "user_created")
    hashes = re.findall(r"[0-9a-f]{64}", tab.table.item(created, 5).toolTip())
    assert hashes and not any(h in cell(created, 5) for h in hashes)


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_the_stations_tab_shows_the_fleet_and_highlights_a_station(qtbot, db, settings, users, tmp_path):
    """Issue 28, item 5: two stations' heartbeats in the Stations tab; the one on another model is marked."""
    from kiosk.store import CaseWriter, StoreSettings
    from kiosk.store.fleet import fleet
    from tests.store.conftest import wait_until

    for station, sha in (("gate-1", "a" * 64), ("gate-2", "b" * 64), ("gate-3", "a" * 64)):
        writer = CaseWriter(db, StoreSettings(data_dir=tmp_path, station_id=station))
        writer.start()
        writer.set_station_state(
            software_version="0.1.0", bundle_name="m", bundle_sha256=sha, camera_state="live"
        )
        wait_until(lambda s=station: s in {v.station_id for v in fleet(db)}, what=f"{station}'s heartbeat")
        writer.stop()
    window = _window(qtbot, db, settings, users["root"])
    window.tabs.setCurrentWidget(window.stations_tab)
    table = window.stations_tab.table
    rows = {
        table.item(r, 0).text(): [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(3)
    }
    assert set(rows) == {"gate-1", "gate-2", "gate-3"}
    assert rows["gate-1"][1].startswith("up") and "camera live" in rows["gate-1"][1]
    assert "bbbbbbbbbbbb" in rows["gate-2"][6] and "the other stations do not" in rows["gate-2"][2]
    assert (
        rows["gate-1"][2] == "" and "3 of 3 stations up; 1 to look at" in window.stations_tab.summary.text()
    )
    marked = [r for r in range(3) if table.item(r, 0).background().color().name() == "#ffe0b2"]
    assert [table.item(r, 0).text() for r in marked] == ["gate-2"]
