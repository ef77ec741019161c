"""Issue 15, "Traveller-facing panel and consent": the traveller's panel (large print, in the language the
officer chooses for them, independent of the station's), the privacy notice shown before capture and its
version, and the consent gate: without the traveller's agreement the result is shown but nothing is stored
(no case, no picture, no CLEAR count); with it the case records the notice's version and language."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from kiosk.config import LANGUAGES, PrivacyConfig, TravellerConfig
from kiosk.resources import resource_path
from kiosk.ui import i18n
from kiosk.ui.traveller import INFO, LIVE, NOTICE, TEXTS, WAIT, TravellerPanel, load_notice, placement
from tests.conftest import case_database, one_hot_probs

from . import test_window

station_for = test_window.station_for  # the stations of test_window.py, with this module's kiosk_config


@pytest.fixture(autouse=True)
def english_afterwards(qapp):
    yield
    i18n.install("en")


@pytest.fixture
def kiosk_config(kiosk_config):  # noqa: F811 - this module's stations ask for consent, the panel in the window
    return replace(
        kiosk_config, traveller=TravellerConfig(screen="panel"), privacy=PrivacyConfig(legal_basis="consent")
    )


def rows(station, columns="decision, consent_notice_version, consent_language, consent_given"):
    with case_database(station.config.storage.data_dir) as conn:
        return conn.execute(f"SELECT {columns} FROM cases").fetchall()


def media(station):
    return sorted((station.config.storage.data_dir / "media").rglob("*.enc"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_a_notice_with_the_retention_period(language):
    raw = resource_path("text", f"traveller_notice.{language}.md").read_text(encoding="utf-8")
    assert raw.count("{retention_days}") == 1
    notice = load_notice(language, 30)
    assert "{retention_days}" not in notice.text and "30" in notice.text
    assert len(notice.version) == 12 and int(notice.version, 16) >= 0
    assert load_notice(language, 31).version != notice.version  # the text as shown is what is versioned
    assert set(TEXTS[language]) == set(TEXTS["en"]) and all(TEXTS[language].values())


def test_notices_differ_by_language():
    assert len({load_notice(lang, 90).version for lang in LANGUAGES}) == len(LANGUAGES)


def test_placement():
    assert placement("auto", 1) == "panel" and placement("auto", 2) == "window"
    assert placement("second", 1) == "window" and placement("panel", 2) == "panel"
    assert placement("off", 2) == "off"


def test_panel_shows_the_notice_then_the_instructions_in_the_chosen_language(qtbot):
    panel = TravellerPanel("fr", 90)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.state == NOTICE and panel.notice_scroll.isVisible()
    assert "avant la photo" in panel.headline.text() and "90 jours" in panel.notice_view.text()
    panel.set_state(LIVE)
    assert not panel.notice_scroll.isVisible()
    assert panel.headline.text() == "Montrez la peau atteinte à la caméra"
    assert panel.second.text() == "Ne bougez plus"
    assert panel.headline.font().pointSizeF() >= 24  # large print
    panel.set_language("en")
    assert (
        panel.headline.text() == "Show the affected skin to the camera"
        and panel.second.text() == "Hold still"
    )
    panel.set_state(WAIT)
    assert "wait" in panel.second.text()
    panel.set_language("ar")
    assert panel.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert panel.headline.text() == TEXTS["ar"]["wait"]
    panel.set_language("zh_CN")
    assert panel.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_the_officer_chooses_the_travellers_language_independently_of_the_station(qtbot, station_for):
    station, window = station_for(one_hot_probs("mpox", 0.9))
    panel = window.traveller_panel
    assert panel is not None and panel.isVisible() and not panel.isWindow()  # [traveller] screen = "panel"
    assert window.consent_button.isVisible() and window.traveller_language_box.isVisible()
    assert window.width() <= 1280
    assert panel.state == NOTICE and "Please read before the picture" in panel.headline.text()
    assert "privacy notice" in window.reason.text()  # the idle line tells the officer to show it
    window.set_traveller_language("ar")
    assert panel.language == "ar" and panel.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight  # the station stays English
    assert (
        window.consent().language == "ar" and window.consent().notice_version == load_notice("ar", 90).version
    )
    window.activateWindow()
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_C)
    assert window.consent_given and panel.state == LIVE
    assert panel.headline.text() == TEXTS["ar"]["live"] and panel.second.text() == TEXTS["ar"]["live_2"]


def test_without_agreement_a_flag_is_logged_as_a_minimal_case(qtbot, station_for, tmp_path):
    """Issue 26 item 4, legal basis "consent": no flagged traveller disappears from the log. Without agreement
    the FLAG is kept with time, station, decision, scores and model, but no picture and no reference; its
    referral slip can still be printed, without pictures."""
    station, window = station_for(one_hot_probs("mpox", 0.9))
    assert not window.consent_given
    window.set_training_consent(True)  # a yes to reuse means nothing when no picture is kept
    window.ref_edit.setText("P777")
    with qtbot.waitSignal(window.outcome_shown, timeout=10000) as sig:
        qtbot.mouseClick(window.capture_button, Qt.MouseButton.LeftButton)
    assert sig.args[0].case_id
    assert window.banner_kind == "flag"  # the officer sees the result
    qtbot.waitUntil(lambda: "Case saved without picture or reference" in window.reason.text(), timeout=10000)
    assert window.traveller_panel.state == WAIT
    assert window.referral_button.isEnabled()
    path = window.save_referral_slip()
    assert path is not None and path.is_file()
    station.writer.stop()
    assert rows(
        station,
        "decision, reveal(id, traveller_ref), image_path, heatmap_path, consent_given, consent_training",
    ) == [("flag", "", None, None, 0, 0)]
    assert media(station) == [] and station.caselog.minimal == 1
    from kiosk.store import audit

    assert audit.verify(station.db).ok


def test_without_agreement_a_review_is_shown_but_nothing_is_stored(qtbot, station_for):
    station, window = station_for(one_hot_probs("eczema", 0.4))
    window.ref_edit.setText("P777")
    with qtbot.waitSignal(window.outcome_shown, timeout=10000) as sig:
        window.capture_now()
    assert sig.args[0].case_id is None and window.banner_kind == "review"
    assert "Nothing saved: the traveller did not agree" in window.reason.text()
    station.writer.stop()
    assert rows(station) == [] and media(station) == []
    assert station.caselog.refused == 1


def test_without_agreement_a_clear_is_not_counted_either(qtbot, station_for):
    station, window = station_for(one_hot_probs("eczema", 0.9))
    with qtbot.waitSignal(window.outcome_shown, timeout=10000):
        window.capture_now()
    assert window.banner_kind == "clear"
    station.writer.stop()
    db = station.config.storage.data_dir / "cases.sqlite3"
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COALESCE(SUM(count), 0) FROM clear_counts").fetchone()[0] == 0


def test_with_agreement_the_case_records_the_notice_and_consent_resets(qtbot, station_for):
    station, window = station_for(one_hot_probs("mpox", 0.9))
    window.set_traveller_language("pt")
    qtbot.mouseClick(window.consent_button, Qt.MouseButton.LeftButton)
    assert window.consent_given and window.traveller_panel.state == LIVE
    with qtbot.waitSignal(window.outcome_shown, timeout=10000) as sig:
        window.capture_now()
    case_id = sig.args[0].case_id
    assert case_id
    qtbot.waitUntil(lambda: "Case saved." in window.reason.text(), timeout=10000)
    assert not window.consent_given  # the next traveller is asked again
    assert window.traveller_panel.state == WAIT
    qtbot.waitUntil(lambda: station.writer.status().written >= 1, timeout=10000)
    assert rows(station) == [("flag", load_notice("pt", 90).version, "pt", 1)]
    assert len(media(station)) == 2  # picture and heatmap
    # a second capture without asking again keeps the FLAG only as a minimal case (no picture)
    with qtbot.waitSignal(window.outcome_shown, timeout=10000) as sig:
        window.capture_now()
    assert sig.args[0].case_id
    window.clear_result()
    assert window.traveller_panel.state == NOTICE and not window.consent_given
    station.writer.stop()
    assert len(rows(station)) == 2 and len(media(station)) == 2
    from kiosk.store import audit
    from kiosk.store.queries import get_case
    from kiosk.ui.review.export import case_html

    assert audit.verify(station.db).ok
    with station.db.session() as session:  # the reviewer's case detail says it in plain words
        detail = case_html(get_case(session, case_id, station.db.references.reveal))
    assert f"Notice: version {load_notice('pt', 90).version} (Portuguese), traveller agreed" in detail


def test_consent_in_plain_words():
    from kiosk.ui.review.wording import consent_text

    assert consent_text("abc", "ar", True) == "Notice: version abc (Arabic), traveller agreed"
    assert "not recorded" in consent_text(None, None, None)


def test_a_traveller_window_of_its_own(qtbot):
    """[traveller] screen = "second" on a one-screen station: a window of its own beside the officer's, in
    the configured traveller language; it closes with the officer's window."""
    from kiosk.ui.screening_window import ScreeningWindow

    window = ScreeningWindow(
        None, None, traveller_screen="second", require_consent=True, traveller_language="es", retention_days=7
    )
    qtbot.addWidget(window)
    window.show()
    panel = window.traveller_panel
    assert window.traveller_placement == "window" and panel.isWindow() and panel.isVisible()
    assert panel.windowTitle() == TEXTS["es"]["title"] and "7 días" in panel.notice_view.text()
    assert window.consent().language == "es" and not window.consent().given
    window.close()
    assert not panel.isVisible()


