"""Issue 30 item 3: names that cannot impersonate. User names ignore case and hold only letters, digits and
'._-' (no tab, line break, invisible or direction-override character); station ids likewise; older accounts
that differ only in case are reported, and only their exact spelling logs in."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from kiosk.config import ConfigError, parse_config
from kiosk.store import StoreError, accounts, audit
from kiosk.store.errors import LoginError

PASSWORD = "correct horse battery"


@pytest.fixture
def boss(db):
    accounts.create_user(db, "boss", PASSWORD, "admin", None)
    return accounts.authenticate(db, "boss", PASSWORD)


@pytest.mark.parametrize(
    "name", ["BOSS", "Boss", "boss", " boss ", "ｂｏｓｓ"]
)  # the last: full-width letters
def test_a_name_that_differs_only_in_case_or_form_cannot_be_created(db, boss, name):
    with pytest.raises(StoreError, match="already exists"):
        accounts.create_user(db, name, PASSWORD + "x", "officer", boss)


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("bo\tss", r"U\+0009 control character"),
        ("boss\u202e", "RIGHT-TO-LEFT OVERRIDE"),
        ("bo\u200bss", "ZERO WIDTH SPACE"),
        ("anna maria", "SPACE"),
        ("x\ny", r"U\+000A control character"),
        ("", "1 to 64"),
        ("a" * 65, "1 to 64"),
    ],
)
def test_names_with_invisible_or_control_characters_are_refused_naming_them(db, boss, name, why):
    with pytest.raises(StoreError, match=why):
        accounts.create_user(db, name, PASSWORD + "x", "officer", boss)


def test_plain_names_in_any_script_are_accepted_and_log_in_in_any_case(db, boss):
    for name in ("anna.maria-2", "o_connor", "محمد", "李伟"):
        accounts.create_user(db, name, PASSWORD + "x", "officer", boss)
    session = accounts.authenticate(db, "ANNA.MARIA-2", PASSWORD + "x")
    assert session.username == "anna.maria-2"  # the audit trail names the account as stored
    assert audit.recent(db, 1)[0].actor == "anna.maria-2"


def test_older_accounts_that_differ_only_in_case_are_reported_and_need_their_exact_spelling(db, boss):
    with db.engine.begin() as conn:  # as a version before this rule let them be made
        conn.execute(
            text(
                "INSERT INTO users (username, password_hash, role, failed_logins, disabled, created_utc) "
                "VALUES ('BOSS', :h, 'officer', 0, false, :t)"
            ),
            {"h": accounts._hasher.hash("another password 1"), "t": datetime.now(UTC).replace(tzinfo=None)},
        )
    assert accounts.name_collisions(db) == [["boss", "BOSS"]]
    assert accounts.authenticate(db, "BOSS", "another password 1").role == "officer"
    assert accounts.authenticate(db, "boss", PASSWORD).role == "admin"
    with pytest.raises(LoginError):  # neither spelling: which account is meant is not guessed
        accounts.authenticate(db, "Boss", PASSWORD)


@pytest.mark.parametrize("station", ["gate\n1", "gate 1", "gate-1\u202e", "g" * 65])
def test_station_ids_are_names_too(station):
    with pytest.raises(ConfigError, match=r"\[station\] id"):
        parse_config({"station": {"id": station}})
    assert parse_config({"station": {"id": "Gate-1.north_2"}}).station.id == "Gate-1.north_2"


def test_disable_and_enable_from_the_command_line(db, boss, tmp_path, monkeypatch, capsys, backend_url):
    import io

    from kiosk.admin_cli import main as admin

    accounts.create_user(db, "officer1", PASSWORD + "x", "officer", boss)
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[storage]\ndata_dir = "{tmp_path}"\ndatabase_url = "{backend_url}"\n')
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert admin(["--config", str(config), "disable", "officer1", "--as", "boss", "--password-stdin"]) == 0
    with pytest.raises(LoginError):
        accounts.authenticate(db, "officer1", PASSWORD + "x")
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert admin(["--config", str(config), "enable", "officer1", "--as", "boss", "--password-stdin"]) == 0
    assert accounts.authenticate(db, "officer1", PASSWORD + "x").role == "officer"
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))  # the last admin stays
    assert admin(["--config", str(config), "disable", "boss", "--as", "boss", "--password-stdin"]) == 2
    assert "last admin" in capsys.readouterr().err
