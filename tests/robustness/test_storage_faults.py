"""Disk full and a read-only data folder: shown to the officer, screening goes on, nothing stored is damaged.

As root (CI and this machine) the faults are real: a small tmpfs mounted under tmp_path is filled up,
or remounted read-only. Where mounting is not possible those tests skip, and the same checks run with
``os.write`` patched to behave as the kernel does on a full disk (a short write, then ENOSPC). SIGKILL and a
database locked by another process are covered in tests/store/test_writer.py (see docs/robustness.md).
"""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.store import CaseWriter, StoreSettings, open_database
from tests.conftest import one_hot_probs
from tests.kiosk.conftest import FakeSource, skin_texture
from tests.store.conftest import make_record, wait_until


def _mount(args: list[str]) -> bool:
    return subprocess.run(args, capture_output=True).returncode == 0


@contextmanager
def small_disk(path: Path, size: str = "4m"):
    """A tmpfs of ``size`` at ``path`` (root only); skips the test where it cannot be mounted."""
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not _mount(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(path)]
    ):
        pytest.skip("needs root and mount(8) for a real small file system; the patched variant still runs")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def fill(folder: Path) -> Path:
    """Write a filler file until the file system is full; returns it (delete it to free the space)."""
    filler = folder / "filler"
    with open(filler, "wb") as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


