"""Issue 15, "Say what to do": the screening window's banner says the officer's next step, the status text the
result's time; the result fades to "Ready" after the configured time; the chart marks the flag threshold; the
heatmap says which class it explains and outlines the square the model saw.

Most tests feed the real window (offscreen) made-up results: one per decision and reason, without a model.
The last ones go through a Station built from a configuration file."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import numpy as np
import pytest
from PySide6.QtGui import QFont, QFontMetrics

from kiosk.config import ConfigError, ModelConfig, parse_config
from kiosk.inference import ScreeningResult
from kiosk.ui.screening_window import ScreeningWindow
from kiosk.ui.style import CHART_COLOURS, banner_lines
from kiosk.ui.widgets import local_time
from kiosk.workers import ScreenOutcome, ScreenRequest
from models.decision import Decision, ReasonCode, Thresholds, Verdict
from models.preprocessing import square_crop_box
from models.quality import QualityReport, QualityStatus
from models.taxonomy import CLASSES

THRESHOLDS = Thresholds(flag=0.36, review=0.6, flagged_classes=("mpox",))
WHEN = datetime(2026, 11, 30, 13, 5, 9, tzinfo=UTC)
IMAGE = np.full((90, 160, 3), 120, np.uint8)  # wide: the model sees the centred 90x90 square


def result(decision, reason_code, ranked=(), flagged=None, top=None, heatmap=True):
    decision = Decision(decision)
    verdict = None
    if decision is not Decision.RETAKE or reason_code == "not_skin":
        verdict = Verdict(
            decision,
            top if decision is not Decision.RETAKE else None,
            dict(ranked).get(top) if top else None,
            list(ranked),
            "why",
            ReasonCode(reason_code),
            flagged_class=flagged,
        )
    return ScreeningResult(
        mode="capture",
        decision=decision,
        reason="retake: too dark" if decision is Decision.RETAKE else "why",
        image=IMAGE,
        quality=QualityReport(QualityStatus.OK, ()),
        verdict=verdict,
        probabilities=dict(ranked),
        heatmap=np.linspace(0, 1, 90 * 160).reshape(90, 160) if heatmap else None,
        thresholds=THRESHOLDS,
        captured_utc=WHEN,
        reason_code=ReasonCode(reason_code),
    )


FLAG = result(
    "flag", "flag_threshold", [("chickenpox", 0.5), ("mpox", 0.4), ("measles", 0.05)], "mpox", "chickenpox"
)
CASES = {
    "flag": (FLAG, "FLAG · suspected Mpox", "Send to secondary screening"),
    "review": (
        result("review", "low_confidence", [("eczema", 0.45), ("mpox", 0.2)], top="eczema"),
        "REVIEW · manual review needed",
        "Hold the traveller and ask the duty clinician",
    ),
    "unknown": (
        result("review", "unknown_condition", [("eczema", 0.45)], top="eczema", heatmap=False),
        "REVIEW · condition not recognised",
        "Hold the traveller and ask the duty clinician",
    ),
    "clear": (
        result("clear", "confident", [("eczema", 0.9), ("mpox", 0.05)], top="eczema"),
        "CLEAR · Eczema",
        "Let the traveller pass",
    ),
    "retake poor_quality": (
        result("retake", "poor_quality", heatmap=False),
        "RETAKE · image not usable",
        "Hold the camera steady, closer, in good light",
    ),
    "retake not_skin": (
        result("retake", "not_skin", heatmap=False),
        "RETAKE · not a skin close-up",
        "Point the camera at the affected skin",
    ),
}


@pytest.fixture
def window(qtbot):
    """The real screening window, without a camera or a model, at 1280x720."""
    w = ScreeningWindow(None, None, clear_result_after_s=60)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.stop_timers()


def show(window, r):
    window.show_outcome(ScreenOutcome(ScreenRequest("capture", r.image, generation=window._generation), r))


def fits_one_line(banner, text, px, weight):
    font = QFont(banner.font())
    font.setPixelSize(px)
    font.setWeight(weight)
    margins = banner.contentsMargins()
    room = banner.width() - margins.left() - margins.right()  # the icon's column is a margin
    return QFontMetrics(font).horizontalAdvance(text) <= room


@pytest.mark.parametrize("case", list(CASES))
def test_every_banner_says_what_to_do_in_at_most_two_lines(window, case):
    r, headline, action = CASES[case]
    show(window, r)
    assert window.banner_kind == r.decision
    assert (window.banner.headline, window.banner.action) == (headline, action)
    drawn = [text for text, _, _ in window.banner.lines]
    assert " · ".join(drawn[:-1]) == headline and drawn[-1] == action
    # At 1280x720 each line fits the banner's width in the size it is drawn at (none wraps), and the
    # decision word is the largest.
    head_px, act_px = window.banner.sizes
    assert head_px >= 26 and act_px >= 14
    for text, px, weight in window.banner.lines:
        assert fits_one_line(window.banner, text, px, weight), text
    assert head_px == max(px for _, px, _ in window.banner.lines)
    # The decision's icon at the banner's leading edge (resources/icons), inside the banner.
    icon = window.banner.icon_rect()
    assert window.banner.icon is not None and icon is not None
    assert window.banner.rect().contains(icon) and icon.width() >= 24
    assert not icon.intersects(window.banner.contentsRect())  # the text's room is beside it


def test_the_stations_states_have_no_decision_icon(window):
    window._show_idle()
    assert window.banner.icon is None and window.banner.icon_rect() is None


def test_the_window_keeps_the_decision_and_names_the_verdicts_flagged_class(window):
    # Issue 16 item 5: the decision travels as models.decision.Decision (strings only where stored or shown),
    # and the class a FLAG names is the one the verdict flagged, here not the top class.
    show(window, FLAG)
    assert window.banner_kind is Decision.FLAG
    assert FLAG.verdict.flagged_class == "mpox" and window.banner.headline == "FLAG · suspected Mpox"
    assert window.chart.values[0][0] == "chickenpox"  # the top bar is another class
    assert banner_lines(Decision.FLAG, ReasonCode.FLAG_THRESHOLD, "Mpox") == banner_lines("flag", "", "Mpox")
    assert CHART_COLOURS["flag"] == CHART_COLOURS[Decision.FLAG]  # a stored string finds the same colour
    show(window, CASES["retake not_skin"][0])
    assert window.banner_kind is Decision.RETAKE


def test_the_status_text_gives_the_results_local_time(window):
    show(window, FLAG)
    stamp = local_time(WHEN, "%H:%M:%S")
    assert len(stamp) == 8 and window.reason.text().startswith(f"{stamp} · ")
    show(window, CASES["retake not_skin"][0])
    assert window.reason.text().startswith(f"{stamp} · Too dark.")


def test_the_result_fades_to_ready_after_the_configured_time(qtbot, window):
    assert window.clear_timer.interval() == 60_000 and window.clear_timer.isSingleShot()
    show(window, FLAG)
    assert window.clear_timer.isActive() and window.banner_kind == "flag"
    window.clear_timer.setInterval(20)  # the test does not wait a minute
    window.clear_timer.start()
    qtbot.waitUntil(lambda: window.banner_kind == "idle", timeout=2000)
    assert window.banner.headline == "Ready · press Capture" and window.banner.action == ""
    assert not window.heatmap_view.has_image() and window.chart.values == []
    assert window.heatmap_caption.text() == "" and window.chart.threshold_marks == []


def test_the_chart_marks_the_flag_threshold_on_the_flagged_bar(window):
    show(window, FLAG)  # FLAG with chickenpox on top: the mpox bar reaches its mark
    chart = window.chart
    assert chart.values[0][0] == "chickenpox" and chart.threshold_marks == [("mpox", 0.36)]
    marked = [i for i, m in enumerate(chart._marks) if len(m.getData()[0])]
    assert marked == [1]  # the second bar, mpox's
    xs, ys = chart._marks[1].getData()
    assert list(xs) == [0.36, 0.36] and min(ys) < chart._ys[1] < max(ys)
    assert chart._mark_labels[1].textItem.toPlainText() == "flag 0.36"
    show(window, CASES["clear"][0])  # mpox is in the CLEAR's top 3, at 5 %: still marked, far below the mark
    assert chart.threshold_marks == [("mpox", 0.36)]
    assert chart.axes_shown
    show(window, CASES["retake poor_quality"][0])
    assert chart.threshold_marks == [] and all(len(m.getData()[0]) == 0 for m in chart._marks)
    assert not chart.axes_shown  # no empty scale where no class is named
    show(window, FLAG)
    assert chart.axes_shown and chart.values


def test_the_heatmap_names_its_class_and_outlines_the_square_the_model_saw(window):
    show(window, FLAG)
    assert window.heatmap_caption.text().startswith("Heatmap: where the model looked for Mpox")
    assert window.heatmap_view.outline == square_crop_box(90, 160) == (0, 35, 90, 90)
    # The outline is drawn: the pixels on its edge are not the picture's grey.
    shot = window.heatmap_view.grab().toImage()
    view = window.heatmap_view.rect()
    k = min(view.width() / 160, view.height() / 90)
    x = round((view.width() - 160 * k) / 2 + 35 * k) + 1
    y = view.height() // 2
    edge = {shot.pixelColor(x + dx, y + dy).name() for dx in (-1, 0, 1) for dy in range(0, 12)}
    assert edge & {"#ffffff", "#000000"}
    window.heatmap_toggle.setChecked(False)
    assert "heatmap off" in window.heatmap_caption.text() and window.heatmap_view.outline is not None
    show(window, CASES["retake not_skin"][0])
    assert "no heatmap" in window.heatmap_caption.text() and window.heatmap_view.outline is None


@pytest.mark.parametrize(
    "value, problem",
    [
        ("", "[station] review_instruction = ''"),
        ("x" * 61, "[station] review_instruction"),
        ("Hold the traveller\nand call", "[station] review_instruction"),
        (3, "[station] review_instruction = 3"),
    ],
)
def test_a_bad_review_instruction_is_refused_naming_the_key(value, problem):
    with pytest.raises(ConfigError) as err:
        parse_config({"station": {"review_instruction": value}}, where="kiosk.toml")
    message = str(err.value)
    assert "kiosk.toml" in message and problem in message
    assert "one line of 1 to 60 characters" in message or "must be a string" in message


def test_the_stations_review_instruction_reaches_the_banner(
    qtbot, kiosk_config, make_tiny_bundle, fake_camera, clock
):
    from kiosk.app import Station

    assert parse_config({}).station.review_instruction == "Hold the traveller and ask the duty clinician"
    own = parse_config({"station": {"review_instruction": "  Keep them here; call Dr Ade on 4411 "}})
    assert own.station.review_instruction == "Keep them here; call Dr Ade on 4411"
    probs = {"eczema": 0.45, "mpox": 0.2}  # a REVIEW, mpox second
    rest = (1 - sum(probs.values())) / (len(CLASSES) - len(probs))
    config = replace(
        kiosk_config,
        station=own.station,
        model=ModelConfig(
            bundle=str(make_tiny_bundle(probs=[probs.get(c, rest) for c in CLASSES])),
            device="cpu",
            backend="eager",
        ),
    )
    station = Station(config, source_factory=lambda _spec: fake_camera[0](), clock=clock)
    try:
        window = station.build(no_login=True)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.displayed_frames > 3, timeout=5000)
        with qtbot.waitSignal(window.outcome_shown, timeout=10000):
            window.capture_now()
        assert window.banner_kind == "review"
        assert window.banner.action == "Keep them here; call Dr Ade on 4411"
        assert window.chart.threshold_marks == [("mpox", station.engine.thresholds.flag)]
    finally:
        station.shutdown()
