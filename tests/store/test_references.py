"""Issue 30 item 1: traveller references sealed at rest, found by a keyed hash, revealed only to reviewers.

Read as an attacker with a copy of the data folder but not the key would: the SQLite file (with its WAL), the
PostgreSQL table and the spool hold no reference in clear; the search still finds a reference exactly; the
retention purge removes it with the images; an altered or moved reference is detected.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from kiosk.store import CaseWriter, StoreSettings, audit
from kiosk.store.queries import CaseFilter, count_cases, list_cases
from kiosk.store.references import UNREADABLE, ReferenceCipher, normalise
from kiosk.store.retention import purge_images

from .conftest import make_record

MRZ = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
REFS = ["L898902C3", MRZ, "Note: travelling with two children, seat 14C"]


def _write(db, tmp_path, refs, **kwargs):
    writer = CaseWriter(db, StoreSettings(data_dir=tmp_path, **kwargs))
    writer.start()
    ids = [writer.submit_case(make_record(seed=i, ref=r)) for i, r in enumerate(refs)]
    writer.stop()
    return ids


def _all_bytes(db, tmp_path) -> bytes:
    """Everything a copy of the station's data could show without the key: the database as stored (SQLite:
    the files; PostgreSQL: every column of the table as text) and the spool."""
    blobs = [p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and "keys" not in p.parts]
    if db.dialect == "postgresql":
        with db.engine.connect() as conn:
            rows = conn.execute(text("SELECT cases::text FROM cases")).scalars().all()
        blobs.append("\n".join(rows).encode())
    return b"\n".join(blobs)


def test_no_reference_is_stored_in_clear_and_search_still_finds_it(db, tmp_path):
    ids = _write(db, tmp_path, REFS)
    stored = _all_bytes(db, tmp_path)
    for ref in REFS:
        for form in (ref, ref.lower(), normalise(ref)):
            assert form.encode() not in stored, form
    # the review side reveals them (the key opens them) and finds each by an exact match
    assert sorted(c.traveller_ref for c in list_cases(db)) == sorted(REFS)
    assert [c.id for c in list_cases(db, CaseFilter(text=" l898902c3 "))] == [ids[0]]
    assert [c.id for c in list_cases(db, CaseFilter(text=MRZ))] == [ids[1]]
    assert count_cases(db, CaseFilter(text="L898902")) == 0  # a part of one is not a match
    assert audit.verify(db).ok


def test_the_sealed_form_is_bound_to_its_case_and_covered_by_the_chain(db, tmp_path):
    a, b = _write(db, tmp_path, ["A111", "B222"])
    with db.engine.begin() as conn:  # an attacker moves B's sealed reference onto case A
        sealed_b = conn.execute(text("SELECT traveller_ref FROM cases WHERE id = :b"), {"b": b}).scalar_one()
        conn.execute(text("UPDATE cases SET traveller_ref = :v WHERE id = :a"), {"v": sealed_b, "a": a})
    by_id = {c.id: c.traveller_ref for c in list_cases(db)}
    assert by_id == {a: UNREADABLE, b: "B222"}  # the other rows still read; the moved one never opens
    report = audit.verify(db)
    assert not report.ok and any(a in p for p in report.problems)


def test_a_reference_sealed_with_another_key_is_not_revealed(db, tmp_path):
    (case_id,) = _write(db, tmp_path, ["C333"])
    other = ReferenceCipher(b"\x01" * 32)
    with db.engine.begin() as conn:
        conn.execute(
            text("UPDATE cases SET traveller_ref = :v WHERE id = :i"),
            {"v": other.seal(case_id, "C333")[0], "i": case_id},
        )
    assert [c.traveller_ref for c in list_cases(db)] == [UNREADABLE]
    with pytest.raises(Exception, match="sealed with key"):
        db.references.open(case_id, other.seal(case_id, "C333")[0])


def test_the_retention_purge_removes_references_with_the_images(db, tmp_path):
    writer = CaseWriter(db, StoreSettings(data_dir=tmp_path))
    writer.start()
    now = datetime.now(UTC)
    old = writer.submit_case(replace(make_record(seed=1, ref="OLD1"), captured_utc=now - timedelta(days=100)))
    new = writer.submit_case(make_record(seed=2, ref="NEW2"))
    writer.stop()
    assert purge_images(db, 90, actor="test") == 1
    by_id = {c.id: c.traveller_ref for c in list_cases(db)}
    assert by_id == {old: "", new: "NEW2"}
    assert count_cases(db, CaseFilter(text="OLD1")) == 0
    with db.engine.connect() as conn:
        row = conn.execute(
            text("SELECT traveller_ref, traveller_ref_hmac FROM cases WHERE id = :i"), {"i": old}
        ).one()
    assert tuple(row) == ("", None)
    assert audit.verify(db).ok


def test_a_reference_spooled_in_clear_by_an_older_version_is_sealed_when_written(sqlite_db, tmp_path):
    from .test_writer import _spool_by_hand

    _spool_by_hand(tmp_path, "2" * 32, traveller_ref="OLDSPOOL9")
    writer = CaseWriter(sqlite_db, StoreSettings(data_dir=tmp_path))
    writer.start()
    writer.stop()
    assert b"OLDSPOOL9" not in _all_bytes(sqlite_db, tmp_path)
    assert [c.traveller_ref for c in list_cases(sqlite_db, CaseFilter(text="oldspool9"))] == ["OLDSPOOL9"]
