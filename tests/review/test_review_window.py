"""The review screens, offscreen with real widgets and a real SQLite case log."""

from __future__ import annotations

import csv
import re
from datetime import UTC, datetime, timedelta

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
from kiosk.ui.review.table_model import COLUMNS, PAGE

from .conftest import PW


def _window(qtbot, db, settings, user) -> ReviewWindow:
    window = open_review(None, db, settings, user)
    assert window is not None
    qtbot.addWidget(window)
    listed(qtbot, window)
    return window


def listed(qtbot, window: ReviewWindow):
    """The case list once the loader answered: it reads the database in its own thread."""
    qtbot.waitUntil(lambda: not window.model.loading, timeout=10000)
    return window.model


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
    assert dialog.password.text() == dialog.repeat.text() == ""  # both typed again
    dialog.password.setText(PW)
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
    assert listed(qtbot, window).total == 5
    window.decision.setCurrentIndex(window.decision.findData("flag"))
    assert listed(qtbot, window).total == 3 and {c.decision for c in listed(qtbot, window).rows} == {"flag"}
    window.station.setCurrentIndex(window.station.findData("gate-1"))
    assert listed(qtbot, window).total == 2
    window.station.setCurrentIndex(0)
    window.decision.setCurrentIndex(0)
    window.search.setText("ünï 1")  # typed non-ASCII: QTest.keyClicks aborts on it offscreen
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert [c.traveller_ref for c in listed(qtbot, window).rows] == ["Ünï 1"]
    window.search.clear()
    assert listed(qtbot, window).total == 5
    ref = [k for k, _ in COLUMNS].index("traveller_ref")
    assert not window.model.sortable(ref)  # sealed at rest: an order of ciphertexts would mean nothing
    prob = [k for k, _ in COLUMNS].index("top_probability")
    window.table.sortByColumn(prob, Qt.SortOrder.AscendingOrder)
    shown = [window.model.index(r, prob).data() for r in range(listed(qtbot, window).rowCount())]
    assert shown == sorted(shown)
    # open the first row and confirm it with a note
    window.table.selectRow(0)
    case_id = window.selected_ids()[0]
    dialog = window.open_case(case_id)
    dialog.ask = lambda title, text: True  # every change is confirmed in a dialog (tested below)
    assert dialog.image.has_image() and dialog.heatmap.has_image()
    assert dialog.probs.rowCount() == 6
    dialog.note.setPlainText("sent to PCR desk")
    qtbot.mouseClick(dialog.buttons["confirm"], Qt.MouseButton.LeftButton)
    assert "confirmed" in dialog.info.text().lower() and "sent to PCR desk" in dialog.history.text()
    dialog.apply_outcome("pcr_positive")
    row = next(c for c in list_cases(db) if c.id == case_id)
    assert (row.review_status, row.outcome) == ("confirmed", "pcr_positive")
    window.status.setCurrentIndex(window.status.findData("confirmed"))
    assert [c.id for c in listed(qtbot, window).rows] == [case_id]
    window.status.setCurrentIndex(0)
    listed(qtbot, window)
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
    assert listed(qtbot, window).total == PAGE * 2 + 50 and listed(qtbot, window).rowCount() == PAGE
    while listed(qtbot, window).canFetchMore():  # as the view asks while scrolling: a page at a time
        window.model.fetchMore()
        assert window.model.loading and not window.model.canFetchMore()  # read in the loader's thread
    assert listed(qtbot, window).rowCount() == PAGE * 2 + 50
    assert len({c.id for c in listed(qtbot, window).rows}) == PAGE * 2 + 50
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
    # issue 27: axis titles say what they count, with no scale prefix ("Predicted class (x0.001)")
    for plot in (dash.per_hour, dash.per_day, dash.decision_mix, dash.class_mix, dash.boxes):
        for side in ("bottom", "left"):
            axis = plot.getAxis(side)
            axis.setRange(0, 0.004)  # a range that made pyqtgraph scale the title
            assert "x0." not in axis.labelString() and "(" not in axis.labelString().split("</span>")[0][-3:]
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


# --- review changes are explicit and confirmed (issue 12, item 5) ----------------------------------------


