"""Opening the case database: engine set-up (SQLite pragmas), migrations, the media store."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.store import migrate
from kiosk.store.errors import StoreError
from kiosk.store.media import MediaStore

T = TypeVar("T")
DEFAULT_BUSY_TIMEOUT_MS = 5000


def _sqlite_pragmas(busy_timeout_ms: int):
    def on_connect(dbapi_conn, _record) -> None:
        # Let SQLAlchemy issue BEGIN itself (pysqlite's implicit transactions hide locks).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=FULL")  # a committed case survives a power cut too
        cur.close()
        # SQLite's lower() folds ASCII only; the text search must find "Ünïcødé" by "ünï" too
        dbapi_conn.create_function("lower", 1, _lower, deterministic=True)

    return on_connect


def _lower(value):
    return value.lower() if isinstance(value, str) else value


def _begin(conn) -> None:
    # pysqlite's own implicit BEGIN is switched off above; SQLAlchemy's transactions start here.
    # A read-then-write transaction that loses a race gets "database is locked": transact() retries.
    conn.exec_driver_sql("BEGIN")


class Database:
    """An open case log: ``engine``, ``session()`` and the encrypted ``media`` store."""

    def __init__(self, engine: Engine, media: MediaStore, data_dir: Path, describe: str):
        self.engine = engine
        self.media = media
        self.data_dir = data_dir
        self.describe = describe
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def session(self) -> Session:
        return self._sessions()

    def transact(self, work: Callable[[Session], T], attempts: int = 8) -> T:
        """Run ``work`` in one transaction, retried on lock or audit-chain collisions."""
        delay = 0.02
        for attempt in range(attempts):
            try:
                with self.session() as session, session.begin():
                    return work(session)
            except (OperationalError, IntegrityError) as exc:
                retryable = isinstance(exc, IntegrityError) or "locked" in str(exc) or "deadlock" in str(exc)
                if not retryable or attempt == attempts - 1:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 0.5)
        raise AssertionError("unreachable")

    def close(self) -> None:
        self.engine.dispose()


def default_url(data_dir: Path) -> str:
    return f"sqlite:///{Path(data_dir) / 'cases.sqlite3'}"


def open_database(
    url: str,
    data_dir: Path,
    key_file: Path | None = None,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    migrate_to: str = "head",
) -> Database:
    """Open (and create or upgrade) the case log at ``url``; media files live under ``data_dir``."""
    data_dir = Path(data_dir)
    url = url or default_url(data_dir)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"storage.database_url {url!r} is not a valid SQLAlchemy URL ({exc}).") from exc
    describe = parsed.render_as_string(hide_password=True)
    kwargs: dict = {}
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            db_path = Path(parsed.database)
            try:
                db_path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the folder of the case database {db_path}: {exc}") from exc
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": busy_timeout_ms / 1000}
    elif parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() in ("", "psycopg2"):
        parsed = parsed.set(drivername="postgresql+psycopg")  # psycopg 3 is the driver we install
    try:
        engine = create_engine(parsed, pool_pre_ping=True, **kwargs)
    except Exception as exc:  # unknown dialect or driver
        raise StoreError(
            f"storage.database_url {describe}: {exc}. Use sqlite:///PATH or postgresql://..."
        ) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas(busy_timeout_ms))
        event.listen(engine, "begin", _begin)
    try:
        migrate.upgrade(engine, migrate_to, describe)
    except StoreError:
        engine.dispose()
        raise
    except OperationalError as exc:
        engine.dispose()
        raise StoreError(
            f"cannot open the case database {describe}: {exc.orig}. Check storage.database_url, "
            "that the server is running and that the data folder is writable."
        ) from exc
    media = MediaStore(data_dir / "media", key_file or data_dir / "keys" / "media.key")
    return Database(engine, media, data_dir, describe)


def open_configured(config) -> Database:
    """Open the database named by a ``KioskConfig`` (storage.database_url, data_dir, key_file)."""
    storage = config.storage
    return open_database(storage.database_url, Path(storage.data_dir), key_file=storage.key_file or None)
