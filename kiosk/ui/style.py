"""Colours and a scalable style sheet: readable contrast, large touch-friendly controls from 720p to 4K."""

from __future__ import annotations

import re
from functools import cache

from models.decision import Decision, ReasonCode, shown_below
from models.taxonomy import display_name

from ..config import DEFAULT_REVIEW_INSTRUCTION
from ..resources import resource_path
from .i18n import QT_TRANSLATE_NOOP, tr

# The tables below are keyed by models.decision.Decision (a StrEnum: a stored decision string such as "flag"
# finds the same entry) and, for the banner, by the station's own states ("idle", "unavailable", ...).

# Chart colours of the decisions (bars on the dark background: the top-3 chart and the dashboard).
CHART_COLOURS = {Decision.FLAG: "#e53935", Decision.REVIEW: "#ffb300", Decision.CLEAR: "#43a047"}

# Banner colours: (background, text). Text colours meet WCAG AA (>= 4.5:1) on their background.
BANNER_COLOURS = {
    Decision.FLAG: ("#b00020", "#ffffff"),
    Decision.REVIEW: ("#ffb300", "#1a1a1a"),
    Decision.CLEAR: ("#1b5e20", "#ffffff"),
    Decision.RETAKE: ("#37474f", "#ffffff"),
    "idle": ("#263238", "#eceff1"),
    "unavailable": ("#4a148c", "#ffffff"),
    "signed_out": ("#263238", "#eceff1"),
    "camera_lost": ("#8b0000", "#ffffff"),  # white on dark red (10:1), the lost panel's colour
}

# The texts below are English, marked for Qt's translation (kiosk/ui/i18n.py) and translated where they are
# shown: use banner_text(), banner_lines(), class_name() and reason_sentence(), not the tables directly.
BANNER_TEXT = {
    Decision.FLAG: QT_TRANSLATE_NOOP("Banner", "FLAG · suspected {cls}"),
    Decision.REVIEW: QT_TRANSLATE_NOOP("Banner", "REVIEW · manual review needed"),
    Decision.CLEAR: QT_TRANSLATE_NOOP("Banner", "CLEAR · {cls}"),
    Decision.RETAKE: QT_TRANSLATE_NOOP("Banner", "RETAKE · image not usable"),
    "idle": QT_TRANSLATE_NOOP("Banner", "Ready · press Capture"),
    "unavailable": QT_TRANSLATE_NOOP("Banner", "SCREENING UNAVAILABLE"),
    "signed_out": QT_TRANSLATE_NOOP("Banner", "LOGGED OFF · log in to screen"),
}
# RETAKE and REVIEW banners by reason code (models.decision.ReasonCode).
RETAKE_TEXT = {
    ReasonCode.NOT_SKIN: QT_TRANSLATE_NOOP("Banner", "RETAKE · not a skin close-up"),
    ReasonCode.POOR_QUALITY: QT_TRANSLATE_NOOP("Banner", "RETAKE · image not usable"),
}
UNKNOWN_CONDITION_TEXT = QT_TRANSLATE_NOOP("Banner", "REVIEW · condition not recognised")
MODEL_ERROR_TEXT = QT_TRANSLATE_NOOP("Banner", "REVIEW · the model failed")
MODEL_ERROR_ACTION = QT_TRANSLATE_NOOP("Banner", "Screen this traveller by hand")

# What the officer does next: the banner's second line, one per decision (RETAKE: by reason code).
# REVIEW's line is the station's own ([station] review_instruction, kiosk/config.py; this is its default,
# translated; a station's own instruction is shown as written).
ACTION_TEXT = {
    Decision.FLAG: QT_TRANSLATE_NOOP("Banner", "Send to secondary screening"),
    Decision.REVIEW: QT_TRANSLATE_NOOP("Banner", "Hold the traveller and ask the duty clinician"),
    Decision.CLEAR: QT_TRANSLATE_NOOP("Banner", "Let the traveller pass"),
    Decision.RETAKE: QT_TRANSLATE_NOOP("Banner", "Take the picture again"),
}
assert ACTION_TEXT[Decision.REVIEW] == DEFAULT_REVIEW_INSTRUCTION  # the marked copy of the config's default
RETAKE_ACTION_TEXT = {
    ReasonCode.POOR_QUALITY: QT_TRANSLATE_NOOP("Banner", "Hold the camera steady, closer, in good light"),
    ReasonCode.NOT_SKIN: QT_TRANSLATE_NOOP("Banner", "Point the camera at the affected skin"),
}

# The classes' display names (models.taxonomy) and their short forms ("Mpox", not "Mpox (monkeypox)").
CLASS_TEXT = (
    QT_TRANSLATE_NOOP("Classes", "Mpox (monkeypox)"),
    QT_TRANSLATE_NOOP("Classes", "Mpox"),
    QT_TRANSLATE_NOOP("Classes", "Chickenpox"),
    QT_TRANSLATE_NOOP("Classes", "Measles"),
    QT_TRANSLATE_NOOP("Classes", "Normal skin"),
    QT_TRANSLATE_NOOP("Classes", "Eczema"),
    QT_TRANSLATE_NOOP("Classes", "Urticaria (hives)"),
    QT_TRANSLATE_NOOP("Classes", "Urticaria"),
    QT_TRANSLATE_NOOP("Classes", "Bullous disease"),
    QT_TRANSLATE_NOOP("Classes", "Vasculitis"),
)