@pytest.fixture
def case_dialog(qtbot, db, settings, users, cases):
    window = _window(qtbot, db, settings, users["rev"])
    dialogs = []

    def open_case(index=0, answer=True):
        dialog = window.open_case(cases[index])
        asked = []
        dialog.ask = lambda title, text: asked.append((title, text)) or answer
        dialogs.append(dialog)
        return dialog, asked

    yield open_case
    window.close()


def _status(db, case_id):
    row = next(c for c in list_cases(db) if c.id == case_id)
    return row.review_status, row.outcome


def test_the_outcome_has_no_preselection(case_dialog, db, cases):
    dialog, asked = case_dialog()
    assert dialog.outcome.currentIndex() == -1 and dialog.outcome.currentData() is None
    assert not dialog.record_button.isEnabled()  # nothing chosen, and a pending case takes no outcome
    dialog.note.setPlainText("sent")
    dialog.buttons["confirm"].click()
    assert _status(db, cases[0]) == ("confirmed", None)
    assert dialog.outcome.currentIndex() == -1 and not dialog.record_button.isEnabled()
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("pcr_negative"))
    assert dialog.record_button.isEnabled()
    dialog.record_button.click()
    assert _status(db, cases[0]) == ("confirmed", "pcr_negative")
    assert "PCR negative" in asked[-1][1]


def test_every_review_change_asks_first_and_no_means_nothing_changes(case_dialog, db, cases):
    dialog, asked = case_dialog(answer=False)
    before = audit.recent(db, 1)[0].seq
    for action in ("confirm", "dismiss", "refer"):
        dialog.apply_review(action)
    assert len(asked) == 3 and _status(db, cases[0]) == ("pending", None)
    assert [e.action for e in audit.recent(db, 20) if e.seq > before] == []
    assert "Confirm" in asked[0][0] and cases[0] in asked[0][1]


def test_dismissing_a_confirmed_case_asks_for_a_note(case_dialog, db, cases):
    dialog, asked = case_dialog()
    dialog.apply_review("confirm")
    assert _status(db, cases[0]) == ("confirmed", None)
    n = len(asked)
    dialog.apply_review("dismiss")  # no note
    assert len(asked) == n and _status(db, cases[0]) == ("confirmed", None)  # not even asked
    assert "needs a note" in dialog.error.text() and dialog.note.hasFocus() is dialog.isActiveWindow()
    dialog.note.setPlainText("PCR desk says it was a burn")
    dialog.apply_review("dismiss")
    assert _status(db, cases[0]) == ("dismissed", None)
    assert "PCR desk says it was a burn" in asked[-1][1]


def test_a_store_refusal_is_shown_in_plain_words(case_dialog, db, cases, monkeypatch):
    dialog, _asked = case_dialog()
    dialog.apply_outcome("pcr_positive")  # on a pending case: the store refuses
    assert _status(db, cases[0]) == ("pending", None)
    assert (
        "confirm or refer it first" in dialog.error.text().lower()
        or "confirmed or referred" in dialog.error.text()
    )
    assert dialog.last_message is not None and dialog.last_message.text() == dialog.error.text()

    def broken(*_a, **_k):
        raise RuntimeError("(sqlite3.OperationalError) database is locked [SQL: UPDATE cases SET ...]")

    monkeypatch.setattr(reviews, "review_case", broken)
    dialog.apply_review("refer")
    assert "could not be saved" in dialog.error.text() and "SQL" not in dialog.error.text()


def test_the_confirmation_is_a_real_dialog(qtbot, db, settings, users, cases):
    window = _window(qtbot, db, settings, users["rev"])
    dialog = window.open_case(cases[1])
    seen = []

    def answer():
        box = QApplication.activeModalWidget()
        seen.append(f"{box.windowTitle()}: {box.text()}")
        box.button(box.StandardButton.Yes).click()

    QTimer.singleShot(0, answer)
    dialog.apply_review("refer")
    assert seen and seen[0].startswith("Refer case?: ") and _status(db, cases[1]) == ("referred", None)
    window.close()


# --- the login dialog (issue 12, item 7) -------------------------------------------------------------------


def _clipped(label) -> bool:
    return label.isVisible() and label.heightForWidth(label.width()) > label.height()


