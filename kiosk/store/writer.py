"""CaseWriter: one thread owns all case writes. ``submit_case`` is durable when it returns (encrypted
images + an fsynced spool entry) and never waits for the database; the thread commits, retries with
back-off, counts CLEAR results per hour and runs the retention purge.

Every text the database bounds is checked before a case is acknowledged (``_validate``), so a case the
database cannot hold is refused at once with a message, not queued. A spooled case the database still refuses
for good (a value it rejects, an entry that cannot become a row) is set aside in ``spool/dead`` with the
reason beside it instead of blocking every case behind it; ``mpox-kiosk dead-letters`` lists them and puts
one back once the cause is fixed, and the status bar says that a case was set aside until an admin did."""

from __future__ import annotations

import json
import logging
import threading
import time
import unicodedata
import uuid
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import update
from sqlalchemy.exc import DataError, DBAPIError, StatementError

from kiosk.store import audit
from kiosk.store.database import Database
from kiosk.store.errors import StoreError
from kiosk.store.records import DECISIONS, CaseRecord, WriterStatus
from kiosk.store.references import MAX_REFERENCE, is_sealed
from kiosk.store.schema import Case, ClearCount, ShadowVerdict, StationHeartbeat
from kiosk.store.settings import StoreSettings
from kiosk.store.spool import Spool
from models.decision import Decision

log = logging.getLogger(__name__)
PURGE_INTERVAL_S = 3600.0
MAX_BACKOFF_S = 5.0


# what the status bar says while the writer retries: one plain line per kind of trouble
def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name Qt's lupdate looks for
    """Marks an officer-facing text for the station's translations; kiosk/ui translates it when shown (the
    store itself stays free of Qt)."""
    return text


# kind -> (the problem in the log's words, the officer's status line); the window shows the line translated.
PROBLEMS = {
    "busy": (
        "the database is locked by another program",
        QT_TRANSLATE_NOOP(
            "CaseWriter",
            "Database busy: cases are kept on this computer and saved when it frees ({n} waiting)",
        ),
    ),
    "unreachable": (
        "the database server cannot be reached",
        QT_TRANSLATE_NOOP(
            "CaseWriter",
            "Database unreachable: cases are kept on this computer and saved when it is back ({n} waiting)",
        ),
    ),
    "disk": (
        "the disk of the database is full or read-only",
        QT_TRANSLATE_NOOP(
            "CaseWriter",
            "Database cannot write (disk full or read-only): cases are kept on this computer ({n} waiting)",
        ),
    ),
    "set_aside": (
        "the database refused a case for good; it was set aside",
        QT_TRANSLATE_NOOP(
            "CaseWriter",
            "A case could not be saved to the database and was set aside on this computer: call your "
            "administrator ({n} waiting)",
        ),
    ),
    "other": (
        "the database refused the write",
        QT_TRANSLATE_NOOP(
            "CaseWriter", "Database error: cases are kept on this computer ({n} waiting); see the log"
        ),
    ),
}

# the status line when the writer names no problem (``WriterStatus.problem`` is None): marked like PROBLEMS'
# lines, so whoever shows it translates it (context "CaseWriter")
STATUS_OK = QT_TRANSLATE_NOOP("CaseWriter", "Database OK: {written} saved, {n} waiting")


HEARTBEAT_INTERVAL_S = 60.0
MAX_SHADOW_QUEUE = 1000  # shadow verdicts waiting for the database (in memory: a test, not a case record)
# the heartbeat's fields and their column widths (kiosk/store/schema.py StationHeartbeat)
HEARTBEAT_FIELDS = {"software_version": 32, "bundle_name": 128, "bundle_sha256": 64, "camera_state": 32}


