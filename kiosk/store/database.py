"""Opening the case database: engine set-up (SQLite pragmas), migrations, the media store."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.config import default_database_url, default_key_file
from kiosk.store import migrate
from kiosk.store.anchor import AuditAnchor
from kiosk.store.errors import StoreError
from kiosk.store.fsperm import create_private_file, private_dir, private_file
from kiosk.store.media import MediaStore

T = TypeVar("T")
log = logging.getLogger(__name__)
DEFAULT_BUSY_TIMEOUT_MS = 5000
WRITE = "mpox_write"  # execution option: this transaction writes (SQLite: BEGIN IMMEDIATE)
ANCHOR_NAME = "audit.anchor"
CHAIN_REVISION = "0004"  # the revision from which cases, reviews and accounts are in the chain


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
    # pysqlite's own implicit BEGIN is switched off above; SQLAlchemy's transactions start here. A write
    # transaction (transact()) takes the write lock at once, waiting up to busy_timeout for it: it reads the
    # audit chain's head and then appends, and a deferred BEGIN would fail that upgrade with "locked"
    # without waiting whenever another connection wrote in between.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")


class Database:
    """An open case log: ``engine``, ``session()`` and the encrypted ``media`` store."""

    def __init__(
        self,
        engine: Engine,
        media: MediaStore,
        data_dir: Path,
        describe: str,
        anchor: AuditAnchor | None = None,
    ):
        self.engine = engine
        self.media = media
        self.data_dir = data_dir
        self.describe = describe
        self.anchor = anchor if anchor is not None else AuditAnchor(Path(data_dir) / "keys" / ANCHOR_NAME)
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._references = None

    @property
    def references(self):
        """The ReferenceCipher of this station's key (kiosk/store/references.py), made on first use: a
        station whose key file is unusable cannot seal, search or reveal a reference (MediaError)."""
        if self._references is None:
            from kiosk.store.references import ReferenceCipher

            self._references = ReferenceCipher(self.media.secret())
        return self._references

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def session(self) -> Session:
        return self._sessions()

    def transact(self, work: Callable[[Session], T], attempts: int = 8, retry_locked: bool = True) -> T:
        """Run ``work`` in one write transaction, retried on audit-chain collisions (and, unless
        ``retry_locked`` is false, on a database still locked after busy_timeout). The newest audit entry
        it appended is anchored outside the database once committed."""
        delay = 0.02
        for attempt in range(attempts):
            try:
                with self.session() as session:
                    with session.begin():
                        session.connection(execution_options={WRITE: True})
                        result = work(session)
                    head = session.info.pop("audit_head", None)
                if head is not None:
                    self.anchor.record(*head)
                return result
            except (OperationalError, IntegrityError) as exc:
                locked = "locked" in str(exc) or "busy" in str(exc)
                retryable = (
                    isinstance(exc, IntegrityError) or "deadlock" in str(exc) or (locked and retry_locked)
                )
                if not retryable or attempt == attempts - 1:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 0.5)
        raise AssertionError("unreachable")

    def close(self) -> None:
        self.engine.dispose()


def open_database(
    url: str,
    data_dir: Path,
    key_file: Path | None = None,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    migrate_to: str = "head",
    existing_only: bool = False,
) -> Database:
    """Open (and create or upgrade) the case log at ``url``; media files live under ``data_dir``.
    ``existing_only``: a reader's open (the field tools): a case log that is absent or not at this software's
    revision is refused, never created or migrated."""
    data_dir = Path(data_dir)
    url = url or default_database_url(data_dir)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"storage.database_url {url!r} is not a valid SQLAlchemy URL ({exc}).") from exc
    describe = parsed.render_as_string(hide_password=True)
    try:
        private_dir(data_dir)  # 0700 whatever the umask; a looser one is tightened, with a log line
        for sub in ("media", "spool", "keys"):  # made on first use; tightened here if they exist
            if (data_dir / sub).is_dir():
                private_dir(data_dir / sub)
    except OSError as exc:
        raise StoreError(f"cannot create the data folder {data_dir}: {exc}") from exc
    kwargs: dict = {}
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            _prepare_sqlite_file(Path(parsed.database))
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
        before = migrate.current_revision(engine)
        if existing_only and before != migrate.head_revision():
            engine.dispose()
            raise StoreError(
                f"{describe} holds no case log"
                if before is None
                else f"the case log {describe} is at schema revision {before}, this software reads "
                f"{migrate.head_revision()}: run `mpox-kiosk migrate` on the station first (after a backup)"
            )
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
    media = MediaStore(data_dir / "media", key_file or default_key_file(data_dir))
    db = Database(engine, media, data_dir, describe)
    _start_anchor(db, before)
    if migrate_to == "head":
        seal_clear_references(db)
    return db


def seal_clear_references(db: Database, batch: int = 500) -> int:
    """Seal the traveller references still in clear (rows stored before revision 0007) with this station's
    key, each batch one transaction with its rows' new digests in the audit chain; returns how many."""
    from sqlalchemy import select

    from kiosk.store import audit
    from kiosk.store.references import PREFIX
    from kiosk.store.schema import Case

    clear = (Case.traveller_ref != "") & ~Case.traveller_ref.startswith(PREFIX + ":")
    total = 0
    while True:

        def work(s) -> int:
            cases = list(s.execute(select(Case).where(clear).limit(batch)).scalars())
            for case in cases:
                case.traveller_ref, case.traveller_ref_hmac = db.references.seal(case.id, case.traveller_ref)
            if cases:
                audit.append(
                    s,
                    "system:migration",
                    "references_sealed",
                    f"{len(cases)} cases",
                    {},
                    rows=[("case", c) for c in cases],
                )
            return len(cases)

        done = db.transact(work)
        total += done
        if done < batch:
            break
    if total:
        log.info("sealed %d traveller reference(s) stored in clear in %s", total, db.describe)
    return total


