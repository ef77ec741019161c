"""Alembic: from empty, from the previous schema (with a backup first), and a newer schema refused."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from kiosk.store import StoreError, audit, open_database
from kiosk.store.migrate import current_revision, head_revision
from kiosk.store.queries import CaseFilter, list_cases
from kiosk.store.schema import Base


def test_from_empty_to_head_matches_the_models(backend_url, tmp_path):
    db = open_database(backend_url, tmp_path)
    assert current_revision(db.engine) == head_revision() == "0009"
    with db.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # types differ only by our UTC wrapper; anything structural (tables, columns, indexes) must match
    structural = [d for d in diffs if not (isinstance(d, list) and d and d[0][0] == "modify_type")]
    assert structural == []
    db.close()


def test_upgrade_from_previous_schema_keeps_cases_and_backs_up(tmp_path):
    url = f"sqlite:///{tmp_path / 'cases.sqlite3'}"
    old = open_database(url, tmp_path, migrate_to="0001")
    assert current_revision(old.engine) == "0001"
    with old.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO cases (id, captured_utc, station_id, operator, decision, top_class,"
                " top_probability, probabilities, thresholds, model_name, model_sha256, quality,"
                " traveller_ref, created_utc) VALUES ('old1', :t, 'gate-9', 'o', 'flag', 'mpox', 0.8,"
                " '{}', '{}', 'm', 'ff', '{}', 'R1', :t)"
            ),
            {"t": datetime(2024, 5, 1, 12, 0)},
        )
    old.close()
    new = open_database(url, tmp_path)
    assert current_revision(new.engine) == "0009"
    [case] = list_cases(new)
    assert (case.id, case.station_id, case.review_status, case.outcome) == ("old1", "gate-9", "pending", None)
    assert case.captured_utc == datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    backups = list(tmp_path.glob("cases.sqlite3.backup-rev0001-*"))
    assert len(backups) == 1
    backup = open_database(f"sqlite:///{backups[0]}", tmp_path / "b", migrate_to="0001")
    assert current_revision(backup.engine) == "0001"  # the backup is the old schema, untouched
    backup.close()
    new.close()


def test_database_from_a_newer_version_is_refused(backend_url, tmp_path):
    db = open_database(backend_url, tmp_path)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    db.close()
    with pytest.raises(StoreError, match="newer version of mpox-kiosk"):
        open_database(backend_url, tmp_path)


def test_bad_url_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="storage.database_url"):
        open_database("nonsense://", tmp_path)
    with pytest.raises(StoreError, match="cannot open the case database"):
        open_database("postgresql+psycopg://nobody@127.0.0.1:1/none", tmp_path)


def test_upgrade_to_0004_registers_existing_rows_in_the_chain(backend_url, tmp_path):
    """Cases, reviews and accounts written before revision 0004 enter the hash chain on upgrade, so the
    upgraded database verifies, and a later edit of an old row is detected."""
    old = open_database(backend_url, tmp_path, migrate_to="0003")
    t = datetime(2024, 5, 1, 12, 0, 0, 123456, tzinfo=UTC)
    tv = t.replace(tzinfo=None) if old.dialect == "sqlite" else t  # as SQLAlchemy stores it
    with old.engine.begin() as conn:
        for i in range(3):
            conn.execute(
                text(
                    "INSERT INTO cases (id, captured_utc, station_id, operator, decision, top_class,"
                    " top_probability, probabilities, thresholds, model_name, model_sha256, quality,"
                    " traveller_ref, created_utc, review_status, outcome, image_sha256) VALUES (:id, :t,"
                    " 'gate-9', 'o', 'flag', 'mpox', 0.8125, '{\"mpox\": 0.8125}', '{}', 'm', 'ff', '{}',"
                    " :ref, :t, :status, :outcome, 'ab')"
                ),
                {
                    "id": f"old{i}",
                    "t": tv,
                    "ref": f"R{i}",
                    "status": ("pending", "confirmed")[i % 2],
                    "outcome": (None, "pcr_positive")[i % 2],
                },
            )
        conn.execute(
            text(
                "INSERT INTO reviews (case_id, reviewer, action, outcome, note, created_utc)"
                " VALUES ('old1', 'rev', 'confirm', NULL, 'ok', :t)"
            ),
            {"t": tv},
        )
        conn.execute(
            text(
                "INSERT INTO users (username, password_hash, role, failed_logins, disabled, created_utc)"
                " VALUES ('root', '$argon2id$x', 'admin', 0, false, :t)"
            ),
            {"t": tv},
        )
        conn.execute(
            text(
                "INSERT INTO audit_log (seq, ts_utc, actor, action, target, details, prev_hash, entry_hash)"
                " VALUES (1, :t, 'root', 'login', 'root', '{}', :p, :h)"
            ),
            {
                "t": tv,
                "p": audit.GENESIS,
                "h": audit.entry_hash(1, t, "root", "login", "root", "{}", audit.GENESIS),
            },
        )
    old.close()
    new = open_database(backend_url, tmp_path)
    assert current_revision(new.engine) == "0009"
    report = audit.verify(new)
    assert report.ok, report.problems
    assert report.entries > 1 and report.anchored == report.entries  # the upgraded chain is anchored
    with new.engine.connect() as conn:
        assert conn.execute(
            text("SELECT reason_code, open_set_score FROM cases WHERE id = 'old0'")
        ).one() == (
            "",
            None,
        )
        # revision 0007: the references stored in clear were sealed on the first open with the key
        stored = dict(conn.execute(text("SELECT id, traveller_ref FROM cases")).all())
    assert all(v.startswith("enc1:") and "R" not in v.split(":")[1] for v in stored.values())
    assert [c.id for c in list_cases(new, CaseFilter(text="r1"))] == ["old1"]
    assert any(e.action == "references_sealed" for e in audit.recent(new, 5))
    with new.engine.begin() as conn:
        conn.execute(text("UPDATE cases SET outcome = 'pcr_negative' WHERE id = 'old1'"))
    assert not audit.verify(new).ok
    new.close()
