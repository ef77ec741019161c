"""Issue 15, "Languages": the screening window, the review window and the referral slip speak the station's
language ([station] language).

The translation sources (resources/translations/station_<lang>.ts) must be complete: every text the code marks
is translated in every language, none unfinished, empty or obsolete, with the same placeholders as the English
({cls}, {p:.2f}, %1), and compiled. The real window, offscreen, shows the translated banner and buttons, and
Arabic mirrors the layout. The review window and the referral slip are checked in their own tests
(tests/review/test_review_window.py, tests/kiosk/test_referral.py); their texts are covered here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from kiosk.config import LANGUAGES, ConfigError, ModelConfig, StationConfig, parse_config
from kiosk.station import UNAVAILABLE
from kiosk.ui import i18n
from kiosk.ui.screening_window import ScreeningWindow
from kiosk.ui.style import ACTION_TEXT, BANNER_TEXT, QUALITY_TEXT, RETAKE_ACTION_TEXT, RETAKE_TEXT
from models.decision import Decision

from .test_result_panel import CASES, FLAG, show

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"
OTHERS = [lang for lang in LANGUAGES if lang != "en"]
# The contexts of the screening window and what it shows (kiosk/ui/style.py, widgets.py, screening_window.py,
# screening/, kiosk/station.py), of the review window with its dialogs and exports (kiosk/ui/review/) and of
# the referral slip.
CONTEXTS = {"Banner", "Classes", "Reason", "ScreeningWindow", "LostPanel", "Top3Chart", "Capture", "Station"}
REVIEW_CONTEXTS = {
    "ReviewWindow",
    "CaseTable",
    "CaseWording",
    "CaseDetail",
    "Dashboard",
    "Login",
    "Export",
    "ReviewRules",
}
REFERRAL_CONTEXTS = {"ReferralSlip"}
SOURCES = [
    "kiosk/ui/i18n.py",
    "kiosk/ui/style.py",
    "kiosk/ui/widgets.py",
    "kiosk/ui/screening_window.py",
    *(f"kiosk/ui/screening/{name}.py" for name in ("officer_panel", "result_panel", "sources")),
    *(f"kiosk/ui/screening/{name}.py" for name in ("status_bar", "traveller_side")),
    "kiosk/station.py",
    "kiosk/ui/referral.py",
    *(f"kiosk/ui/review/{name}.py" for name in ("window", "table_model", "wording", "detail")),
    *(f"kiosk/ui/review/{name}.py" for name in ("dashboard", "login", "export", "admin", "stations")),
    "kiosk/store/writer.py",
    "kiosk/store/accounts.py",
    "kiosk/store/reviews.py",
    "kiosk/capture.py",
    "kiosk/app.py",
]
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?\d+|%n")


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> the <translation> element of every message of a .ts file."""
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            key = (name, message.findtext("source"))
            assert key not in found, f"{path.name}: {key} twice"
            found[key] = message.find("translation")
    return found


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


@pytest.fixture(autouse=True)
def english_afterwards(qapp):
    """Each test may install a language; the next test starts in English again."""
    yield
    i18n.install("en")


def test_every_language_of_the_config_has_a_compiled_translation():
    assert tuple(i18n.LANGUAGES) == LANGUAGES
    for lang in LANGUAGES:
        ts, qm = FOLDER / f"station_{lang}.ts", FOLDER / f"station_{lang}.qm"
        assert ts.is_file() and qm.is_file(), f"{lang}: run resources/translations/update.sh"


def test_the_committed_qm_files_are_their_ts_files_compiled(tmp_path):
    """By content, not file times (a fresh checkout gives every file its own time)."""
    import shutil
    import subprocess
    import sys

    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed beside this Python")
    for lang in LANGUAGES:
        ts, qm = FOLDER / f"station_{lang}.ts", FOLDER / f"station_{lang}.qm"
        fresh = tmp_path / qm.name
        subprocess.run([lrelease, str(ts), "-qm", str(fresh)], check=True, capture_output=True, timeout=60)
        assert fresh.read_bytes() == qm.read_bytes(), f"{qm.name} is not {ts.name} compiled: run update.sh"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_are_complete(lang):
    english = messages(FOLDER / "station_en.ts")
    assert CONTEXTS | REVIEW_CONTEXTS | REFERRAL_CONTEXTS <= {context for context, _ in english}
    found = messages(FOLDER / f"station_{lang}.ts")
    missing = sorted(set(english) - set(found))
    assert not missing, f"station_{lang}.ts lacks {missing}: run resources/translations/update.sh, translate"
    assert not sorted(set(found) - set(english)), f"station_{lang}.ts has texts the English one has not"
    for (context, source), translation in found.items():
        where = f"station_{lang}.ts [{context}] {source!r}"
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), (
            f"{where}: {translation.get('type')}"
        )
        text = translation.text or ""
        assert text.strip(), f"{where}: empty translation"
        assert placeholders(text) == placeholders(source), f"{where}: placeholders differ in {text!r}"
        for hint in re.findall(r"\[[^\]]+\]", source):  # keyboard hints stay as they are
            assert hint in text, f"{where}: keyboard hint {hint} lost in {text!r}"


