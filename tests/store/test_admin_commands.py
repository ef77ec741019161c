"""Issue 27 item 3: admin tools that hold against mistakes and misuse. `purge` needs an admin and a typed
confirmation that names how many cases lose their images, and never takes a case still pending review;
`set-role` and `unlock` exist, are audited, and keep the last admin."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest

from kiosk import admin_cli
from kiosk.store import CaseWriter, StoreSettings, accounts, audit, open_database, reviews
from kiosk.store.errors import LoginError
from kiosk.store.queries import list_cases

from .conftest import make_record

ADMIN_PW = "correct horse battery"


@pytest.fixture
def station(tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[storage]\ndata_dir = "{tmp_path}"\n')
    db = open_database("", tmp_path)
    accounts.create_user(db, "root", ADMIN_PW, "admin", None)
    root = accounts.authenticate(db, "root", ADMIN_PW)
    accounts.create_user(db, "olga", "officer password 1", "officer", root)
    yield config, db, root
    db.close()


def _cli(monkeypatch, config, *argv, lines=()):
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{line}\n" for line in lines)))
    return admin_cli.main(["--config", str(config), *argv])


def test_purge_needs_an_admin_and_the_typed_count_and_keeps_pending_cases(
    station, tmp_path, monkeypatch, capsys
):
    config, db, root = station
    writer = CaseWriter(db, StoreSettings(data_dir=tmp_path))
    writer.start()
    old = datetime.now(UTC) - timedelta(days=200)
    ids = [writer.submit_case(make_record(seed=i, ref=f"R{i}", when=old)) for i in range(3)]
    writer.stop()
    reviews.review_case(db, root, ids[0], "dismiss", note="false alarm")  # reviewed: may go
    reviews.review_case(db, root, ids[1], "confirm")
    purge = ("purge", "--days", "0", "--as", "root", "--password-stdin")
    assert (
        _cli(
            monkeypatch, config, *purge[:-3], "--as", "olga", "--password-stdin", lines=["officer password 1"]
        )
        == 2
    )
    assert _cli(monkeypatch, config, *purge, lines=[ADMIN_PW, "yes"]) == 1  # not the phrase
    err = capsys.readouterr().err
    assert "2 case(s)" in err and "1 still pending review are kept" in err and "'PURGE 2'" in err
    assert all(c.has_images for c in list_cases(db))
    assert _cli(monkeypatch, config, *purge, lines=[ADMIN_PW, "PURGE 2"]) == 0
    by_id = {c.id: c for c in list_cases(db)}
    assert [by_id[i].has_images for i in ids] == [False, False, True]  # the unseen FLAG keeps its picture
    assert by_id[ids[2]].traveller_ref == "R2" and by_id[ids[0]].traveller_ref == ""
    entry = audit.recent(db, 1)[0]
    assert (entry.actor, entry.action) == ("root", "images_purged")
    assert audit.verify(db).ok


def test_set_role_and_unlock_are_audited_and_keep_the_last_admin(station, monkeypatch, capsys):
    config, db, root = station
    stdin = ("--as", "root", "--password-stdin")
    assert _cli(monkeypatch, config, "set-role", "olga", "reviewer", *stdin, lines=[ADMIN_PW]) == 0
    assert accounts.authenticate(db, "olga", "officer password 1").role == "reviewer"
    assert _cli(monkeypatch, config, "set-role", "root", "officer", *stdin, lines=[ADMIN_PW]) == 2
    assert "last admin" in capsys.readouterr().err
    for _ in range(5):  # five typos lock the account
        with pytest.raises(LoginError):
            accounts.authenticate(db, "olga", "typo")
    with pytest.raises(LoginError):
        accounts.authenticate(db, "olga", "officer password 1")
    assert _cli(monkeypatch, config, "unlock", "olga", *stdin, lines=[ADMIN_PW]) == 0
    assert accounts.authenticate(db, "olga", "officer password 1").role == "reviewer"
    actions = [(e.actor, e.action, e.target) for e in audit.recent(db, 30)]
    assert ("root", "role_changed", "olga") in actions and ("root", "account_unlocked", "olga") in actions
    assert audit.verify(db).ok


def test_every_command_is_listed_in_help_and_dispatched(capsys):
    from kiosk.app import _admin_commands as admin_commands

    with pytest.raises(SystemExit):
        admin_cli.main(["--help"])
    shown = capsys.readouterr().out
    for command in admin_cli.COMMANDS:
        assert command in shown, command
    assert set(admin_commands()) == set(admin_cli.COMMANDS)


def test_the_only_admin_locked_out_is_unlocked_by_the_stations_own_user(station, monkeypatch, capsys):
    """Issue 27: anyone at the station could lock the only admin out, CLI included, with no way back. The
    station's operating-system user (who can read its key) unlocks an admin, only while no admin can log
    in."""
    config, db, _root = station
    for _ in range(5):
        with pytest.raises(LoginError):
            accounts.authenticate(db, "root", "typo")
    with pytest.raises(LoginError):  # locked, the CLI included
        accounts.authenticate(db, "root", ADMIN_PW)
    assert _cli(monkeypatch, config, "unlock", "olga") == 2  # not an admin: an admin unlocks it
    assert _cli(monkeypatch, config, "unlock", "root") == 0
    assert accounts.authenticate(db, "root", ADMIN_PW).role == "admin"
    entry = [e for e in audit.recent(db, 10) if e.action == "account_unlocked"][0]
    assert entry.actor.startswith("cli:") and "holds the station key" in entry.actor
    # with an admin who can log in, that admin does it
    root = accounts.authenticate(db, "root", ADMIN_PW)
    accounts.create_user(db, "second", ADMIN_PW + "2", "admin", root)
    for _ in range(5):
        with pytest.raises(LoginError):
            accounts.authenticate(db, "second", "typo")
    assert _cli(monkeypatch, config, "unlock", "second") == 2
    assert "an admin account can still log in" in capsys.readouterr().err
    assert audit.verify(db).ok
