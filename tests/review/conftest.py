from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QThread

from kiosk.store import CaseWriter, StoreSettings, accounts, open_database

PW = "correct horse battery"


@pytest.fixture(autouse=True)
def no_dangling_qthreads(qapp):
    """Fail a test that leaves a QThread running (after napari's _dangling_qthreads)."""
    yield
    gc.collect()
    # type() not isinstance(): some lazy module proxies warn when their __class__ is read
    running = [t for t in gc.get_objects() if issubclass(type(t), QThread) and t.isRunning()]
    assert not running, f"QThreads left running: {running}"


@pytest.fixture
def settings(tmp_path) -> StoreSettings:
    return StoreSettings(data_dir=tmp_path, max_failed_logins=3, lockout_minutes=10)


@pytest.fixture
def db(tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'cases.sqlite3'}", tmp_path)
    yield database
    database.close()


@pytest.fixture
def users(db):
    accounts.create_user(db, "root", PW, "admin", None)
    admin = accounts.authenticate(db, "root", PW)
    accounts.create_user(db, "rev", PW, "reviewer", admin)
    accounts.create_user(db, "off", PW, "officer", admin)
    return {name: accounts.authenticate(db, name, PW) for name in ("root", "rev", "off")}


@pytest.fixture
def cases(db, tmp_path):
    """Five stored cases with encrypted images, through the real writer."""
    from tests.store.conftest import make_record

    writer = CaseWriter(db, StoreSettings(data_dir=tmp_path))
    writer.start()
    specs = [
        ("flag", "mpox", "gate-1", "P100"),
        ("flag", "mpox", "gate-2", "P200"),
        ("review", "measles", "gate-1", "X-9"),
        ("review", "eczema", "gate-2", "Ünï 1"),
        ("flag", "chickenpox", "gate-1", "P300"),
    ]
    ids = [
        writer.submit_case(make_record(seed=i, decision=d, top_class=c, station=s, ref=r))
        for i, (d, c, s, r) in enumerate(specs)
    ]
    writer.stop()
    return ids
