"""Issue 15, traveller consent in the store (revision 0005): ``cases.consent_notice_version``,
``consent_language`` and ``consent_given`` are stored from the CaseRecord (and from a spooled entry), the
audit chain covers them for new cases, and a database migrated from revision 0004 with cases in it still
verifies; editing a case's consent outside the station is reported."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from kiosk.store import CaseWriter, StoreSettings, audit, open_database
from kiosk.store.migrate import current_revision
from kiosk.store.queries import get_case
from kiosk.store.spool import Spool

from .conftest import make_record, older_spool_entry

AGREED = {"consent_notice_version": "0123456789ab", "consent_language": "fr", "consent_given": True}


def _write(db, tmp_path, *records):
    writer = CaseWriter(db, StoreSettings(data_dir=tmp_path))
    writer.start()
    ids = [writer.submit_case(r) for r in records]
    writer.stop()
    return ids


def _consent(db, case_id):
    with db.engine.connect() as conn:
        return conn.execute(
            text("SELECT consent_notice_version, consent_language, consent_given FROM cases WHERE id = :i"),
            {"i": case_id},
        ).one()


def test_a_case_with_consent_stores_the_three_fields_and_verifies(db, tmp_path):
    agreed, unasked = _write(db, tmp_path, replace(make_record(seed=1), **AGREED), make_record(seed=2))
    version, language, given = _consent(db, agreed)
    assert (version, language, bool(given)) == ("0123456789ab", "fr", True)
    assert _consent(db, unasked) == (None, None, None)  # a station that does not ask
    with db.session() as s:
        detail = get_case(s, agreed, db.references.reveal)
    assert (detail.consent_notice_version, detail.consent_language, detail.consent_given) == (
        "0123456789ab",
        "fr",
        True,
    )
    report = audit.verify(db)
    assert report.ok, report.problems


@pytest.mark.parametrize(
    "stmt",
    [
        "UPDATE cases SET consent_given = false WHERE id = :agreed",
        "UPDATE cases SET consent_notice_version = 'ffffffffffff' WHERE id = :agreed",
        "UPDATE cases SET consent_language = 'en' WHERE id = :agreed",
        "UPDATE cases SET consent_given = NULL, consent_notice_version = NULL, consent_language = NULL"
        " WHERE id = :agreed",
        "UPDATE cases SET consent_given = true WHERE id = :unasked",  # consent made up for an unasked case
    ],
)
def test_editing_consent_outside_the_station_is_detected(db, tmp_path, stmt):
    agreed, unasked = _write(db, tmp_path, replace(make_record(seed=1), **AGREED), make_record(seed=2))
    assert audit.verify(db).ok
    with db.engine.begin() as conn:
        params = {k: v for k, v in {"agreed": agreed, "unasked": unasked}.items() if f":{k}" in stmt}
        conn.execute(text(stmt), params)
    report = audit.verify(db)
    assert not report.ok
    assert any("changed outside the station" in p for p in report.problems), report.problems


def test_a_case_spooled_before_consent_existed_is_still_written(db, tmp_path):
    """A spool entry of an older version has no consent fields: written with them NULL, and it verifies."""
    spool_dir = tmp_path / "spool"
    entry = older_spool_entry(
        "0" * 32, captured_utc=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC).isoformat(), quality={"blur": 1.0}
    )
    Spool(spool_dir).put(entry["id"], json.loads(json.dumps(entry)))
    writer = CaseWriter(db, StoreSettings(data_dir=tmp_path), spool_dir=spool_dir)
    writer.start()
    writer.stop()
    assert _consent(db, entry["id"]) == (None, None, None)
    assert audit.verify(db).ok


def test_upgrade_with_cases_verifies_and_new_cases_carry_consent(backend_url, tmp_path):
    """Cases stored before revision 0005 keep the digests the chain holds for them (0004 registered them
    from a schema without consent columns; nothing is re-registered by 0005), a new case with consent
    verifies too, and an edit of its consent afterwards is detected."""
    old = open_database(backend_url, tmp_path, migrate_to="0003")
    t = datetime(2024, 5, 1, 12, 0, 0, 123456, tzinfo=UTC)
    tv = t.replace(tzinfo=None) if old.dialect == "sqlite" else t  # as SQLAlchemy stores it
    with old.engine.begin() as conn:
        for i in range(2):
            conn.execute(
                text(
                    "INSERT INTO cases (id, captured_utc, station_id, operator, decision, top_class,"
                    " top_probability, probabilities, thresholds, model_name, model_sha256, quality,"
                    " traveller_ref, created_utc, review_status) VALUES (:id, :t, 'gate-9', 'o', 'flag',"
                    " 'mpox', 0.8125, '{\"mpox\": 0.8125}', '{}', 'm', 'ff', '{}', '', :t, 'pending')"
                ),
                {"id": f"old{i}", "t": tv},
            )
    old.close()
    new = open_database(backend_url, tmp_path)
    assert current_revision(new.engine) == "0009"
    report = audit.verify(new)
    assert report.ok, report.problems
    assert _consent(new, "old0") == (None, None, None)
    (agreed,) = _write(new, tmp_path, replace(make_record(seed=5), **AGREED))
    report = audit.verify(new)
    assert report.ok, report.problems
    with new.engine.begin() as conn:
        conn.execute(text("UPDATE cases SET consent_given = false WHERE id = :i"), {"i": agreed})
        conn.execute(text("UPDATE cases SET consent_given = true WHERE id = 'old1'"))
    problems = audit.verify(new).problems
    assert any(agreed in p for p in problems) and any("old1" in p for p in problems)
    assert not any("old0" in p for p in problems)
    new.close()


def test_consent_text_too_long_is_refused(db, tmp_path):
    from kiosk.store import StoreError

    writer = CaseWriter(db, StoreSettings(data_dir=tmp_path))
    with pytest.raises(StoreError, match="consent language"):
        writer.submit_case(replace(make_record(), consent_language="x" * 17))
