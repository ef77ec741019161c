"""Review as a state machine, enforced in the store (issue 12, item 5)."""

from __future__ import annotations

import pytest

from kiosk.store import CaseWriter, StoreError, StoreSettings, accounts, audit, reviews
from kiosk.store.queries import list_cases

from .conftest import make_record

PW = "correct horse battery"


@pytest.fixture
def rev(db):
    accounts.create_user(db, "root", PW, "admin", None)
    root = accounts.authenticate(db, "root", PW)
    accounts.create_user(db, "rev", PW, "reviewer", root)
    return accounts.authenticate(db, "rev", PW)


@pytest.fixture
def new_case(db, tmp_path):
    return lambda: _submit(db, tmp_path)


def _submit(db, tmp_path) -> str:
    writer = CaseWriter(db, StoreSettings(data_dir=tmp_path))
    writer.start()
    cid = writer.submit_case(make_record())
    writer.stop()
    return cid


def _state(db, cid) -> tuple[str, str | None]:
    row = next(c for c in list_cases(db) if c.id == cid)
    return row.review_status, row.outcome


def test_outcome_on_a_pending_case_is_refused(db, rev, new_case):
    cid = new_case()
    with pytest.raises(StoreError, match="confirm or refer"):
        reviews.record_outcome(db, rev, cid, "pcr_positive")
    assert _state(db, cid) == ("pending", None)


def test_the_issue_sequence_is_refused(db, rev, new_case):
    """Outcome on pending, then confirm, then dismiss with no note: 'dismissed · pcr_positive' before."""
    cid = new_case()
    with pytest.raises(StoreError):
        reviews.record_outcome(db, rev, cid, "pcr_positive")
    reviews.review_case(db, rev, cid, "confirm")
    with pytest.raises(StoreError, match="note"):
        reviews.review_case(db, rev, cid, "dismiss")
    reviews.record_outcome(db, rev, cid, "pcr_positive")
    with pytest.raises(StoreError, match="PCR"):
        reviews.review_case(db, rev, cid, "dismiss", "changed my mind")
    assert _state(db, cid) == ("confirmed", "pcr_positive")
    assert audit.verify(db).ok


def test_dismissing_a_confirmed_case_needs_a_note(db, rev, new_case):
    cid = new_case()
    reviews.review_case(db, rev, cid, "confirm")
    with pytest.raises(StoreError, match="note"):
        reviews.review_case(db, rev, cid, "dismiss", "   ")
    reviews.review_case(db, rev, cid, "dismiss", "photo of a tattoo, not a rash")
    assert _state(db, cid) == ("dismissed", None)


@pytest.mark.parametrize(
    "path, allowed",
    [
        (["confirm"], True),
        (["dismiss"], True),
        (["refer"], True),
        (["refer", "confirm"], True),
        (["refer", "dismiss"], True),
        (["confirm", "refer"], True),
        (["confirm", "confirm"], False),
        (["refer", "refer"], False),
        (["dismiss", "dismiss"], False),
    ],
)
def test_transitions(db, rev, new_case, path, allowed):
    cid = new_case()
    for action in path[:-1]:
        reviews.review_case(db, rev, cid, action, "note")
    before = _state(db, cid)
    if allowed:
        reviews.review_case(db, rev, cid, path[-1], "note")
        assert _state(db, cid)[0] == reviews.TRANSITIONS[(before[0], path[-1])]
    else:
        with pytest.raises(StoreError, match="already"):
            reviews.review_case(db, rev, cid, path[-1], "note")
        assert _state(db, cid) == before


def test_reopening_a_dismissed_case_needs_a_note(db, rev, new_case):
    cid = new_case()
    reviews.review_case(db, rev, cid, "dismiss")
    with pytest.raises(StoreError, match="note"):
        reviews.review_case(db, rev, cid, "confirm")
    reviews.review_case(db, rev, cid, "confirm", "second look: lesions typical")
    assert _state(db, cid) == ("confirmed", None)


def test_outcome_on_referred_and_its_correction(db, rev, new_case):
    cid = new_case()
    reviews.review_case(db, rev, cid, "refer")
    reviews.record_outcome(db, rev, cid, "pcr_negative")
    with pytest.raises(StoreError, match="already"):
        reviews.record_outcome(db, rev, cid, "pcr_negative")
    with pytest.raises(StoreError, match="note"):
        reviews.record_outcome(db, rev, cid, "pcr_positive")
    reviews.record_outcome(db, rev, cid, "pcr_positive", "lab corrected the result")
    assert _state(db, cid) == ("referred", "pcr_positive")
    assert [e.action for e in audit.recent(db, 3)][:2] == ["case_outcome", "case_outcome"]
    assert audit.verify(db).ok


def test_a_refused_change_is_not_written(db, rev, new_case):
    cid = new_case()
    before = audit.verify(db).entries
    with pytest.raises(StoreError):
        reviews.record_outcome(db, rev, cid, "pcr_positive")
    assert audit.verify(db).entries == before


def test_allowed_actions_for_the_ui(db):
    assert set(reviews.allowed_actions("pending", None)) == {"confirm", "dismiss", "refer"}
    assert "outcome" not in reviews.allowed_actions("pending", None)
    assert "outcome" in reviews.allowed_actions("confirmed", None)
    assert reviews.allowed_actions("confirmed", "pcr_positive") == ("outcome",)
    assert reviews.needs_note("confirmed", "dismiss") and not reviews.needs_note("pending", "dismiss")
