"""Reviewer actions (confirm / dismiss / refer with a note), PCR outcomes, case views, deletions."""

from __future__ import annotations

from kiosk.store import audit
from kiosk.store.accounts import UserSession, require_admin, require_reviewer
from kiosk.store.database import Database
from kiosk.store.errors import CaseNotFound, RuleRefused, StoreError
from kiosk.store.queries import CaseDetail, get_case
from kiosk.store.schema import CONFIRMED_LABELS, OUTCOMES, Case, Review, utcnow
from models.taxonomy import OTHER_CONDITION

ACTIONS = {"confirm": "confirmed", "dismiss": "dismissed", "refer": "referred"}
MAX_NOTE = 4000
MAX_DETAIL = 200  # the name of another condition

# The review state machine, enforced here (not in the UI). (status now, action) -> status after; a pair
# that is not listed is refused. A PCR outcome is recorded on a confirmed or referred case only; once a case
# has one, its status no longer changes, and a different outcome (a laboratory correction) needs a note.
TRANSITIONS: dict[tuple[str, str], str] = {
    ("pending", "confirm"): "confirmed",
    ("pending", "dismiss"): "dismissed",
    ("pending", "refer"): "referred",
    ("referred", "confirm"): "confirmed",
    ("referred", "dismiss"): "dismissed",
    ("confirmed", "refer"): "referred",
    ("confirmed", "dismiss"): "dismissed",  # needs a note
    ("dismissed", "confirm"): "confirmed",  # reopening: needs a note
    ("dismissed", "refer"): "referred",  # reopening: needs a note
}
NOTE_REQUIRED = {("confirmed", "dismiss"), ("dismissed", "confirm"), ("dismissed", "refer")}
OUTCOME_ON = ("confirmed", "referred")
OUTCOME_LABELS = {
    "pcr_positive": "PCR positive",
    "pcr_negative": "PCR negative",
    "pcr_not_done": "PCR not done",
}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name Qt's lupdate looks for
    """Marks a reviewer-facing text for the station's translations; the review screens (kiosk/ui) translate it
    when shown (the store itself stays free of Qt)."""
    return text


def _refused(text: str, **values: str) -> RuleRefused:
    """A rule's refusal: ``text`` filled in English (status keys are English words, outcomes their labels)
    for the message, and kept with the raw ``values`` for the review screens to translate."""
    english = {k: OUTCOME_LABELS.get(v, v) if k == "outcome" else v for k, v in values.items()}
    return RuleRefused(text.format(**english), text, values)


def _note_too_long(note: str) -> RuleRefused:
    return _refused(
        QT_TRANSLATE_NOOP("ReviewRules", "The note is {length} characters long; keep it under {most}."),
        length=str(len(note)),
        most=str(MAX_NOTE),
    )


def allowed_actions(status: str, outcome: str | None) -> tuple[str, ...]:
    """What a reviewer may do next on a case in this state (for the UI's buttons): review actions and
    "outcome"."""
    if outcome is not None:
        return ("outcome",)  # a correction, with a note
    actions = tuple(a for a in ACTIONS if (status, a) in TRANSITIONS)
    return actions + (("outcome",) if status in OUTCOME_ON else ())


def needs_note(status: str, action: str, outcome: str | None = None) -> bool:
    """Whether this action on a case in this state needs a note saying why."""
    if action == "outcome":
        return outcome is not None
    return (status, action) in NOTE_REQUIRED


