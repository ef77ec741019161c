"""Accounts, roles, lockout, the audit chain and encryption at rest."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from sqlalchemy import text

from kiosk import admin_cli
from kiosk.store import (
    AccessDenied,
    CaseWriter,
    LoginError,
    StoreError,
    StoreSettings,
    accounts,
    audit,
    reviews,
)
from kiosk.store.accounts import UserSession
from kiosk.store.media import MediaStore

from .conftest import make_record, media_files

PW = "correct horse battery"


def _admin(db):
    accounts.create_user(db, "root", PW, "admin", None)
    return accounts.authenticate(db, "root", PW)


def test_no_default_accounts_and_first_must_be_admin(db):
    assert not accounts.has_users(db)
    with pytest.raises(AccessDenied):
        accounts.create_user(db, "alice", PW, "officer", None)
    with pytest.raises(StoreError, match="too short"):
        accounts.create_user(db, "root", "short", "admin", None)
    admin = _admin(db)
    with pytest.raises(AccessDenied):  # later accounts need an admin
        accounts.create_user(db, "bob", PW, "reviewer", None)
    accounts.create_user(db, "bob", PW, "officer", admin)
    officer = accounts.authenticate(db, "bob", PW)
    with pytest.raises(AccessDenied):
        accounts.create_user(db, "eve", PW, "admin", officer)
    with pytest.raises(StoreError, match="already exists"):
        accounts.create_user(db, "bob", PW, "officer", admin)


def test_passwords_are_argon2_hashed(db):
    _admin(db)
    with db.engine.connect() as conn:
        stored = conn.execute(text("SELECT password_hash FROM users")).scalar()
    assert stored.startswith("$argon2id$") and PW not in stored


def test_lockout_after_repeated_failures(db, settings):
    admin = _admin(db)
    accounts.create_user(db, "bob", PW, "reviewer", admin)
    now = datetime.now(UTC)
    for _ in range(settings.max_failed_logins):
        with pytest.raises(LoginError, match="wrong user name or password"):
            accounts.authenticate(db, "bob", "guess-guess-guess", settings, now=now)
    with pytest.raises(LoginError, match="locked"):  # even the right password, while locked
        accounts.authenticate(db, "bob", PW, settings, now=now + timedelta(minutes=1))
    session = accounts.authenticate(db, "bob", PW, settings, now=now + timedelta(minutes=11))
    assert session.role == "reviewer"
    actions = [e.action for e in reversed(audit.recent(db))]
    assert actions.count("login_failed") == settings.max_failed_logins + 1
    assert audit.verify(db).ok


def test_unknown_user_is_refused_and_audited(db):
    with pytest.raises(LoginError, match="wrong user name or password"):
        accounts.authenticate(db, "'; DROP TABLE users; --", "x")
    assert audit.recent(db)[0].action == "login_failed"


def test_refusals_do_not_reveal_which_accounts_exist(db, settings, monkeypatch):
    """Unknown name, wrong password and locked account: the same message, and each checks one password
    hash (so none answers faster), issue 12 item 7."""
    admin = _admin(db)
    accounts.create_user(db, "bob", PW, "reviewer", admin)
    accounts.create_user(db, "carol", PW, "reviewer", admin)
    accounts.set_disabled(db, "carol", True, admin)
    now = datetime.now(UTC)
    for _ in range(settings.max_failed_logins):
        with pytest.raises(LoginError):
            accounts.authenticate(db, "bob", "guess-guess-guess", settings, now=now)
    calls = []
    real = accounts._verify
    monkeypatch.setattr(accounts, "_verify", lambda h, p: calls.append(h) or real(h, p))
    messages = {}
    for name, user, password in [
        ("unknown", "nobody-here", PW),
        ("wrong password", "root", "guess-guess-guess"),
        ("locked, right password", "bob", PW),
        ("locked, wrong password", "bob", "guess-guess-guess"),
        ("disabled", "carol", PW),
    ]:
        calls.clear()
        with pytest.raises(LoginError) as exc:
            accounts.authenticate(db, user, password, settings, now=now + timedelta(minutes=1))
        messages[name] = str(exc.value)
        assert len(calls) == 1, name
    assert len(set(messages.values())) == 1, messages
    assert "bob" not in messages["locked, right password"]


def test_officer_cannot_review(db, tmp_path):
    admin = _admin(db)
    accounts.create_user(db, "off", PW, "officer", admin)
    officer = accounts.authenticate(db, "off", PW)
    writer = CaseWriter(db, StoreSettings(data_dir=tmp_path))
    writer.start()
    cid = writer.submit_case(make_record())
    writer.stop()
    for call in (
        lambda: reviews.view_case(db, officer, cid),
        lambda: reviews.review_case(db, officer, cid, "confirm"),
        lambda: reviews.record_outcome(db, officer, cid, "pcr_positive"),
        lambda: reviews.delete_case(db, officer, cid, "asked"),
    ):
        with pytest.raises(AccessDenied):
            call()
    reviews.review_case(db, admin, cid, "confirm", "sent to PCR")
    assert reviews.view_case(db, admin, cid).summary.review_status == "confirmed"


def _chain(db, n: int = 6) -> None:
    for i in range(n):
        audit.record(db, "root", "settings_changed", f"key{i}", {"value": i})


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE audit_log SET details = '{\"value\": 99}' WHERE seq = 3",
        "UPDATE audit_log SET actor = 'someone' WHERE seq = 2",
        "DELETE FROM audit_log WHERE seq = 3",
        # reorder: swap the content of two entries, keeping their positions
        "UPDATE audit_log SET seq = CASE seq WHEN 2 THEN 1002 WHEN 4 THEN 1004 END WHERE seq IN (2, 4);"
        "UPDATE audit_log SET seq = 4 WHERE seq = 1002; UPDATE audit_log SET seq = 2 WHERE seq = 1004",
        "DELETE FROM audit_log WHERE seq = 1",
    ],
    ids=["edit-details", "edit-actor", "delete", "reorder", "delete-first"],
)
def test_audit_tampering_is_detected(db, tamper):
    _chain(db)
    assert audit.verify(db).ok and audit.verify(db).entries == 6
    with db.engine.begin() as conn:
        for stmt in tamper.split(";"):
            conn.execute(text(stmt))
    report = audit.verify(db)
    assert not report.ok, tamper
    assert report.problems


def test_verify_audit_command(tmp_path, capsys):
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[storage]\ndata_dir = "{tmp_path}"\n')
    from kiosk.store.database import open_database

    db = open_database("", tmp_path)
    _chain(db)
    assert admin_cli.main(["--config", str(config), "verify-audit"]) == 0
    assert "hash chain intact" in capsys.readouterr().out
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET target = 'x' WHERE seq = 2"))
    assert admin_cli.main(["--config", str(config), "verify-audit"]) == 1
    assert "entry 2" in capsys.readouterr().err
    db.close()


def test_images_are_encrypted_on_disk(db, tmp_path):
    writer = CaseWriter(db, StoreSettings(data_dir=tmp_path))
    writer.start()
    record = make_record()
    cid = writer.submit_case(record)
    writer.stop()
    files = media_files(tmp_path)
    assert len(files) == 2
    for path in files:
        blob = path.read_bytes()
        assert not blob.startswith(b"\x89PNG") and not blob.startswith(b"\xff\xd8\xff")
        assert b"IHDR" not in blob and b"JFIF" not in blob
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    key = tmp_path / "keys" / "media.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and len(key.read_bytes()) == 32
    detail = reviews.view_case(db, _admin(db), cid)
    assert np.array_equal(db.media.load(detail.image_path, detail.image_sha256), record.image_rgb)
    with db.engine.connect() as conn:  # the database holds no image bytes
        assert conn.execute(text("SELECT COUNT(*) FROM cases WHERE image_path LIKE '%.enc'")).scalar() == 1


def test_wrong_key_altered_file_and_loose_key_are_refused(sqlite_db, tmp_path):
    rel, sha = sqlite_db.media.save("c" * 32, "image", make_record().image_rgb)
    other = MediaStore(tmp_path / "media", tmp_path / "other.key")
    with pytest.raises(StoreError, match="cannot be decrypted"):
        other.load(rel, sha)
    path = tmp_path / "media" / rel
    blob = bytearray(path.read_bytes())
    blob[-5] ^= 0xFF
    path.write_bytes(bytes(blob))
    with pytest.raises(StoreError, match="altered"):
        sqlite_db.media.load(rel, sha)
    loose = tmp_path / "loose.key"
    loose.write_bytes(os.urandom(32))
    loose.chmod(0o644)
    with pytest.raises(StoreError, match="chmod 600"):
        MediaStore(tmp_path / "media", loose).save("d" * 32, "image", make_record().image_rgb)


def test_session_roles():
    assert not UserSession("a", "officer", datetime.now(UTC)).can_review
    assert UserSession("a", "reviewer", datetime.now(UTC)).can_review
