"""Reviewer actions (confirm / dismiss / refer with a note), PCR outcomes, case views, deletions."""

from __future__ import annotations

from kiosk.store import audit
from kiosk.store.accounts import UserSession, require_admin, require_reviewer
from kiosk.store.database import Database
from kiosk.store.errors import StoreError
from kiosk.store.queries import CaseDetail, get_case
from kiosk.store.schema import OUTCOMES, Case, Review

ACTIONS = {"confirm": "confirmed", "dismiss": "dismissed", "refer": "referred"}
MAX_NOTE = 4000


def view_case(db: Database, user: UserSession, case_id: str) -> CaseDetail:
    """The case with its history; the view is audited."""
    require_reviewer(user, "view a case")

    def work(s) -> CaseDetail | None:
        detail = get_case(s, case_id)
        if detail is not None:
            audit.append(s, user.username, "case_viewed", case_id)
        return detail

    detail = db.transact(work)
    if detail is None:
        raise StoreError(f"case {case_id} does not exist (deleted?)")
    return detail


def _case(s, case_id: str) -> Case:
    case = s.get(Case, case_id)
    if case is None:
        raise StoreError(f"case {case_id} does not exist (deleted?)")
    return case


def review_case(db: Database, user: UserSession, case_id: str, action: str, note: str = "") -> None:
    require_reviewer(user)
    if action not in ACTIONS:
        raise StoreError(f"review action {action!r} is not one of {', '.join(ACTIONS)}")
    if len(note) > MAX_NOTE:
        raise StoreError(f"the note is {len(note)} characters long; keep it under {MAX_NOTE}")

    def work(s) -> None:
        case = _case(s, case_id)
        case.review_status = ACTIONS[action]
        s.add(Review(case_id=case_id, reviewer=user.username, action=action, note=note))
        audit.append(s, user.username, f"case_{ACTIONS[action]}", case_id, {"note": note})

    db.transact(work)


def record_outcome(db: Database, user: UserSession, case_id: str, outcome: str, note: str = "") -> None:
    require_reviewer(user, "record an outcome")
    if outcome not in OUTCOMES:
        raise StoreError(f"outcome {outcome!r} is not one of {', '.join(OUTCOMES)}")

    def work(s) -> None:
        case = _case(s, case_id)
        case.outcome = outcome
        s.add(Review(case_id=case_id, reviewer=user.username, action="outcome", outcome=outcome, note=note))
        audit.append(s, user.username, "case_outcome", case_id, {"outcome": outcome, "note": note})

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
        audit.append(s, user.username, "case_deleted", case_id, {"reason": reason})

    db.transact(work)
    for rel in paths:
        db.media.delete(rel)
