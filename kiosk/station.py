"""The screening station's own decisions, without Qt: kiosk/ui/screening_window.py only draws what they give
(the model/view split napari uses).

``StationCore`` holds who screens (the login), whether screening works (the model, the camera), the
traveller's answers on the station's legal basis (``[privacy] legal_basis``: what goes with each request
as ``Consent``, kiosk/caselog.py keeps the case accordingly), which result is current (a result asked for
before the screen was cleared is dropped), automatic mode, when the reference and the traveller's answers are
cleared, and the words of each state and result.

Its texts are English and keep the window's translation context ("ScreeningWindow"): the window passes Qt's
translation (kiosk/ui/i18n.tr) as ``translate``, a test passes nothing and reads English. The words
kiosk/ui/style.py gives a result (the banner's lines, the reason as a sentence) come in as ``ResultWords``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from models.decision import Decision, ReasonCode

from .capture import PROBLEMS, RETRYING
from .caselog import Consent

if TYPE_CHECKING:
    from .inference import ScreeningResult

Translate = Callable[[str, str], str]  # (context, English text) -> the text in the station's language


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name Qt's lupdate looks for
    """Marks an officer-facing text for the station's translations; the window translates it when shown (this
    module stays free of Qt)."""
    return text


def english(_context: str, text: str) -> str:
    """The texts as written: the translation without Qt's translator."""
    return text


# The banner's states besides the decisions (their colours are in kiosk/ui/style.py BANNER_COLOURS).
IDLE = "idle"
SIGNED_OUT = "signed_out"
SCREENING_UNAVAILABLE = "unavailable"
# The camera-lost state takes the place of the "Ready" banner (a result on screen keeps its banner: the
# officer may still need it for the traveller in front).
CAMERA_LOST = "camera_lost"
# What the traveller's panel shows (kiosk/ui/traveller.py): the privacy notice to agree to, the notice as
# information (public-health basis), "show the skin", and "wait for the officer" once a result is on screen.
NOTICE = "notice"
INFO = "info"
LIVE = "live"
WAIT = "wait"
# What becomes of a case, in order: on this station's disk (the writer's spooling thread acknowledged it,
# kiosk/store/writer.py submit_case_later), or not kept (the disk refused it); then in the database, or set
# aside (the writer's on_case).
SPOOLED = "spooled"
NOT_SAVED = "not_saved"
SAVED = "saved"
SET_ASIDE = "set_aside"
_FINAL = (NOT_SAVED, SAVED, SET_ASIDE)  # a later event never takes the place of these
KEPT_CASE_EVENTS = 64  # the latest, by case id: the writer may answer before the result is shown

# Module-level texts are English, marked for translation and translated when shown.
NOTE = QT_TRANSLATE_NOOP(
    "ScreeningWindow",
    "Screening aid, not a diagnosis: the officer decides. When in doubt, refer the traveller "
    "to secondary screening.",
)
CAMERA_LOST_HEADLINE = QT_TRANSLATE_NOOP("ScreeningWindow", "CAMERA LOST · no live picture")
CAMERA_LOST_ACTION = QT_TRANSLATE_NOOP("ScreeningWindow", "Check the cable or choose another camera [Ctrl+K]")
CAMERA_PROBLEM = QT_TRANSLATE_NOOP("ScreeningWindow", "The camera delivers no picture.")  # no known kind
# Screening unavailable (no usable model): what the officer reads; the technical reason (English, for the
# administrator) is on a line of its own under it. "refused": the bundle failed its trust check
# (kiosk/trust.py): the text is models.trust.OFFICER_MESSAGE (a test keeps them equal), and its details are
# in the log only, as kiosk/trust.py wants.
UNAVAILABLE = {
    "model": QT_TRANSLATE_NOOP(
        "ScreeningWindow", "Screening is unavailable: the model could not be loaded. Call your administrator."
    ),
    "refused": QT_TRANSLATE_NOOP(
        "ScreeningWindow", "The screening model was changed or damaged: call your administrator."
    ),
    "failing": QT_TRANSLATE_NOOP(
        "ScreeningWindow",
        "Screening is out of service: the model keeps failing. Screen travellers by hand and call your "
        "administrator.",
    ),
}


class Request(Protocol):
    """The part of kiosk.workers.ScreenRequest the core reads."""

    mode: str
    traveller_ref: str
    generation: int
    consent: Consent | None


class Outcome(Protocol):
    """The part of kiosk.workers.ScreenOutcome the core reads."""

    request: Request
    result: ScreeningResult | None
    case_id: str | None
    log_error: str
    spooling: bool  # the case was handed to the writer and is not on disk yet (a SPOOLED event follows)


