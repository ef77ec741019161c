"""The review screens, offscreen with real widgets and a real SQLite case log."""

from __future__ import annotations

import csv

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.store import AccessDenied, accounts, audit, reviews
from kiosk.store.queries import list_cases
from kiosk.ui.review import ReviewWindow, login_flow, open_review
from kiosk.ui.review.dashboard import box_stats
from kiosk.ui.review.export import export_csv, export_pdf
from kiosk.ui.review.login import CreateAdminDialog, LoginDialog
from kiosk.ui.review.table_model import PAGE

from .conftest import PW


def _window(qtbot, db, settings, user) -> ReviewWindow:
    window = open_review(None, db, settings, user)
    assert window is not None
    qtbot.addWidget(window)
    return window


def test_officer_cannot_open_review(qtbot, db, settings, users):
    assert open_review(None, db, settings, users["off"]) is None
    assert open_review(None, db, settings, None) is None
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, ReviewWindow)]
    with pytest.raises(AccessDenied):
        ReviewWindow(db, settings, users["off"])
    assert audit.recent(db, 1)[0].action == "review_denied"
    for box in QApplication.topLevelWidgets():
        box.close()


def test_first_run_creates_the_admin(qtbot, db):
    dialog = CreateAdminDialog(db)
    qtbot.addWidget(dialog)
    dialog.username.setText("chief")
    dialog.password.setText(PW)
    dialog.repeat.setText("something else entirely")
    dialog.submit()
    assert dialog.session is None and "differ" in dialog.error.text()
    dialog.repeat.setText(PW)
    dialog.submit()
    assert dialog.session.role == "admin" and accounts.has_users(db)


def test_login_flow_logs_in_and_locks_out(qtbot, db, settings, users):
    dialog = LoginDialog(db, settings)
    qtbot.addWidget(dialog)
    dialog.username.setText("rev")
    for _ in range(settings.max_failed_logins):
        dialog.password.setText("wrong-wrong-wrong")
        dialog.submit()
        assert dialog.session is None and "wrong user name or password" in dialog.error.text()
    dialog.password.setText(PW)
    dialog.submit()
    assert dialog.session is None and "locked" in dialog.error.text()

    def fill() -> None:  # the modal dialog that login_flow runs
        modal = QApplication.activeModalWidget()
        modal.username.setText("root")
        modal.password.setText(PW)
        modal.submit()

    QTimer.singleShot(0, fill)
    session = login_flow(None, db, settings)
    assert session is not None and session.username == "root" and session.is_admin


