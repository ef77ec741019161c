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
