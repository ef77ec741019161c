"""kiosk/station.py: the screening window's decisions without Qt (no QApplication, no window).

What goes with a request on each legal basis and what the case log keeps of it, which result is current,
automatic mode, when the reference and the traveller's answers are cleared, and what the officer reads for
each decision and state. The window that draws all this is tested in test_window.py, test_result_panel.py and
test_traveller.py."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from kiosk.caselog import CaseLog, Consent
from kiosk.config import PrivacyConfig
from kiosk.inference import ScreeningResult
from kiosk.station import (
    CAMERA_LOST,
    IDLE,
    INFO,
    LIVE,
    NOT_SAVED,
    NOTICE,
    SAVED,
    SCREENING_UNAVAILABLE,
    SET_ASIDE,
    SIGNED_OUT,
    SPOOLED,
    WAIT,
    ResultWords,
    StationCore,
    breakable,
    camera_line,
)
from models.decision import Decision, ReasonCode, Thresholds, Verdict
from models.quality import QualityReport, QualityStatus

ROOT = Path(__file__).resolve().parents[2]
WORDS = ResultWords("13:05:09", "Why it was decided", "HEADLINE", "What to do")
MRZ = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"


@dataclass(frozen=True)
class Request:
    """What the core reads of kiosk.workers.ScreenRequest (that module is Qt's)."""

    mode: str = "capture"
    traveller_ref: str = ""
    generation: int = 0
    consent: Consent | None = None


@dataclass(frozen=True)
class Outcome:
    """What the core reads of kiosk.workers.ScreenOutcome."""

    request: Request
    result: ScreeningResult | None
    case_id: str | None = None
    log_error: str = ""
    spooling: bool = False


def result(decision: str, reason_code: str = "", mode: str = "capture", frames: int = 1) -> ScreeningResult:
    """A made-up result: mpox on top for a FLAG, eczema otherwise; a RETAKE before the model ran."""
    decision = Decision(decision)
    top = "mpox" if decision is Decision.FLAG else "eczema"
    ranked = [(top, 0.8), ("measles", 0.1), ("chickenpox", 0.05), ("acne", 0.05)]
    code = ReasonCode(
        reason_code
        or {
            "flag": "flag_threshold",
            "review": "low_confidence",
            "clear": "confident",
            "retake": "poor_quality",
        }[decision.value]
    )
    verdict = None if decision is Decision.RETAKE else Verdict(decision, top, 0.8, ranked, "why", code)
    return ScreeningResult(
        mode=mode,
        decision=decision,
        reason="why",
        image=np.full((32, 32, 3), 120, np.uint8),
        quality=QualityReport(QualityStatus.OK, ()),
        verdict=verdict,
        probabilities=dict(ranked),
        heatmap=None if verdict is None else np.zeros((32, 32)),
        thresholds=Thresholds(flag=0.36, review=0.6, flagged_classes=("mpox",)),
        frames_averaged=frames,
        captured_utc=datetime(2026, 11, 30, 13, 5, 9, tzinfo=UTC),
        reason_code=code,
    )


def core(**options) -> StationCore:
    return StationCore(has_engine=True, **options)


def shown_for(
    station: StationCore, r: ScreeningResult, ref="", case_id=None, consent=None, spooling=False, **request
):
    outcome = Outcome(
        Request(traveller_ref=ref, generation=station.generation, consent=consent, **request),
        r,
        case_id,
        spooling=spooling,
    )
    assert station.is_current(outcome)
    return station.present(outcome, "", WORDS)


class Sink:
    """kiosk.store.CaseWriter as kiosk/caselog.py uses it: keeps what it is given."""

    def __init__(self):
        self.cases = []
        self.clear_counts = 0

    def submit_case(self, record) -> str:
        self.cases.append(record)
        return f"case-{len(self.cases)}"

    def count_clear(self, station_id, when) -> None:
        self.clear_counts += 1


def test_the_core_imports_no_qt_and_no_window_code():
    code = (
        "import sys, kiosk.station; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6') "
        "or m.startswith(('kiosk.ui', 'kiosk.workers', 'kiosk.app'))); "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


# (legal basis, traveller agreed, decision) -> (what the case log keeps, the result line once the writer said
# the case is in the database). None: no case.
KEPT = {
    "flag": ("full", " Case saved with traveller ref. P1."),
    "review": ("full", " Case saved with traveller ref. P1."),
    "clear": (None, " Traveller ref. P1 not saved (no case is kept for this result)."),
    "retake": (None, " Traveller ref. P1 was not saved: type it again with the new picture."),
}
NOT_AGREED = {
    "flag": (
        "minimal",
        " Case saved without picture or reference: the traveller did not agree to the notice.",
    ),
    "review": (None, " Nothing saved: the traveller did not agree to the notice (no case, no picture)."),
    "clear": (None, " Nothing saved: the traveller did not agree to the notice (no case, no picture)."),
    "retake": (None, " Traveller ref. P1 was not saved: type it again with the new picture."),
}


@pytest.mark.parametrize("decision", ["flag", "review", "clear", "retake"])
@pytest.mark.parametrize("agreed", [True, False], ids=["agreed", "not agreed"])
@pytest.mark.parametrize("basis", ["public_health", "consent"])
def test_what_is_recorded_and_said_on_each_legal_basis(basis, agreed, decision):
    """Issue 26 item 4 through the core and the real case log: on the public-health basis the traveller is
    not asked and every FLAG and REVIEW is kept; on the consent basis, without agreement, only a FLAG is kept,
    as a minimal case, and the line says so."""
    asks = PrivacyConfig(legal_basis=basis).asks_consent
    station = core(require_consent=asks, traveller_language="pt")
    station.consent_given = agreed  # the officer pressed [C] (or not)
    station.training_consent = True
    consent = station.consent("abc123")
    assert consent == Consent("abc123", "pt", agreed if asks else None, True)
    sink = Sink()
    log = CaseLog(sink, "gate-1", "model", "sha", require_consent=asks)
    r = result(decision)
    case_id = log.record(r, "ann", "P1", consent)
    shown = shown_for(station, r, "P1", case_id, consent)

    kept, said = (KEPT if agreed or not asks else NOT_AGREED)[decision]
    line = shown.banner.line
    if kept is None:
        assert case_id is None and sink.cases == []
    else:
        (record,) = sink.cases
        minimal = kept == "minimal"
        assert (record.image_rgb is None, record.traveller_ref) == ((True, "") if minimal else (False, "P1"))
        assert station.case_without_picture is minimal  # the referral slip carries no picture either
        # "saved" only once the writer has committed the case; until then it is kept on this station
        assert "it goes into the database as soon as the database answers" in line
        line = station.case_event(case_id, SAVED)
    assert line.endswith(said)
    assert shown.banner.kind is r.decision and station.banner_kind is r.decision
    # a decision for this traveller: the next one is asked again; a RETAKE is still the same traveller
    decided = decision != "retake"
    assert shown.decided is decided
    assert (station.consent_given, station.training_consent) == (
        (False, False) if decided else (agreed, True)
    )


def test_which_result_is_current():
    station = core()
    r = result("flag")
    before = Outcome(Request(generation=station.generation), r)
    assert station.is_current(before)
    assert not station.is_current(Outcome(Request(generation=station.generation), None))  # window filling
    station.clear()  # log-off, or the result timed out
    assert not station.is_current(before)  # asked for before: dropped
    assert station.is_current(Outcome(Request(generation=station.generation), r))


def test_clearing_forgets_the_traveller():
    station = core(require_consent=True)
    station.consent_given = station.training_consent = True
    shown_for(station, result("flag"), case_id="c1")
    assert station.result is not None and station.case_id == "c1"
    station.consent_given = True  # the next traveller agreed, then the screen was cleared
    epoch = station.auto_epoch
    station.clear()
    assert (station.result, station.case_id, station.case_without_picture) == (None, None, False)
    assert not station.consent_given and not station.training_consent
    assert station.auto_epoch == epoch + 1  # the engine's automatic window starts afresh


@pytest.mark.parametrize(
    ("mode", "decision", "ref", "typed", "cleared"),
    [
        ("auto", "flag", "P1", "P1", True),  # decided with the reference still in the field
        ("auto", "clear", "P1", "P1", True),
        ("auto", "flag", "P1", "P2", False),  # the officer already typed the next traveller's
        ("auto", "retake", "P1", "P1", False),  # still the same traveller
        ("auto", "flag", "", "", False),
        ("capture", "flag", "P1", "P1", False),  # a capture took the reference out of the field itself
    ],
)
def test_when_the_reference_field_is_cleared(mode, decision, ref, typed, cleared):
    station = core()
    outcome = Outcome(
        Request(mode=mode, traveller_ref=ref, generation=station.generation), result(decision, mode=mode)
    )
    assert station.present(outcome, typed, WORDS).clear_reference is cleared


def test_automatic_mode_only_where_screening_works():
    assert core().set_auto_mode(True)
    assert not StationCore(has_engine=False).set_auto_mode(True)
    assert not core(unavailable="no bundle").set_auto_mode(True)
    assert not core(login_required=True).set_auto_mode(True)  # nobody logged in
    assert core(login_required=True, operator="ann").set_auto_mode(True)


def test_automatic_mode_offers_a_frame_only_to_an_idle_engine_with_a_live_camera_and_an_officer():
    station = core(login_required=True, operator="ann")
    assert not station.offers_frame(engine_busy=False)  # off
    epoch = station.auto_epoch
    station.set_auto_mode(True)
    assert station.auto_epoch == epoch + 1
    assert station.offers_frame(engine_busy=False) and not station.offers_frame(engine_busy=True)
    assert station.lose_camera("10:00:00") and not station.lose_camera("10:00:05")  # said once
    assert station.lost_since == "10:00:00" and station.auto_epoch == epoch + 2
    assert not station.offers_frame(engine_busy=False) and not station.can_capture and station.can_screen
    assert station.camera_returned() and not station.camera_returned()
    assert station.offers_frame(engine_busy=False) and station.can_capture
    station.operator = ""  # logged off
    assert not station.offers_frame(engine_busy=False) and not station.can_screen


def test_what_the_travellers_panel_shows():
    public_health = core(require_consent=False)
    assert public_health.traveller_state() == INFO  # the notice as information, never asked
    public_health.consent_given = True
    assert public_health.traveller_state() == INFO
    consent = core(require_consent=True)
    assert consent.traveller_state() == NOTICE
    consent.consent_given = True
    assert consent.traveller_state() == LIVE
    assert consent.traveller_state(result_shown=True) == WAIT == public_health.traveller_state(True)


@pytest.mark.parametrize(
    ("decision", "reason_code", "named"),
    [
        ("flag", "", True),
        ("review", "", True),
        ("review", "unknown_condition", False),  # the station asserts none of its classes
        ("clear", "", True),
        ("retake", "", False),
    ],
)
def test_the_wording_of_each_decision(decision, reason_code, named):
    station = core()
    r = result(decision, reason_code)
    shown = shown_for(station, r)
    assert (shown.banner.kind, shown.banner.headline, shown.banner.action) == (
        r.decision,
        "HEADLINE",
        "What to do",
    )
    assert shown.classes == (r.top3 if named else [])
    if decision == "retake":
        assert shown.banner.line == "13:05:09 · Why it was decided."
    else:  # how it was decided, and that nothing was kept (no case, no reference typed)
        assert shown.banner.line == "13:05:09 · Why it was decided (captured frame)."


def test_an_automatic_decision_says_how_many_frames_and_a_failed_save_says_so():
    station = core()
    r = result("flag", mode="auto", frames=5)
    outcome = Outcome(Request(mode="auto", generation=station.generation), r, None, "disk full")
    shown = station.present(outcome, "", WORDS)
    assert shown.banner.line == (
        "13:05:09 · Why it was decided (mean of 5 frames). The case was NOT saved: call your administrator "
        "if it persists."
    )
    assert shown.banner.detail == "disk full"  # English, for the administrator, on its own line


def test_a_long_reference_breaks_instead_of_widening_the_column():
    assert breakable("short ref") == "short ref"
    broken = breakable(MRZ)
    assert broken.replace("\u200b", "") == MRZ and broken.count("\u200b") == 1
    shown = shown_for(core(), result("clear"), MRZ)
    assert breakable(MRZ) in shown.banner.line


def test_the_case_line_follows_the_writer():
    station = core()
    shown = shown_for(station, result("flag"), case_id="c1")
    assert "Case kept on this station" in shown.banner.line
    assert station.case_event("other", SAVED) is None  # not the case on screen
    assert station.case_event("c1", SET_ASIDE).endswith(
        " The database refused this case: it is set aside on this station; call your admin."
    )
    assert station.case_event("c1", SAVED) is None  # said once
    # the writer answered before the result was shown: the line says it at once
    assert station.case_event("c2", SAVED) is None
    assert shown_for(station, result("review"), case_id="c2").banner.line.endswith(" Case saved.")
    # the result left the screen: a late answer changes nothing on screen
    shown_for(station, result("flag"), case_id="c3")
    station.idle_banner()
    assert station.case_event("c3", SAVED) is None


def test_a_case_counts_as_kept_only_once_it_is_on_disk():
    """The writer encrypts and spools a case in its own thread (issue 26): the result is shown at once with
    "saving", the referral slip is offered and "kept" said only once the case is on disk, "saved" once it is
    in the database; a disk that refused it is said, and no slip is offered for it."""
    station = core()
    shown = shown_for(station, result("flag"), ref="P1", case_id="c1", spooling=True)
    assert shown.banner.line.endswith(" Saving the case on this station…") and station.case_id is None
    assert "Case kept on this station" in station.case_event("c1", SPOOLED) and station.case_id == "c1"
    assert station.case_event("c1", SAVED).endswith(" Case saved with traveller ref. P1.")
    assert station.case_event("c1", SPOOLED) is None  # a late "on disk" never undoes "in the database"
    shown_for(station, result("review"), case_id="c2", spooling=True)
    line = station.case_event("c2", NOT_SAVED)
    assert line.endswith(" The case was NOT saved: call your administrator if it persists.")
    assert station.case_id is None
    # the disk refused it before the result was shown: said at once, with the reason on the technical line
    station.case_event("c4", NOT_SAVED, "case not saved: [Errno 28] No space left on device")
    shown = shown_for(station, result("flag"), case_id="c4", spooling=True)
    assert shown.banner.line.endswith(" The case was NOT saved: call your administrator if it persists.")
    assert "No space left" in shown.banner.detail and station.case_id is None
    # the disk answered before the result was shown: kept at once
    station.case_event("c3", SPOOLED)
    shown = shown_for(station, result("flag"), case_id="c3", spooling=True)
    assert "Case kept on this station" in shown.banner.line and station.case_id == "c3"


def test_the_writers_answers_are_remembered_for_the_latest_cases_only():
    station = core()
    for n in range(70):
        station.case_event(f"c{n}", SET_ASIDE)
    assert "Case kept on this station" in shown_for(station, result("flag"), case_id="c0").banner.line
    assert "set aside" in shown_for(station, result("flag"), case_id="c69").banner.line


@pytest.mark.parametrize(
    ("options", "kind", "says", "detail"),
    [
        ({"login_required": True}, SIGNED_OUT, "Log in to screen travellers.", ""),
        (
            {"unavailable": "no bundle at /x"},
            SCREENING_UNAVAILABLE,
            "the model could not be loaded. Call your administrator. The live view still works",
            "no bundle at /x",
        ),
        (
            {"unavailable": "pin differs", "unavailable_kind": "refused"},
            SCREENING_UNAVAILABLE,
            "changed or damaged",
            "",
        ),
        ({"require_consent": True}, IDLE, "Show the traveller the privacy notice and press [C]", ""),
        ({}, IDLE, "Point the camera at the rash, then press Capture or turn on Automatic.", ""),
    ],
)
def test_the_banner_without_a_result(options, kind, says, detail):
    banner = core(**options).idle_banner()
    assert (banner.kind, banner.detail) == (kind, detail) and says in banner.line


def test_an_unknown_kind_of_unavailability_reads_as_the_model_not_loading():
    station = core(unavailable="?", unavailable_kind="nonsense")
    assert station.unavailable_kind == "model"


def test_a_failing_model_takes_screening_out_of_service_once():
    station = core()
    station.set_auto_mode(True)
    assert station.take_out_of_service("the model keeps failing")
    assert not station.take_out_of_service("the model keeps failing")  # already out, for this reason
    banner = station.idle_banner()
    assert banner.kind == SCREENING_UNAVAILABLE and "out of service" in banner.line
    assert "The live view still works" not in banner.line  # a failing model needs more than a configured one
    assert not station.can_screen and not station.set_auto_mode(True)


def test_the_camera_lost_banner_replaces_ready_and_a_retake_but_not_a_decision():
    station = core()
    station.idle_banner()
    assert station.camera_lost_takes_the_banner
    shown_for(station, result("flag"))
    assert not station.camera_lost_takes_the_banner  # the officer may still need the result
    shown_for(station, result("retake"))
    assert station.camera_lost_takes_the_banner
    station.lose_camera("10:00:00")
    banner = station.idle_banner()  # the camera lost, nothing else wrong: the lost banner is the idle one
    assert banner.kind == CAMERA_LOST == station.banner_kind
    assert banner.line == "No live picture since 10:00:00; the station keeps trying the camera."
    assert banner.headline == "CAMERA LOST · no live picture"


def test_the_banners_of_a_failure_and_of_a_capture_without_a_picture():
    station = core()
    failed = station.failed_banner("screening failed: boom")
    assert (failed.kind, failed.headline, failed.detail) == (
        Decision.RETAKE,
        "SCREENING ERROR",
        "screening failed: boom",
    )
    waiting = station.no_live_picture_banner()
    assert waiting.kind is Decision.RETAKE and waiting.action == "Wait for the live picture"


def test_camera_lines():
    assert camera_line("no_such_problem", {}) == "The camera delivers no picture."
    assert camera_line("no_picture", {"seconds": 2.0}).startswith("No new picture for 2.0 s")
    assert camera_line("no_picture", {}) == "The camera delivers no picture."  # a value missing
    assert camera_line("no_frame", {"retry_s": 4}).endswith(" Trying again in 4 s.")


def translations() -> set[tuple[str, str]]:
    root = ET.parse(ROOT / "resources" / "translations" / "station_en.ts").getroot()
    return {
        (c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")
    }


def test_every_text_the_core_shows_is_translated_in_the_windows_context():
    """The core hands each English text, unformatted, to the window's translation: each is one of the
    station's translated texts (resources/translations), in the context the window's texts have always had."""
    known, asked = translations(), []

    def translate(context: str, text: str) -> str:
        asked.append((context, text))
        return text

    for options in ({"login_required": True}, {"unavailable": "x"}, {"require_consent": True}, {}):
        core(translate=translate, **options).idle_banner()
    station = core(translate=translate, require_consent=True)
    station.lose_camera("10:00")
    station.camera_lost_banner()
    station.failed_banner("boom")
    station.no_live_picture_banner()
    declined = Consent("v", "en", False)
    for decision in ("flag", "review", "clear", "retake"):
        for case_id, consent, ref in (
            (None, None, "P1"),
            ("c1", None, "P1"),
            ("c1", declined, ""),
            (None, declined, ""),
        ):
            shown_for(station, result(decision), ref, case_id, consent)
    station.case_event("c9", SET_ASIDE)
    shown_for(station, result("flag", mode="auto", frames=3), case_id="c9", mode="auto")
    camera_line("no_frame", {"retry_s": 2}, translate)
    assert len(set(asked)) >= 20
    assert set(asked) <= known, sorted(set(asked) - known)
    assert {context for context, _ in asked} == {"ScreeningWindow", "Capture"}