@dataclass(frozen=True)
class BannerText:
    """What the banner and the status line under it say."""

    kind: Decision | str  # a decision, or one of the station's states (IDLE, SIGNED_OUT, ...)
    line: str  # the status line under the banner
    headline: str | None = None  # None: the kind's own headline (kiosk/ui/style.py banner_text)
    action: str = ""  # what to do, the banner's second line
    detail: str = ""  # a technical line in English for the administrator ("" : none)


@dataclass(frozen=True)
class ResultWords:
    """The words kiosk/ui/style.py gives a result: its time (the station's local time), the reason as a
    sentence, the banner's headline and action."""

    time: str
    reason: str
    headline: str
    action: str


@dataclass(frozen=True)
class ShownResult:
    """A result as the window shows it."""

    banner: BannerText
    # the chart's bars: none for a RETAKE or a condition the model does not know
    classes: list[tuple[str, float]]
    clear_reference: bool  # the field held this result's reference: it starts empty for the next one
    decided: bool  # a FLAG, REVIEW or CLEAR: the traveller's answers were reset, their panel says wait


def breakable(text: str, every: int = 24) -> str:
    """``text`` with break opportunities (zero-width spaces) in runs of more than ``every`` characters without
    a space: a passport's MRZ line or a scanned barcode as a traveller reference wraps in the result line
    instead of widening its column (and the window) beyond the screen."""
    return re.sub(rf"\S{{{every}}}(?=\S)", lambda m: m.group(0) + "\u200b", text)


def camera_line(problem: str, values: dict[str, object], tr: Translate = english) -> str:
    """The officer's line for a camera problem (a key of capture.PROBLEMS) in the station's language, with
    when the station tries again; a general line for a problem without a key."""
    if problem not in PROBLEMS:
        return tr("ScreeningWindow", CAMERA_PROBLEM)
    try:
        line = tr("Capture", PROBLEMS[problem]).format(**values)
    except (KeyError, ValueError, IndexError):  # a value missing: the line without it rather than nothing
        line = tr("ScreeningWindow", CAMERA_PROBLEM)
    if "retry_s" in values:
        line += " " + tr("Capture", RETRYING).format(seconds=values["retry_s"])
    return line


def declined(consent: Consent | None) -> bool:
    """The station asks for agreement (consent basis) and the traveller did not give it: a FLAG is kept
    without picture or reference, nothing else is kept (kiosk/caselog.py)."""
    return consent is not None and consent.given is False


@dataclass(frozen=True)
class AutoContext:
    """What automatic mode screens each new frame with (kiosk/workers.py offer_frame, in the capture thread):
    published by the window whenever it may have changed."""

    operator: str
    traveller_ref: str
    generation: int
    consent: Consent | None
    auto_epoch: int