@pytest.mark.parametrize("size, scale", [((1280, 720), 1.0), ((1920, 1080), 1.5)])
def test_the_login_dialog_shows_its_whole_message_and_fields_never_overlap(
    qtbot, db, settings, users, size, scale
):
    from PySide6.QtWidgets import QMainWindow

    from kiosk.ui.style import style_sheet

    parent = QMainWindow()  # the screening window's style, as at a station
    parent.setStyleSheet(style_sheet(scale))
    parent.resize(*size)
    qtbot.addWidget(parent)
    parent.show()
    dialog = LoginDialog(db, settings, parent)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("rev")
    for _ in range(settings.max_failed_logins + 1):  # locked: the longest message the store gives
        dialog.password.setText("wrong-wrong-wrong")
        dialog.submit()
    qtbot.wait(50)
    assert dialog.error.text()
    for label in (dialog.intro, dialog.error):
        assert not _clipped(label), (label.text(), label.geometry(), label.heightForWidth(label.width()))
    fields = [dialog.username, dialog.password]
    assert not fields[0].geometry().intersects(fields[1].geometry())
    assert all(f.height() >= f.minimumSizeHint().height() for f in fields)
    assert dialog.width() <= size[0] and dialog.height() <= size[1]
    assert dialog.password.text() == "" and dialog.username.text() == "rev"
    assert QApplication.focusWidget() in (dialog.password, None)  # the next try goes to the password