def test_the_english_source_has_every_text_the_code_marks(tmp_path):
    """lupdate over the code finds exactly the texts of station_en.ts (none added or renamed unnoticed)."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        lupdate = shutil.which("pyside6-lupdate")
    if not lupdate:
        pytest.skip("pyside6-lupdate not installed")
    out = tmp_path / "fresh.ts"
    cmd = [
        str(lupdate),
        "-tr-function-alias",
        "translate+=tr",
        "-locations",
        "none",
        *SOURCES,
        "-ts",
        str(out),
    ]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    assert set(messages(out)) == set(messages(FOLDER / "station_en.ts"))


def test_update_sh_translates_the_sources_this_test_checks():
    """resources/translations/update.sh and SOURCES name the same files (one forgotten would go unnoticed)."""
    script = (FOLDER / "update.sh").read_text()
    listed = re.search(r'^sources="([^"]*)"', script, re.M).group(1).split()
    assert sorted(listed) == sorted(SOURCES)
    on_disk = {str(p.relative_to(ROOT)) for p in (ROOT / "kiosk" / "ui" / "review").glob("*.py")}
    assert on_disk - set(SOURCES) <= {"kiosk/ui/review/__init__.py", "kiosk/ui/review/prefs.py"}


def test_every_quality_gate_reason_can_be_translated():
    """models/quality.py writes its reasons in English; each has an entry in the window's table."""
    code = (ROOT / "models" / "quality.py").read_text()
    said = set(re.findall(r'append\("([^"]+)"\)', code)) | set(
        re.findall(r'^NO_SKIN = "([^"]+)"', code, re.M)
    )
    assert said and said <= set(QUALITY_TEXT)


def test_the_language_setting_is_checked():
    assert parse_config({}).station.language == "en"
    assert parse_config({"station": {"language": "zh_CN"}}).station.language == "zh_CN"
    with pytest.raises(ConfigError, match="en, fr, es, pt, ar, zh_CN"):
        parse_config({"station": {"language": "de"}})


@pytest.fixture
def window_in(qtbot):
    """The real screening window (no camera, no model) made after installing a language, at 1280x720."""
    windows = []

    def build(lang, **options):
        i18n.install(lang)
        w = ScreeningWindow(None, None, clear_result_after_s=60, **options)
        qtbot.addWidget(w)
        w.resize(1280, 720)
        w.show()
        qtbot.waitExposed(w)
        windows.append(w)
        return w

    yield build
    for w in windows:
        w.stop_timers()


EXPECTED = {
    "fr": (
        "ALERTE · suspicion de Mpox",
        "Orienter vers le contrôle sanitaire secondaire",
        "Capturer  [Space]",
    ),
    "ar": ("تنبيه · اشتباه في جدري القردة", "أحِل المسافر إلى الفحص الثانوي", "التقاط  [Space]"),
}


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_a_flag_is_shown_in_the_station_language(window_in, lang):
    window = window_in(lang)
    show(window, FLAG)
    headline, action, capture = EXPECTED[lang]
    assert (window.banner.headline, window.banner.action) == (headline, action)
    assert window.capture_button.text() == capture
    assert window.heatmap_toggle.text().endswith("[H]") and window.heatmap_toggle.text() != "Heatmap [H]"
    assert "FLAG" not in window.reason.text() and "probability" not in window.reason.text()
    rtl = Qt.LayoutDirection.RightToLeft
    assert (window.layoutDirection() == rtl) == (lang == "ar")
    assert (window.banner.layoutDirection() == rtl) == (lang == "ar")


