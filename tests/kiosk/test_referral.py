"""Issue 15, "Referral slip": for a FLAG or a REVIEW saved as a case, one key saves (and, with a printer
configured, prints) an A5/A4 slip for the secondary-screening desk. The PDF is rendered and its text read back
with pypdf; the QR code drawn is checked module by module against segno's; pictures only when configured."""

from __future__ import annotations

import stat
from dataclasses import replace
from datetime import UTC, datetime

import numpy as np
import pytest
import segno
from pypdf import PdfReader
from PySide6.QtCore import Qt

from kiosk.config import ConfigError, ModelConfig, ReferralConfig, load_config, parse_config
from kiosk.inference import ScreeningResult
from kiosk.ui.referral import (
    DESK_STEPS,
    ReferralError,
    can_refer,
    issue_slip,
    qr_matrix,
    render_image,
    save_pdf,
    slip_from_result,
)
from kiosk.ui.screening_window import ScreeningWindow
from kiosk.ui.style import banner_lines
from kiosk.ui.widgets import local_time
from kiosk.workers import ScreenOutcome, ScreenRequest
from models.decision import Decision, Thresholds, decide
from models.quality import QualityReport, QualityStatus
from models.taxonomy import CLASSES
from tests.conftest import one_hot_probs

CASE_ID = "3f2a9c0e5b7d4e1f8a6c2b9d0e4f7a13"  # as kiosk.store's writer makes them (uuid4().hex)
WHEN = datetime(2026, 11, 30, 13, 5, 9, tzinfo=UTC)
THRESHOLDS = Thresholds(flag=0.3, review=0.6, flagged_classes=("mpox",))
INTERNAL = ("flag_threshold", "low_confidence", "unknown_condition", "skin_fraction", "{", "}", "None")


def result(probs: dict[str, float], heatmap: bool = True) -> ScreeningResult:
    """A screening result decided by the real rule (so its reason is the station's own sentence)."""
    p = np.array([probs.get(c, 0.0) for c in CLASSES])
    p = p + (1.0 - p.sum()) / len(CLASSES)
    verdict = decide(p, CLASSES, THRESHOLDS)
    image = np.random.default_rng(0).integers(0, 256, size=(48, 64, 3), dtype=np.uint8)
    return ScreeningResult(
        mode="capture",
        decision=verdict.decision,
        reason=verdict.reason,
        image=image,
        quality=QualityReport(QualityStatus.OK, ()),
        verdict=verdict,
        probabilities=dict(zip(CLASSES, p.tolist(), strict=True)),
        heatmap=np.linspace(0, 1, 48 * 64).reshape(48, 64) if heatmap else None,
        thresholds=THRESHOLDS,
        captured_utc=WHEN,
        reason_code=verdict.reason_code,
    )


# FLAG for mpox while chickenpox is the top class; REVIEW for a low top probability.
FLAG = result({"chickenpox": 0.5, "mpox": 0.35, "measles": 0.05})
REVIEW = result({"eczema": 0.4, "urticaria": 0.25, "mpox": 0.1})
CLEAR = result({"eczema": 0.9})


def pdf_text(path) -> str:
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())  # pypdf separates the words with tabs


def image_xobjects(path) -> int:
    page = PdfReader(path).pages[0]
    xobjects = page["/Resources"].get("/XObject", {})
    return sum(1 for ref in xobjects.values() if ref.get_object()["/Subtype"] == "/Image")


def test_the_decisions_that_get_a_slip():
    assert FLAG.decision is Decision.FLAG and REVIEW.decision is Decision.REVIEW
    assert CLEAR.decision is Decision.CLEAR
    assert can_refer(FLAG, CASE_ID) and can_refer(REVIEW, CASE_ID)
    assert not can_refer(CLEAR, CASE_ID) and not can_refer(FLAG, None) and not can_refer(None, CASE_ID)
    with pytest.raises(ValueError, match="FLAG or a REVIEW"):
        slip_from_result(CLEAR, CASE_ID, "gate-7")


@pytest.mark.parametrize(
    "r, top3, reason",
    [
        (FLAG, ("Chickenpox", "Mpox", "Measles"), "Mpox probability"),
        (REVIEW, ("Eczema", "Urticaria", "Mpox"), "Top probability"),
    ],
    ids=["flag", "review"],
)
def test_the_slip_reads_back_with_everything_the_desk_needs(qapp, tmp_path, r, top3, reason):
    slip = slip_from_result(r, CASE_ID, "gate-7", "Hold the traveller and call the port doctor")
    path = save_pdf(slip, tmp_path / "slips")
    text = pdf_text(path)
    headline, action = banner_lines(
        r.decision,
        r.reason_code,
        "Mpox" if r.decision is Decision.FLAG else "",
        "Hold the traveller and call the port doctor",
    )
    assert (slip.headline, slip.action) == (headline, action)  # the banner's own words
    for wanted in (
        "Referral to secondary screening",
        CASE_ID,
        "gate-7",
        local_time(WHEN, "%Y-%m-%d %H:%M:%S"),
        headline,
        action,
        reason,
        *top3,
        "Instructions",
        *slip.instructions,
        "not a diagnosis",
    ):
        assert wanted in text, f"{wanted!r} not on the slip:\n{text}"
    assert slip.instructions[1:] == DESK_STEPS
    for internal in INTERNAL:
        assert internal not in text
    assert [name for name, _ in slip.top3] == list(top3)
    assert path.name.endswith(f"_{CASE_ID}.pdf") and path.parent == tmp_path / "slips"


