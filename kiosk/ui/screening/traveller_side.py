"""The traveller's side of the screening window: the officer's controls for the traveller in front (the
language of their panel and notice, their agreement to the privacy notice, their yes to reuse of the picture)
and the panel that faces them (kiosk/ui/traveller.py). kiosk/station.py holds their answers and says what the
panel shows."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...caselog import Consent
from ...station import StationCore
from .. import i18n
from ..i18n import QT_TRANSLATE_NOOP, tr
from ..traveller import load_notice, make_panel

CONSENT = QT_TRANSLATE_NOOP("ScreeningWindow", "Traveller agreed to the notice  [C]")
TRAINING_CONSENT = QT_TRANSLATE_NOOP("ScreeningWindow", "Picture may improve the model  [T]")


class TravellerSide(QObject):
    """``where``: the traveller panel's placement (kiosk/ui/traveller.py ``placement``); "panel" leaves it to
    the officer's window to place. ``controls``: the officer's row of traveller controls, for their column."""

    agreement_changed = Signal()  # the officer pressed (or released) "Traveller agreed"

    def __init__(self, core: StationCore, where: str, retention_days: int, officer_window: QWidget):
        super().__init__(officer_window)
        self.core = core
        self.retention_days = retention_days
        self.controls = self._controls(ask_language=core.require_consent or where != "off")
        self.panel = make_panel(where, core.traveller_language, retention_days, officer_window)
        self.show_state()

    def _controls(self, ask_language: bool) -> QVBoxLayout:
        """The traveller's language (for their panel and notice) and the agreement toggle, one row above
        Capture. The list names each language in itself; its label is its tooltip and accessible name (a
        label beside it would widen the officer's column beyond 1280 pixels with the panel beside it)."""
        row = QHBoxLayout()
        label = tr("ScreeningWindow", "Traveller's language")
        self.language_box = QComboBox()
        self.language_box.setToolTip(
            label
            + ": "
            + tr(
                "ScreeningWindow",
                "The language of the traveller's panel and privacy notice (the station keeps its own)",
            )
        )
        for code, name in i18n.LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.set_language(self.core.traveller_language)
        self.language_box.currentIndexChanged.connect(self._language_chosen)
        self.consent_button = QPushButton(tr("ScreeningWindow", CONSENT))
        self.consent_button.setObjectName("consent")
        self.consent_button.setCheckable(True)
        self.consent_button.setToolTip(
            tr(
                "ScreeningWindow",
                "Press when the traveller has read the privacy notice and agrees [C]. Without it only a "
                "FLAG is saved, without picture or reference. It resets for the next traveller.",
            )
        )
        self.consent_button.toggled.connect(self._consent_toggled)
        # The traveller's own yes to reuse of the picture for improving the model (a secondary use, asked
        # whatever the legal basis; default no, reset for each traveller).
        self.training_button = QPushButton(tr("ScreeningWindow", TRAINING_CONSENT))
        self.training_button.setObjectName("consent")
        self.training_button.setCheckable(True)
        self.training_button.setToolTip(
            tr(
                "ScreeningWindow",
                "Ask the traveller whether their picture may be kept to improve the screening model; press "
                "only if they say yes [T]. It resets for the next traveller.",
            )
        )
        self.training_button.toggled.connect(self._training_toggled)
        self.language_box.setAccessibleName(label)
        row.addWidget(self.language_box)
        row.addWidget(self.consent_button, 1)
        self.language_box.setVisible(ask_language)
        self.consent_button.setVisible(self.core.require_consent)
        # the reuse question on a row of its own: beside the others it would widen the column past 1280 px
        rows = QVBoxLayout()
        rows.addLayout(row)
        rows.addWidget(self.training_button)
        return rows

    def _language_chosen(self, _index: int) -> None:
        self.core.traveller_language = self.language_box.currentData() or "en"
        if self.panel is not None:
            self.panel.set_language(self.core.traveller_language)

    def _consent_toggled(self, on: bool) -> None:
        _mark(self.consent_button, CONSENT, on)
        self.core.consent_given = on
        self.show_state()
        self.agreement_changed.emit()

    def _training_toggled(self, on: bool) -> None:
        _mark(self.training_button, TRAINING_CONSENT, on)
        self.core.training_consent = on

    def set_language(self, language: str) -> None:
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language)))

    def set_consent(self, agreed: bool) -> None:
        self.consent_button.setChecked(bool(agreed))

    def set_training_consent(self, agreed: bool) -> None:
        self.training_button.setChecked(bool(agreed))

    def show_answers(self) -> None:
        """The answers as the core holds them (it resets them for the next traveller)."""
        self.set_consent(self.core.consent_given)
        self.set_training_consent(self.core.training_consent)

    def show_state(self, result_shown: bool = False) -> None:
        """The traveller's panel in the state the core says (``result_shown``: a decision is on screen)."""
        if self.panel is not None:
            self.panel.set_state(self.core.traveller_state(result_shown))

    def consent(self) -> Consent:
        """What goes with a screening request (kiosk/station.py), with the version of the notice shown."""
        notice = load_notice(self.core.traveller_language, self.retention_days)
        return self.core.consent(notice.version)


def _mark(button: QPushButton, text: str, on: bool) -> None:
    """A traveller's answer shows its state in its text, not only in its colour."""
    text = tr("ScreeningWindow", text)
    button.setText(f"✓ {text}" if on else text)