def classify(exc: BaseException) -> str:
    """Which kind of trouble ``exc`` is (a key of PROBLEMS), from the driver's error, not its wording of
    the statement."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    if any(w in text for w in ("locked", "busy", "deadlock", "could not serialize", "lock timeout")):
        return "busy"
    if any(w in text for w in ("no space", "disk is full", "disk full", "read-only", "readonly")):
        return "disk"
    if isinstance(exc, DBAPIError) and (
        exc.connection_invalidated
        or any(w in text for w in ("connection", "connect", "server closed", "timeout expired", "terminat"))
    ):
        return "unreachable"
    return "other"


def refused_for_good(exc: BaseException) -> bool:
    """Would writing this spooled case fail again however often it is retried? A value the database rejects
    (too long, a NUL character, out of range) or an entry that cannot become a row; not a locked, full or
    unreachable database, nor an audit-chain collision with another station, which pass."""
    if isinstance(exc, DataError):
        return True
    if isinstance(exc, StatementError) and not isinstance(exc, DBAPIError):
        return isinstance(exc.orig, ValueError | TypeError)  # a value the driver cannot send
    return isinstance(exc, ValueError | TypeError | KeyError)  # incl. json.JSONDecodeError, bad dates


def technical(exc: BaseException) -> str:
    """The error for the log: the driver's message and the statement, without parameter values."""
    if isinstance(exc, DBAPIError):
        statement = " ".join((exc.statement or "").split())[:200]
        return f"{type(exc).__name__}: {exc.orig} [statement: {statement}]"
    return f"{type(exc).__name__}: {exc}"


# The case's texts the database bounds: each is checked against its column's length before the case is
# acknowledged (a PostgreSQL server refuses a longer one for good; SQLite would keep it and a later copy to a
# shared server would fail). The traveller reference is bounded in clear: it is stored sealed, longer.
BOUNDED_TEXT = (
    "station_id",
    "operator",
    "decision",
    "top_class",
    "model_name",
    "model_sha256",
    "traveller_ref",
    "reason_code",
    "consent_notice_version",
    "consent_language",
)
MAX_TRAVELLER_REF = MAX_REFERENCE


def _check_text(column: str, value: Any) -> None:
    """StoreError unless ``value`` is text that fits ``cases.<column>`` and holds no control character (a
    NUL is refused by PostgreSQL; a tab or a line break would break exports and the audit trail's lines)."""
    most = MAX_REFERENCE if column == "traveller_ref" else Case.__table__.c[column].type.length
    name = column.replace("_", " ")
    if not isinstance(value, str):
        raise StoreError(f"case {name} must be text, got {type(value).__name__}")
    if len(value) > most:
        raise StoreError(
            f"case {name} is {len(value)} characters long; the case log keeps at most {most}: shorten it "
            "and screen again"
        )
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise StoreError(f"case {name} {value[:40]!r} holds a control character (tab, line break...)")


def _hour(when: datetime) -> datetime:
    if when.tzinfo is None:
        raise StoreError(f"count_clear: time {when!r} has no time zone; pass an aware UTC datetime")
    return when.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


