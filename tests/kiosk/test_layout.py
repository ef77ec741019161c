"""Issue 15: one layout from 1280x720 to 4K. At each size, with a result on screen, no visible label, button
or check box is cut off (Qt measures the text against the room the widget has) and the banner keeps to two
lines."""

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QLabel, QSlider

from ..conftest import one_hot_probs
from .test_result_panel import fits_one_line
from .test_window import station_for  # noqa: F401  (fixture)

SIZES = [(1280, 720), (1600, 1000), (3840, 2160)]


@pytest.fixture(params=["off", "panel"], ids=["no traveller panel", "traveller panel"])
def kiosk_config(request, kiosk_config):  # noqa: F811 - with and without the traveller's panel beside the result
    from kiosk.config import PrivacyConfig, TravellerConfig

    return replace(
        kiosk_config,
        traveller=TravellerConfig(screen=request.param),
        privacy=PrivacyConfig(legal_basis="consent"),  # the consent button too: the fullest row
    )


def clipped(window) -> list[str]:
    """Visible single-line texts wider than their widget's room (word-wrapped and rich-text labels wrap)."""
    found = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if not widget.isVisibleTo(window) or widget.width() <= 1:
            continue
        text = widget.text()
        if not text or (
            isinstance(widget, QLabel)
            and (widget.wordWrap() or widget.textFormat() == Qt.TextFormat.RichText or "<" in text)
        ):
            continue
        if isinstance(widget, QAbstractButton):  # a button's text, icon and indicator, as Qt lays them out
            needed, room = widget.sizeHint().width(), widget.width()
        else:
            needed = max(QFontMetrics(widget.font()).horizontalAdvance(line) for line in text.split("\n"))
            room = (
                widget.contentsRect().width() - 2 * widget.margin() - widget.indent() * (widget.indent() > 0)
            )
        if needed > room + 1:
            found.append(f"{widget.__class__.__name__} {text!r}: needs {needed} px, has {room}")
    return found


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_nothing_is_cut_off_and_the_banner_keeps_two_lines(qtbot, station_for, size):  # noqa: F811
    station, window = station_for(one_hot_probs("mpox", 0.9))
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(
        lambda: window.banner_kind == "flag" or str(window.banner_kind).endswith("FLAG"), timeout=10000
    )
    # The status bar's texts change on a timer and are laid out on a later pass of the event loop: on a
    # loaded machine a label can be measured between the two. A text that stays cut off still fails here.
    try:
        qtbot.waitUntil(lambda: clipped(window) == [], timeout=3000)
    except qtbot.TimeoutError:
        pass
    assert clipped(window) == []
    # The check sees a cut-off text: a status label given more than its room.
    label = window.status_device
    saved = label.text()
    label.setText(saved + " " + "x" * 400)
    assert any("xxxx" in problem for problem in clipped(window))
    label.setText(saved)
    sliders = [w for w in window.findChildren(QSlider) if w.isVisibleTo(window)]
    assert sliders and all(w.width() >= 100 for w in sliders)  # the opacity slider is not a stub
    # The banner: each line fits at the size it is drawn at (the decision word on its own line if need be).
    banner = window.banner
    assert banner.headline and banner.action and len(banner.lines) <= 3
    for text, px, weight in banner.lines:
        assert fits_one_line(banner, text, px, weight), text


MRZ = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
@pytest.mark.parametrize("language", ["en", "fr", "es", "pt", "ar", "zh_CN"])
def test_logged_in_in_every_language_the_window_keeps_its_size_and_the_decision_is_the_largest_text(
    qtbot,
    station_for,  # noqa: F811
    language,
    size,
):
    """Issue 27 (the safety part): once a reviewer is logged in, in every language, the window stays at the
    screen's size (it grew to 1,300-1,500 px in French and Arabic), a passport's MRZ line as the reference
    does not widen it, nothing is cut off, and the REVIEW banner's headline is the largest text on screen."""
    from kiosk.ui import i18n

    try:
        station, window = station_for(one_hot_probs("eczema", 0.45), language=language)
        assert i18n.current_language() == language
        window.login_required = True
        window.set_user("amelie.dupont-moreau", "reviewer", True)  # a long name widened it to 1,353 px

        def at_size() -> bool:  # a first resize can be undone by the first layout pass after the log-in
            if (window.width(), window.height()) != size:
                window.resize(*size)
            return (window.width(), window.height()) == size

        qtbot.waitUntil(at_size, timeout=5000)
        window.ref_edit.setText(MRZ)
        with qtbot.waitSignal(window.outcome_shown, timeout=10000):
            window.capture_now()
        assert window.banner_kind == "review" and window.review_button.isVisible()
        qtbot.wait(50)  # the relayout after the result
        assert (window.width(), window.height()) == size
        try:
            qtbot.waitUntil(lambda: clipped(window) == [], timeout=3000)
        except qtbot.TimeoutError:
            pass
        assert clipped(window) == []
        # whether cases are saved is never cut off the status bar, whatever the language, also in its longest
        # form (the French line was cut at 1280 px while the database came last)
        from kiosk.ui.screening.status_bar import DATABASE_STATES

        window.status_bar.set_database_state(i18n.tr("ScreeningWindow", DATABASE_STATES["unavailable"]))
        qtbot.wait(20)
        db = window.status_db
        left = db.mapTo(window.statusBar(), db.rect().topLeft()).x()
        assert 0 <= left and left + db.sizeHint().width() <= window.statusBar().width(), db.text()
        head_px, _ = window.banner.sizes
        others = [
            w.font().pixelSize() if w.font().pixelSize() > 0 else round(w.font().pointSizeF() * 96 / 72)
            for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton)
            if w.isVisibleTo(window) and w is not window.banner
        ]
        largest = max(others)
        assert head_px > largest, f"headline {head_px} px, another text {largest} px"
        assert head_px >= 26 * size[1] / 720  # read from two metres: about 1 cm capitals on a 15" screen
    finally:
        i18n.install("en")
