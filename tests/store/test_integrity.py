"""A tamper-evident store (issue 12, item 4): every case, review, outcome and account change is in the hash
chain, and the chain head is anchored outside the database, so `verify-audit` reports an edit or a deletion
of any of them, including cutting off the newest audit entries."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from kiosk import admin_cli
from kiosk.store import CaseWriter, StoreSettings, accounts, audit, open_database, reviews
from kiosk.store.queries import list_cases

from .conftest import make_record

PW = "correct horse battery"


@pytest.fixture
def store(db, tmp_path):
    """Accounts, three cases through the real writer, one confirmed with a PCR outcome."""
    accounts.create_user(db, "root", PW, "admin", None)
    root = accounts.authenticate(db, "root", PW)
    accounts.create_user(db, "rev", PW, "reviewer", root)
    accounts.create_user(db, "off", PW, "officer", root)
    rev = accounts.authenticate(db, "rev", PW)
    writer = CaseWriter(db, StoreSettings(data_dir=tmp_path))
    writer.start()
    ids = [writer.submit_case(make_record(seed=i, ref=f"P{i}")) for i in range(2)]
    ids.append(writer.submit_case(replace(make_record(seed=9), reason_code="open_set", open_set_score=0.73)))
    writer.stop()
    reviews.review_case(db, rev, ids[0], "confirm", "sent to PCR")
    reviews.record_outcome(db, rev, ids[0], "pcr_positive")
    report = audit.verify(db)
    assert report.ok, report.problems
    return {"db": db, "ids": ids, "root": root, "rev": rev}


def _sql(db, *statements: str, **params) -> None:
    with db.engine.begin() as conn:
        for stmt in statements:
            conn.execute(text(stmt), params)


def test_case_creation_and_every_change_is_in_the_chain(store):
    db, ids = store["db"], store["ids"]
    actions = [(e.action, e.target) for e in reversed(audit.recent(db, 100))]
    for cid in ids:
        assert ("case_created", cid) in actions
    assert ("case_confirmed", ids[0]) in actions and ("case_outcome", ids[0]) in actions
    assert ("user_created", "off") in actions


def test_new_columns_are_stored(store):
    db, ids = store["db"], store["ids"]
    with db.engine.connect() as conn:
        rows = dict(
            (r[0], (r[1], r[2]))
            for r in conn.execute(text("SELECT id, reason_code, open_set_score FROM cases"))
        )
    assert rows[ids[2]] == ("open_set", pytest.approx(0.73)) and rows[ids[1]] == ("", None)


TAMPERS = {
    "flag-to-clear": ("UPDATE cases SET decision = 'clear' WHERE id = :c0", "case"),
    "outcome-changed": ("UPDATE cases SET outcome = 'pcr_negative' WHERE id = :c0", "case"),
    "status-changed": ("UPDATE cases SET review_status = 'dismissed' WHERE id = :c1", "case"),
    "case-deleted": ("DELETE FROM cases WHERE id = :c1", "deleted"),
    "reviewed-case-deleted": ("DELETE FROM cases WHERE id = :c0", "deleted"),
    "image-sha": ("UPDATE cases SET image_sha256 = 'ff' WHERE id = :c1", "case"),
    "heatmap-sha": ("UPDATE cases SET heatmap_sha256 = NULL WHERE id = :c1", "case"),
    "thresholds": ("UPDATE cases SET thresholds = '{\"flag\": 0.99}' WHERE id = :c1", "case"),
    "probabilities": ("UPDATE cases SET probabilities = '{\"mpox\": 0.01}' WHERE id = :c1", "case"),
    "top-probability": ("UPDATE cases SET top_probability = 0.1 WHERE id = :c1", "case"),
    "traveller-ref": ("UPDATE cases SET traveller_ref = 'someone else' WHERE id = :c1", "case"),
    "reason-code": ("UPDATE cases SET reason_code = '' WHERE id = :c2", "case"),
    "open-set-score": ("UPDATE cases SET open_set_score = 0.01 WHERE id = :c2", "case"),
    "images-hidden": ("UPDATE cases SET image_path = NULL WHERE id = :c1", "case"),
    "review-note-edited": ("UPDATE reviews SET note = 'nothing to see' WHERE case_id = :c0", "review"),
    "review-deleted": ("DELETE FROM reviews WHERE action = 'outcome'", "review"),
    "officer-promoted": ("UPDATE users SET role = 'admin' WHERE username = 'off'", "account"),
    "password-replaced": ("UPDATE users SET password_hash = 'x' WHERE username = 'root'", "account"),
    "account-unlocked": (
        "UPDATE users SET failed_logins = 0, disabled = true WHERE username = 'rev'",
        "account",
    ),
    "account-deleted": ("DELETE FROM users WHERE username = 'rev'", "account"),
    "case-added-by-hand": (
        "INSERT INTO cases (id, captured_utc, station_id, operator, decision, top_class, top_probability,"
        " probabilities, thresholds, model_name, model_sha256, quality, traveller_ref, created_utc,"
        " review_status, reason_code) VALUES ('forged', '2025-01-01 00:00:00', 'gate-1', 'o', 'flag', 'mpox',"
        " 0.9, '{}', '{}', 'm', 'ff', '{}', '', '2025-01-01 00:00:00', 'pending', '')",
        "not in the audit trail",
    ),
    "account-added-by-hand": (
        "INSERT INTO users (username, password_hash, role, failed_logins, disabled, created_utc)"
        " VALUES ('mallory', 'x', 'admin', 0, false, '2025-01-01 00:00:00')",
        "not in the audit trail",
    ),
}


@pytest.mark.parametrize("name", list(TAMPERS))
def test_edits_outside_the_station_are_detected(store, name):
    db, ids = store["db"], store["ids"]
    stmt, word = TAMPERS[name]
    params = {f"c{i}": cid for i, cid in enumerate(ids)}
    _sql(db, stmt, **{k: v for k, v in params.items() if f":{k}" in stmt})
    report = audit.verify(db)
    assert not report.ok, name
    assert any(word in p for p in report.problems), report.problems


def test_cutting_off_the_newest_entries_is_detected(store):
    db = store["db"]
    head = audit.verify(db).entries
    _sql(db, f"DELETE FROM audit_log WHERE seq > {head - 2}")
    report = audit.verify(db)
    assert report.entries == head - 2 and not report.ok
    assert any("newest" in p for p in report.problems), report.problems


def _rechain(db, from_seq: int) -> None:
    """What an attacker with SQL access does after an edit: recompute every hash from there on."""
    with db.engine.begin() as conn:
        rows = conn.execute(
            text("SELECT seq, ts_utc, actor, action, target, details, prev_hash FROM audit_log ORDER BY seq")
        ).all()
        prev = None
        for seq, ts, actor, action, target, details, _prev_hash in rows:
            if seq < from_seq:
                prev = conn.execute(
                    text("SELECT entry_hash FROM audit_log WHERE seq = :s"), {"s": seq}
                ).scalar()
                continue
            when = ts if isinstance(ts, datetime) else datetime.fromisoformat(ts)
            when = when.replace(tzinfo=UTC) if when.tzinfo is None else when
            new = audit.entry_hash(seq, when, actor, action, target, details, prev)
            conn.execute(
                text("UPDATE audit_log SET prev_hash = :p, entry_hash = :h WHERE seq = :s"),
                {"p": "tmp-" + str(seq), "h": new, "s": seq},
            )
            conn.execute(text("UPDATE audit_log SET prev_hash = :p WHERE seq = :s"), {"p": prev, "s": seq})
            prev = new


def test_a_rewritten_chain_does_not_match_the_anchor(store):
    """Edit an audit entry and recompute the chain: internally consistent, but the anchored head differs."""
    db = store["db"]
    _sql(db, 'UPDATE audit_log SET details = \'{"role": "admin"}\' WHERE seq = 3')
    _rechain(db, 3)
    report = audit.verify(db)
    assert not report.ok
    assert all("content was edited" not in p for p in report.problems)  # the attacker did it well
    assert any("anchor" in p for p in report.problems), report.problems


def test_anchor_file_is_outside_the_database_and_append_only(store, tmp_path):
    db = store["db"]
    anchor = tmp_path / "keys" / "audit.anchor"
    lines = anchor.read_text().splitlines()
    head = audit.recent(db, 1)[0]
    assert lines[-1].split()[:2] == [str(head.seq), head.entry_hash]
    audit.record(db, "root", "settings_changed", "x")
    assert anchor.read_text().splitlines()[: len(lines)] == lines  # appended, not rewritten


def test_a_torn_last_anchor_line_is_ignored(store, tmp_path):
    """A SIGKILL while the anchor line is written leaves half a line: not a tampering report."""
    anchor = tmp_path / "keys" / "audit.anchor"
    with anchor.open("a") as f:
        f.write("99 abc")
    report = audit.verify(store["db"])
    assert report.ok, report.problems


def test_missing_anchor_of_a_local_database_is_reported(store, tmp_path):
    (tmp_path / "keys" / "audit.anchor").unlink()
    report = audit.verify(store["db"])
    if store["db"].dialect == "sqlite":
        assert not report.ok and any("anchor" in p for p in report.problems)
    else:  # a station that joins a shared database has no anchor of its own yet: a note, not a failure
        assert report.ok and report.notes


def test_unknown_login_names_are_not_stored_verbatim(store):
    db = store["db"]
    secret = "MySecretPassw0rd!"
    with pytest.raises(accounts.LoginError):
        accounts.authenticate(db, secret, "whatever-whatever")
    with db.engine.connect() as conn:
        dump = "\n".join(
            " ".join(str(v) for v in row) for row in conn.execute(text("SELECT * FROM audit_log"))
        )
    assert secret not in dump and secret.lower() not in dump.lower()
    assert hashlib.sha256(secret.encode()).hexdigest() not in dump  # not an unkeyed hash either
    entry = audit.recent(db, 1)[0]
    assert entry.action == "login_failed" and entry.actor == "unknown user"
    # the same unknown name twice gives the same keyed fingerprint (to spot guessing), never the name
    with pytest.raises(accounts.LoginError):
        accounts.authenticate(db, secret, "whatever-whatever")
    a, b = (json.loads(e.details) for e in audit.recent(db, 2))
    assert a["name_fingerprint"] == b["name_fingerprint"] and len(a["name_fingerprint"]) >= 16


def test_account_changes_are_audited_and_protected(store):
    db, root = store["db"], store["root"]
    accounts.set_role(db, "off", "reviewer", root)
    accounts.set_disabled(db, "rev", True, root)
    assert {(n, r, d) for n, r, d in accounts.list_users(db)} >= {
        ("off", "reviewer", False),
        ("rev", "reviewer", True),
    }
    with pytest.raises(accounts.LoginError):
        accounts.authenticate(db, "rev", PW)
    actions = [e.action for e in audit.recent(db, 10)]
    assert "role_changed" in actions and "account_disabled" in actions
    assert audit.verify(db).ok
    with pytest.raises(accounts.AccessDenied):
        accounts.set_role(db, "root", "officer", store["rev"])
    with pytest.raises(accounts.StoreError, match="last admin"):
        accounts.set_role(db, "root", "officer", root)
    _sql(db, "UPDATE users SET disabled = false WHERE username = 'rev'")
    assert not audit.verify(db).ok


def test_purge_and_delete_keep_the_chain_valid(store):
    from kiosk.store.retention import purge_images

    db, ids = store["db"], store["ids"]
    assert purge_images(db, 0, actor="test", now=datetime(2100, 1, 1, tzinfo=UTC)) == 3
    reviews.delete_case(db, store["root"], ids[0], "traveller asked")
    report = audit.verify(db)
    assert report.ok, report.problems
    _sql(db, "UPDATE cases SET images_purged_utc = NULL WHERE id = :c", c=ids[1])
    assert not audit.verify(db).ok


def test_verify_audit_command_reports_a_changed_case(tmp_path, capsys):
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[storage]\ndata_dir = "{tmp_path}"\n')
    db = open_database("", tmp_path)
    writer = CaseWriter(db, StoreSettings(data_dir=tmp_path))
    writer.start()
    cid = writer.submit_case(make_record())
    writer.stop()
    assert admin_cli.main(["--config", str(config), "verify-audit"]) == 0
    assert "intact" in capsys.readouterr().out
    _sql(db, "UPDATE cases SET decision = 'clear' WHERE id = :c", c=cid)
    assert admin_cli.main(["--config", str(config), "verify-audit"]) == 1
    err = capsys.readouterr().err
    assert cid in err and "changed outside the station" in err
    assert [c.decision for c in list_cases(db)] == ["clear"]
    db.close()


def test_reanchor_after_a_deliberate_restore(tmp_path, capsys, monkeypatch):
    import io

    from kiosk.store import accounts

    config = tmp_path / "kiosk.toml"
    config.write_text(f'[storage]\ndata_dir = "{tmp_path}"\n')
    db = open_database("", tmp_path)
    accounts.create_user(db, "root", "correct horse battery", "admin", None)
    for i in range(4):
        audit.record(db, "root", "settings_changed", f"k{i}")
    _sql(db, "DELETE FROM audit_log WHERE seq > 3")  # as if an older backup had been restored
    db.close()
    assert admin_cli.main(["--config", str(config), "verify-audit"]) == 1
    reanchor = ["--config", str(config), "verify-audit", "--reanchor", "--password-stdin"]
    # issue 27: not without an admin, nor without the typed confirmation
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse battery\nREANCHOR\n"))
    assert admin_cli.main(reanchor) == 2
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse battery\nok\n"))
    assert admin_cli.main([*reanchor, "--as", "root"]) == 1
    assert admin_cli.main(["--config", str(config), "verify-audit"]) == 1
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse battery\nREANCHOR\n"))
    assert admin_cli.main([*reanchor, "--as", "root"]) == 0
    assert admin_cli.main(["--config", str(config), "verify-audit"]) == 0
    out = capsys.readouterr().out
    assert "anchor" in out
    assert list((tmp_path / "keys").glob("audit.anchor.replaced-*"))  # the old anchor is kept as evidence


def test_delete_case_command_needs_an_admin_and_a_reason_and_keeps_the_chain(tmp_path, capsys, monkeypatch):
    """Issue 16 item 6: deleting a case (a traveller's request) is reachable: `mpox-kiosk delete-case`."""
    import io

    from kiosk.store import accounts

    config = tmp_path / "kiosk.toml"
    config.write_text(f'[storage]\ndata_dir = "{tmp_path}"\n')
    db = open_database("", tmp_path)
    accounts.create_user(db, "root", "correct horse battery", "admin", None)
    root = accounts.authenticate(db, "root", "correct horse battery")
    accounts.create_user(db, "officer", "officer password 1", "officer", root)
    writer = CaseWriter(db, StoreSettings(data_dir=tmp_path))
    writer.start()
    keep, gone = writer.submit_case(make_record()), writer.submit_case(make_record())
    writer.stop()
    media = sorted(p.name for p in (tmp_path / "media").rglob("*") if p.is_file())

    def run(*args, password, confirm=f"DELETE {gone}"):
        monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n" + confirm + "\n"))
        return admin_cli.main(["--config", str(config), "delete-case", *args, "--password-stdin"])

    assert run(gone, "--as", "officer", "--reason", "asked", password="officer password 1") == 2
    assert "admin" in capsys.readouterr().err
    assert run(gone, "--as", "root", "--reason", "asked", password="wrong password!") == 2
    assert run(gone, "--as", "root", "--reason", " ", password="correct horse battery") == 2
    assert "reason" in capsys.readouterr().err
    # issue 27: the admin types what will go; anything else deletes nothing
    assert (
        run(gone, "--as", "root", "--reason", "asked", password="correct horse battery", confirm="yes") == 1
    )
    assert "not confirmed" in capsys.readouterr().err
    assert sorted(c.id for c in list_cases(db)) == sorted([keep, gone])  # nothing deleted so far
    assert run(gone, "--as", "root", "--reason", "traveller asked", password="correct horse battery") == 0
    assert gone in capsys.readouterr().out
    assert [c.id for c in list_cases(db)] == [keep]
    left = sorted(p.name for p in (tmp_path / "media").rglob("*") if p.is_file())
    assert len(left) < len(media) and not any(gone in name for name in left)
    assert audit.verify(db).ok
    assert any(e.action == "case_deleted" and e.target == gone for e in audit.recent(db, 20))
    db.close()