def test_a_rash_the_model_does_not_know_names_no_class(qapp, tmp_path):
    from dataclasses import replace as dc_replace

    from models.decision import OpenSetScores

    verdict = decide(
        np.array(one_hot_probs("eczema", 0.9)),
        CLASSES,
        dc_replace(THRESHOLDS, unknown=0.5),
        open_set=OpenSetScores(unknown=0.8, not_skin=0.0),
    )
    r = replace(REVIEW, verdict=verdict, reason=verdict.reason, reason_code=verdict.reason_code, heatmap=None)
    slip = slip_from_result(r, CASE_ID, "gate-7")
    text = pdf_text(save_pdf(slip, tmp_path))
    assert "REVIEW · condition not recognised" in text and slip.top3 == ()
    assert "Eczema" not in text and "does not look like any condition the model knows" in text


def test_paper_size_and_pictures_follow_the_configuration(qapp, tmp_path):
    slip = slip_from_result(FLAG, CASE_ID, "gate-7")
    a5 = save_pdf(slip, tmp_path / "a5")
    box = PdfReader(a5).pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (148, 210)
    assert image_xobjects(a5) == 0  # privacy by default: no picture leaves the station on paper
    a4 = save_pdf(slip, tmp_path / "a4", paper="A4", include_images=True)
    box = PdfReader(a4).pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)
    assert image_xobjects(a4) == 2  # the picture and its heatmap
    assert "where the model looked for Mpox" in pdf_text(a4)


def test_the_slip_file_is_private(qapp, tmp_path):
    folder = tmp_path / "data" / "referrals"
    path = save_pdf(slip_from_result(REVIEW, CASE_ID, "gate-7"), folder)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    path.chmod(0o644)  # the same case again: the file is rewritten, and private again
    assert save_pdf(slip_from_result(REVIEW, CASE_ID, "gate-7"), folder) == path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_qr_code_drawn_is_the_case_ids(qapp):
    matrix = qr_matrix(CASE_ID)
    assert matrix == tuple(segno.make(CASE_ID, error="m", micro=False, boost_error=False).matrix)
    image, geometry = render_image(slip_from_result(FLAG, CASE_ID, "gate-7"), dpi=200)
    n = geometry.qr_modules
    assert n == len(matrix)
    rect = geometry.qr_rect
    module = rect.width() / n
    drawn = tuple(
        bytearray(
            int(
                image.pixelColor(
                    int(rect.x() + (c + 0.5) * module), int(rect.y() + (r + 0.5) * module)
                ).value()
                < 128
            )
            for c in range(n)
        )
        for r in range(n)
    )
    assert drawn == matrix
    # The quiet zone around it is white.
    assert image.pixelColor(int(rect.x() - 2 * module), int(rect.y() + rect.height() / 2)).value() > 200