def test_login_fields_have_a_fixed_tab_order_and_enter_in_the_name_moves_on(qtbot, db, settings, users):
    dialog = LoginDialog(db, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.focus_order() == [dialog.username, dialog.password, dialog.ok_button]
    dialog.username.setText("rev")
    dialog.username.returnPressed.emit()  # Enter after the name: to the password, no log-in attempt
    assert dialog.session is None and dialog.error.text() == ""
    assert not [e for e in audit.recent(db, 5) if e.action == "login_failed"]
    dialog.password.setText(PW)
    dialog.password.returnPressed.emit()
    assert dialog.session is not None and dialog.session.username == "rev"


def test_review_times_are_local(qtbot, db, settings, users, cases, monkeypatch):
    window = _window(qtbot, db, settings, users["rev"])
    assert "UTC" not in dict(COLUMNS)["captured_utc"]
    case = window.model.case_at(0)
    captured = case.captured_utc if case.captured_utc.tzinfo else case.captured_utc.replace(tzinfo=UTC)
    assert window.model.index(0, 1).data() == captured.astimezone().strftime("%Y-%m-%d\n%H:%M")
    dialog = window.open_case(case.id)
    assert captured.astimezone().strftime("%Y-%m-%d %H:%M:%S") in dialog.info.text()
    assert " UTC" not in dialog.info.text()
    window.close()


def test_the_decision_filter_sets_the_unrecognised_condition_apart(qtbot, db, settings, users, cases):
    """Issue 13: REVIEW because the condition is not one the model knows is a filter of its own."""
    window = _window(qtbot, db, settings, users["rev"])
    window.decision.setCurrentIndex(window.decision.findData("review:unknown_condition"))
    flt = window.current_filter()
    assert flt.decisions == ("review",) and flt.reason_codes == ("unknown_condition",)
    assert listed(qtbot, window).total == 0  # none of these cases was an unknown condition
    window.decision.setCurrentIndex(window.decision.findData("review"))
    assert window.current_filter().reason_codes == () and listed(qtbot, window).total > 0


# --- the review window for reviewers (issue 15) -------------------------------------------------------------


def _styled_window(qtbot, db, settings, user, size, scale):
    """The review window over a screening-like parent with the station's style, at a screen size."""
    from PySide6.QtWidgets import QMainWindow

    from kiosk.ui.style import style_sheet

    parent = QMainWindow()
    parent.setStyleSheet(style_sheet(scale))
    parent.resize(*size)
    qtbot.addWidget(parent)
    window = open_review(parent, db, settings, user)
    qtbot.addWidget(window)
    assert window.minimumSizeHint().width() <= size[0] and window.minimumSizeHint().height() <= size[1]
    assert window.minimumSize().width() <= size[0] and window.minimumSize().height() <= size[1]
    window.resize(*size)
    window.show()
    qtbot.wait(20)
    window.station_parent = parent  # kept alive as long as the window (Qt deletes a parent's children)
    return window


def _elided(table, index) -> list[str]:
    """The lines of a cell whose text does not fit its column (what the view would elide)."""
    from PySide6.QtWidgets import QStyle

    text = index.data()
    if not text:
        return []
    metrics = table.fontMetrics()
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    room = table.columnWidth(index.column()) - 2 * margin
    return [line for line in str(text).split("\n") if metrics.horizontalAdvance(line) > room]


def _fully_visible(widget, window) -> bool:
    top_left = widget.mapTo(window, widget.rect().topLeft())
    bottom = widget.mapTo(window, widget.rect().bottomRight())
    inside = 0 <= top_left.y() and bottom.y() < window.height() and bottom.x() < window.width()
    return widget.isVisible() and inside and not widget.visibleRegion().isEmpty()


@pytest.mark.parametrize("size, scale", [((1280, 720), 1.0), ((1920, 1080), 1.5)])
def test_columns_fit_their_text_and_the_count_lines_stay_on_screen(
    qtbot, db, settings, users, cases, size, scale
):
    reviews.review_case(db, users["rev"], cases[0], "confirm", "sent")
    reviews.record_outcome(db, users["rev"], cases[0], "pcr_positive")  # the longest review status
    window = _styled_window(qtbot, db, settings, users["rev"], size, scale)
    window.apply_filters()
    qtbot.wait(20)
    table, model = window.table, listed(qtbot, window)
    assert table.horizontalScrollBar().maximum() == 0  # every column on screen, none scrolled away
    header = table.horizontalHeader()
    for col in range(model.columnCount()):
        title = model.headerData(col, Qt.Orientation.Horizontal)
        assert header.sectionSize(col) >= header.fontMetrics().horizontalAdvance(title), title
        for row in range(model.rowCount()):
            assert not _elided(table, model.index(row, col)), (col, model.index(row, col).data())
    assert _fully_visible(window.count_label, window) and "5 case(s)" in window.count_label.text()
    window.tabs.setCurrentIndex(1)
    qtbot.wait(20)
    assert _fully_visible(window.dashboard.ppv_label, window)
    assert window.dashboard.ppv_label.text().startswith("Positive predictive value")
    assert window.dashboard.per_day.getPlotItem().getAxis("left").labelText == "Flagged cases"
    assert window.dashboard.boxes.getPlotItem().getAxis("bottom").labelText == "Predicted class"
    window.close()


def test_p_mpox_column_and_thumbnails(qtbot, db, settings, users, cases):
    from kiosk.store.retention import purge_images

    window = _window(qtbot, db, settings, users["rev"])
    model = listed(qtbot, window)
    col = [k for k, _ in COLUMNS].index("p_mpox")
    by_class = {model.case_at(r).top_class: model.index(r, col).data() for r in range(model.rowCount())}
    assert by_class["mpox"] == "90.0%" and by_class["measles"] == "2.0%"  # make_record: 0.9 / 0.02
    assert all(model.case_at(r).p_mpox is not None for r in range(model.rowCount()))
    case = model.case_at(0)
    assert model.thumbnail_state(case) == "loading"
    thumb = model.index(0, 0).data(Qt.ItemDataRole.DecorationRole)  # a visible row asks for it ...
    assert thumb.cacheKey() == model.placeholders["loading"].cacheKey()
    qtbot.waitUntil(lambda: model.thumbnail_state(case) == "image", timeout=3000)  # ... decrypted after
    thumb = model.index(0, 0).data(Qt.ItemDataRole.DecorationRole)
    assert max(thumb.width(), thumb.height()) <= 64 and thumb.width() == 64  # 64x48 picture, scaled down
    purge_images(db, 0, "root", now=datetime.now(UTC) + timedelta(days=1))
    window.apply_filters()
    listed(qtbot, window)
    assert not model.case_at(0).has_images and model.thumbnail_state(model.case_at(0)) == "purged"
    purged = model.index(0, 0).data(Qt.ItemDataRole.DecorationRole)
    assert purged.cacheKey() == model.placeholders["purged"].cacheKey()
    window.close()


def test_the_case_detail_is_in_plain_words(qtbot, db, settings, users, cases):
    window = _window(qtbot, db, settings, users["rev"])
    reviews.review_case(db, users["rev"], cases[0], "confirm", "sent")
    reviews.record_outcome(db, users["rev"], cases[0], "pcr_positive")
    dialog = window.open_case(cases[0])
    text = dialog.info.text() + dialog.history.text()
    for raw in ("skin_fraction", "pcr_positive", "flagged_classes", "{", "}", "'flag'"):
        assert raw not in text, raw
    assert "Flag threshold (Mpox): 0.50" in text and "Review threshold (top probability): 0.60" in text
    assert "Skin in view: 40%" in text and "PCR positive" in text and "FLAG · suspected Mpox" in text
    assert "p(mpox) 90.0%" in text
    window.close()


def test_exports_go_to_a_chosen_folder_remembered_per_user_private_with_pages_and_time(
    qtbot, db, settings, users, cases, tmp_path
):
    from pypdf import PdfReader

    from kiosk.ui.review.prefs import ReviewPrefs

    folders = {"rev": tmp_path / "rev-exports", "root": tmp_path / "root-exports"}
    for folder in folders.values():
        folder.mkdir()
    window = _window(qtbot, db, settings, users["rev"])
    asked = []
    window.ask_folder = lambda start: asked.append(start) or folders["rev"]
    window.table.selectAll()
    csv_path = window._export("csv")
    pdf_path = window._export("pdf")
    assert csv_path.parent == pdf_path.parent == folders["rev"]
    assert asked[0] != folders["rev"] and asked[1] == folders["rev"]  # the second export starts there
    for path in (csv_path, pdf_path):
        assert (path.stat().st_mode & 0o777) == 0o600, oct(path.stat().st_mode)
    assert len(list(csv.DictReader(csv_path.open(encoding="utf-8")))) == 5
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(pdf_path).pages]
    assert len(pages) >= 2 and all(f"page {i + 1} of {len(pages)}" in t for i, t in enumerate(pages))
    assert all(re.search(r"exported \d{4}-\d\d-\d\d \d\d:\d\d:\d\d by rev", t) for t in pages)
    assert "skin_fraction" not in "".join(pages) and "Flag threshold (Mpox)" in "".join(pages)
    window.close()
    # remembered per user: another reviewer starts elsewhere; the first one's folder is kept for them
    prefs = ReviewPrefs(settings.data_dir)
    assert prefs.export_folder("rev") == folders["rev"].resolve() and prefs.export_folder("root") is None
    other = _window(qtbot, db, settings, users["root"])
    assert other.export_folder() != folders["rev"].resolve()
    again = _window(qtbot, db, settings, users["rev"])
    assert again.export_folder() == folders["rev"].resolve()
    # cancelling the folder dialog exports nothing
    again.table.selectAll()
    again.ask_folder = lambda start: None
    assert again._export("csv") is None and len(list(folders["rev"].iterdir())) == 2
    other.close()
    again.close()