@pytest.mark.parametrize("lang", OTHERS)
def test_the_window_shows_the_tables_translated(window_in, lang):
    window = window_in(lang)
    for case, (result, headline, action) in CASES.items():
        show(window, result)
        assert window.banner.headline != headline and window.banner.action != action, (lang, case)
        if result.decision is Decision.RETAKE:
            expected = QCoreApplication.translate("Banner", RETAKE_ACTION_TEXT[result.reason_code])
        else:
            expected = QCoreApplication.translate("Banner", ACTION_TEXT[result.decision])
        assert window.banner.action == expected
    assert window.banner.headline == QCoreApplication.translate("Banner", RETAKE_TEXT[result.reason_code])
    window.clear_result()
    assert window.banner.headline == QCoreApplication.translate("Banner", BANNER_TEXT["idle"])
    assert window.banner.headline != BANNER_TEXT["idle"]
    window.show_camera_lost("camera:0 stopped delivering pictures")
    assert window.lost_panel.title.text() != "Camera lost" and "Ctrl+K" in window.banner.action


def test_a_station_built_from_its_configuration_speaks_its_language(
    qtbot, kiosk_config, make_tiny_bundle, fake_camera, clock
):
    """[station] language = "ar" through the composition root: mirrored window, Arabic texts."""
    from kiosk.app import Station

    config = replace(
        kiosk_config,
        station=StationConfig(language="ar"),
        model=ModelConfig(bundle=str(make_tiny_bundle()), device="cpu", backend="eager"),
    )
    factory = fake_camera[0]
    station = Station(
        config, source_factory=lambda _spec: factory(), clock=clock, camera_prober=lambda _s: []
    )
    try:
        window = station.build(no_login=True)
        qtbot.addWidget(window)
        assert QCoreApplication.instance().layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert window.banner.headline == "جاهز · اضغط «التقاط»"
        assert window.windowTitle() == "محطة فحص جدري القردة"
    finally:
        station.shutdown()


def test_the_case_writers_trouble_is_told_in_the_station_language(window_in):
    """The store marks its status lines (kiosk/store/writer.py, no Qt there); the window translates them."""
    from kiosk.store.records import WriterStatus
    from kiosk.store.writer import PROBLEMS

    busy = WriterStatus(False, 2, "the database is locked", 5, "English line", problem="busy")
    window = window_in("fr")
    window.on_writer_status(busy)
    assert (
        window.status_db.text().startswith("Base de données occupée")
        and "(2 en attente)" in window.status_db.text()
    )
    window = window_in("en")
    window.on_writer_status(busy)
    assert window.status_db.text() == PROBLEMS["busy"][1].format(n=2)


UNAVAILABLE_LINES = {
    "fr": "Le dépistage est indisponible : le modèle n'a pas pu être chargé. Appelez votre administrateur.",
    "ar": "الفحص غير متاح: تعذّر تحميل النموذج. اتصل بالمسؤول.",
}
REFUSED_LINES = {
    "fr": "Le modèle de dépistage a été modifié ou endommagé : appelez votre administrateur.",
    "ar": "تم تغيير نموذج الفحص أو أنه تالف: اتصل بالمسؤول.",
}
TECHNICAL_LABELS = {"fr": "Détail technique (pour l'administrateur) : ", "ar": "تفاصيل تقنية (للمسؤول): "}


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_screening_unavailable_is_told_in_the_station_language(window_in, lang):
    """The officer reads what happened and what to do in the station's language; the technical reason stays
    in English on its own line, under a translated label, for the administrator."""
    from models.trust import OFFICER_MESSAGE

    detail = "[model] bundle /srv/mpox/bundle: no manifest.json (not a bundle folder)"
    window = window_in(lang, unavailable=detail)
    assert window.banner_kind == "unavailable"
    assert window.reason.text().startswith(UNAVAILABLE_LINES[lang]) and detail not in window.reason.text()
    assert window.detail_label.isVisible()
    shown = window.detail_label.text().replace("\u200b", "")
    assert shown == TECHNICAL_LABELS[lang] + detail and window.detail_label.toolTip() == detail
    assert not window.capture_button.isEnabled()
    # A bundle refused by its trust check: the officer's message of models/trust.py, translated (its details
    # are in the log only).
    assert UNAVAILABLE["refused"] == OFFICER_MESSAGE
    window = window_in(lang, unavailable=OFFICER_MESSAGE.rstrip("."), unavailable_kind="refused")
    assert window.reason.text().startswith(REFUSED_LINES[lang]) and not window.detail_label.isVisible()