class CaseWriter:
    def __init__(
        self,
        db: Database,
        config: Any,
        on_status: Callable[[WriterStatus], None] | None = None,
        spool_dir: Path | None = None,
        on_case: Callable[[str, str], None] | None = None,
    ):
        """``on_case(case_id, kind)``, from the writer's thread: a spooled case is now in the database
        (``"saved"``) or was refused for good and set aside (``"set_aside"``): the station says "Case saved"
        only then."""
        self.db = db
        self.settings = StoreSettings.from_config(config)
        self.on_status = on_status
        self.on_case = on_case
        self.spool = Spool(spool_dir or db.data_dir / "spool")
        self._pending: deque[Path] = deque()
        # submit_case_later's cases are encrypted, encoded and fsynced here, in order, one at a time: never
        # in the caller's (inference) thread, and never behind a slow or absent database
        self._spooler = ThreadPoolExecutor(max_workers=1, thread_name_prefix="case-spool")
        self._clears: dict[tuple[str, datetime], int] = {}
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._deadline = float("inf")
        self._thread: threading.Thread | None = None
        self._ok = True
        self._last_error: str | None = None
        self._problem: str | None = None  # a key of PROBLEMS while retrying
        self._written = 0
        self._notified: tuple | None = None
        self._episode: tuple[float, int, str] | None = None  # (start, failed attempts, kind) while failing
        self._set_aside = len(self.spool.dead())  # cases refused for good, waiting for an admin
        # The station's heartbeat (the review window's Stations tab): what it runs, written by this thread
        # when it changes and every HEARTBEAT_INTERVAL_S while the station runs.
        self._shadows: deque[dict] = deque(maxlen=MAX_SHADOW_QUEUE)  # the oldest go first when it is full
        self._beat: dict[str, str] = {}
        self._beat_due = 0.0
        self._started = datetime.now(UTC)

    # -- caller side -------------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("CaseWriter.start() called twice")
        with self._lock:
            self._pending.extend(self.spool.pending())  # cases confirmed before a crash
        self._thread = threading.Thread(target=self._run, name="case-writer", daemon=True)
        self._thread.start()

    def submit_case(self, record: CaseRecord) -> str:
        """Encrypt the images, spool the case with fsync and queue it; returns the case id (durable when
        returned). The station's inference thread uses ``submit_case_later`` instead."""
        self._validate(record)
        case_id = uuid.uuid4().hex
        self._queue(self._spool_case(case_id, record))
        return case_id

    def submit_case_later(self, record: CaseRecord, on_spooled: Callable[[str, str], None]) -> str:
        """Hand the case to the writer thread, which encrypts its images, spools it with fsync and then calls
        ``on_spooled(case_id, "")``, or ``on_spooled(case_id, error)`` when it could not be kept. Returns the
        case id at once: the caller shows its result without waiting for the disk, and says the case is kept
        only once ``on_spooled`` did (issue 26). A case refused by ``_validate`` raises here, as with
        ``submit_case``."""
        self._validate(record)
        case_id = uuid.uuid4().hex
        try:
            self._spooler.submit(self._spool_and_acknowledge, case_id, record, on_spooled)
        except RuntimeError:  # submitted after stop(): nothing would write it
            raise StoreError("the case writer has stopped; restart the station to save cases") from None
        return case_id

    def _spool_and_acknowledge(
        self, case_id: str, record: CaseRecord, on_spooled: Callable[[str, str], None]
    ) -> None:
        """In the spooling thread: the case on disk, its caller told, then the case queued for the database
        (in that order, so that "on disk" always reaches the caller before "in the database")."""
        try:
            path = self._spool_case(case_id, record)
        except Exception as exc:  # the disk refused it: the caller says the case was not saved
            log.exception("case writer: case %s could not be spooled", case_id)
            self._acknowledge(on_spooled, case_id, f"case not saved: {exc}")
            return
        self._acknowledge(on_spooled, case_id, "")
        self._queue(path)

    def _queue(self, path: Path) -> None:
        """A spooled case for the writer thread to put into the database."""
        with self._lock:
            self._pending.append(path)
        self._wake.set()

    @staticmethod
    def _acknowledge(on_spooled: Callable[[str, str], None], case_id: str, error: str) -> None:
        try:
            on_spooled(case_id, error)
        except Exception:  # a listener's failure never stops the writer
            log.exception("case writer: the spooled notice for %s failed", case_id)

    def _spool_case(self, case_id: str, record: CaseRecord) -> Path:
        """The case's images encrypted and its entry spooled with fsync: from here it survives a crash."""
        # sealed before it touches the disk: the spool file holds no reference in clear either
        traveller_ref, traveller_ref_hmac = self.db.references.seal(case_id, record.traveller_ref)
        image_path = image_sha = heat_path = heat_sha = None
        if record.image_rgb is not None:  # a minimal case is kept without its picture (kiosk/caselog.py)
            image_path, image_sha = self.db.media.save(case_id, "image", record.image_rgb)
        if record.heatmap_rgb is not None:
            heat_path, heat_sha = self.db.media.save(case_id, "heatmap", record.heatmap_rgb)
        entry = {
            "id": case_id,
            "captured_utc": record.captured_utc.astimezone(UTC).isoformat(),
            "station_id": record.station_id,
            "operator": record.operator,
            "decision": record.decision,
            "top_class": record.top_class,
            "top_probability": float(record.probabilities[record.top_class]),
            "probabilities": {k: float(v) for k, v in record.probabilities.items()},
            "thresholds": record.thresholds,
            "model_name": record.model_name,
            "model_sha256": record.model_sha256,
            "image_path": image_path,
            "image_sha256": image_sha,
            "heatmap_path": heat_path,
            "heatmap_sha256": heat_sha,
            "quality": {k: float(v) for k, v in record.quality.items()},
            "traveller_ref": traveller_ref,
            "traveller_ref_hmac": traveller_ref_hmac,
            "reason_code": record.reason_code,
            "open_set_score": None if record.open_set_score is None else float(record.open_set_score),
            "consent_notice_version": record.consent_notice_version,
            "consent_language": record.consent_language,
            "consent_given": None if record.consent_given is None else bool(record.consent_given),
            "consent_training": None if record.consent_training is None else bool(record.consent_training),
        }
        return self.spool.put(case_id, entry)

    def count_clear(self, station_id: str, when: datetime) -> None:
        """One more CLEAR in ``when``'s hour (kept in memory until the next write: not spooled)."""
        key = (station_id, _hour(when))
        with self._lock:
            self._clears[key] = self._clears.get(key, 0) + 1
        self._wake.set()

    def submit_shadow(self, verdict: dict) -> None:
        """A shadow bundle's verdict (the columns of ShadowVerdict), written by the writer thread. Kept in
        memory, not spooled: a verdict lost in a crash costs the comparison one row, never a case."""
        with self._lock:
            self._shadows.append(dict(verdict))
        self._wake.set()

    def set_station_state(self, **fields: str) -> None:
        """What the heartbeat says (``software_version``, ``bundle_name``, ``bundle_sha256``,
        ``camera_state``); thread-safe. A change is written at once, the same state every minute."""
        unknown = set(fields) - set(HEARTBEAT_FIELDS)
        if unknown:
            raise StoreError(f"heartbeat fields {sorted(unknown)} are not {', '.join(HEARTBEAT_FIELDS)}")
        with self._lock:
            changed = any(self._beat.get(k) != str(v) for k, v in fields.items())
            self._beat.update({k: str(v)[: HEARTBEAT_FIELDS[k]] for k, v in fields.items()})
            if changed:
                self._beat_due = 0.0
        if changed:
            self._wake.set()

    def status(self) -> WriterStatus:
        with self._lock:
            n = len(self._pending)
            if self._ok:
                message = STATUS_OK.format(written=self._written, n=n)
            else:
                message = PROBLEMS[self._problem or "other"][1].format(n=n)
            problem = None if self._ok else self._problem or "other"
            ok, error = self._ok, self._last_error
            if ok and self._set_aside:  # writing works, but a case waits for an admin: say so
                ok, problem, error = False, "set_aside", PROBLEMS["set_aside"][0]
                message = PROBLEMS["set_aside"][1].format(n=n)
            return WriterStatus(ok, n, error, self._written, message, problem)

    def stop(self, timeout: float = 5.0) -> None:
        """Write what can be written within ``timeout``; the spool keeps the rest for the next start."""
        self._spooler.shutdown(wait=True)  # every case handed over is on disk before the writer stops
        if self._thread is None:
            return
        self._deadline = time.monotonic() + timeout
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout + 1.0)
        if self._thread.is_alive():
            log.warning(
                "case writer still busy after %.1f s; %d case(s) stay spooled", timeout, len(self._pending)
            )
        self._thread = None

    def _validate(self, record: CaseRecord) -> None:
        if record.decision not in DECISIONS:
            raise StoreError(f"case decision {record.decision!r} is not one of {', '.join(DECISIONS)}")
        if record.decision == Decision.CLEAR.value and not self.settings.store_clear_images:
            raise StoreError(
                "CLEAR cases are only counted (count_clear) unless storage.store_clear_images = true"
            )
        if record.captured_utc.tzinfo is None:
            raise StoreError("case captured_utc has no time zone; pass datetime.now(UTC)")
        if record.top_class not in record.probabilities:
            raise StoreError(f"case top class {record.top_class!r} is not among its probabilities")
        for column in BOUNDED_TEXT:
            value = getattr(record, column)
            if value is None and Case.__table__.c[column].nullable:
                continue
            _check_text(column, value)

    # -- writer thread -----------------------------------------------------------------------------
    def _run(self) -> None:
        backoff = 0.05
        next_purge = time.monotonic()
        while True:
            stopping = self._stop.is_set()
            if stopping and (time.monotonic() >= self._deadline or not self._has_work()):
                break
            try:
                self._flush_clears()
                self._write_pending(stopping)
                self._flush_shadows()
                self._heartbeat()
                if not stopping and time.monotonic() >= next_purge:
                    next_purge = time.monotonic() + PURGE_INTERVAL_S
                    self._purge()
                self._recovered()
                self._set_status(ok=True, error=None)
                backoff = 0.05
            except Exception as exc:  # any failure: keep the spool, report, retry later
                self._failed(exc)
                self._wake.wait(min(backoff, max(0.0, self._deadline - time.monotonic())))
                self._wake.clear()
                backoff = min(backoff * 2, MAX_BACKOFF_S)
                continue
            # stop() may have been woken and cleared above while there was still work: never idle once
            # stopping
            if not self._has_work() and not self._stop.is_set():
                self._wake.wait(1.0)
                self._wake.clear()

    def _failed(self, exc: Exception) -> None:
        """One retry that failed: the technical error is logged once per episode (and when its kind
        changes), the status bar gets one plain line."""
        kind = classify(exc)
        if self._episode is None or self._episode[2] != kind:
            log.warning(
                "case writer: cannot write to %s (%s); retrying with back-off, cases stay in the spool "
                "(%s): %s",
                self.db.describe,
                PROBLEMS[kind][0],
                self.spool.root,
                technical(exc),
            )
            start = self._episode[0] if self._episode else time.monotonic()
            self._episode = (start, 0, kind)
        else:
            log.debug("case writer: still failing: %s", technical(exc))
        start, attempts, _ = self._episode
        self._episode = (start, attempts + 1, kind)
        with self._lock:
            self._problem = kind
        self._set_status(ok=False, error=PROBLEMS[kind][0])

    def _recovered(self) -> None:
        if self._episode is None:
            return
        start, attempts, _ = self._episode
        self._episode = None
        log.info(
            "case writer: the database accepts writes again after %.1f s and %d failed attempt(s)",
            time.monotonic() - start,
            attempts,
        )

    def _has_work(self) -> bool:
        with self._lock:
            return bool(self._pending or self._clears or self._shadows)

    def _write_pending(self, stopping: bool) -> None:
        while True:
            with self._lock:
                if not self._pending:
                    return
                path = self._pending[0]
            if stopping and time.monotonic() >= self._deadline:
                return
            try:
                self._write_one(path)
            except Exception as exc:
                if not refused_for_good(exc):
                    raise  # the loop retries it with back-off
                self._put_aside(path, exc)
                continue
            self.spool.done(path)  # only after the commit
            with self._lock:
                self._pending.popleft()
                self._written += 1
            self._case_event(path, "saved")
            self._notify()

    def _write_one(self, path: Path) -> None:
        entry = Spool.read(path)
        ref = entry.get("traveller_ref") or ""
        if ref and not is_sealed(ref):  # spooled by a version that kept it in clear
            entry["traveller_ref"], entry["traveller_ref_hmac"] = self.db.references.seal(entry["id"], ref)

        def work(session) -> None:
            if session.get(Case, entry["id"]) is not None:  # replay after a crash between commit and unlink
                return
            case = _case_from_spool(entry)
            session.add(case)
            actor = entry["operator"] or f"station:{entry['station_id']}"
            details = {"station": entry["station_id"], "decision": entry["decision"]}
            audit.append(session, actor, "case_created", case.id, details, rows=[("case", case)])

        # the loop above is the retry for a locked or absent database, with back-off and status; only an
        # audit-chain collision with another station (PostgreSQL) is retried at once
        self.db.transact(work, attempts=8, retry_locked=False)

    def _case_event(self, path: Path, kind: str) -> None:
        if self.on_case is None:
            return
        try:
            self.on_case(Spool.case_id(path), kind)
        except Exception:  # a listener's failure never stops the writer
            log.exception("case writer: the %s notice for %s failed", kind, path.name)

    def _put_aside(self, path: Path, exc: BaseException) -> None:
        """Move a case the database refuses for good out of the queue (kept, with the reason beside it)."""
        reason = technical(exc)
        self._case_event(path, "set_aside")
        moved = self.spool.set_aside(path, reason)
        log.error(
            "case writer: the database refuses spooled case %s for good; set aside as %s (mpox-kiosk "
            "dead-letters shows it): %s",
            path.stem,
            moved,
            reason,
        )
        with self._lock:
            self._pending.popleft()
            self._set_aside += 1
        self._notify()

    def _flush_clears(self) -> None:
        with self._lock:
            clears, self._clears = self._clears, {}
        if not clears:
            return
        try:
            for (station, hour), n in list(clears.items()):
                self.db.transact(lambda s, station=station, hour=hour, n=n: _add_clear(s, station, hour, n))
                del clears[(station, hour)]
        finally:
            with self._lock:  # put back what was not counted
                for key, n in clears.items():
                    self._clears[key] = self._clears.get(key, 0) + n

    def _flush_shadows(self) -> None:
        with self._lock:
            rows, self._shadows = list(self._shadows), deque(maxlen=MAX_SHADOW_QUEUE)
        if not rows:
            return
        try:
            self.db.transact(lambda s: s.add_all(ShadowVerdict(**r) for r in rows))
        except Exception:
            with self._lock:  # put them back in front of any newer ones
                self._shadows.extendleft(reversed(rows))
            raise

    def _heartbeat(self) -> None:
        with self._lock:
            if not self._beat or time.monotonic() < self._beat_due:
                return
            beat = dict(self._beat)
        station, now, started = self.settings.station_id, datetime.now(UTC), self._started

        def work(s) -> None:
            row = s.get(StationHeartbeat, station)
            if row is None:
                row = StationHeartbeat(station_id=station, started_utc=started, last_seen_utc=now)
                s.add(row)  # two stations of one id at once: an IntegrityError, retried as an update
            for k in HEARTBEAT_FIELDS:
                setattr(row, k, beat.get(k, getattr(row, k, None) or ""))
            row.started_utc, row.last_seen_utc = started, now

        self.db.transact(work)
        with self._lock:
            self._beat_due = time.monotonic() + HEARTBEAT_INTERVAL_S

    def _purge(self) -> None:
        if self.settings.retention_days <= 0:
            return
        from kiosk.store.retention import purge_images

        purge_images(
            self.db,
            self.settings.retention_days,
            actor="system:retention",
            station_id=self.settings.station_id,
        )

    def _set_status(self, ok: bool, error: str | None) -> None:
        with self._lock:
            self._ok, self._last_error = ok, error
            if ok:
                self._problem = None
        self._notify(only_if_changed=True)

    def _notify(self, only_if_changed: bool = False) -> None:
        if self.on_status is None:
            return
        status = self.status()
        key = (status.ok, status.pending, status.last_error, status.written)
        if only_if_changed and key == self._notified:
            return
        self._notified = key
        try:
            self.on_status(status)
        except Exception:  # a broken callback must not stop the writer
            log.exception("case writer status callback failed")