def _prepare_sqlite_file(db_path: Path) -> None:
    """The database and its -wal and -shm files are 0600 (SQLite gives its -wal/-shm the database's mode)."""
    try:
        if not db_path.parent.exists():  # an existing folder outside the data folder is left as it is
            private_dir(db_path.parent)
        if not create_private_file(db_path):
            for suffix in ("", "-wal", "-shm", "-journal"):
                private_file(db_path.with_name(db_path.name + suffix))
    except OSError as exc:
        if not db_path.parent.is_dir():
            raise StoreError(f"cannot create the folder of the case database {db_path}: {exc}") from exc
        # a read-only folder: the open that follows reports it, naming the file


def _start_anchor(db: Database, revision_before: str | None) -> None:
    """Create the chain anchor of this data folder if there is none, and anchor the head after the upgrade
    that brought the stored rows into the chain (revision 0004). Where the chain already has entries that no
    anchor covered, creating it is right for that upgrade and for a shared PostgreSQL database this station
    joins; a local SQLite database whose anchor went missing is left for verify-audit to report
    (``--reanchor`` after a deliberate restore)."""
    from kiosk.store.audit import head

    current = migrate.current_revision(db.engine)
    if current is None:
        return
    newly_chained = (
        revision_before is None or revision_before < CHAIN_REVISION
    ) and current >= CHAIN_REVISION
    if db.anchor.exists() and not newly_chained:
        return
    try:
        with db.session() as s:
            seq, value = head(s)
    except Exception as exc:  # noqa: BLE001 - an unreadable chain is verify-audit's to report
        log.warning("cannot read the audit chain's head to anchor it: %s", exc)
        return
    if not db.anchor.exists() and seq and db.dialect == "sqlite" and not newly_chained:
        log.warning(
            "the audit chain anchor %s is missing although the database has %d entries; "
            "'mpox-kiosk verify-audit' reports it",
            db.anchor.path,
            seq,
        )
        return
    db.anchor.record(seq, value)


def open_configured(config) -> Database:
    """Open the database named by a ``KioskConfig`` (storage.database_url, data_dir, key_file)."""
    storage = config.storage
    return open_database(storage.database_url, Path(storage.data_dir), key_file=storage.key_file or None)