CAMERA_LINES = {
    "fr": "Aucune nouvelle image depuis 2.0 s : la caméra est peut-être débranchée, utilisée par un autre "
    "programme ou figée. Nouvel essai dans 4 s.",
    "ar": "لا توجد صورة جديدة منذ 2.0 ث: قد تكون الكاميرا مفصولة، أو يستخدمها برنامج آخر، أو متجمّدة. "
    "محاولة جديدة بعد 4 ث.",
}


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_a_lost_camera_is_told_in_the_station_language(window_in, lang):
    """kiosk/capture.py marks the officer's lines (no Qt there) and names the problem; the window translates
    it, keeps the capture service's English words for the administrator, and marks an absent source."""
    from kiosk.capture import CameraState, CaptureStats

    english = "camera 3: no new picture for 2.0 s (unplugged, taken by another program, frozen). Reconnecting"
    lost = CaptureStats(
        CameraState.LOST, "camera 3", 0.0, 0, 10, english, 1, "no_picture", {"seconds": 2.0, "retry_s": 4.0}
    )
    window = window_in(lang, source_spec="camera:3")
    window.on_capture_state(lost)
    panel = window.lost_panel
    assert panel.isVisible() and panel.detail.text() == CAMERA_LINES[lang]
    assert panel.technical.text().replace("\u200b", "") == TECHNICAL_LABELS[lang] + english
    assert window.banner_kind == "camera_lost" and window.banner.headline != "CAMERA LOST · no live picture"
    window.set_cameras(
        []
    )  # a scan found no camera: the configured one is kept, marked in the station language
    label = window.source_box.itemText(window.source_box.findData("camera:3"))
    assert (
        label == "camera:3 · " + QCoreApplication.translate("Capture", "not found")
        and "not found" not in label
    )
    window.show_camera_lost(
        "source 'usb' is not camera:N, file:PATH or folder:PATH"
    )  # no kind: a general line
    assert panel.detail.text() == QCoreApplication.translate(
        "ScreeningWindow", "The camera delivers no picture."
    )
    assert panel.detail.text() != "The camera delivers no picture."


def test_the_login_dialog_says_the_stores_refusals_in_the_station_language(qapp):
    """A failed log-in and a database in trouble, as the login and first-start dialogs say them."""
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from kiosk.store import accounts
    from kiosk.store.errors import LoginError
    from kiosk.ui.review.login import new_account_problem, refusal

    locked = OperationalError("SELECT 1", {}, sqlite3.OperationalError("database is locked"))
    i18n.install("fr")
    assert refusal(LoginError(accounts.LOGIN_REFUSED)).startswith(
        "Nom d'utilisateur ou mot de passe incorrect"
    )
    assert refusal(locked).startswith("La base des cas est occupée") and "SELECT" not in refusal(locked)
    assert (
        new_account_problem("admin", "short")
        == "Le mot de passe est trop court : utilisez au moins 10 caractères."
    )
    i18n.install("ar")
    assert refusal(locked).startswith("قاعدة بيانات الحالات مشغولة")
    i18n.install("en")
    assert refusal(LoginError(accounts.LOGIN_REFUSED)) == accounts.LOGIN_REFUSED


def test_a_review_rules_refusal_is_told_in_the_station_language(qapp):
    """kiosk/store/reviews.py marks its refusals (no Qt there) and keeps the raw status; the case screen
    translates the sentence and names the status as the case list does."""
    from kiosk.store import reviews
    from kiosk.store.errors import RuleRefused
    from kiosk.ui.review.wording import refusal_text

    with pytest.raises(RuleRefused) as info:
        reviews.check_outcome("pending", None, "pcr_positive", "")
    assert "this case is pending: confirm or refer it first" in str(info.value)  # English, for the log
    i18n.install("fr")
    assert refusal_text(info.value) == (
        "Un résultat PCR ne s'enregistre que sur un cas confirmé ou transmis ; ce cas est au statut "
        "« en attente » : confirmez-le ou transmettez-le d'abord."
    )
    i18n.install("ar")
    assert "«قيد الانتظار»" in refusal_text(info.value)
    i18n.install("en")
    assert refusal_text(info.value) == str(info.value)