def test_the_search_takes_a_case_id_start(qtbot, db, settings, users, cases):
    window = _window(qtbot, db, settings, users["rev"])
    window.search.setText(cases[2][:8].upper())  # as read off the referral slip
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert [c.id for c in listed(qtbot, window).rows] == [cases[2]]
    window.search.setText("p1")  # a part of a traveller reference does not match: it is sealed at rest
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert listed(qtbot, window).rows == []
    window.search.setText(" p100 ")  # the whole one does, whatever its case and spacing
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert [c.traveller_ref for c in listed(qtbot, window).rows] == ["P100"]
    window.close()


def test_enter_searches_in_the_search_field_and_opens_a_case_in_the_table(qtbot, db, settings, users, cases):
    """A shown window that has drawn: Enter in the search field runs the search (the "Open case" shortcut
    used to take it window-wide and open the selected case instead); Enter in the table opens the case."""
    from kiosk.ui.review.detail import CaseDetailDialog

    window = _window(qtbot, db, settings, users["rev"])
    window.show()
    qtbot.waitExposed(window)
    window.table.selectRow(0)
    qtbot.wait(50)  # the window has drawn and its shortcuts are live
    opened = []
    window.open_case = lambda case_id: opened.append(case_id)
    window.search.setFocus()
    window.search.setText("P200")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert [c.traveller_ref for c in listed(qtbot, window).rows] == ["P200"] and opened == []
    window.table.setFocus()
    window.table.selectRow(0)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert opened == [listed(qtbot, window).rows[0].id]
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, CaseDetailDialog) and w.isVisible()
    ]
    window.close()


