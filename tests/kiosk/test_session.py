"""One session model (issue 12): log-off from either window, inactivity, Ctrl+Q, closing the window, stopping
the station and a crash all end the session the same way, exactly once, audited; the screen forgets the last
traveller; the login dialog comes back; nobody logged in means nothing runs."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from kiosk.app import Station
from kiosk.config import ModelConfig, SecurityConfig
from tests.conftest import one_hot_probs

ROLES = {"rev1": "reviewer", "off2": "officer", "adm3": "admin", "off4": "officer"}


@pytest.fixture
def logins(monkeypatch):
    """Script the login dialog: each call answers the next name (None: the dialog was cancelled)."""
    import kiosk.ui.review as review
    from kiosk.store import UserSession

    answers: list[str | None] = []
    calls: list[str | None] = []

    def fake_login(parent, db, config):
        name = answers.pop(0) if answers else None
        calls.append(name)
        if name is None:
            return None
        return UserSession(username=name, role=ROLES[name], login_utc=datetime.now(UTC))

    monkeypatch.setattr(review, "login_flow", fake_login)
    return answers, calls


@pytest.fixture
def station(qtbot, kiosk_config, make_tiny_bundle, fake_camera):
    made = []

    def build(*names, probs=None, **security):
        config = replace(
            kiosk_config,
            model=ModelConfig(
                bundle=str(make_tiny_bundle(probs=probs or one_hot_probs("mpox", 0.9))),
                device="cpu",
                backend="eager",
            ),
            security=SecurityConfig(**security),
        )
        st = Station(config, source_factory=lambda _s: fake_camera[0]())
        made.append(st)
        return st

    yield build
    for st in made:
        st.shutdown()
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox):
            w.close()


def logouts(station):
    from kiosk.store import audit

    return [
        (e.actor, json.loads(e.details).get("reason"))
        for e in reversed(audit.recent(station.db, 500))
        if e.action == "logout"
    ]


def start(qtbot, st, logins, *names):
    logins[0][:] = list(names)
    window = st.build()
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.displayed_frames > 3, timeout=5000)
    return window


def capture(qtbot, window):
    with qtbot.waitSignal(window.outcome_shown, timeout=10000):
        window.capture_now()
    assert window.heatmap_view.has_image() and window.chart.values


def assert_cleared(window):
    assert not window.heatmap_view.has_image()
    assert window.chart.values == [] and window.banner_kind in ("idle", "signed_out")
    assert window.ref_edit.text() == ""


def test_log_off_in_the_review_window_logs_the_station_off(qtbot, station, logins):
    """Item 2: the review window's Log off used to close the window only; Ctrl+R then reopened it."""
    st = station()
    window = start(qtbot, st, logins, "rev1", None)
    capture(qtbot, window)
    st.open_review()
    review = st.review_window
    assert review is not None and review.isVisible()
    review.log_off("logout")  # the menu action
    qtbot.waitUntil(lambda: len(logins[1]) == 2, timeout=5000)  # the login dialog came back
    assert st.user is None and window.operator == ""
    assert not review.isVisible() and st.review_window is None
    assert logouts(st) == [("rev1", "logout")]
    assert_cleared(window)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)  # nobody logged in: the station closes
    window.review_requested.emit()  # Ctrl+R
    assert st.review_window is None


def test_log_off_button_on_the_screening_window(qtbot, station, logins):
    st = station()
    window = start(qtbot, st, logins, "off2", "adm3")
    assert "off2" in window.user_label.text() and "officer" in window.user_label.text()
    assert window.logoff_button.isVisible()
    capture(qtbot, window)
    window.ref_edit.setText("typed for nobody yet")
    qtbot.mouseClick(window.logoff_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.operator == "adm3", timeout=5000)
    assert logouts(st) == [("off2", "logout")]
    assert_cleared(window)
    assert "adm3" in window.user_label.text() and window.review_button.isVisible()


def test_inactivity_is_audited_once_with_the_review_window_open(qtbot, station, logins):
    st = station()
    window = start(qtbot, st, logins, "rev1", "off2")
    st.open_review()
    assert st.review_window is not None
    capture(qtbot, window)
    review = st.review_window
    for watcher in (getattr(st.session, "watcher", None), getattr(review, "watcher", None)):
        if watcher is not None:
            watcher.set_interval_ms(150)
    qtbot.waitUntil(lambda: window.operator == "off2", timeout=5000)
    qtbot.wait(400)  # a second watcher, if any, would fire now
    assert logouts(st) == [("rev1", "inactivity")]
    assert not review.isVisible()
    assert_cleared(window)


def test_ctrl_q_writes_a_log_off(qtbot, station, logins):
    st = station()
    window = start(qtbot, st, logins, "off2")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
    st.shutdown()
    assert logouts(st) == [("off2", "quit")]


def test_closing_the_window_and_stopping_the_station_end_the_session_once(qtbot, station, logins):
    st = station()
    window = start(qtbot, st, logins, "off2")
    window.close()
    st.shutdown()
    st.shutdown()
    assert logouts(st) == [("off2", "window closed")]
    st2 = station()
    start(qtbot, st2, logins, "off4")
    st2.shutdown()  # --quit-after, SIGTERM from the service
    assert logouts(st2)[-1] == ("off4", "station stopped")


def test_a_session_cut_short_by_a_crash_is_closed_at_the_next_start(qtbot, station, logins):
    st = station()
    start(qtbot, st, logins, "off2")
    marker = st.session.marker
    assert marker is not None and marker.is_file() and (marker.stat().st_mode & 0o077) == 0
    saved = marker.read_bytes()
    st.shutdown()
    marker.write_bytes(saved)  # as if the process had been killed before it could log off
    st2 = station()
    start(qtbot, st2, logins, "off4")
    assert (
        "off2",
        "station stopped without logging off (crash or power loss); found at the next start",
    ) in logouts(st2)
    assert st2.session.marker.is_file() and "off4" in st2.session.marker.read_text()


def test_the_result_is_cleared_after_the_idle_time(qtbot, station, logins):
    st = station(clear_result_after_seconds=5)
    window = start(qtbot, st, logins, "off2")
    assert window.clear_timer.interval() == 5000
    capture(qtbot, window)
    window.clear_timer.setInterval(200)
    window.clear_timer.start()
    qtbot.waitUntil(lambda: not window.heatmap_view.has_image(), timeout=3000)
    assert_cleared(window)
    assert window.operator == "off2"  # only the screen was cleared, the officer is still logged in


def test_an_officer_pressing_ctrl_r_is_told_why_and_the_refusal_is_audited(qtbot, station, logins):
    from kiosk.store import audit

    st = station()
    window = start(qtbot, st, logins, "off2")
    assert not window.review_button.isVisible()
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert boxes and "Reviewing cases needs a reviewer or admin login" in boxes[0].text()
    assert st.review_window is None
    entry = audit.recent(st.db, 1)[0]
    assert (entry.actor, entry.action) == ("off2", "review_denied")


def test_nobody_logged_in_means_no_screening(qtbot, station, logins):
    st = station()
    window = start(qtbot, st, logins, "off2", None)
    window.auto_button.click()
    assert window.auto_mode
    window.logoff_button.click()
    qtbot.waitUntil(lambda: len(logins[1]) == 2, timeout=5000)
    assert not window.auto_mode and not window.capture_button.isEnabled()
    window.capture_now()
    assert not window.controller.busy
