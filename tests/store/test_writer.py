"""CaseWriter: durable on return, written by one thread, replayed after a crash, retried when locked."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select, text

from kiosk.store import CaseWriter, StoreError, StoreSettings, audit, open_database
from kiosk.store.queries import count_cases, list_cases
from kiosk.store.schema import Case, ClearCount

from .conftest import make_record, older_spool_entry, wait_until

HERE = Path(__file__).resolve().parent


def test_cases_round_trip_with_all_fields_and_pixels(db, tmp_path):
    writer = CaseWriter(db, StoreSettings(data_dir=tmp_path))
    writer.start()
    records = [make_record(seed=i, ref=f"P{i}", heatmap=i % 2 == 0) for i in range(4)]
    ids = [writer.submit_case(r) for r in records]
    writer.stop()
    assert writer.status().pending == 0 and writer.status().written == 4 and writer.status().ok
    with db.session() as s:
        cases = {c.id: c for c in s.execute(select(Case)).scalars()}
    assert set(cases) == set(ids)
    for cid, rec in zip(ids, records, strict=True):
        case = cases[cid]
        assert case.captured_utc == rec.captured_utc.replace(microsecond=case.captured_utc.microsecond)
        assert (case.decision, case.top_class) == (rec.decision, rec.top_class)
        # the reference is sealed at rest and opens with the station's key (issue 30)
        assert case.traveller_ref != rec.traveller_ref and case.traveller_ref.startswith("enc1:")
        assert db.references.open(case.id, case.traveller_ref) == rec.traveller_ref
        assert case.traveller_ref_hmac == db.references.lookup(rec.traveller_ref)
        assert case.model_sha256 == rec.model_sha256 and case.review_status == "pending"
        assert np.array_equal(db.media.load(case.image_path, case.image_sha256), rec.image_rgb)
        if rec.heatmap_rgb is None:
            assert case.heatmap_path is None
        else:
            assert np.array_equal(db.media.load(case.heatmap_path, case.heatmap_sha256), rec.heatmap_rgb)


def test_bad_records_are_refused_before_acknowledging(sqlite_db, tmp_path):
    writer = CaseWriter(sqlite_db, StoreSettings(data_dir=tmp_path))
    with pytest.raises(StoreError, match="store_clear_images"):
        writer.submit_case(make_record(decision="clear"))
    with pytest.raises(StoreError, match="not one of"):
        writer.submit_case(make_record(decision="maybe"))
    naive = make_record(when=datetime(2025, 1, 1))
    with pytest.raises(StoreError, match="time zone"):
        writer.submit_case(naive)
    assert not list((tmp_path / "spool").glob("*.json"))
    # with the setting on, CLEAR cases are stored too
    writer = CaseWriter(sqlite_db, StoreSettings(data_dir=tmp_path, store_clear_images=True))
    writer.start()
    writer.submit_case(make_record(decision="clear", top_class="normal"))
    writer.stop()
    assert list_cases(sqlite_db)[0].decision == "clear"


def test_clear_results_are_counted_per_hour(db, tmp_path):
    writer = CaseWriter(db, StoreSettings(data_dir=tmp_path))
    writer.start()
    t = datetime(2025, 3, 1, 10, 5, tzinfo=UTC)
    for when in (t, t + timedelta(minutes=50), t + timedelta(hours=1)):
        writer.count_clear("gate-1", when)
    writer.count_clear("gate-2", t)
    writer.stop()
    with db.session() as s:
        rows = {(r.station_id, r.hour_utc.hour): r.count for r in s.execute(select(ClearCount)).scalars()}
    assert rows == {("gate-1", 10): 2, ("gate-1", 11): 1, ("gate-2", 10): 1}
    assert count_cases(db) == 0  # no images, no case rows


def test_acknowledged_cases_survive_a_writer_that_never_wrote(sqlite_db, tmp_path):
    """The writer thread dies before writing anything: the spool brings every case back on the next start."""
    dead = CaseWriter(sqlite_db, StoreSettings(data_dir=tmp_path))  # never started: as if killed at once
    ids = [dead.submit_case(make_record(seed=i)) for i in range(5)]
    assert count_cases(sqlite_db) == 0
    writer = CaseWriter(sqlite_db, StoreSettings(data_dir=tmp_path))
    writer.start()
    wait_until(lambda: writer.status().pending == 0, what="spool replay")
    writer.stop()
    assert {c.id for c in list_cases(sqlite_db)} == set(ids)
    assert not list((tmp_path / "spool").glob("*.json"))


def test_replay_of_an_already_committed_case_is_not_duplicated(sqlite_db, tmp_path):
    writer = CaseWriter(sqlite_db, StoreSettings(data_dir=tmp_path))
    writer.start()
    cid = writer.submit_case(make_record())
    wait_until(lambda: writer.status().written == 1)
    writer.stop()
    # crash between commit and unlinking the spool file: put the file back
    from kiosk.store.spool import Spool

    entry = Spool.read(_spool_entry(sqlite_db, cid))
    Spool(tmp_path / "spool").put(cid, entry)
    again = CaseWriter(sqlite_db, StoreSettings(data_dir=tmp_path))
    again.start()
    wait_until(lambda: again.status().pending == 0)
    again.stop()
    assert count_cases(sqlite_db) == 1 and again.status().ok


def _spool_entry(db, cid: str) -> Path:
    import json

    with db.session() as s:
        c = s.get(Case, cid)
        entry = {
            k: getattr(c, k)
            for k in (
                "id",
                "station_id",
                "operator",
                "decision",
                "top_class",
                "top_probability",
                "model_name",
                "model_sha256",
                "image_path",
                "image_sha256",
                "heatmap_path",
                "heatmap_sha256",
                "traveller_ref",
            )
        }
        entry |= {
            "captured_utc": c.captured_utc.isoformat(),
            "probabilities": json.loads(c.probabilities),
            "thresholds": json.loads(c.thresholds),
            "quality": json.loads(c.quality),
        }
    path = db.data_dir / "entry.json"
    path.write_text(json.dumps(entry))
    return path


@pytest.mark.parametrize("iteration", range(3))
def test_every_acknowledged_case_survives_sigkill(tmp_path, iteration):
    """A subprocess submits cases and prints each id once submit_case returned; we SIGKILL it mid-stream."""
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "_submitter.py"), str(tmp_path), "200"],
        stdout=subprocess.PIPE,
        text=True,
    )
    acknowledged = []
    for line in proc.stdout:
        acknowledged.append(line.strip())
        if len(acknowledged) >= 5 + 4 * iteration:
            break
    proc.kill()
    proc.wait()
    acknowledged += [line.strip() for line in proc.stdout.read().splitlines() if line.strip()]
    db = open_database(f"sqlite:///{tmp_path / 'cases.sqlite3'}", tmp_path)
    writer = CaseWriter(db, StoreSettings(data_dir=tmp_path))
    writer.start()
    wait_until(lambda: writer.status().pending == 0, what="replay after SIGKILL")
    writer.stop()
    stored = {c.id for c in list_cases(db, limit=1000)}
    assert set(acknowledged) <= stored
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    report = audit.verify(db)  # the chain and its anchor survive the kill too
    assert report.ok, report.problems
    assert {e.target for e in audit.recent(db, 1000) if e.action == "case_created"} == stored
    db.close()


def test_locked_database_is_retried_reported_and_nothing_lost(tmp_path):
    db_path = tmp_path / "cases.sqlite3"
    db = open_database(f"sqlite:///{db_path}", tmp_path, busy_timeout_ms=100)
    statuses = []
    writer = CaseWriter(db, StoreSettings(data_dir=tmp_path), on_status=statuses.append)
    writer.start()
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another connection holds the write lock
    try:
        cid = writer.submit_case(make_record())  # returns: durable in the spool, not waiting for the lock
        wait_until(lambda: not writer.status().ok, what="the writer to report the lock")
        status = writer.status()
        assert status.pending == 1 and "locked" in status.last_error
        assert any(not s.ok for s in statuses)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    wait_until(lambda: writer.status().pending == 0 and writer.status().ok, what="the retry to succeed")
    writer.stop()
    assert [c.id for c in list_cases(db)] == [cid]
    assert statuses[-1].ok
    db.close()


def test_locked_database_status_is_one_plain_line_and_logged_once(tmp_path, caplog):
    """Issue 12 item 9: not the raw SQLAlchemy error (statement, parameters, URL) over four lines at every
    retry, but one line an officer understands; the technical error once per episode, and once recovered."""
    import logging

    db_path = tmp_path / "cases.sqlite3"
    db = open_database(f"sqlite:///{db_path}", tmp_path, busy_timeout_ms=50)
    statuses = []
    caplog.set_level(logging.DEBUG, logger="kiosk.store.writer")
    writer = CaseWriter(db, StoreSettings(data_dir=tmp_path), on_status=statuses.append)
    writer.start()
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        writer.submit_case(make_record(seed=1))
        writer.submit_case(make_record(seed=2))
        wait_until(lambda: not writer.status().ok, what="the writer to report the lock")
        time.sleep(1.5)  # several retries (back-off 0.05 s doubling) while locked
        status = writer.status()
        assert status.message == (
            "Database busy: cases are kept on this computer and saved when it frees (2 waiting)"
        )
        wait_until(lambda: statuses[-1].pending == 2, what="the status to count both cases")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    wait_until(lambda: writer.status().pending == 0 and writer.status().ok, what="the retry to succeed")
    writer.stop()
    for st in statuses:
        for line in (st.message, st.last_error or ""):
            assert "\n" not in line and len(line) < 120, line
            assert not any(
                w in line for w in ("INSERT", "SELECT", "BEGIN", "sqlalche.me", "sqlite:", "[SQL")
            ), line
    assert statuses[-1].ok and statuses[-1].message.startswith("Database OK")
    records = [r for r in caplog.records if r.name == "kiosk.store.writer" and r.levelno >= logging.INFO]
    busy = [r for r in records if "locked" in r.getMessage()]
    assert len(busy) == 1, [r.getMessage() for r in records]
    assert busy[0].levelno == logging.WARNING
    recovered = [r for r in records if "again" in r.getMessage()]
    assert len(recovered) == 1 and records[-1] is recovered[0]
    db.close()


def test_stop_while_locked_keeps_the_case_for_next_start(tmp_path):
    db_path = tmp_path / "cases.sqlite3"
    db = open_database(f"sqlite:///{db_path}", tmp_path, busy_timeout_ms=50)
    writer = CaseWriter(db, StoreSettings(data_dir=tmp_path))
    writer.start()
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    cid = writer.submit_case(make_record())
    writer.stop(timeout=0.2)
    blocker.execute("ROLLBACK")
    blocker.close()
    assert count_cases(db) == 0 and len(list((tmp_path / "spool").glob("*.json"))) == 1
    writer = CaseWriter(db, StoreSettings(data_dir=tmp_path))
    writer.start()
    wait_until(lambda: writer.status().pending == 0)
    writer.stop()
    assert [c.id for c in list_cases(db)] == [cid]
    db.close()


def test_sqlite_is_set_up_for_one_writer_and_many_readers(sqlite_db):
    with sqlite_db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("traveller_ref", "P" * 257, "traveller ref is 257 characters long; the case log keeps at most 256"),
        ("traveller_ref", "P1\x00", "control character"),
        ("traveller_ref", "P1\tP2", "control character"),
        ("operator", "o" * 129, "operator is 129 characters long"),
        ("station_id", "gate\n1", "control character"),
        ("model_name", "m" * 129, "model name is 129 characters long"),
        ("reason_code", "r" * 33, "reason code is 33 characters long"),
        ("consent_language", "x" * 17, "consent language is 17 characters long"),
    ],
)
def test_text_the_database_cannot_hold_is_refused_before_acknowledging(
    sqlite_db, tmp_path, field, value, message
):
    """Issue 27 item 2: a case the database would refuse (a 304-character pasted reference stopped a shared
    PostgreSQL station) is refused at once, with what to do, and nothing is queued."""
    from dataclasses import replace

    writer = CaseWriter(sqlite_db, StoreSettings(data_dir=tmp_path))
    with pytest.raises(StoreError, match=message):
        writer.submit_case(replace(make_record(), **{field: value}))
    assert not list((tmp_path / "spool").glob("*.json")) and writer.status().pending == 0
    writer.submit_case(replace(make_record(), traveller_ref="P" * 256))  # at the limit: kept
    assert writer.status().pending == 1


def _spool_by_hand(tmp_path, record_id: str, **overrides) -> Path:
    """A spool entry as an older station (without the checks) or a damaged disk left it."""
    import json

    from kiosk.store.spool import Spool

    entry = older_spool_entry(record_id, **overrides)
    path = Spool(tmp_path / "spool").put(record_id, entry)
    assert json.loads(path.read_text())["id"] == record_id
    return path


def test_a_case_refused_for_good_is_set_aside_and_the_queue_goes_on(backend_url, tmp_path):
    """Issue 27 item 2: the writer sets aside (dead-letters) a spooled case the database refuses for good,
    says so on the status line, and writes every case behind it."""
    from kiosk.store.spool import Spool

    db = open_database(backend_url, tmp_path)
    # on PostgreSQL a 100-character station id is refused by varchar(64); on SQLite (no length limit) a
    # captured time that is not a time is refused the same way, for good
    bad = {"station_id": "g" * 100} if backend_url.startswith("postgresql") else {"captured_utc": 1700000000}
    _spool_by_hand(tmp_path, "0" * 32, **bad)
    writer = CaseWriter(db, StoreSettings(data_dir=tmp_path))
    writer.start()
    good = [writer.submit_case(make_record(seed=i, ref=f"P{i}")) for i in range(3)]
    wait_until(lambda: writer.status().written == 3, what="the cases behind the refused one")
    status = writer.status()
    assert not status.ok and status.problem == "set_aside" and status.pending == 0
    assert "set aside" in status.message
    writer.stop()
    with db.session() as s:
        assert {c.id for c in s.execute(select(Case)).scalars()} == set(good)
    dead = Spool(tmp_path / "spool").dead()
    assert [p.name.endswith("0" * 32 + ".json") for p in dead] == [True]
    assert Spool.reason(dead[0])  # the database's reason is kept beside it
    assert audit.verify(db).ok
    db.close()
    # a new writer still says so: the case waits for an admin, it is not forgotten
    db = open_database(backend_url, tmp_path)
    assert CaseWriter(db, StoreSettings(data_dir=tmp_path)).status().problem == "set_aside"
    db.close()


def test_dead_letters_are_listed_and_restored_by_an_admin(sqlite_db, tmp_path, capsys, monkeypatch):
    from kiosk.admin_cli import main as admin
    from kiosk.store import accounts
    from kiosk.store.spool import Spool

    accounts.create_user(sqlite_db, "boss", "correct horse 1", "admin", None)
    _spool_by_hand(tmp_path, "1" * 32, captured_utc=1700000000)
    writer = CaseWriter(sqlite_db, StoreSettings(data_dir=tmp_path))
    writer.start()
    wait_until(lambda: writer.status().problem == "set_aside", what="the case to be set aside")
    writer.stop()
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[storage]\ndata_dir = "{tmp_path}"\n')
    assert admin(["--config", str(config), "dead-letters"]) == 0
    listed = capsys.readouterr().out
    assert "1" * 32 in listed and "flag" in listed
    (name,) = [p.name for p in Spool(tmp_path / "spool").dead()]
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("wrong password\n"))
    assert (
        admin(
            ["--config", str(config), "dead-letters", "--restore", name, "--as", "boss", "--password-stdin"]
        )
        == 2
    )
    assert Spool(tmp_path / "spool").dead()  # nothing moved without the admin's password
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("correct horse 1\n"))
    assert (
        admin(
            ["--config", str(config), "dead-letters", "--restore", name, "--as", "boss", "--password-stdin"]
        )
        == 0
    )
    assert not Spool(tmp_path / "spool").dead() and (tmp_path / "spool" / name).is_file()
    assert any(e.action == "dead_letter_restored" for e in audit.recent(sqlite_db, 5))


def test_a_handed_over_case_is_spooled_in_the_writers_thread_then_acknowledged(tmp_path):
    """submit_case_later returns at once; encryption, encoding and the fsync happen in the writer's spooling
    thread, not the caller's, and the caller hears "on disk" only once the spool file is there (issue 26);
    the database being locked does not hold the spooling up."""
    import threading

    db_path = tmp_path / "cases.sqlite3"
    db = open_database(f"sqlite:///{db_path}", tmp_path, busy_timeout_ms=100)
    writer = CaseWriter(db, StoreSettings(data_dir=tmp_path))
    writer.start()
    saved_in, heard = [], []
    real_save = db.media.save

    def save(case_id, kind, rgb):
        saved_in.append(threading.current_thread().name)
        return real_save(case_id, kind, rgb)

    db.media.save = save

    def acknowledged(case_id, error):
        heard.append((case_id, error, any((tmp_path / "spool").glob(f"*-{case_id}.json"))))

    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # the database is locked: spooling goes on regardless
    try:
        ids = [writer.submit_case_later(make_record(seed=i, heatmap=True), acknowledged) for i in range(3)]
        wait_until(lambda: len(heard) == 3, what="three acknowledgements")
        assert count_cases(db) == 0
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert [h[0] for h in heard] == ids  # in the order handed over
    assert all(error == "" and on_disk for _, error, on_disk in heard)
    assert saved_in and all(name.startswith("case-spool") for name in saved_in)
    assert threading.current_thread().name not in saved_in
    wait_until(lambda: writer.status().pending == 0, what="the database write")
    writer.stop()
    assert {c.id for c in list_cases(db)} == set(ids)
    with pytest.raises(StoreError, match="restart the station"):
        writer.submit_case_later(make_record(), acknowledged)
    db.close()


def test_a_case_the_disk_refuses_is_reported_not_acknowledged(sqlite_db, tmp_path):
    """The spool cannot be written (a full or read-only disk): the caller hears the error, nothing is
    queued, and the next case is spooled as usual; stop() waits for every case handed over."""
    writer = CaseWriter(sqlite_db, StoreSettings(data_dir=tmp_path))
    heard = []
    real_save = sqlite_db.media.save
    sqlite_db.media.save = lambda *a: (_ for _ in ()).throw(OSError(28, "No space left on device"))
    writer.submit_case_later(make_record(seed=1), lambda cid, err: heard.append(err))
    wait_until(lambda: len(heard) == 1, what="the refusal")
    assert "case not saved" in heard[0] and "No space left" in heard[0]
    assert writer.status().pending == 0 and not list((tmp_path / "spool").glob("*.json"))
    sqlite_db.media.save = real_save
    writer.start()
    kept = writer.submit_case_later(make_record(seed=2), lambda cid, err: heard.append(err))
    writer.stop()  # returns only once the handed-over case is spooled (and here written)
    assert heard[1] == "" and [c.id for c in list_cases(sqlite_db)] == [kept]
