"""Colours and a scalable style sheet: readable contrast, large touch-friendly controls from 720p to 4K."""

from __future__ import annotations

import re
from functools import cache

from models.decision import Decision, ReasonCode

from ..config import DEFAULT_REVIEW_INSTRUCTION
from ..resources import resource_path

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

BANNER_TEXT = {
    Decision.FLAG: "FLAG · suspected {cls}",
    Decision.REVIEW: "REVIEW · manual review needed",
    Decision.CLEAR: "CLEAR · {cls}",
    Decision.RETAKE: "RETAKE · image not usable",
    "idle": "Ready · press Capture",
    "unavailable": "SCREENING UNAVAILABLE",
    "signed_out": "LOGGED OFF · log in to screen",
}
# RETAKE and REVIEW banners by reason code (models.decision.ReasonCode).
RETAKE_TEXT = {
    ReasonCode.NOT_SKIN: "RETAKE · not a skin close-up",
    ReasonCode.POOR_QUALITY: "RETAKE · image not usable",
}
UNKNOWN_CONDITION_TEXT = "REVIEW · condition not recognised"

# What the officer does next: the banner's second line, one per decision (RETAKE: by reason code).
# REVIEW's line is the station's own ([station] review_instruction, kiosk/config.py; this is its default).
ACTION_TEXT = {
    Decision.FLAG: "Send to secondary screening",
    Decision.REVIEW: DEFAULT_REVIEW_INSTRUCTION,
    Decision.CLEAR: "Let the traveller pass",
    Decision.RETAKE: "Take the picture again",
}
RETAKE_ACTION_TEXT = {
    ReasonCode.POOR_QUALITY: "Hold the camera steady, closer, in good light",
    ReasonCode.NOT_SKIN: "Point the camera at the affected skin",
}


def banner_lines(
    decision: Decision,
    reason_code: ReasonCode | None = None,
    named_class: str = "",
    review_instruction: str = "",
) -> tuple[str, str]:
    """(headline, action) of a screening result's banner: the one decision -> banner mapping.

    ``named_class``: the display name of the class a FLAG suspects or a CLEAR found."""
    decision = Decision(decision)  # a stored string ("flag") is taken too
    reason_code = ReasonCode(reason_code) if reason_code else None
    if decision is Decision.RETAKE:
        return (
            RETAKE_TEXT.get(reason_code, BANNER_TEXT[Decision.RETAKE]),
            RETAKE_ACTION_TEXT.get(reason_code, ACTION_TEXT[Decision.RETAKE]),
        )
    if decision is Decision.REVIEW:
        unknown = reason_code is ReasonCode.UNKNOWN_CONDITION
        head = UNKNOWN_CONDITION_TEXT if unknown else BANNER_TEXT[Decision.REVIEW]
        return head, review_instruction or ACTION_TEXT[Decision.REVIEW]
    return BANNER_TEXT[decision].format(cls=named_class).removesuffix(" · "), ACTION_TEXT[decision]


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