def test_an_unwritable_folder_says_what_to_do(qapp, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with pytest.raises(ReferralError) as err:
        save_pdf(slip_from_result(FLAG, CASE_ID, "gate-7"), blocker / "referrals")
    message = str(err.value)
    assert str(blocker / "referrals") in message and "[referral] folder" in message and CASE_ID in message
    assert "Traceback" not in message


def test_a_missing_printer_still_saves_the_pdf(qapp, tmp_path):
    slip = slip_from_result(FLAG, CASE_ID, "gate-7")
    path, line = issue_slip(slip, ReferralConfig(printer="no-such-printer"), tmp_path)
    assert path.is_file() and f"Referral slip saved: {path}" in line
    assert "not printed: printer 'no-such-printer' was not found" in line and "[referral] printer" in line


# ---------- configuration ----------


def test_referral_defaults(tmp_path):
    c = parse_config({})
    assert (c.referral.paper, c.referral.include_images, c.referral.printer) == ("A5", False, "")
    assert c.referral.folder is None
    assert c.referral.folder_in(c.storage.data_dir) == c.storage.data_dir / "referrals"


def test_referral_section_read_with_the_folder_relative_to_the_file(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text('[referral]\npaper = "a4"\ninclude_images = true\nprinter = "Desk 2"\nfolder = "slips"\n')
    c = load_config(path)
    assert c.referral == ReferralConfig("A4", True, "Desk 2", tmp_path / "slips")
    assert c.referral.folder_in(c.storage.data_dir) == tmp_path / "slips"


@pytest.mark.parametrize(
    "text, named",
    [
        ('[referral]\npaper = "Letter"\n', "[referral] paper = 'Letter': must be one of 'A5', 'A4'"),
        ('[referral]\ninclude_images = "yes"\n', "[referral] include_images = 'yes': must be true or false"),
        ('[referral]\nprinter = "a\\nb"\n', "[referral] printer"),
        ("[referral]\nthumbnail = true\n", "unknown key 'thumbnail' in [referral]"),
    ],
)
def test_bad_referral_settings_are_refused(tmp_path, text, named):
    path = tmp_path / "kiosk.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert named in str(err.value)


# ---------- the screening window ----------


def show(window, r, case_id):
    request = ScreenRequest("capture", r.image, generation=window._generation)
    window.show_outcome(ScreenOutcome(request, r, case_id=case_id))


@pytest.fixture
def panel(qtbot, tmp_path):
    """The real window without camera or model; slips go to a folder that cannot be made."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    w = ScreeningWindow(None, None, station_id="gate-7", referral_folder=blocker / "referrals")
    qtbot.addWidget(w)
    w.show()
    yield w
    w.stop_timers()


def test_the_button_is_offered_only_for_a_saved_flag_or_review(panel):
    assert not panel.referral_button.isEnabled()  # nothing on screen
    for r, case_id, enabled in ((CLEAR, None, False), (FLAG, None, False), (REVIEW, CASE_ID, True)):
        show(panel, r, case_id)
        assert panel.referral_button.isEnabled() is enabled
    panel.clear_result()
    assert not panel.referral_button.isEnabled()


def test_a_slip_that_cannot_be_saved_tells_the_officer_what_to_do(panel):
    show(panel, FLAG, CASE_ID)
    assert panel.save_referral_slip() is None
    text = panel.referral_label.text()
    assert "could not be saved" in text and "[referral] folder" in text and CASE_ID in text


def test_p_after_a_flag_saves_the_slip(qtbot, kiosk_config, make_tiny_bundle, fake_camera, clock):
    from kiosk.app import Station

    config = replace(
        kiosk_config,
        model=ModelConfig(
            bundle=str(make_tiny_bundle(probs=one_hot_probs("mpox", 0.9))), device="cpu", backend="eager"
        ),
    )
    station = Station(config, source_factory=lambda _spec: fake_camera[0](), clock=clock)
    try:
        window = station.build(no_login=True)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.displayed_frames > 3, timeout=5000)
        window.activateWindow()
        window.setFocus()
        assert not window.referral_button.isEnabled()
        with qtbot.waitSignal(window.outcome_shown, timeout=10000) as sig:
            qtbot.keyClick(window, Qt.Key.Key_Space)
        case_id = sig.args[0].case_id
        assert window.banner_kind == "flag" and case_id
        # offered once the case is on disk (the writer's spooling thread says so)
        qtbot.waitUntil(window.referral_button.isEnabled, timeout=5000)
        with qtbot.waitSignal(window.referral_saved, timeout=5000) as saved:
            qtbot.keyClick(window, Qt.Key.Key_P)
        path = saved.args[0]
        assert path.parent == config.storage.data_dir / "referrals" and path.is_file()
        text = pdf_text(path)
        assert case_id in text and "FLAG · suspected Mpox" in text and "gate-1" in text
        assert image_xobjects(path) == 0
        assert str(path) in window.referral_label.text().replace("\u200b", "")
    finally:
        station.shutdown()


@pytest.fixture
def station_language(qapp):
    """Install a station language (as Station.build does); English again afterwards."""
    from kiosk.ui import i18n

    yield i18n.install
    i18n.install("en")


def test_the_slip_is_in_the_station_language(qapp, tmp_path, station_language):
    """[station] language = "fr": every text of the slip in French, read back from the PDF."""
    station_language("fr")
    slip = slip_from_result(FLAG, CASE_ID, "gate-7")
    text = pdf_text(save_pdf(slip, tmp_path))
    for wanted in (
        "Orientation vers le contrôle sanitaire secondaire",
        "Poste de dépistage mpox",
        "N° de cas",
        "Pourquoi",
        "3 classes les plus probables (probabilité du modèle)",
        "Instructions",
        "ALERTE · suspicion de Mpox",
        "Orienter vers le contrôle sanitaire secondaire",
        "Conduisez le voyageur, avec ce bordereau, au poste de contrôle secondaire.",
        "Poste de contrôle secondaire : examiner la peau atteinte",
        "Varicelle",
        CASE_ID,
        "gate-7",
    ):
        assert wanted in text, f"{wanted!r} not on the slip:\n{text}"
    for english in ("Referral to secondary screening", "Top 3 classes", "Why", "Chickenpox", "Instructions:"):
        assert english not in text, english
    assert slip.reason and "probability" not in slip.reason
    for step in slip.instructions:
        assert step in text