def test_filter_sort_open_confirm_export(qtbot, db, settings, users, cases, tmp_path):
    window = _window(qtbot, db, settings, users["rev"])
    assert window.model.total == 5
    window.decision.setCurrentIndex(window.decision.findData("flag"))
    assert window.model.total == 3 and {c.decision for c in window.model.rows} == {"flag"}
    window.station.setCurrentIndex(window.station.findData("gate-1"))
    assert window.model.total == 2
    window.station.setCurrentIndex(0)
    window.decision.setCurrentIndex(0)
    window.search.setText("ünï")  # typed non-ASCII: QTest.keyClicks aborts on it offscreen
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert [c.traveller_ref for c in window.model.rows] == ["Ünï 1"]
    window.search.clear()
    assert window.model.total == 5
    window.table.sortByColumn(7, Qt.SortOrder.AscendingOrder)  # traveller reference
    shown = [window.model.index(r, 7).data() for r in range(window.model.rowCount())]
    assert shown == sorted(shown)
    # open the first row and confirm it with a note
    window.table.selectRow(0)
    case_id = window.selected_ids()[0]
    dialog = window.open_case(case_id)
    assert dialog.image.has_image() and dialog.heatmap.has_image()
    assert dialog.probs.rowCount() == 6
    dialog.note.setPlainText("sent to PCR desk")
    qtbot.mouseClick(dialog.buttons["confirm"], Qt.MouseButton.LeftButton)
    assert "confirmed" in dialog.info.text() and "sent to PCR desk" in dialog.history.text()
    dialog.apply_outcome("pcr_positive")
    row = next(c for c in list_cases(db) if c.id == case_id)
    assert (row.review_status, row.outcome) == ("confirmed", "pcr_positive")
    window.status.setCurrentIndex(window.status.findData("confirmed"))
    assert [c.id for c in window.model.rows] == [case_id]
    window.status.setCurrentIndex(0)
    # export two selected rows
    selection = window.table.selectionModel()
    selection.clearSelection()
    for r in (0, 1):
        selection.select(
            window.model.index(r, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    ids = window.selected_ids()
    assert len(ids) == 2
    out = tmp_path / "export.csv"
    assert export_csv(db, users["rev"], ids, out) == 2
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {r["case_id"] for r in rows} == set(ids) and all(r["probabilities"] for r in rows)
    pdf = tmp_path / "report.pdf"
    assert export_pdf(db, users["rev"], ids, pdf) == 2
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5000  # images embedded
    actions = [e.action for e in audit.recent(db, 10)]
    assert {"case_viewed", "case_confirmed", "case_outcome", "export_csv", "export_pdf"} <= set(actions)
    with pytest.raises(AccessDenied):
        export_csv(db, users["off"], ids, tmp_path / "no.csv")
    assert audit.verify(db).ok
    window.close()


def test_csv_export_neutralises_formulas(qtbot, db, users, tmp_path):
    from tests.store.conftest import insert_rows

    ids = insert_rows(db, [{"ref": '=HYPERLINK("http://x")'}])
    out = tmp_path / "x.csv"
    export_csv(db, users["root"], ids, out)
    assert list(csv.DictReader(out.open()))[0]["traveller_ref"].startswith("'=")


def test_table_pages_lazily(qtbot, db, settings, users):
    from tests.store.conftest import insert_rows

    insert_rows(db, [{"p": (i % 100) / 100} for i in range(PAGE * 2 + 50)])
    window = _window(qtbot, db, settings, users["rev"])
    assert window.model.total == PAGE * 2 + 50 and window.model.rowCount() == PAGE
    while window.model.canFetchMore():
        window.model.fetchMore()
    assert window.model.rowCount() == PAGE * 2 + 50
    assert len({c.id for c in window.model.rows}) == PAGE * 2 + 50
    window.close()


def test_dashboard_plots_and_ppv(qtbot, db, settings, users, cases):
    window = _window(qtbot, db, settings, users["root"])
    for cid, outcome in zip(cases[:2], ("pcr_positive", "pcr_negative"), strict=True):
        reviews.review_case(db, users["root"], cid, "confirm", "sent to PCR")
        reviews.record_outcome(db, users["root"], cid, outcome)
    window.tabs.setCurrentIndex(1)
    dash = window.dashboard
    assert dash.data is not None and len(dash.data.decisions) == 5
    assert "50.0%" in dash.ppv_label.text()
    mpox = np.array(
        [p for c, p in zip(dash.data.top_classes, dash.data.top_probabilities, strict=True) if c == "mpox"]
    )
    assert dash.box_values["mpox"][2] == pytest.approx(float(np.median(mpox)))
    [bars] = [i for i in dash.decision_mix.getPlotItem().items if isinstance(i, pg.BarGraphItem)]
    assert list(bars.opts["height"]) == [3, 2, 0]  # flag, review, clear
    window.close()


def test_box_stats_follow_tukey():
    values = np.array([0.1, 0.5, 0.55, 0.6, 0.62, 0.65, 0.7])
    low, q1, med, q3, high = box_stats(values)
    assert (q1, med, q3) == pytest.approx(tuple(np.percentile(values, [25, 50, 75])))
    assert low == 0.5 and high == 0.7  # 0.1 is an outlier beyond 1.5 IQR


def test_inactivity_logs_off(qtbot, db, settings, users):
    window = _window(qtbot, db, settings, users["rev"])
    with qtbot.waitSignal(window.logged_off, timeout=5000) as blocker:
        window.session.watcher.set_interval_ms(30)
    assert blocker.args == ["inactivity"]
    entry = audit.recent(db, 1)[0]
    assert (entry.action, entry.details) == ("logout", '{"reason": "inactivity"}')
    assert not window.isVisible()