def check_review(status: str, outcome: str | None, action: str, note: str) -> str:
    """The status after ``action``, or StoreError with a reason a reviewer understands."""
    if outcome is not None:
        raise _refused(
            QT_TRANSLATE_NOOP(
                "ReviewRules",
                "This case has a PCR outcome ({outcome}): its review status can no longer be changed "
                "(it stays {status}).",
            ),
            outcome=outcome,
            status=status,
        )
    if ACTIONS[action] == status:
        raise _refused(QT_TRANSLATE_NOOP("ReviewRules", "This case is already {status}."), status=status)
    if (status, action) not in TRANSITIONS:
        raise _refused(
            QT_TRANSLATE_NOOP("ReviewRules", "A {status} case cannot be changed with '{action}'."),
            status=status,
            action=action,
        )
    if (status, action) in NOTE_REQUIRED and not note.strip():
        if status == "confirmed":
            raise _refused(
                QT_TRANSLATE_NOOP("ReviewRules", "Dismissing a confirmed case needs a note saying why.")
            )
        raise _refused(
            QT_TRANSLATE_NOOP("ReviewRules", "Reopening a {status} case needs a note saying why."),
            status=status,
        )
    return TRANSITIONS[(status, action)]


def check_outcome(status: str, outcome: str | None, new: str, note: str) -> None:
    if status not in OUTCOME_ON:
        if status == "dismissed":
            raise _refused(
                QT_TRANSLATE_NOOP(
                    "ReviewRules",
                    "This case was dismissed: reopen it (confirm or refer it, with a note) before recording "
                    "a PCR outcome.",
                )
            )
        raise _refused(
            QT_TRANSLATE_NOOP(
                "ReviewRules",
                "A PCR outcome is recorded on a confirmed or referred case only; this case is {status}: "
                "confirm or refer it first.",
            ),
            status=status,
        )
    if outcome == new:
        raise _refused(
            QT_TRANSLATE_NOOP("ReviewRules", "This case already has this PCR outcome ({outcome})."),
            outcome=new,
        )
    if outcome is not None and not note.strip():
        raise _refused(
            QT_TRANSLATE_NOOP(
                "ReviewRules",
                "This case already has a PCR outcome ({outcome}): changing it needs a note saying why (e.g. "
                "the laboratory corrected its result).",
            ),
            outcome=outcome,
        )


def view_case(db: Database, user: UserSession, case_id: str) -> CaseDetail:
    """The case with its history; the view is audited."""
    require_reviewer(user, "view a case")

    def work(s) -> CaseDetail | None:
        detail = get_case(s, case_id, db.references.reveal)
        if detail is not None:
            audit.append(s, user.username, "case_viewed", case_id)
        return detail

    detail = db.transact(work)
    if detail is None:
        raise CaseNotFound(f"case {case_id} does not exist (deleted?)")
    return detail


def _case(s, case_id: str) -> Case:
    case = s.get(Case, case_id)
    if case is None:
        raise CaseNotFound(f"case {case_id} does not exist (deleted?)")
    return case


def review_case(db: Database, user: UserSession, case_id: str, action: str, note: str = "") -> None:
    """Confirm, dismiss or refer a case, as TRANSITIONS allows (checked in the same transaction)."""
    require_reviewer(user)
    if action not in ACTIONS:
        raise StoreError(f"review action {action!r} is not one of {', '.join(ACTIONS)}")
    if len(note) > MAX_NOTE:
        raise _note_too_long(note)

    def work(s) -> None:
        case = _case(s, case_id)
        before = case.review_status
        case.review_status = check_review(before, case.outcome, action, note)
        review = Review(
            case_id=case_id, reviewer=user.username, action=action, note=note, created_utc=utcnow()
        )
        s.add(review)
        audit.append(
            s,
            user.username,
            f"case_{ACTIONS[action]}",
            case_id,
            {"from": before, "note": note},
            rows=[("case", case), ("review", review)],
        )

    db.transact(work)


