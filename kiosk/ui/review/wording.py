"""What a stored case says, in a reviewer's words: one place for the review table, the case detail and the
PDF report, so none of them shows a raw dictionary or an internal name (``skin_fraction``, ``pcr_positive``).

The decision's headline and the officer's action are the screening banner's own (``kiosk/ui/style.py``
``banner_lines``); the class names are the taxonomy's display names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from kiosk.store.errors import AccessDenied, CaseNotFound, MediaError
from kiosk.ui.i18n import QT_TRANSLATE_NOOP, technical_detail, tr
from kiosk.ui.style import banner_lines, class_name
from models.decision import Decision, ReasonCode

OUTCOME_WORDS = {
    "pcr_positive": QT_TRANSLATE_NOOP("CaseWording", "PCR positive"),
    "pcr_negative": QT_TRANSLATE_NOOP("CaseWording", "PCR negative"),
    "pcr_not_done": QT_TRANSLATE_NOOP("CaseWording", "PCR not done"),
}
# A confirmed label that is not one of the classes (kiosk.store.schema.CONFIRMED_LABELS); the classes are
# named by their display names.
LABEL_WORDS = {
    "other_condition": QT_TRANSLATE_NOOP("CaseWording", "another condition"),
    "not_skin": QT_TRANSLATE_NOOP("CaseWording", "not skin"),
    "unknown": QT_TRANSLATE_NOOP("CaseWording", "unknown (no diagnosis)"),
}
# A case's review status (kiosk.store.schema.REVIEW_STATUSES) and the changes in its history.
STATUS_WORDS = {
    "pending": QT_TRANSLATE_NOOP("CaseWording", "Pending"),
    "confirmed": QT_TRANSLATE_NOOP("CaseWording", "Confirmed"),
    "dismissed": QT_TRANSLATE_NOOP("CaseWording", "Dismissed"),
    "referred": QT_TRANSLATE_NOOP("CaseWording", "Referred"),
}
HISTORY_WORDS = {
    "confirm": QT_TRANSLATE_NOOP("CaseWording", "confirmed"),
    "dismiss": QT_TRANSLATE_NOOP("CaseWording", "dismissed"),
    "refer": QT_TRANSLATE_NOOP("CaseWording", "referred"),
    "outcome": QT_TRANSLATE_NOOP("CaseWording", "recorded the outcome"),
    "label": QT_TRANSLATE_NOOP("CaseWording", "recorded the confirmed label"),
}
# The review actions as the case screen's buttons name them (the "&" marks the shortcut key); a sentence that
# names an action quotes its button (``action_text``).
ACTION_LABELS = {
    "confirm": QT_TRANSLATE_NOOP("CaseDetail", "&Confirm (send to PCR)"),
    "dismiss": QT_TRANSLATE_NOOP("CaseDetail", "&Dismiss (false alarm)"),
    "refer": QT_TRANSLATE_NOOP("CaseDetail", "&Refer"),
    "outcome": QT_TRANSLATE_NOOP("CaseDetail", "Record &outcome"),
    "label": QT_TRANSLATE_NOOP("CaseDetail", "Record &label"),
}
# The decisions as the table, the filter and the dashboard name them.
DECISION_WORDS = {
    "flag": QT_TRANSLATE_NOOP("CaseWording", "FLAG"),
    "review": QT_TRANSLATE_NOOP("CaseWording", "REVIEW"),
    "clear": QT_TRANSLATE_NOOP("CaseWording", "CLEAR"),
    "retake": QT_TRANSLATE_NOOP("CaseWording", "RETAKE"),
}
ROLE_WORDS = {
    "officer": QT_TRANSLATE_NOOP("CaseWording", "officer"),
    "reviewer": QT_TRANSLATE_NOOP("CaseWording", "reviewer"),
    "admin": QT_TRANSLATE_NOOP("CaseWording", "admin"),
}

# Why the station decided as it did (models.decision.ReasonCode), as the review filter and the case say it.
REASON_WORDS = {
    ReasonCode.FLAG_THRESHOLD: QT_TRANSLATE_NOOP("CaseWording", "a flagged class reached the flag threshold"),
    ReasonCode.LOW_CONFIDENCE: QT_TRANSLATE_NOOP("CaseWording", "low confidence"),
    ReasonCode.UNKNOWN_CONDITION: QT_TRANSLATE_NOOP("CaseWording", "condition not recognised"),
    ReasonCode.NOT_SKIN: QT_TRANSLATE_NOOP("CaseWording", "not a skin close-up"),
    ReasonCode.POOR_QUALITY: QT_TRANSLATE_NOOP("CaseWording", "doubtful picture"),
    ReasonCode.CONFIDENT: QT_TRANSLATE_NOOP("CaseWording", "confident result"),
    ReasonCode.MODEL_ERROR: QT_TRANSLATE_NOOP("CaseWording", "the model failed"),
}

# The image-quality measures of models/quality.py (``measure``), named and formatted for people.
QUALITY_WORDS = {
    "blur": (QT_TRANSLATE_NOOP("CaseWording", "Sharpness"), "{:.0f}"),  # variance of the Laplacian
    "brightness": (QT_TRANSLATE_NOOP("CaseWording", "Brightness"), "{:.0f}"),
    "clipped": (QT_TRANSLATE_NOOP("CaseWording", "Burnt-out pixels"), "{:.0%}"),
    "skin_fraction": (QT_TRANSLATE_NOOP("CaseWording", "Skin in view"), "{:.0%}"),
}
OF_255 = QT_TRANSLATE_NOOP("CaseWording", "{value} of 255")


def short_name(cls: str) -> str:
    """A class's display name without its parenthesis ("Mpox", not "Mpox (monkeypox)"), in the station's
    language (kiosk/ui/style.py's "Classes" table; a class it does not know as the taxonomy names it)."""
    return class_name(cls, short=True)


def class_text(cls: str) -> str:
    """A class's full display name in the station's language."""
    return class_name(cls)


def decision_text(decision: str) -> str:
    """ "FLAG", "REVIEW", ... in the station's language."""
    word = DECISION_WORDS.get(decision.lower())
    return tr("CaseWording", word) if word else decision.upper()


def role_text(role: str) -> str:
    word = ROLE_WORDS.get(role)
    return tr("CaseWording", word) if word else role


# The traveller notice's languages (kiosk.ui.i18n.LANGUAGES), named for the reviewer.
LANGUAGE_WORDS = {
    "en": QT_TRANSLATE_NOOP("CaseWording", "English"),
    "fr": QT_TRANSLATE_NOOP("CaseWording", "French"),
    "es": QT_TRANSLATE_NOOP("CaseWording", "Spanish"),
    "pt": QT_TRANSLATE_NOOP("CaseWording", "Portuguese"),
    "ar": QT_TRANSLATE_NOOP("CaseWording", "Arabic"),
    "zh_CN": QT_TRANSLATE_NOOP("CaseWording", "Simplified Chinese"),
}


def consent_text(
    version: str | None, language: str | None, given: bool | None, training: bool | None = None
) -> str:
    """The privacy notice shown before capture, the traveller's answer, and their answer on reuse of the
    picture to improve the model, in plain words."""
    if training is None:
        reuse = ""
    elif training:
        reuse = " " + tr("CaseWording", "The picture may be used to improve the model (traveller agreed).")
    else:
        reuse = " " + tr("CaseWording", "The picture may NOT be used to improve the model.")
    if version is None and language is None and given is None:
        return (
            tr("CaseWording", "Notice: not recorded (the station did not ask for the traveller's agreement)")
            + reuse
        )
    if given is None:  # [privacy] legal_basis = "public_health": the notice is information, not a question
        answer = tr("CaseWording", "shown for information (public-health basis)")
    else:
        answer = (
            tr("CaseWording", "traveller agreed") if given else tr("CaseWording", "traveller did not agree")
        )
    word = LANGUAGE_WORDS.get(language or "")
    name = tr("CaseWording", word) if word else (language or tr("CaseWording", "language not recorded"))
    return (
        tr("CaseWording", "Notice: version {version} ({language}), {answer}").format(
            version=version or "-", language=name, answer=answer
        )
        + reuse
    )


def _plain(key: str) -> str:
    return key.replace("_", " ").strip().capitalize()


def label_text(label: str | None, detail: str | None = None) -> str:
    """A confirmed label in the reviewer's words: a class's name, or another condition with its name."""
    if not label:
        return ""
    if label in LABEL_WORDS:
        words = tr("CaseWording", LABEL_WORDS[label])
        return f"{words}: {detail}" if detail else words
    return short_name(label)


def outcome_text(outcome: str | None) -> str:
    if not outcome:
        return ""
    return tr("CaseWording", OUTCOME_WORDS[outcome]) if outcome in OUTCOME_WORDS else _plain(outcome)


def action_text(action: str) -> str:
    """A review action ("confirm") as its button says it, without the shortcut mark ("Confirm (send to
    PCR)")."""
    label = ACTION_LABELS.get(action)
    if not label:
        return action
    return re.sub(r"\s*\(&[^)]\)", "", tr("CaseDetail", label)).replace("&", "")  # "…(&C)" in Chinese


def refusal_text(exc: BaseException) -> str:
    """A store refusal as the review screens show it: a review rule's (kiosk.store.errors.RuleRefused) in the
    station's language, its status (in lower case, inside a sentence), outcome and action named as the case
    screen names them; any other as ``store_error_text`` says it."""
    text, values = getattr(exc, "text", None), getattr(exc, "values", None)
    if not text or values is None:
        return store_error_text(exc)
    named = {
        k: status_text(v).lower()
        if k == "status"
        else outcome_text(v)
        if k == "outcome"
        else action_text(v)
        if k == "action"
        else v
        for k, v in values.items()
    }
    return tr("ReviewRules", text).format(**named)


# What the review screens say when the store refuses or fails (kiosk/store/errors.py), by the error's type;
# the store's English words go on a line of their own for the administrator.
CASE_GONE = QT_TRANSLATE_NOOP(
    "ReviewErrors",
    "This case is no longer in the case database (an admin deleted it). Refresh the list (F5).",
)
ACCESS_DENIED = QT_TRANSLATE_NOOP(
    "ReviewErrors",
    "Your account may not do this. Log in with an account that may (a reviewer, or an admin), or ask an "
    "admin.",
)
MEDIA_LINES = {  # kiosk.store.errors.MediaError.problem
    "missing": QT_TRANSLATE_NOOP(
        "ReviewErrors", "The picture's file is missing (removed after its retention period, or deleted)."
    ),
    "damaged": QT_TRANSLATE_NOOP(
        "ReviewErrors",
        "The picture cannot be shown: its file is damaged or was altered. Call your administrator.",
    ),
    "key": QT_TRANSLATE_NOOP(
        "ReviewErrors",
        "The pictures cannot be shown: the station's key file is unusable. Call your administrator.",
    ),
}
STORE_FAILED = QT_TRANSLATE_NOOP(
    "ReviewErrors",
    "The case database could not do this. Try again; if it keeps failing, call your administrator.",
)


def store_error_lines(exc: BaseException) -> tuple[str, str]:
    """(the reviewer's line in the station's language: what happened and what to do, the English technical
    detail line or "" where the line says it all) for a store error."""
    if getattr(exc, "text", None) and getattr(exc, "values", None) is not None:  # a review rule's refusal
        return refusal_text(exc), ""
    if isinstance(exc, CaseNotFound):
        line = tr("ReviewErrors", CASE_GONE)
    elif isinstance(exc, AccessDenied):
        line = tr("ReviewErrors", ACCESS_DENIED)
    elif isinstance(exc, MediaError):
        line = tr("ReviewErrors", MEDIA_LINES.get(exc.problem, MEDIA_LINES["damaged"]))
    else:
        line = tr("ReviewErrors", STORE_FAILED)
    return line, technical_detail(exc)


def store_error_text(exc: BaseException) -> str:
    """A store error as a dialog says it: the reviewer's line, then the technical detail line."""
    return "\n".join(line for line in store_error_lines(exc) if line)


def status_text(status: str, outcome: str | None = None) -> str:
    """ "Confirmed · PCR positive", "Pending"."""
    word = tr("CaseWording", STATUS_WORDS[status]) if status in STATUS_WORDS else _plain(status)
    return word + (f" · {outcome_text(outcome)}" if outcome else "")


def history_action(action: str) -> str:
    """A change in a case's history ("confirm") as the history line says it ("confirmed")."""
    return tr("CaseWording", HISTORY_WORDS[action]) if action in HISTORY_WORDS else action


def reason_text(reason_code: str | None) -> str:
    try:
        return tr("CaseWording", REASON_WORDS[ReasonCode(reason_code)])
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
        "flag": tr("CaseWording", "Flag threshold ({classes})").format(classes=flagged),
        "review": tr("CaseWording", "Review threshold (top probability)"),
        "unknown": tr("CaseWording", "Condition-not-recognised threshold (open-set score)"),
        "not_skin": tr("CaseWording", "Not-skin threshold (open-set score)"),
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
        label, fmt = QUALITY_WORDS.get(key, (None, "{:.3g}"))
        label = tr("CaseWording", label) if label else _plain(key)
        try:
            shown = fmt.format(value)
        except (TypeError, ValueError):
            shown = str(value)
        if key == "brightness" and shown != str(value):
            shown = tr("CaseWording", OF_255).format(value=shown)
        lines.append(f"{label}: {shown}")
    return lines