class StationCore:
    """The screening window's state and rules, without drawing. ``translate``: kiosk/ui/i18n.tr in the
    window (English without it)."""

    def __init__(
        self,
        *,
        has_engine: bool,
        unavailable: str = "",
        unavailable_kind: str = "model",
        operator: str = "",
        login_required: bool = False,
        require_consent: bool = False,
        traveller_language: str = "en",
        translate: Translate = english,
    ):
        self.tr = translate
        self.has_engine = has_engine  # an inference thread exists
        # Screening unavailable: the reason in English (for the administrator; "" : screening works) and its
        # kind, a key of UNAVAILABLE (the officer's line).
        self.unavailable = unavailable
        self.unavailable_kind = unavailable_kind if unavailable_kind in UNAVAILABLE else "model"
        self.operator = operator
        self.login_required = login_required
        # [privacy] legal_basis = "consent": nothing of a result is kept unless the officer confirmed the
        # traveller agreed (except a minimal FLAG); "public_health": the notice is information, not asked.
        self.require_consent = require_consent
        self.consent_given = False
        self.training_consent = False  # the traveller's own yes to reuse of the picture, whatever the basis
        self.traveller_language = traveller_language
        self.camera_lost = False
        self.lost_since = ""  # the local time the camera was lost, as the banner shows it
        self.auto_mode = False
        self.generation = 0  # bumped when the screen is cleared: results asked for before are not shown
        self.auto_epoch = 0  # bumped when the automatic window must start afresh (ScreenRequest.auto_epoch)
        self.banner_kind: Decision | str = IDLE  # what the banner shows now
        self.result: ScreeningResult | None = None  # the result on screen
        self.case_id: str | None = None  # the case kept for it, once it is on this station's disk
        # kept as a minimal case (no agreement): the referral slip carries no picture either
        self.case_without_picture = False
        # "Kept" only once the case is on disk, "saved" only once the writer says it is in the database: case
        # id -> its latest event, and the result on screen waiting for its case's events with the line each
        # event brings.
        self._case_events: dict[str, str] = {}
        self._case_details: dict[
            str, str
        ] = {}  # case id -> why it was not kept (English, the technical line)
        self._awaiting_case: tuple[str, dict[str, str]] | None = None

    # ---------- who screens, and whether screening works ----------
    @property
    def signed_out(self) -> bool:
        """A login is required and nobody is logged in: nothing is screened."""
        return self.login_required and not self.operator

    @property
    def can_screen(self) -> bool:
        """A model, and an officer where a login is required (Automatic needs nothing more)."""
        return self.has_engine and not self.unavailable and not self.signed_out

    @property
    def can_capture(self) -> bool:
        """Capture also needs a live camera."""
        return self.can_screen and not self.camera_lost

    def take_out_of_service(self, reason: str) -> bool:
        """The engine stopped screening (a model that keeps failing, kiosk/inference.py): screening is
        unavailable from now on. False when it already was, for this reason."""
        if self.unavailable == reason:
            return False
        self.unavailable, self.unavailable_kind = reason, "failing"
        return True

    # ---------- automatic mode ----------
    def set_auto_mode(self, on: bool) -> bool:
        """Automatic mode on or off (only where screening works); the engine starts its frame window afresh.
        Whether it is on."""
        self.auto_mode = bool(on) and self.can_screen
        self.auto_epoch += 1
        return self.auto_mode

    def offers_frame(self, engine_busy: bool) -> bool:
        """Automatic mode screens the newest frame only while the engine is idle (nothing queues up), the
        camera is live and an officer is there."""
        return self.auto_mode and not engine_busy and not self.camera_lost and not self.signed_out

    def auto_context(self, reference: str, consent: Consent) -> AutoContext | None:
        """What new frames are screened with now (the reference typed, the traveller's answers); None while
        automatic mode screens none (off, the camera lost, nobody logged in)."""
        if not self.offers_frame(engine_busy=False):
            return None
        return AutoContext(self.operator, reference, self.generation, consent, self.auto_epoch)

    # ---------- the traveller ----------
    def consent(self, notice_version: str) -> Consent:
        """What goes with a screening request: the notice shown, the traveller's answer (None where the
        station does not ask: the public-health basis) and their answer on reuse of the picture."""
        given = self.consent_given if self.require_consent else None
        return Consent(notice_version, self.traveller_language, given, self.training_consent)

    def traveller_state(self, result_shown: bool = False) -> str:
        """What the traveller's panel shows."""
        if result_shown:
            return WAIT
        if not self.require_consent:  # public-health basis: the notice is information, always shown
            return INFO
        return LIVE if self.consent_given else NOTICE

    # ---------- the camera ----------
    def lose_camera(self, now: str) -> bool:
        """The camera stopped delivering at ``now`` (local time): True the first time (the window empties the
        live view); automatic mode starts its window afresh once pictures return."""
        if self.camera_lost:
            return False
        self.camera_lost, self.lost_since = True, now
        self.auto_epoch += 1
        return True

    def camera_returned(self) -> bool:
        """Pictures again: True when the camera was lost."""
        was_lost, self.camera_lost = self.camera_lost, False
        return was_lost

    @property
    def camera_lost_takes_the_banner(self) -> bool:
        """A result on screen keeps its banner (the officer may still need it); "Ready" or a RETAKE do not."""
        return self.banner_kind in (IDLE, Decision.RETAKE)

    # ---------- the screen ----------
    def clear(self) -> None:
        """Forget the last traveller: their result, case and answers; a result still on its way is dropped,
        and the engine starts its automatic window afresh with the next frame."""
        self.generation += 1
        self.result, self.case_id, self.case_without_picture = None, None, False
        self.consent_given = self.training_consent = False  # the next traveller is asked again
        self.auto_epoch += 1

    def is_current(self, outcome: Outcome) -> bool:
        """A result to show: not "automatic window still filling", not asked for before the screen was
        cleared (a log-off, the result timed out)."""
        return outcome.result is not None and outcome.request.generation == self.generation

    def present(self, outcome: Outcome, typed_reference: str, words: ResultWords) -> ShownResult:
        """Show the current ``outcome`` (see ``is_current``); ``typed_reference``: the reference field's text
        now. A decision for this traveller resets their answers: the next one is asked again."""
        result, request = outcome.result, outcome.request
        self._awaiting_case = None
        decided = result.decision is not Decision.RETAKE
        on_disk = outcome.case_id and (
            not outcome.spooling or self._case_events.get(outcome.case_id) in (SPOOLED, SAVED, SET_ASIDE)
        )
        self.result, self.case_id = result, outcome.case_id if on_disk else None
        self.case_without_picture = declined(request.consent)
        if decided:
            banner = self._decided_banner(outcome, words)
            self.consent_given = self.training_consent = False
        else:
            banner = BannerText(
                result.decision, self._retake_line(request, words), words.headline, words.action
            )
        self.banner_kind = result.decision
        # An unrecognised rash gets no class chart: the station asserts none of its eight classes.
        named = decided and result.reason_code is not ReasonCode.UNKNOWN_CONDITION
        ref = request.traveller_ref
        return ShownResult(
            banner,
            classes=list(result.top3) if named else [],
            # decided with the reference still in the field (automatic mode): the next traveller starts clean
            clear_reference=request.mode == "auto" and bool(ref) and decided and typed_reference == ref,
            decided=decided,
        )

    def _retake_line(self, request: Request, words: ResultWords) -> str:
        ref = request.traveller_ref
        note = (
            self.tr(
                "ScreeningWindow",
                " Traveller ref. {ref} was not saved: type it again with the new picture.",
            ).format(ref=breakable(ref))
            if ref and request.mode == "capture"
            else ""
        )
        return self.tr("ScreeningWindow", "{time} · {reason}.{note}").format(
            time=words.time, reason=words.reason, note=note
        )

    def _decided_banner(self, outcome: Outcome, words: ResultWords) -> BannerText:
        """A FLAG, REVIEW or CLEAR: the line says how it was decided and what happened to the case; "saved"
        only once the writer has committed it."""
        result = outcome.result
        how = (
            self.tr("ScreeningWindow", "mean of {n} frames").format(n=result.frames_averaged)
            if result.mode == "auto"
            else self.tr("ScreeningWindow", "captured frame")
        )

        def line_with(saved: str) -> str:
            return self.tr("ScreeningWindow", "{time} · {reason} ({how}).{saved}").format(
                time=words.time, reason=words.reason, how=how, saved=saved
            )

        saved = self.saved_text(outcome)
        if outcome.case_id:
            lines = {
                SAVED: line_with(saved),
                SET_ASIDE: line_with(
                    self.tr(
                        "ScreeningWindow",
                        " The database refused this case: it is set aside on this station; call your admin.",
                    )
                ),
                NOT_SAVED: line_with(self.saved_text(outcome, kept=False)),
                SPOOLED: line_with(
                    self.tr(
                        "ScreeningWindow",
                        " Case kept on this station: it goes into the database as soon as the database "
                        "answers.",
                    )
                ),
            }
            event = self._case_events.get(outcome.case_id)
            if event in _FINAL:  # the writer answered before the result was shown
                detail = outcome.log_error or self._case_details.get(outcome.case_id, "")
                return BannerText(result.decision, lines[event], words.headline, words.action, detail)
            self._awaiting_case = (outcome.case_id, lines)
            if event == SPOOLED or not outcome.spooling:
                return BannerText(
                    result.decision, lines[SPOOLED], words.headline, words.action, outcome.log_error
                )
            saved = self.tr("ScreeningWindow", " Saving the case on this station…")
        return BannerText(result.decision, line_with(saved), words.headline, words.action, outcome.log_error)

    def saved_text(self, outcome: Outcome, kept: bool = True) -> str:
        """What the result line says about the case: kept, minimal, not saved (and why), or nothing kept.
        ``kept=False``: the case was to be kept but its disk refused it."""
        request, ref = outcome.request, outcome.request.traveller_ref
        not_agreed = declined(request.consent)
        if not kept:
            return self.tr(
                "ScreeningWindow", " The case was NOT saved: call your administrator if it persists."
            )
        if outcome.case_id and not_agreed:  # consent basis: a FLAG without agreement, kept minimal
            return self.tr(
                "ScreeningWindow",
                " Case saved without picture or reference: the traveller did not agree to the notice.",
            )
        if outcome.case_id:
            return (
                self.tr("ScreeningWindow", " Case saved with traveller ref. {ref}.").format(
                    ref=breakable(ref)
                )
                if ref
                else self.tr("ScreeningWindow", " Case saved.")
            )
        if outcome.log_error:  # the reason, in English, goes to the technical line
            return self.tr(
                "ScreeningWindow", " The case was NOT saved: call your administrator if it persists."
            )
        if not_agreed:
            return self.tr(
                "ScreeningWindow",
                " Nothing saved: the traveller did not agree to the notice (no case, no picture).",
            )
        if ref:
            return self.tr(
                "ScreeningWindow", " Traveller ref. {ref} not saved (no case is kept for this result)."
            ).format(ref=breakable(ref))
        return ""

    def case_event(self, case_id: str, kind: str, detail: str = "") -> str | None:
        """What became of a case (SPOOLED, NOT_SAVED, SAVED, SET_ASIDE): the result line to show now when the
        result on screen was waiting for it, else None. The case on screen counts as kept (the referral slip
        is offered) from SPOOLED on."""
        if self._case_events.get(case_id) in _FINAL:  # a late "on disk" never undoes "in the database"
            return None
        self._case_events[case_id] = kind
        if detail:
            self._case_details[case_id] = detail
        while len(self._case_events) > KEPT_CASE_EVENTS:  # the oldest first (dicts keep insertion order)
            oldest = next(iter(self._case_events))
            del self._case_events[oldest]
            self._case_details.pop(oldest, None)
        if self._awaiting_case is None or self._awaiting_case[0] != case_id:
            return None
        lines = self._awaiting_case[1]
        if kind in _FINAL:
            self._awaiting_case = None
        if kind != NOT_SAVED:
            self.case_id = case_id
        return lines.get(kind)

    # ---------- the banners of the station's states ----------
    def idle_banner(self) -> BannerText:
        """The banner without a result: why nothing is screened, or what to do next. The result left the
        screen: a case event for it changes nothing on screen any more."""
        self._awaiting_case = None
        if self.signed_out:
            return self._showing(
                BannerText(SIGNED_OUT, self.tr("ScreeningWindow", "Log in to screen travellers."))
            )
        if self.unavailable:
            return self._showing(self._unavailable_banner())
        if self.camera_lost:
            return self.camera_lost_banner()
        if self.require_consent and not self.consent_given:
            line = self.tr(
                "ScreeningWindow",
                "Show the traveller the privacy notice and press [C] when they agree; without it "
                "only a FLAG is saved, without picture or reference.",
            )
        else:
            line = self.tr(
                "ScreeningWindow",
                "Point the camera at the rash, then press Capture or turn on Automatic.",
            )
        return self._showing(BannerText(IDLE, line))

    def _unavailable_banner(self) -> BannerText:
        line = self.tr("ScreeningWindow", UNAVAILABLE[self.unavailable_kind])
        if self.unavailable_kind != "failing":  # a failing model needs more than a configured one
            line += " " + self.tr(
                "ScreeningWindow",
                "The live view still works; screening starts once a model is configured and the station "
                "restarted.",
            )
        # A refused bundle's English message is the officer's line itself: nothing more to show.
        detail = "" if self.unavailable_kind == "refused" else self.unavailable
        return BannerText(SCREENING_UNAVAILABLE, line, detail=detail)

    def camera_lost_banner(self) -> BannerText:
        return self._showing(
            BannerText(
                CAMERA_LOST,
                self.tr(
                    "ScreeningWindow", "No live picture since {time}; the station keeps trying the camera."
                ).format(time=self.lost_since),
                self.tr("ScreeningWindow", CAMERA_LOST_HEADLINE),
                self.tr("ScreeningWindow", CAMERA_LOST_ACTION),
            )
        )

    def no_live_picture_banner(self) -> BannerText:
        """[Space] before the camera delivered a picture."""
        return self._showing(
            BannerText(
                Decision.RETAKE,
                self.tr("ScreeningWindow", "No live picture to screen: wait for the camera."),
                action=self.tr("ScreeningWindow", "Wait for the live picture"),
            )
        )

    def failed_banner(self, message: str) -> BannerText:
        """Screening this picture failed: the officer's line, the error (English) as the technical line."""
        return self._showing(
            BannerText(
                Decision.RETAKE,
                self.tr(
                    "ScreeningWindow",
                    "Screening this picture failed. Try again; if it persists, restart the station.",
                ),
                self.tr("ScreeningWindow", "SCREENING ERROR"),
                self.tr("ScreeningWindow", "Capture again"),
                message,
            )
        )

    def _showing(self, banner: BannerText) -> BannerText:
        self.banner_kind = banner.kind
        return banner