def full_disk_write(real_write):
    """os.write as on a full disk: the first call writes part of the data, the next raises ENOSPC."""
    state = {"calls": 0}

    def write(fd, data):
        state["calls"] += 1
        if state["calls"] == 1:
            return real_write(fd, bytes(data)[: max(1, len(data) // 2)])
        raise OSError(errno.ENOSPC, "No space left on device")

    return write


def stored_intact(db) -> list[str]:
    """Ids of stored cases after checking the database and every image against its recorded SHA-256."""
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    from kiosk.store.schema import Case

    with db.session() as s:
        rows = [
            (c.id, c.image_path, c.image_sha256, c.heatmap_path, c.heatmap_sha256)
            for c in s.query(Case).all()
        ]
    for _id, image, image_sha, heat, heat_sha in rows:
        db.media.load(image, image_sha)  # raises if the file is damaged or does not match its SHA-256
        if heat:
            db.media.load(heat, heat_sha)
    return [r[0] for r in rows]


def no_partial_files(data_dir: Path) -> None:
    assert not list(data_dir.rglob("*.tmp")), "a partial file was left behind"
    for entry in (data_dir / "spool").glob("*.json"):
        import json

        json.loads(entry.read_text())  # every spooled case is whole


@pytest.mark.parametrize("how", ["patched", "tmpfs"])
def test_disk_full_refuses_the_new_case_and_keeps_the_old_ones(tmp_path, monkeypatch, how):
    data = tmp_path / "data"
    with small_disk(data) if how == "tmpfs" else _nothing(data):
        db = open_database(f"sqlite:///{data / 'cases.sqlite3'}", data)
        writer = CaseWriter(db, StoreSettings(data_dir=data))
        writer.start()
        before = [writer.submit_case(make_record(seed=i)) for i in range(3)]
        wait_until(lambda: writer.status().written == 3, what="the first cases")
        if how == "tmpfs":
            filler = fill(data)
        else:
            import kiosk.store.media as media

            monkeypatch.setattr(media.os, "write", full_disk_write(os.write))
        with pytest.raises(OSError) as info:
            writer.submit_case(make_record(seed=9))  # not acknowledged: the caller is told
        assert info.value.errno == errno.ENOSPC
        no_partial_files(data)
        # space comes back: writing goes on
        if how == "tmpfs":
            filler.unlink()
        else:
            monkeypatch.undo()
        after = writer.submit_case(make_record(seed=10))
        wait_until(lambda: writer.status().pending == 0 and writer.status().ok, what="the writer to catch up")
        writer.stop()
        assert set(stored_intact(db)) == {*before, after}
        db.close()


@contextmanager
def _nothing(path: Path):
    path.mkdir(parents=True, exist_ok=True)
    yield path


def test_read_only_data_folder_at_start_is_reported(tmp_path):
    data = tmp_path / "data"
    with small_disk(data):
        db = open_database(f"sqlite:///{data / 'cases.sqlite3'}", data)
        writer = CaseWriter(db, StoreSettings(data_dir=data))
        writer.start()
        cid = writer.submit_case(make_record())
        writer.stop()
        db.close()
        assert _mount(["mount", "-o", "remount,ro", str(data)])
        from kiosk.store import StoreError

        with pytest.raises(StoreError, match="data folder is writable") as info:
            open_database(f"sqlite:///{data / 'cases.sqlite3'}", data)
        assert "cases.sqlite3" in str(info.value)  # names the file
        assert _mount(["mount", "-o", "remount,rw", str(data)])
        with sqlite3.connect(data / "cases.sqlite3") as conn:  # nothing stored was damaged
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("SELECT id FROM cases").fetchall() == [(cid,)]


def _station(qtbot, kiosk_config, make_tiny_bundle, data: Path, bundle: Path | None = None):
    from kiosk.app import Station
    from kiosk.config import ModelConfig, StorageConfig

    control = {"mode": "ok"}
    frames = [skin_texture(64, seed=s) for s in range(3)]
    config = replace(
        kiosk_config,
        storage=StorageConfig(data_dir=data),
        model=ModelConfig(
            bundle=str(bundle or make_tiny_bundle(probs=one_hot_probs("mpox", 0.9))), device="cpu"
        ),
    )
    station = Station(config, source_factory=lambda _s: FakeSource(frames, control))
    window = station.build(no_login=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.displayed_frames > 3, timeout=5000)
    return station, window


def _capture(qtbot, window):
    with qtbot.waitSignal(window.outcome_shown, timeout=10000) as sig:
        window.capture_now()
    return sig.args[0]


def read_only_open(real_open, under: Path):
    """os.open as on a read-only file system for files under ``under`` (EROFS on any write)."""

    def open_(path, flags, *args, **kwargs):
        if str(path).startswith(str(under)) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kwargs)

    return open_


@pytest.mark.parametrize("fault", ["disk-full", "read-only"])
def test_station_keeps_screening_and_says_the_case_was_not_saved(
    qtbot, tmp_path, kiosk_config, make_tiny_bundle, monkeypatch, fault
):
    """disk-full: a real tmpfs filled up (root). read-only while running: a file system cannot be remounted
    read-only while the database is open on it, so os.open in the media store raises EROFS instead."""
    import kiosk.store.media as media

    data = tmp_path / "data"
    with small_disk(data, "8m") if fault == "disk-full" else _nothing(data):
        station, window = _station(qtbot, kiosk_config, make_tiny_bundle, data)
        try:
            first = _capture(qtbot, window)
            assert first.case_id
            qtbot.waitUntil(lambda: station.writer.status().written >= 1, timeout=10000)
            if fault == "disk-full":
                filler = fill(data)
            else:
                monkeypatch.setattr(media.os, "open", read_only_open(os.open, data))
            for _ in range(2):  # screening goes on, every time with the decision and the warning
                _capture(qtbot, window)
                # the decision at once; the case, handed to the writer's spooling thread, is refused by the
                # disk: no case on screen (no referral slip), and the officer's line says it was not saved,
                # the reason is the technical line under it
                assert window.banner_kind == "flag"
                qtbot.waitUntil(lambda: "The case was NOT saved" in window.reason.text(), timeout=10000)
                assert window.core.case_id is None and not window.referral_button.isEnabled()
                assert "case not saved" in window.detail_label.toolTip()
                assert (
                    "No space left" if fault == "disk-full" else "Read-only"
                ) in window.detail_label.toolTip()
                assert "case not saved" in window.detail_label.toolTip()
                assert (
                    "No space left" if fault == "disk-full" else "Read-only"
                ) in window.detail_label.toolTip()
            if fault == "disk-full":
                filler.unlink()
            else:
                monkeypatch.undo()
            again = _capture(qtbot, window)
            assert again.case_id
            qtbot.waitUntil(lambda: "Case saved" in window.reason.text(), timeout=10000)
            qtbot.waitUntil(lambda: station.writer.status().pending == 0, timeout=15000)
        finally:
            station.shutdown()
        no_partial_files(data)
        db = open_database(f"sqlite:///{data / 'cases.sqlite3'}", data)
        assert set(stored_intact(db)) == {first.case_id, again.case_id}
        db.close()


def test_station_started_on_a_read_only_data_folder_screens_without_saving(
    qtbot, tmp_path, kiosk_config, make_tiny_bundle
):
    data = tmp_path / "data"
    with small_disk(data):
        bundle = make_tiny_bundle(probs=one_hot_probs("mpox", 0.9))  # pinned by the station before it went ro
        assert _mount(["mount", "-o", "remount,ro", str(data)])
        station, window = _station(qtbot, kiosk_config, make_tiny_bundle, data, bundle)
        try:
            assert station.writer is None
            assert window.status_db.text().startswith("Database: unavailable: cases are NOT saved")
            # The reason is the status bar's tooltip, for the administrator.
            assert "data folder is writable" in window.status_db.toolTip()
            outcome = _capture(qtbot, window)
            assert outcome.case_id is None and window.banner_kind == "flag"
        finally:
            station.shutdown()


def test_a_key_file_readable_by_others_is_reported_at_start_not_at_the_first_flag(
    qtbot, tmp_path, kiosk_config, make_tiny_bundle
):
    """Issue 27 item 4: the station checks its key when it starts; the status bar says cases are not saved and
    the tooltip says what to do (it said "Database: OK" until the first FLAG could not be saved)."""
    import os

    data = tmp_path / "data"
    (data / "keys").mkdir(parents=True)
    key = data / "keys" / "media.key"
    key.write_bytes(os.urandom(32))
    key.chmod(0o644)
    station, window = _station(qtbot, kiosk_config, make_tiny_bundle, data)
    try:
        assert station.writer is None
        assert window.status_db.text().startswith("Database: unavailable: cases are NOT saved")
        assert f"chmod 600 {key}" in window.status_db.toolTip()
        outcome = _capture(qtbot, window)
        assert outcome.case_id is None and window.banner_kind == "flag"  # screening itself goes on
    finally:
        station.shutdown()


def test_case_saved_is_said_only_once_the_database_has_it(qtbot, tmp_path, kiosk_config, make_tiny_bundle):
    """Issue 27: with the database locked by another program the FLAG is kept on the station (spooled) and the
    screen says so; the line turns to "Case saved" when the writer commits it, not before."""
    import sqlite3

    data = tmp_path / "data"
    station, window = _station(qtbot, kiosk_config, make_tiny_bundle, data)
    blocker = None
    try:
        qtbot.waitUntil(lambda: (data / "cases.sqlite3").is_file(), timeout=5000)
        blocker = sqlite3.connect(data / "cases.sqlite3", isolation_level=None, timeout=0.1)
        blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        outcome = _capture(qtbot, window)
        assert outcome.case_id and window.banner_kind == "flag"
        # on this station's disk first (the writer's spooling thread says so), not yet in the database
        qtbot.waitUntil(lambda: "Case kept on this station" in window.reason.text(), timeout=5000)
        assert "Case saved" not in window.reason.text()
        qtbot.wait(700)  # the writer retries and fails meanwhile: still not saved
        assert "Case saved" not in window.reason.text() and station.writer.status().pending == 1
        blocker.execute("ROLLBACK")
        qtbot.waitUntil(lambda: "Case saved." in window.reason.text(), timeout=15000)
        assert "kept on this station" not in window.reason.text()
        assert station.writer.status().pending == 0
    finally:
        if blocker is not None:
            blocker.close()
        station.shutdown()


def test_a_case_refused_for_good_is_said_to_be_set_aside(qtbot, tmp_path, kiosk_config, make_tiny_bundle):
    """The writer sets aside a case the database refuses for good (kiosk/store/writer.py): the result on
    screen says so instead of ever saying "Case saved"."""
    data = tmp_path / "data"
    station, window = _station(qtbot, kiosk_config, make_tiny_bundle, data)
    try:
        from sqlalchemy.exc import DataError

        def refuse(path):  # the database refuses this case for good (as PostgreSQL a too-long value)
            raise DataError("INSERT INTO cases", {}, Exception("value too long for type character varying"))

        station.writer._write_one = refuse
        outcome = _capture(qtbot, window)
        assert outcome.case_id
        qtbot.waitUntil(lambda: "set aside on this station" in window.reason.text(), timeout=15000)
        assert "Case saved" not in window.reason.text()
    finally:
        station.shutdown()
