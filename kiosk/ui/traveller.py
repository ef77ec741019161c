"""The traveller-facing panel: large print for the person in front of the camera, in the language the officer
chooses for them (independent of the station's language), and the privacy notice shown before capture.

It has four states: ``notice`` (no agreement yet: the privacy notice, and "tell the officer whether you
agree"), ``info`` (the notice as information, on a station whose legal basis is public health: "then show
the affected skin to the camera"), ``live`` (agreed: "Show the affected skin to the camera" / "Hold still")
and ``wait`` (a result is on the officer's screen: "please wait for the officer"). The panel never shows the
result: the officer decides and tells the traveller.

The notice is ``resources/text/traveller_notice.<lang>.md`` with ``{retention_days}`` filled in; its version,
recorded with each case, is the first 12 hex digits of the SHA-256 of the text as shown (UTF-8), so a changed
wording or retention period is a new version.

Where it shows (``[traveller] screen``): ``auto`` opens it as a window of its own, full screen on the
second screen when there is one (``QGuiApplication.screens()``), else as a panel at the side of the
officer's window; ``second`` always a window of its own (on the second screen, else beside the officer's
window); ``panel`` always in the officer's window; ``off`` not at all (the officer shows the notice another
way; its version is still recorded with the traveller's agreement).

The panel's texts are tables here, not Qt translations: Qt's translator is the station's language, and the
traveller's may differ.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from ..resources import resource_path
from ..station import INFO, LIVE, NOTICE, WAIT
from .i18n import LANGUAGES, RIGHT_TO_LEFT
from .style import style_sheet

STATES = (NOTICE, INFO, LIVE, WAIT)  # kiosk/station.py decides which one shows

# The panel's lines in each language: headline and second line per state, and the window title.
TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Information for the traveller",
        "notice": "Please read before the picture",
        "notice_ask": "Tell the officer whether you agree.",
        "info_2": "Then show the affected skin to the camera.",
        "live": "Show the affected skin to the camera",
        "live_2": "Hold still",
        "wait": "Thank you",
        "wait_2": "Please wait: the officer will tell you what happens next.",
    },
    "fr": {
        "title": "Information pour le voyageur",
        "notice": "Veuillez lire avant la photo",
        "notice_ask": "Dites à l'agent si vous êtes d'accord.",
        "info_2": "Montrez ensuite la peau atteinte à la caméra.",
        "live": "Montrez la peau atteinte à la caméra",
        "live_2": "Ne bougez plus",
        "wait": "Merci",
        "wait_2": "Veuillez patienter : l'agent vous dira ce qui se passe ensuite.",
    },
    "es": {
        "title": "Información para el viajero",
        "notice": "Lea esto antes de la foto",
        "notice_ask": "Diga al agente si está de acuerdo.",
        "info_2": "Después, muestre la piel afectada a la cámara.",
        "live": "Muestre la piel afectada a la cámara",
        "live_2": "No se mueva",
        "wait": "Gracias",
        "wait_2": "Espere, por favor: el agente le dirá qué ocurre a continuación.",
    },
    "pt": {
        "title": "Informação para o viajante",
        "notice": "Leia antes da fotografia",
        "notice_ask": "Diga ao agente se concorda.",
        "info_2": "Depois, mostre a pele afetada à câmara.",
        "live": "Mostre a pele afetada à câmara",
        "live_2": "Fique imóvel",
        "wait": "Obrigado",
        "wait_2": "Aguarde, por favor: o agente dir-lhe-á o que acontece a seguir.",
    },
    "ar": {
        "title": "معلومات للمسافر",
        "notice": "يُرجى القراءة قبل التقاط الصورة",
        "notice_ask": "أخبر الموظف إن كنت توافق.",
        "info_2": "ثم أظهِر الجلد المصاب أمام الكاميرا.",
        "live": "أظهِر الجلد المصاب أمام الكاميرا",
        "live_2": "اثبت دون حركة",
        "wait": "شكرًا لك",
        "wait_2": "يُرجى الانتظار: سيخبرك الموظف بما سيحدث بعد ذلك.",
    },
    "zh_CN": {
        "title": "旅客须知",
        "notice": "拍照前请阅读",
        "notice_ask": "请告诉工作人员您是否同意。",
        "info_2": "然后请将患处皮肤对准摄像头。",
        "live": "请将患处皮肤对准摄像头",
        "live_2": "请保持不动",
        "wait": "谢谢",
        "wait_2": "请稍候：工作人员会告诉您接下来会怎样。",
    },
}
SCREENS = ("auto", "second", "panel", "off")


@dataclass(frozen=True)
class Notice:
    language: str
    text: str  # Markdown, as shown (retention days filled in)
    version: str  # the first 12 hex digits of the SHA-256 of ``text``


def notice_file(language: str):
    """resources/text/traveller_notice.<language>.md (ResourceMissing names it when it is not there)."""
    return resource_path("text", f"traveller_notice.{language}.md")


@cache
def load_notice(language: str, retention_days: int) -> Notice:
    """The privacy notice in ``language`` with the retention period filled in, and its version."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown traveller language {language!r}; choose one of {', '.join(LANGUAGES)}")
    raw = notice_file(language).read_text(encoding="utf-8")
    text = raw.replace("{retention_days}", str(int(retention_days)))
    return Notice(language, text, notice_version(text))


