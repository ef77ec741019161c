"""The station's language: Qt's translation system for every officer-facing string of the screening window.

Strings are written in English in the code and translated where they are shown: ``tr(context, text)``. A
module-level table is marked with ``QT_TRANSLATE_NOOP(context, text)`` (it returns the English text, so the
table works without Qt) and translated each time it is shown, never at import: the language is chosen after
the modules are imported. ``pyside6-lupdate`` finds both spellings (resources/translations/update.sh gives it
``tr`` as an alias of ``translate``); ``install(language)`` loads the compiled ``station_<lang>.qm`` (and Qt's
own ``qtbase`` translations for standard dialogs and buttons) and mirrors the layout for Arabic.

Texts with values use Python placeholders (``{cls}``, ``{p:.2f}``), filled after translation with
``str.format``; the translator keeps them (tests/kiosk/test_translations.py checks it).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator

from models.errors import MpoxError

# [station] language: the code, and the language's own name (for a chooser or a log line).
LANGUAGES: dict[str, str] = {
    "en": "English",
    "fr": "Français",
    "es": "Español",
    "pt": "Português",
    "ar": "العربية",
    "zh_CN": "简体中文",
}
DEFAULT_LANGUAGE = "en"
RIGHT_TO_LEFT = frozenset({"ar"})
# Scripts without italics (and common fonts without italic Arabic or Chinese glyphs: DejaVu Sans Oblique draws
# boxes): the window's italic notes are set upright in these languages.
UPRIGHT = frozenset({"ar", "zh_CN"})

_installed: list[QTranslator] = []
_current = DEFAULT_LANGUAGE


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - Qt's name, which lupdate looks for
    """Marks ``text`` for translation in ``context`` (lupdate) and returns it unchanged."""
    return text


def tr(context: str, text: str) -> str:
    """``text`` in the station's language (itself when there is no translation: English)."""
    return QCoreApplication.translate(context, text)


# The label under which an English detail for the administrator follows a translated line (camera, model,
# database, review, start-up): one text, one translation.
TECHNICAL_DETAIL = QT_TRANSLATE_NOOP("Common", "Technical detail (for the administrator): {detail}")


def technical_detail(detail: object) -> str:
    """``detail`` (English, for the administrator) under its translated label."""
    return tr("Common", TECHNICAL_DETAIL).format(detail=detail)


def translations_dir() -> Path:
    """resources/translations, wherever kiosk.resources finds resources/ (checkout, wheel, frozen build)."""
    from kiosk.resources import ResourceMissing, resource_path

    try:
        return resource_path("translations")
    except ResourceMissing as exc:
        raise TranslationMissing(f'{exc}. Or set [station] language = "en"') from exc


class TranslationMissing(MpoxError):
    """The configured language has no compiled translation where the station looks for it."""


def install(language: str, app: QCoreApplication | None = None) -> None:
    """Use ``language`` (a key of LANGUAGES) from now on: the window built after this speaks it. English
    removes the translators. Arabic also turns the whole layout right to left."""
    global _current
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing a language")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != DEFAULT_LANGUAGE:
        folder = translations_dir()
        station = QTranslator(app)
        if not station.load(f"station_{language}", str(folder)):
            raise TranslationMissing(
                f"[station] language = {language!r}: no compiled translation station_{language}.qm in "
                f"{folder}. Reinstall the station, run resources/translations/update.sh in a source "
                'checkout, or set language = "en"'
            )
        app.installTranslator(station)
        _installed.append(station)
        qt = QTranslator(app)  # Qt's own strings (standard buttons, dialogs), when PySide6 ships them
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(QLocale(language), "qtbase", "_", qt_dir):
            app.installTranslator(qt)
            _installed.append(qt)
    direction = (
        Qt.LayoutDirection.RightToLeft if language in RIGHT_TO_LEFT else Qt.LayoutDirection.LeftToRight
    )
    if hasattr(app, "setLayoutDirection"):  # a QGuiApplication (a plain QCoreApplication has no layout)
        app.setLayoutDirection(direction)
    _current = language


def current_language() -> str:
    return _current
