"""What a stored case says, in a reviewer's words: one place for the review table, the case detail and the
PDF report, so none of them shows a raw dictionary or an internal name (``skin_fraction``, ``pcr_positive``).

The decision's headline and the officer's action are the screening banner's own (``kiosk/ui/style.py``
``banner_lines``); the class names are the taxonomy's display names.
"""

from __future__ import annotations

from collections.abc import Mapping

from kiosk.ui.style import banner_lines
from models.decision import Decision, ReasonCode
from models.taxonomy import display_name

OUTCOME_WORDS = {"pcr_positive": "PCR positive", "pcr_negative": "PCR negative"}

# Why the station decided as it did (models.decision.ReasonCode), as the review filter and the case say it.
REASON_WORDS = {
    ReasonCode.FLAG_THRESHOLD: "a flagged class reached the flag threshold",
    ReasonCode.LOW_CONFIDENCE: "low confidence",
    ReasonCode.UNKNOWN_CONDITION: "condition not recognised",
    ReasonCode.NOT_SKIN: "not a skin close-up",
    ReasonCode.POOR_QUALITY: "doubtful picture",
    ReasonCode.CONFIDENT: "confident result",
}

# The image-quality measures of models/quality.py (``measure``), named and formatted for people.
QUALITY_WORDS = {
    "blur": ("Sharpness", "{:.0f}"),  # variance of the Laplacian: higher is sharper
    "brightness": ("Brightness", "{:.0f} of 255"),
    "clipped": ("Burnt-out pixels", "{:.0%}"),
    "skin_fraction": ("Skin in view", "{:.0%}"),
}


def short_name(cls: str) -> str:
    """A class's display name without its parenthesis ("Mpox", not "Mpox (monkeypox)")."""
    return display_name(cls).split(" (")[0]


# The traveller notice's languages (kiosk.ui.i18n.LANGUAGES), named in English for the reviewer.
LANGUAGE_WORDS = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "pt": "Portuguese",
    "ar": "Arabic",
    "zh_CN": "Simplified Chinese",
}


def consent_text(version: str | None, language: str | None, given: bool | None) -> str:
    """The privacy notice shown before capture and the traveller's answer, in plain words."""
    if version is None and language is None and given is None:
        return "Notice: not recorded (the station did not ask for the traveller's agreement)"
    answer = "traveller agreed" if given else "traveller did not agree"
    name = LANGUAGE_WORDS.get(language or "", language or "language not recorded")
    return f"Notice: version {version or '-'} ({name}), {answer}"


def _plain(key: str) -> str:
    return key.replace("_", " ").strip().capitalize()


def outcome_text(outcome: str | None) -> str:
    return OUTCOME_WORDS.get(outcome, _plain(outcome)) if outcome else ""


def status_text(status: str, outcome: str | None = None) -> str:
    """ "Confirmed · PCR positive", "Pending"."""
    return _plain(status) + (f" · {outcome_text(outcome)}" if outcome else "")


def reason_text(reason_code: str | None) -> str:
    try:
        return REASON_WORDS[ReasonCode(reason_code)]
    except ValueError:
        return _plain(reason_code or "")


def headline(decision: str, reason_code: str | None, top_class: str) -> tuple[str, str]:
    """(headline, action) as the station's banner showed them ("FLAG · suspected Mpox", "Send to ...")."""
    try:
        code = ReasonCode(reason_code) if reason_code else None
        return banner_lines(Decision(decision), code, short_name(top_class))
    except ValueError:  # a decision or reason this version does not know
        return decision.upper(), ""


def _number(value) -> str:
    return f"{value:.2f}" if isinstance(value, int | float) else str(value)


def threshold_lines(thresholds: Mapping) -> list[str]:
    """The case's thresholds, one line each: "Flag threshold (Mpox): 0.36"."""
    flagged = ", ".join(short_name(c) for c in thresholds.get("flagged_classes", ("mpox",)))
    named = {
        "flag": f"Flag threshold ({flagged})",
        "review": "Review threshold (top probability)",
        "unknown": "Condition-not-recognised threshold (open-set score)",
        "not_skin": "Not-skin threshold (open-set score)",
    }
    lines = [f"{named[k]}: {_number(thresholds[k])}" for k in named if thresholds.get(k) is not None]
    lines += [
        f"{_plain(k)}: {_number(v)}"
        for k, v in thresholds.items()
        if k not in named and k != "flagged_classes" and v is not None
    ]
    return lines


def quality_lines(quality: Mapping[str, float]) -> list[str]:
    """The picture's quality measures, one line each: "Skin in view: 40%"."""
    lines = []
    for key, value in quality.items():
        label, fmt = QUALITY_WORDS.get(key, (_plain(key), "{:.3g}"))
        try:
            lines.append(f"{label}: {fmt.format(value)}")
        except (TypeError, ValueError):
            lines.append(f"{label}: {value}")
    return lines