# The quality gate's reasons (models/quality.py writes them in English): translated part by part.
QUALITY_TEXT = {
    text: text
    for text in (
        QT_TRANSLATE_NOOP("Reason", "no skin in view: point the camera at the rash"),
        QT_TRANSLATE_NOOP("Reason", "too dark: add light or move closer to the lamp"),
        QT_TRANSLATE_NOOP("Reason", "too bright: reduce glare or move away from direct light"),
        QT_TRANSLATE_NOOP("Reason", "rather dark"),
        QT_TRANSLATE_NOOP("Reason", "too blurred: hold still and let the camera focus"),
        QT_TRANSLATE_NOOP("Reason", "slightly blurred"),
        QT_TRANSLATE_NOOP("Reason", "little skin in view"),
    )
}
# Why the decision (models/decision.py says it in English for the log): the window's sentence, rebuilt from
# the verdict's numbers so that it can be translated.
REASON_TEXT = {
    "flag": QT_TRANSLATE_NOOP(
        "Reason", "{cls} probability {p:.2f} is at or above the flag threshold {flag:.2f}"
    ),
    "unknown": QT_TRANSLATE_NOOP(
        "Reason",
        "This rash does not look like any condition the model knows (mpox and seven look-alikes): "
        "a person must look",
    ),
    "unknown_score": QT_TRANSLATE_NOOP("Reason", "open-set score {score:.2f}, threshold {threshold:.2f}"),
    "low_confidence": QT_TRANSLATE_NOOP(
        "Reason", "top probability {p:.2f} is below the review threshold {review:.2f}"
    ),
    "clear": QT_TRANSLATE_NOOP("Reason", "no flagged class reached {flag:.2f}; top class {cls} at {p:.2f}"),
    "doubtful": QT_TRANSLATE_NOOP("Reason", "image quality doubtful ({quality}); {reason}"),
    "not_skin": QT_TRANSLATE_NOOP(
        "Reason", "this does not look like a skin close-up; point the camera at the affected skin"
    ),
    "model_error": QT_TRANSLATE_NOOP(
        "Reason", "the model gave no usable result for this picture; a person must screen the traveller"
    ),
}


def banner_text(kind: Decision | str) -> str:
    """The banner's headline for a station state ("idle", "unavailable", "signed_out") or a decision."""
    return tr("Banner", BANNER_TEXT[kind])


def class_name(cls: str, short: bool = False) -> str:
    """A class's display name in the station's language (``short``: without its parenthesis)."""
    name = display_name(cls)
    if short:
        name = name.split(" (")[0]
    return tr("Classes", name)


def banner_lines(
    decision: Decision,
    reason_code: ReasonCode | None = None,
    named_class: str = "",
    review_instruction: str = "",
) -> tuple[str, str]:
    """(headline, action) of a screening result's banner, in the station's language: the one decision ->
    banner mapping.

    ``named_class``: the display name of the class a FLAG suspects or a CLEAR found (already translated)."""
    decision = Decision(decision)  # a stored string ("flag") is taken too
    reason_code = ReasonCode(reason_code) if reason_code else None
    if decision is Decision.RETAKE:
        return (
            tr("Banner", RETAKE_TEXT.get(reason_code, BANNER_TEXT[Decision.RETAKE])),
            tr("Banner", RETAKE_ACTION_TEXT.get(reason_code, ACTION_TEXT[Decision.RETAKE])),
        )
    if reason_code is ReasonCode.MODEL_ERROR:
        return tr("Banner", MODEL_ERROR_TEXT), tr("Banner", MODEL_ERROR_ACTION)
    if decision is Decision.REVIEW:
        unknown = reason_code is ReasonCode.UNKNOWN_CONDITION
        head = UNKNOWN_CONDITION_TEXT if unknown else BANNER_TEXT[Decision.REVIEW]
        return tr("Banner", head), tr("Banner", review_instruction or ACTION_TEXT[Decision.REVIEW])
    head = tr("Banner", BANNER_TEXT[decision]).format(cls=named_class).strip().removesuffix(" ·")
    return head, tr("Banner", ACTION_TEXT[decision])


def _quality_text(text: str) -> str:
    return "; ".join(tr("Reason", QUALITY_TEXT.get(part.strip(), part.strip())) for part in text.split(";"))