def _add_clear(session, station: str, hour: datetime, n: int) -> None:
    updated = session.execute(
        update(ClearCount)
        .where(ClearCount.station_id == station, ClearCount.hour_utc == hour)
        .values(count=ClearCount.count + n)
    ).rowcount
    if not updated:
        session.add(
            ClearCount(station_id=station, hour_utc=hour, count=n)
        )  # a race -> IntegrityError -> retry


# Spooled as JSON values, stored as JSON text (the audit chain hashes that text: its format never changes).
_JSON_COLUMNS = ("probabilities", "thresholds", "quality")
# Columns a case spooled by an older version lacks, with the value it is stored with.
_ADDED_LATER = {
    "reason_code": "",
    "open_set_score": None,
    "consent_notice_version": None,  # revision 0005: a case spooled before it was not asked
    "consent_language": None,
    "consent_given": None,
    "consent_training": None,  # revision 0006
    "traveller_ref_hmac": None,  # revision 0007
}


def _case_from_spool(entry: dict) -> Case:
    """The row of a spooled case: the spool holds the case's own columns by name. A field no column has (a
    case spooled by a newer version) is logged and left out rather than holding up the cases behind it."""
    columns = set(Case.__table__.columns.keys())
    unknown = sorted(set(entry) - columns)
    if unknown:
        log.warning("case %s: spooled fields %s have no column here, stored without", entry["id"], unknown)
    values = {**_ADDED_LATER, **{k: v for k, v in entry.items() if k in columns}}
    values["captured_utc"] = datetime.fromisoformat(values["captured_utc"])
    for name in _JSON_COLUMNS:
        values[name] = json.dumps(values[name])
    return Case(**values, review_status="pending", created_utc=datetime.now(UTC))