# --- the station's language (issue 15, "Languages") -------------------------------------------------------


@pytest.fixture
def station_language(qapp):
    """Install a station language (as Station.build does before any window); English again afterwards."""
    from kiosk.ui import i18n

    yield i18n.install
    i18n.install("en")


REVIEW_TEXTS = {
    "fr": {
        "headers": ["Image", "Heure", "Poste", "Décision", "Prédiction", "Relecture", "N° de cas"],
        "title": "Relecture des cas · rev (relecteur)",
        "tabs": ("Cas", "Tableau de bord"),
        "menu": "&Cas",
        "count": "5 cas correspondants · 5 chargés",
        "decisions": ("Toutes les décisions", "ALERTE"),
        "search": "Chercher une réf. voyageur ou un n° de cas",
        "axis": "Cas signalés",
    },
    "ar": {
        "headers": ["الصورة", "الوقت", "المحطة", "القرار", "التنبؤ", "المراجعة", "رقم الحالة"],
        "title": "مراجعة الحالات · rev (مراجع)",
        "tabs": ("الحالات", "لوحة المعلومات"),
        "menu": "ال&حالات",
        "count": "5 حالة مطابقة · 5 محمّلة",
        "decisions": ("كل القرارات", "تنبيه"),
        "search": "ابحث عن مرجع مسافر أو رقم حالة",
        "axis": "الحالات المُنبَّه عليها",
    },
}


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_review_window_speaks_the_station_language(
    qtbot, db, settings, users, cases, station_language, lang
):
    station_language(lang)
    want = REVIEW_TEXTS[lang]
    window = _styled_window(qtbot, db, settings, users["rev"], (1280, 720), 1.0)
    model = listed(qtbot, window)
    keys = ["thumbnail", "captured_utc", "station_id", "decision", "top_class", "review_status", "id"]
    columns = [key for key, _ in COLUMNS]
    headers = [model.headerData(columns.index(k), Qt.Orientation.Horizontal) for k in keys]
    assert headers == want["headers"]
    assert window.windowTitle() == want["title"]
    assert (window.tabs.tabText(0), window.tabs.tabText(1)) == want["tabs"]
    assert window.menuBar().actions()[0].text() == want["menu"]
    assert window.count_label.text() == want["count"]
    assert (window.decision.itemText(0), window.decision.itemText(1)) == want["decisions"]
    assert window.search.placeholderText() == want["search"]
    decision_col = columns.index("decision")
    shown = {model.index(row, decision_col).data() for row in range(model.rowCount())}
    assert want["decisions"][1] in shown and "FLAG" not in shown
    assert window.dashboard.per_day.getPlotItem().getAxis("left").labelText == want["axis"]
    dialog = window.open_case(cases[0])
    assert "FLAG" not in dialog.windowTitle() and dialog.buttons["confirm"].text() != "&Confirm (send to PCR)"
    assert "Flag threshold" not in dialog.info.text() and "Skin in view" not in dialog.info.text()
    dialog.close()

    rtl = Qt.LayoutDirection.RightToLeft
    right_to_left = lang == "ar"
    assert (window.layoutDirection() == rtl) is right_to_left
    assert (window.table.layoutDirection() == rtl) is right_to_left
    header = window.table.horizontalHeader()
    # the first column (the thumbnail) at the right in Arabic, the traveller reference at the left
    first, last = header.sectionViewportPosition(0), header.sectionViewportPosition(len(COLUMNS) - 1)
    assert (first > last) is right_to_left
    # the filter bar mirrored: "from" and its dates at the right, the search box at their left
    x = {w: w.mapTo(window, w.rect().center()).x() for w in (window.use_dates, window.search)}
    assert (x[window.use_dates] > x[window.search]) is right_to_left
    window.close()