def reason_sentence(result) -> str:
    """Why the decision of ``result`` (kiosk.inference.ScreeningResult), in the station's language, without
    a full stop. Rebuilt from the verdict's numbers; the stored English reason where they are missing."""
    decision = Decision(result.decision)
    code = ReasonCode(result.reason_code)
    verdict, th, probs = result.verdict, result.thresholds, result.probabilities
    english = result.reason.removeprefix("retake: ")
    if decision is Decision.RETAKE:
        if english == REASON_TEXT["not_skin"]:
            return tr("Reason", english)
        return _quality_text(english)
    if code is ReasonCode.MODEL_ERROR:
        return tr("Reason", REASON_TEXT["model_error"])
    if verdict is None:
        return english
    top = verdict.top_class
    top_p = verdict.top_probability
    if code is ReasonCode.FLAG_THRESHOLD and verdict.flagged_class in probs:
        cls = verdict.flagged_class
        return tr("Reason", REASON_TEXT["flag"]).format(
            cls=class_name(cls, short=True), p=probs[cls], flag=th.flag
        )
    if code is ReasonCode.UNKNOWN_CONDITION:
        text = tr("Reason", REASON_TEXT["unknown"])
        score = result.open_set_score
        if score is None and verdict.open_set is not None:
            score = verdict.open_set.unknown
        if score is not None and th.unknown is not None:
            numbers = tr("Reason", REASON_TEXT["unknown_score"]).format(score=score, threshold=th.unknown)
            text = f"{text} ({numbers})"
        return text
    if top is None or top_p is None:
        return english
    if code is ReasonCode.LOW_CONFIDENCE:
        return tr("Reason", REASON_TEXT["low_confidence"]).format(p=shown_below(top_p), review=th.review)
    clear = tr("Reason", REASON_TEXT["clear"]).format(flag=th.flag, cls=class_name(top, short=True), p=top_p)
    if code is ReasonCode.POOR_QUALITY:
        doubtful = result.quality.doubtful
        if not doubtful:
            found = re.match(r"image quality doubtful \((.*?)\); ", english)
            doubtful = found.group(1) if found else ""
        if not doubtful:
            return english
        return tr("Reason", REASON_TEXT["doubtful"]).format(quality=_quality_text(doubtful), reason=clear)
    if code is ReasonCode.CONFIDENT:
        return clear
    return english


def sentence(text: str) -> str:
    """``text`` with a capital first letter (where the script has capitals)."""
    return text[:1].upper() + text[1:]


def scale_for(height: int) -> float:
    """1.0 at 720 px high, growing with the window up to 3x (4K)."""
    return max(1.0, min(3.0, height / 720.0))


# The style sheet's scaled sizes (resources/style/station.qss writes them @name@): pixels at 720p, and whether
# the size keeps a 2 px minimum (thin borders that must stay visible).
QSS_SIZES = {
    "base_px": (17, 0),
    "big_px": (22, 0),
    "pad_px": (10, 0),
    "touch_px": (56, 0),
    "focus_px": (3, 2),
    "field_px": (44, 0),
    "check_px": (28, 0),
    "check_border_px": (2, 2),
    "groove_px": (10, 0),
    "handle_px": (32, 0),
    "handle_margin_px": (11, 0),
    "handle_radius_px": (8, 0),
    "status_px": (14, 0),
}
_PLACEHOLDER = re.compile(r"@(\w+)@")


@cache
def _qss_template() -> str:
    """resources/style/station.qss, read once, without its leading comment (the file's documentation)."""
    text = resource_path("style", "station.qss").read_text(encoding="utf-8")
    if text.startswith("/*"):
        text = text[text.index("*/") + 2 :]
    return text


def qss_sizes(scale: float) -> dict[str, int]:
    """Each placeholder's size in pixels at ``scale``."""
    sizes = {name: max(least, round(px * scale)) for name, (px, least) in QSS_SIZES.items()}
    sizes["pad2_px"] = sizes["pad_px"] * 2
    sizes["half_pad_px"] = round(sizes["pad_px"] / 2)
    return sizes


def style_sheet(scale: float) -> str:
    """The station's style sheet (resources/style/station.qss) with its sizes scaled by ``scale``."""
    sizes = qss_sizes(scale)

    def size(match: re.Match) -> str:
        name = match.group(1)
        if name == "check_icon":  # a file, not a size: the tick of a checked check box
            return resource_path("icons", "check.svg").as_posix()
        if name not in sizes:
            known = ", ".join(sorted(sizes))
            raise ValueError(f"resources/style/station.qss: unknown placeholder @{name}@; known: {known}")
        return f"{sizes[name]}px"

    return _PLACEHOLDER.sub(size, _qss_template())


BANNER_FONT_PX = 34  # the headline at 720p; the action line is ACTION_FONT_PX (both shrink to fit one line)
ACTION_FONT_PX = 22


def banner_style(kind: Decision | str, scale: float) -> str:
    """``kind``: a decision, or one of the station's states ("idle", "unavailable", "signed_out",
    "camera_lost")."""
    bg, fg = BANNER_COLOURS[kind]
    return (
        f"background: {bg}; color: {fg}; font-size: {round(BANNER_FONT_PX * scale)}px; font-weight: 800; "
        f"padding: {round(14 * scale)}px; border-radius: {round(10 * scale)}px;"
    )
