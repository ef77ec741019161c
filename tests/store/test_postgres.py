"""Central logging: several stations write to one PostgreSQL database at once; nothing is lost."""

from __future__ import annotations

import threading

import pytest

from kiosk.store import CaseWriter, StoreSettings, audit, open_database
from kiosk.store.queries import CaseFilter, count_cases, list_cases

from .conftest import NO_POSTGRES, POSTGRES_URL, make_record, reset_postgres


@pytest.fixture
def pg_url():
    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    reset_postgres(POSTGRES_URL)
    return POSTGRES_URL


def test_two_stations_write_concurrently(pg_url, tmp_path):
    stations = {}
    for name in ("gate-1", "gate-2"):
        db = open_database(pg_url, tmp_path / name)  # each station its own data folder and writer
        writer = CaseWriter(db, StoreSettings(data_dir=tmp_path / name, station_id=name))
        writer.start()
        stations[name] = (db, writer, [])

    def run(name: str) -> None:
        _, writer, ids = stations[name]
        for i in range(15):
            ids.append(writer.submit_case(make_record(seed=i, station=name)))
            writer.count_clear(name, make_record().captured_utc)

    threads = [threading.Thread(target=run, args=(n,)) for n in stations]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for _, writer, _ in stations.values():
        writer.stop(timeout=30)
        assert writer.status().pending == 0
    review_db = open_database(pg_url, tmp_path / "review")  # one review screen sees both stations
    for name, (_, _, ids) in stations.items():
        got = {c.id for c in list_cases(review_db, CaseFilter(stations=(name,)), limit=100)}
        assert got == set(ids)
    assert count_cases(review_db) == 30
    review_db.close()
    for db, _, _ in stations.values():
        db.close()


def test_concurrent_audit_appends_keep_one_chain(pg_url, tmp_path):
    dbs = [open_database(pg_url, tmp_path / f"s{i}") for i in range(2)]

    def run(db, who: str) -> None:
        for i in range(10):
            audit.record(db, who, "settings_changed", f"k{i}")

    threads = [threading.Thread(target=run, args=(db, f"user{i}")) for i, db in enumerate(dbs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    report = audit.verify(dbs[0])
    assert report.ok, report.problems
    assert report.entries == 20
    for db in dbs:
        db.close()