def test_columns_fit_their_text_in_french(qtbot, db, settings, users, cases, station_language):
    """The layout check of the English table, with the French headers and words (longer than the English)."""
    station_language("fr")
    reviews.review_case(db, users["rev"], cases[0], "confirm", "sent")
    reviews.record_outcome(db, users["rev"], cases[0], "pcr_positive")
    window = _styled_window(qtbot, db, settings, users["rev"], (1280, 720), 1.0)
    window.apply_filters()
    qtbot.wait(20)
    table, model = window.table, listed(qtbot, window)
    assert table.horizontalScrollBar().maximum() == 0
    header = table.horizontalHeader()
    for col in range(model.columnCount()):
        title = model.headerData(col, Qt.Orientation.Horizontal)
        assert header.sectionSize(col) >= header.fontMetrics().horizontalAdvance(title), title
        for row in range(model.rowCount()):
            assert not _elided(table, model.index(row, col)), (col, model.index(row, col).data())
    assert _fully_visible(window.count_label, window)
    window.close()


STORE_ERROR_TEXTS = {
    "fr": {
        "missing": "Le fichier de l'image est absent",
        "gone": "Ce cas n'est plus dans la base des cas",
        "technical": "Détail technique (pour l'administrateur) : ",
        "refusal": "Un cas au statut « {status} » ne peut pas être modifié par "
        "« Confirmer (envoyer en PCR) ».",
    },
    "ar": {
        "missing": "ملف الصورة غير موجود",
        "gone": "لم تعد هذه الحالة موجودة في قاعدة بيانات الحالات",
        "technical": "تفاصيل تقنية (للمسؤول): ",
        "refusal": "لا يمكن تغيير حالة في وضع «{status}» بالإجراء «تأكيد (إرسال إلى PCR)».",
    },
}


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_stores_errors_are_told_in_the_station_language(
    qtbot, db, settings, users, cases, station_language, monkeypatch, lang
):
    """A missing picture, a case deleted meanwhile and a review rule's refusal naming an action: the
    reviewer's line in the station's language, the store's English words only on the technical-detail line."""
    from kiosk.store.errors import RuleRefused
    from kiosk.ui.review.wording import status_text

    station_language(lang)
    want = STORE_ERROR_TEXTS[lang]
    window = _window(qtbot, db, settings, users["rev"])
    detail = reviews.view_case(db, users["rev"], cases[0])
    (db.media.root / detail.image_path).unlink()
    dialog = window.open_case(cases[0])
    assert not dialog.image.has_image()
    assert (
        dialog.image.placeholder.startswith(want["missing"]) and "image file" not in dialog.image.placeholder
    )
    assert dialog.image.toolTip().startswith(want["technical"]) and "is missing" in dialog.image.toolTip()

    # the refusal of a rule names the action as its button does, the status as the case list does
    text = "A {status} case cannot be changed with '{action}'."
    refused = RuleRefused(text, text, {"status": "referred", "action": "confirm"})
    monkeypatch.setattr(reviews, "review_case", lambda *_a, **_k: (_ for _ in ()).throw(refused))
    dialog.ask = lambda _title, _text: True
    dialog.apply_review("confirm")
    referred = status_text("referred").lower()
    assert dialog.error.text() == want["refusal"].replace("{status}", referred)
    assert "'confirm'" not in dialog.error.text() and "&" not in dialog.error.text()
    dialog.close()

    reviews.delete_case(db, users["root"], cases[1], "traveller asked")
    assert window.open_case(cases[1]) is None
    shown = window.last_message.text()
    line, technical = shown.split("\n")
    assert line.startswith(want["gone"]) and "does not exist" not in line
    assert technical.startswith(want["technical"]) and "does not exist" in technical
    assert (window.last_message.layoutDirection() == Qt.LayoutDirection.RightToLeft) is (lang == "ar")
    window.close()

    # the case writer's line when it names no problem is marked and translated too
    from kiosk.store.writer import STATUS_OK
    from kiosk.ui.i18n import tr

    ok_line = tr("CaseWriter", STATUS_OK)
    assert ok_line != STATUS_OK and "{written}" in ok_line and "{n}" in ok_line