def record_outcome(db: Database, user: UserSession, case_id: str, outcome: str, note: str = "") -> None:
    """Record the PCR outcome of a confirmed or referred case (a different one later: with a note)."""
    require_reviewer(user, "record an outcome")
    if outcome not in OUTCOMES:
        raise StoreError(f"outcome {outcome!r} is not one of {', '.join(OUTCOMES)}")
    if len(note) > MAX_NOTE:
        raise _note_too_long(note)

    def work(s) -> None:
        case = _case(s, case_id)
        before = case.outcome
        check_outcome(case.review_status, before, outcome, note)
        case.outcome = outcome
        review = Review(
            case_id=case_id,
            reviewer=user.username,
            action="outcome",
            outcome=outcome,
            note=note,
            created_utc=utcnow(),
        )
        s.add(review)
        audit.append(
            s,
            user.username,
            "case_outcome",
            case_id,
            {"outcome": outcome, "previous": before, "note": note},
            rows=[("case", case), ("review", review)],
        )

    db.transact(work)


def check_label(current: str | None, current_detail: str | None, label: str, detail: str, note: str) -> None:
    """Refuses a confirmed label the rules do not allow: not one of CONFIRMED_LABELS, another condition
    without its name, the same label again, or a changed label without a note saying why."""
    if label not in CONFIRMED_LABELS:
        raise StoreError(f"confirmed label {label!r} is not one of {', '.join(CONFIRMED_LABELS)}")
    if label == OTHER_CONDITION and not detail.strip():
        raise _refused(
            QT_TRANSLATE_NOOP("ReviewRules", "Write which condition it turned out to be (e.g. scabies).")
        )
    if len(detail) > MAX_DETAIL:
        raise _refused(
            QT_TRANSLATE_NOOP(
                "ReviewRules", "The condition's name is {length} characters long; keep it under {most}."
            ),
            length=str(len(detail)),
            most=str(MAX_DETAIL),
        )
    if current == label and (current_detail or "") == detail.strip():
        raise _refused(QT_TRANSLATE_NOOP("ReviewRules", "This case already has this confirmed label."))
    if current is not None and not note.strip():
        raise _refused(
            QT_TRANSLATE_NOOP(
                "ReviewRules",
                "This case already has a confirmed label: changing it needs a note saying why.",
            )
        )


def record_label(
    db: Database, user: UserSession, case_id: str, label: str, note: str = "", detail: str = ""
) -> None:
    """Record what the case turned out to be (a class, another condition named in ``detail``, not skin,
    unknown): what local validation and retraining from the field learn from. Audited, in the row's digest."""
    require_reviewer(user, "record a confirmed label")
    if len(note) > MAX_NOTE:
        raise _note_too_long(note)
    detail = detail.strip() if label == OTHER_CONDITION else ""

    def work(s) -> None:
        case = _case(s, case_id)
        before, before_detail = case.confirmed_label, case.confirmed_detail
        check_label(before, before_detail, label, detail, note)
        case.confirmed_label, case.confirmed_detail = label, detail or None
        review = Review(
            case_id=case_id,
            reviewer=user.username,
            action="label",
            outcome=label,  # the history's value column: the outcome of an "outcome", the label of a "label"
            note=note if not detail else f"{detail}: {note}" if note else detail,
            created_utc=utcnow(),
        )
        s.add(review)
        audit.append(
            s,
            user.username,
            "case_labelled",
            case_id,
            {"label": label, "detail": detail, "previous": before, "note": note},
            rows=[("case", case), ("review", review)],
        )

    db.transact(work)


def delete_case(db: Database, user: UserSession, case_id: str, reason: str) -> None:
    """Remove a case and its images (e.g. on a traveller's request); audited with the reason."""
    require_admin(user, "delete a case")
    if not reason.strip():
        raise StoreError("deleting a case needs a reason (it goes into the audit trail)")
    paths: list[str | None] = []

    def work(s) -> None:
        case = _case(s, case_id)
        paths[:] = [case.image_path, case.heatmap_path]
        s.delete(case)
        audit.append(
            s, user.username, "case_deleted", case_id, {"reason": reason}, deleted=[("case", case_id)]
        )

    db.transact(work)
    for rel in paths:
        db.media.delete(rel)
