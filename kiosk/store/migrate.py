"""Alembic, run programmatically: upgrade on start after a backup; refuse a database from a newer version."""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from kiosk.store.errors import StoreError
from kiosk.store.fsperm import create_private_file

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_sqlite(db_path: Path, revision: str) -> Path:
    """A consistent copy through SQLite's backup API (safe while WAL files exist)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = db_path.with_name(f"{db_path.name}.backup-rev{revision}-{stamp}")
    create_private_file(target)  # 0600 like the database: it holds the same data
    src = sqlite3.connect(db_path)
    try:
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    return target


def upgrade(engine: Engine, revision: str = "head", describe: str = "") -> Path | None:
    """Bring the schema to ``revision``; returns the backup made first (SQLite with data), if any."""
    script = ScriptDirectory.from_config(_config())
    current = current_revision(engine)
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise StoreError(
            f"case database {describe or engine.url.render_as_string(hide_password=True)} has schema "
            f"revision {current}, made by a newer version of mpox-kiosk (this one knows up to "
            f"{script.get_current_head()}). Upgrade mpox-kiosk, or point storage.database_url elsewhere."
        )
    target = script.get_current_head() if revision == "head" else revision
    if current == target:
        return None
    backup = None
    if current is not None and engine.dialect.name == "sqlite" and engine.url.database:
        backup = backup_sqlite(Path(engine.url.database), current)
        log.info("backed up %s to %s before migrating", engine.url.database, backup)
    elif current is not None:
        log.warning(
            "migrating %s from %s without a backup: back up PostgreSQL with pg_dump", describe, current
        )
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    return backup