def test_a_row_edited_outside_the_station_is_a_damaged_case_not_a_traceback(
    qtbot, db, settings, users, cases
):
    """Issue 27 item 4: a malformed row (captured_utc an integer) made Ctrl+R do nothing and verify-audit
    crash; the list now shows it (dated 1970, far from any real case) and verify-audit reports tampering."""
    from sqlalchemy import text

    from kiosk.store import audit
    from kiosk.store.schema import DAMAGED_TIME

    with db.engine.begin() as conn:
        conn.execute(text("UPDATE cases SET captured_utc = 12345 WHERE id = :i"), {"i": cases[0]})
    window = _window(qtbot, db, settings, users["rev"])
    assert listed(qtbot, window).total == 5
    by_id = {c.id: c for c in listed(qtbot, window).rows}
    assert by_id[cases[0]].captured_utc == DAMAGED_TIME
    report = audit.verify(db)
    assert not report.ok and any(
        cases[0] in p and "changed outside the station" in p for p in report.problems
    )
    window.close()


def test_the_reviewer_records_what_the_case_turned_out_to_be(case_dialog, db, cases, tmp_path):
    """Issue 28, item 1: a confirmed label from the case screen, no pre-selection, another condition named,
    a change of label only with a note; the history, the case text and the CSV export say it."""
    from kiosk.ui.review.export import export_csv

    dialog, asked = case_dialog()
    assert dialog.label.currentIndex() == -1 and not dialog.label_button.isEnabled()
    dialog.label.setCurrentIndex(dialog.label.findData("other_condition"))
    assert dialog.label_detail.isEnabled() and not dialog.label_button.isEnabled()  # the name is missing
    dialog.label_detail.setText("scabies")
    assert dialog.label_button.isEnabled()
    dialog.label_button.click()
    assert "scabies" in asked[-1][1]
    detail = reviews.view_case(db, dialog.user, cases[0])
    assert (detail.confirmed_label, detail.confirmed_detail) == ("other_condition", "scabies")
    assert "scabies" in dialog.info.text() and "confirmed label" in dialog.history.text()
    assert dialog.label.currentIndex() == -1  # chosen anew for the next change
    dialog.label.setCurrentIndex(dialog.label.findData("mpox"))
    dialog.label_button.click()  # a change without a note: asked for one, nothing stored
    assert "note" in dialog.error.text() and len(asked) == 1
    dialog.note.setPlainText("PCR positive after all")
    dialog.label_button.click()
    assert reviews.view_case(db, dialog.user, cases[0]).confirmed_label == "mpox"
    path = tmp_path / "labels.csv"
    export_csv(db, dialog.user, [cases[0]], path)
    header, row = path.read_text(encoding="utf-8").splitlines()[:2]
    assert header.endswith("confirmed_label,confirmed_detail") and row.endswith("mpox,")


def test_a_slow_or_failing_database_never_holds_up_the_window(qtbot, db, settings, users, cases, monkeypatch):
    """The case list is counted and read in the loader's thread: while a slow (shared, far) database answers,
    the window goes on and says it is reading; a refusal is said in plain words and the rows stay."""
    import threading
    import time as clock

    import kiosk.ui.review.table_model as table_model
    from kiosk.store.errors import StoreError

    window = _window(qtbot, db, settings, users["rev"])
    before = [c.id for c in window.model.rows]
    real_list, gate = table_model.list_cases, threading.Event()

    def slow_list(*args, **kwargs):
        gate.wait(10)  # the database takes its time
        return real_list(*args, **kwargs)

    monkeypatch.setattr(table_model, "list_cases", slow_list)
    started = clock.perf_counter()
    window.decision.setCurrentIndex(window.decision.findData("flag"))
    assert clock.perf_counter() - started < 0.5  # the GUI thread did not wait for the database
    assert window.model.loading and "Reading the cases" in window.count_label.text()
    assert [c.id for c in window.model.rows] == before  # the old rows stay until the answer
    gate.set()
    assert listed(qtbot, window).total == 3 and "3 case(s) match" in window.count_label.text()

    def refusing(*args, **kwargs):
        raise StoreError("the database server cannot be reached")

    monkeypatch.setattr(table_model, "count_cases", refusing)
    window.decision.setCurrentIndex(0)
    model = listed(qtbot, window)
    assert model.error is not None and model.total == 3 and len(model.rows) == 3
    from kiosk.ui.review.wording import store_error_text

    said = window.count_label.text()
    assert said == store_error_text(model.error) and said and "case(s) match" not in said
    window.close()
