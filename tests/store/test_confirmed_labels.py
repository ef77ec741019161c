"""Confirmed labels (issue 28, item 1): what a case turned out to be, recorded by a reviewer, audited and in
the row's digest; the PCR result may be "not done"."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from kiosk.store import AccessDenied, StoreError, accounts, audit, reviews
from kiosk.store.schema import CONFIRMED_LABELS

from .test_review_states import PW, _submit

pytestmark = pytest.mark.usefixtures("db")


@pytest.fixture
def users(db):
    accounts.create_user(db, "root", PW, "admin", None)
    root = accounts.authenticate(db, "root", PW)
    accounts.create_user(db, "rev", PW, "reviewer", root)
    accounts.create_user(db, "off", PW, "officer", root)
    return accounts.authenticate(db, "rev", PW), accounts.authenticate(db, "off", PW)


def _label(db, cid):
    with db.engine.connect() as conn:
        return tuple(
            conn.execute(
                text("SELECT confirmed_label, confirmed_detail FROM cases WHERE id = :id"), {"id": cid}
            ).one()
        )


def test_every_label_is_recorded_audited_and_shown_in_the_history(db, users, tmp_path):
    rev, _ = users
    assert set(CONFIRMED_LABELS) >= {"mpox", "vasculitis", "other_condition", "not_skin", "unknown"}
    cid = _submit(db, tmp_path)
    assert _label(db, cid) == (None, None)
    reviews.record_label(db, rev, cid, "chickenpox")
    assert _label(db, cid) == ("chickenpox", None)
    detail = reviews.view_case(db, rev, cid)
    assert (detail.confirmed_label, detail.confirmed_detail) == ("chickenpox", None)
    assert [(h[1], h[2], h[3]) for h in detail.history] == [("rev", "label", "chickenpox")]
    entries = [e for e in audit.recent(db, 10) if e.action == "case_labelled"]
    assert entries and entries[0].target == cid and '"label": "chickenpox"' in entries[0].details
    assert audit.verify(db).ok


def test_another_condition_needs_its_name_and_a_change_needs_a_note(db, users, tmp_path):
    rev, _ = users
    cid = _submit(db, tmp_path)
    with pytest.raises(StoreError, match="which condition"):
        reviews.record_label(db, rev, cid, "other_condition", detail="   ")
    reviews.record_label(db, rev, cid, "other_condition", detail=" scabies ")
    assert _label(db, cid) == ("other_condition", "scabies")
    with pytest.raises(StoreError, match="already has this"):
        reviews.record_label(db, rev, cid, "other_condition", detail="scabies")
    with pytest.raises(StoreError, match="note"):
        reviews.record_label(db, rev, cid, "mpox")
    reviews.record_label(db, rev, cid, "mpox", note="PCR came back positive")
    assert _label(db, cid) == ("mpox", None)  # the other condition's name goes with its label
    with pytest.raises(StoreError, match="not one of"):
        reviews.record_label(db, rev, cid, "monkeypox", note="typo")
    with pytest.raises(StoreError, match="keep it under"):
        reviews.record_label(db, rev, cid, "other_condition", note="n", detail="x" * 201)
    assert _label(db, cid) == ("mpox", None)
    assert audit.verify(db).ok


def test_an_officer_cannot_label(db, users, tmp_path):
    _, officer = users
    cid = _submit(db, tmp_path)
    with pytest.raises(AccessDenied):
        reviews.record_label(db, officer, cid, "mpox")
    assert _label(db, cid) == (None, None)


def test_a_label_changed_outside_the_station_is_detected(db, users, tmp_path):
    rev, _ = users
    cid, other = _submit(db, tmp_path), _submit(db, tmp_path)
    reviews.record_label(db, rev, cid, "eczema")
    assert audit.verify(db).ok
    with db.engine.begin() as conn:  # an attacker relabels a case, and labels one that had no label
        conn.execute(text("UPDATE cases SET confirmed_label = 'mpox' WHERE id = :id"), {"id": cid})
        conn.execute(text("UPDATE cases SET confirmed_label = 'mpox' WHERE id = :id"), {"id": other})
    report = audit.verify(db)
    assert not report.ok
    changed = " ".join(report.problems)
    assert cid in changed and other in changed


def test_pcr_not_done_is_an_outcome(db, users, tmp_path):
    rev, _ = users
    cid = _submit(db, tmp_path)
    reviews.review_case(db, rev, cid, "confirm")
    reviews.record_outcome(db, rev, cid, "pcr_not_done")
    detail = reviews.view_case(db, rev, cid)
    assert detail.summary.outcome == "pcr_not_done"
    reviews.record_outcome(db, rev, cid, "pcr_negative", "the laboratory sent the result later")
    assert audit.verify(db).ok