def for_display(text: str) -> str:
    """The notice for the panel: its title in bold rather than as a heading of its own size (the panel's
    large print is its own); the words are the notice's."""
    return "\n".join(
        f"**{line[2:].strip()}**" if line.startswith("# ") else line for line in text.splitlines()
    )


def notice_version(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def placement(setting: str, screens: int) -> str:
    """Where the panel goes for ``[traveller] screen`` with ``screens`` screens: "window" (a window of its
    own), "panel" (in the officer's window) or "off"."""
    if setting not in SCREENS:
        raise ValueError(f"[traveller] screen {setting!r}: choose one of {', '.join(SCREENS)}")
    if setting == "off":
        return "off"
    if setting == "second" or (setting == "auto" and screens > 1):
        return "window"
    return "panel"


class TravellerPanel(QWidget):
    """Large print for the traveller; ``set_language`` and ``set_state`` drive it (the screening window)."""

    def __init__(self, language: str = "en", retention_days: int = 90, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("traveller")
        self.retention_days = retention_days
        self.language = language
        self.state = NOTICE
        self._scale = 1.0
        layout = QVBoxLayout(self)
        self.headline = QLabel()
        self.headline.setObjectName("travellerHeadline")
        self.headline.setWordWrap(True)
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.second = QLabel()
        self.second.setObjectName("travellerSecond")
        self.second.setWordWrap(True)
        self.second.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice_view = QLabel()
        self.notice_view.setObjectName("travellerNotice")
        self.notice_view.setTextFormat(Qt.TextFormat.MarkdownText)
        self.notice_view.setWordWrap(True)
        self.notice_view.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.notice_scroll = QScrollArea()
        self.notice_scroll.setWidgetResizable(True)
        self.notice_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.notice_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.notice_scroll.setWidget(self.notice_view)
        layout.addWidget(self.headline)
        layout.addWidget(self.notice_scroll, 1)
        layout.addWidget(self.second)
        self.stretch = QWidget()  # keeps the instructions in the middle when the notice is hidden
        layout.addWidget(self.stretch, 1)
        self.set_language(language)

    # ---------- what it shows ----------
    @property
    def notice(self) -> Notice:
        return load_notice(self.language, self.retention_days)

    def text(self, key: str) -> str:
        return TEXTS[self.language][key]

    def set_language(self, language: str) -> None:
        if language not in TEXTS:
            raise ValueError(f"unknown traveller language {language!r}; choose one of {', '.join(TEXTS)}")
        self.language = language
        rtl = language in RIGHT_TO_LEFT
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        self.notice_view.setText(for_display(self.notice.text))
        self.notice_view.setAlignment(
            Qt.AlignmentFlag.AlignTop | (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
        )
        window = self.window()
        if window is self:
            self.setWindowTitle(self.text("title"))
        self._show()

    def set_state(self, state: str) -> None:
        if state not in STATES:
            raise ValueError(f"unknown traveller panel state {state!r}")
        self.state = state
        self._show()

    def _show(self) -> None:
        notice = self.state in (NOTICE, INFO)
        if notice:
            self.headline.setText(self.text("notice"))
            self.second.setText(self.text("notice_ask" if self.state == NOTICE else "info_2"))
        elif self.state == LIVE:
            self.headline.setText(self.text("live"))
            self.second.setText(self.text("live_2"))
        else:
            self.headline.setText(self.text("wait"))
            self.second.setText(self.text("wait_2"))
        self.notice_scroll.setVisible(notice)
        self.stretch.setVisible(not notice)
        self._fonts()

    # ---------- large print ----------
    def set_scale(self, scale: float) -> None:
        self._scale = scale
        self._fonts()

    def _fonts(self) -> None:
        """Large print: sizes from the panel's own height (a window of its own on a big screen grows)."""
        base = max(self._scale, self.height() / 500.0 if self.isWindow() else self._scale)
        live = self.state not in (NOTICE, INFO)
        for label, points, bold in (
            (self.headline, 26 if live else 18, True),
            (self.second, 22 if live else 14, live),
            (self.notice_view, 12, False),
        ):
            font = QFont(label.font())
            font.setPointSizeF(points * base)
            font.setBold(bold)
            label.setFont(font)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.isWindow():
            self._fonts()

    def show_facing_traveller(self) -> None:
        """Show the panel made as a window of its own: full screen on the traveller's screen, else a window
        beside the officer's, which they can turn or move."""
        if self.isVisible():
            return
        screen = second_screen()
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            self.resize(640, 520)
            self.show()


def make_panel(
    where: str, language: str, retention_days: int, officer_window: QWidget
) -> TravellerPanel | None:
    """The traveller's panel for ``where`` (a ``placement``): none for "off"; for "panel" a widget the
    officer's window places; for "window" a window of its own, owned by the officer's window and shown with
    it (``show_facing_traveller``)."""
    if where == "off":
        return None
    if where == "panel":
        return TravellerPanel(language, retention_days)
    panel = TravellerPanel(language, retention_days, officer_window)
    panel.setWindowFlag(Qt.WindowType.Window, True)
    panel.setWindowTitle(panel.text("title"))
    panel.setStyleSheet(style_sheet(1.0))
    return panel


def second_screen():
    """The screen after the primary one, or None on a single-screen station."""
    primary = QGuiApplication.primaryScreen()
    others = [s for s in QGuiApplication.screens() if s is not primary]
    return others[0] if others else None