def test_off_shows_no_panel_and_the_public_health_basis_asks_no_agreement(qtbot):
    from kiosk.ui.screening_window import ScreeningWindow

    window = ScreeningWindow(None, None, traveller_screen="off", require_consent=False)
    qtbot.addWidget(window)
    assert window.traveller_panel is None and window.consent().given is None
    assert not window.consent_button.isVisibleTo(window)
    assert window.training_button.isVisibleTo(window) and window.consent().training is False


@pytest.mark.parametrize(("cls", "p", "decision"), [("mpox", 0.9, "flag"), ("eczema", 0.4, "review")])
def test_by_default_every_flag_and_review_is_logged_with_its_picture(
    qtbot, make_tiny_bundle, kiosk_config, fake_camera, clock, cls, p, decision
):
    """Issue 26 item 4: with the default configuration ([privacy] legal_basis = "public_health") a FLAG and a
    REVIEW are logged with picture, heatmap and reference without pressing [C]; the notice shown is recorded
    as information, the traveller's answer on reuse of the picture as given."""
    from kiosk.app import Station
    from kiosk.config import ModelConfig, PrivacyConfig

    config = replace(
        kiosk_config,
        model=ModelConfig(
            bundle=str(make_tiny_bundle(probs=one_hot_probs(cls, p))), device="cpu", backend="eager"
        ),
        privacy=PrivacyConfig(),
    )
    station = Station(config, source_factory=lambda _spec: fake_camera[0](), clock=clock)
    try:
        window = station.build(no_login=True)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.displayed_frames > 3, timeout=5000)
        assert not window.consent_button.isVisibleTo(window)
        assert window.traveller_panel.state == INFO  # the notice, as information
        assert window.traveller_panel.second.text() == TEXTS["en"]["info_2"]
        window.ref_edit.setText("P123")
        window.set_training_consent(decision == "flag")
        with qtbot.waitSignal(window.outcome_shown, timeout=10000) as sig:
            window.capture_now()
        assert sig.args[0].case_id
        qtbot.waitUntil(lambda: "Case saved with traveller ref. P123." in window.reason.text(), timeout=10000)
        assert not window.training_consent  # asked again for the next traveller
        station.writer.stop()
        columns = (
            "decision, reveal(id, traveller_ref), consent_notice_version, consent_given, consent_training"
        )
        assert rows(station, columns) == [
            (decision, "P123", load_notice("en", 90).version, None, int(decision == "flag"))
        ]
        assert len(media(station)) == 2
        from kiosk.store import audit
        from kiosk.store.queries import get_case
        from kiosk.ui.review.export import case_html

        assert audit.verify(station.db).ok
        with station.db.session() as session:
            detail = case_html(get_case(session, sig.args[0].case_id, station.db.references.reveal))
        assert "shown for information (public-health basis)" in detail
        reuse = "may be used to improve" if decision == "flag" else "may NOT be used to improve"
        assert reuse in detail
    finally:
        station.shutdown()
