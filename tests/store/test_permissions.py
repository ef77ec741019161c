"""Files readable by other local users (issue 12, item 8): whatever the umask, a data folder made by the
station is 0700 and its database, spool, media, key and anchor files 0600; looser ones are tightened on
open, with a log line."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest

from kiosk.store import CaseWriter, StoreSettings, open_database
from kiosk.store.migrate import backup_sqlite

from .conftest import make_record


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o022, 0o000, 0o002])
def umask(request):
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def test_everything_the_station_creates_is_private(tmp_path, umask):
    data = tmp_path / "new" / "data"  # does not exist yet
    db = open_database("", data)
    never_started = CaseWriter(db, StoreSettings(data_dir=data))  # the case stays in the spool
    never_started.submit_case(make_record())
    with db.engine.connect() as conn:  # the WAL and shared-memory files exist while connected
        conn.exec_driver_sql("SELECT count(*) FROM cases").scalar()
        files = [p for p in data.rglob("*") if p.is_file()]
        folders = [data, *(p for p in data.rglob("*") if p.is_dir())]
        names = {p.name for p in files}
        assert {
            "cases.sqlite3",
            "cases.sqlite3-wal",
            "cases.sqlite3-shm",
            "media.key",
            "audit.anchor",
        } <= names
        assert any(p.suffix == ".enc" for p in files) and any(p.parent.name == "spool" for p in files)
        wrong = {str(p.relative_to(tmp_path)): oct(_mode(p)) for p in files if _mode(p) != 0o600}
        wrong |= {str(p.relative_to(tmp_path)): oct(_mode(p)) for p in folders if _mode(p) != 0o700}
    assert wrong == {}
    backup = backup_sqlite(data / "cases.sqlite3", "test")
    assert _mode(backup) == 0o600
    db.close()


def test_looser_existing_folder_and_files_are_tightened_with_a_log_line(tmp_path, caplog):
    data = tmp_path / "data"
    db = open_database("", data)
    db.media.save("c" * 32, "image", make_record().image_rgb)
    db.close()
    data.chmod(0o755)
    (data / "cases.sqlite3").chmod(0o644)
    (data / "media").chmod(0o775)
    caplog.set_level(logging.WARNING, logger="kiosk.store")
    db = open_database("", data)
    assert _mode(data) == 0o700 and _mode(data / "cases.sqlite3") == 0o600 and _mode(data / "media") == 0o700
    text = caplog.text
    assert str(data) in text and "755" in text and "644" in text
    db.close()
