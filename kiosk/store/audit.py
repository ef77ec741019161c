"""The append-only audit trail, hash-chained: each entry's hash covers its sequence number, content and
the previous entry's hash, so an edited, deleted or reordered entry breaks the chain.

The chain also covers the store's data: every change of a case, review or account row appends an entry
whose ``details`` carry the row's new digest (``"rows"``, see ``integrity``) or its deletion
(``"deleted"``). ``verify`` replays the chain and compares with the tables, so an edit, deletion or addition
made outside the station is reported; and it compares the chain with its anchor outside the database
(``anchor.AuditAnchor``), so cutting off the newest entries or rewriting the chain is reported too."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.store import integrity
from kiosk.store.schema import AuditEntry, Case, Review, User

if TYPE_CHECKING:
    from kiosk.store.database import Database

GENESIS = "0" * 64
MAX_PROBLEMS = 500  # a report lists this many problems and counts the rest
LABELS = {"case": "case", "review": "review", "user": "account"}


def entry_hash(seq: int, ts: datetime, actor: str, action: str, target: str, details: str, prev: str) -> str:
    payload = json.dumps([seq, ts.astimezone(UTC).isoformat(), actor, action, target, details, prev])
    return hashlib.sha256(payload.encode()).hexdigest()


_hash = entry_hash  # older name


def head(session: Session) -> tuple[int, str]:
    """(seq, hash) of the newest entry; (0, GENESIS) for an empty trail."""
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()).limit(1)
    )
    row = last.first()
    return (row[0], row[1]) if row else (0, GENESIS)


def row_details(rows: Iterable[tuple[str, object]] = (), deleted: Iterable[tuple[str, str]] = ()) -> dict:
    """The ``rows`` / ``deleted`` part of an entry's details for these (kind, ORM object or row) pairs."""
    out: dict = {}
    for kind, row in rows:
        key = integrity.key_of(kind, row)
        value = integrity.digest(kind, row)
        out.setdefault("rows", {}).setdefault(kind, {})[key] = (
            [row.case_id, value] if kind == "review" else value
        )
    for kind, key in deleted:
        out.setdefault("deleted", {}).setdefault(kind, []).append(str(key))
    return out


def append(
    session: Session,
    actor: str,
    action: str,
    target: str = "",
    details: dict | None = None,
    rows: Iterable[tuple[str, object]] = (),
    deleted: Iterable[tuple[str, str]] = (),
) -> AuditEntry:
    """Add an entry inside the caller's transaction (use ``Database.transact``: a concurrent append on the
    same head fails the unique ``prev_hash`` and is retried). ``rows``: (kind, object) pairs changed in this
    transaction (kind: case, review, user), recorded by digest; ``deleted``: (kind, key) pairs removed."""
    rows = list(rows)
    if rows:
        session.flush()  # ids and column defaults are set at flush: the digest covers the stored values
    seq, prev = head(session)
    seq += 1
    ts = datetime.now(UTC)
    body = json.dumps({**(details or {}), **row_details(rows, deleted)}, sort_keys=True, ensure_ascii=False)
    entry = AuditEntry(
        seq=seq,
        ts_utc=ts,
        actor=actor[:128],
        action=action,
        target=target[:255],
        details=body,
        prev_hash=prev,
        entry_hash=entry_hash(seq, ts, actor[:128], action, target[:255], body, prev),
    )
    session.add(entry)
    session.flush()
    session.info["audit_head"] = (entry.seq, entry.entry_hash)  # anchored by Database.transact after commit
    return entry


def record(db: Database, actor: str, action: str, target: str = "", details: dict | None = None) -> None:
    """Append one entry in its own transaction."""
    db.transact(lambda s: append(s, actor, action, target, details))


@dataclass
class AuditReport:
    entries: int
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # not tampering, but worth knowing
    anchored: int | None = None  # newest anchored entry found in the database
    rows_checked: int = 0
    more_problems: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems and not self.more_problems

    def add(self, problem: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)
        else:
            self.more_problems += 1


def verify(db: Database) -> AuditReport:
    """Check the chain, the rows it covers and its anchor outside the database."""
    report = AuditReport(entries=0)
    anchor = getattr(db, "anchor", None)
    anchors = anchor.read() if anchor is not None else []
    anchored = {s for s, _ in anchors}
    found: dict[int, str] = {}
    expected: dict[str, dict[str, tuple[str | None, int]]] = {k: {} for k in integrity.KINDS}
    case_reviews: dict[str, set[str]] = {}
    prev, expected_seq, last_seq = GENESIS, 1, 0
    with db.session() as session:
        query = select(AuditEntry.__table__).order_by(AuditEntry.seq).execution_options(yield_per=5000)
        for e in session.execute(query):  # Core rows: no ORM objects for a chain of 100,000s of entries
            report.entries += 1
            if e.seq != expected_seq:
                report.add(f"entry {e.seq}: expected entry {expected_seq} (entries deleted?)")
            if e.prev_hash != prev:
                report.add(f"entry {e.seq}: does not follow the entry before it (deleted or reordered)")
            recomputed = entry_hash(e.seq, e.ts_utc, e.actor, e.action, e.target, e.details, e.prev_hash)
            if recomputed != e.entry_hash:
                report.add(f"entry {e.seq} ({e.action} by {e.actor}): content was edited")
            if e.seq in anchored:
                found[e.seq] = e.entry_hash
            prev, expected_seq, last_seq = e.entry_hash, e.seq + 1, e.seq
            if '"rows"' in e.details or '"deleted"' in e.details:
                _replay(e, expected, case_reviews, report)
        _compare_rows(session, expected, report)
    _check_anchor(db, anchor, anchors, found, last_seq, report)
    return report


def _replay(e, expected, case_reviews, report: AuditReport) -> None:
    try:
        body = json.loads(e.details)
        for kind, items in (body.get("rows") or {}).items():
            for key, value in items.items():
                if kind == "review":
                    case_id, value = value
                    case_reviews.setdefault(case_id, set()).add(key)
                expected[kind][key] = (value, e.seq)
        for kind, keys in (body.get("deleted") or {}).items():
            for key in keys:
                expected[kind][key] = (None, e.seq)
                if kind == "case":
                    for rid in case_reviews.pop(key, ()):  # its reviews go with it (ON DELETE CASCADE)
                        expected["review"][rid] = (None, e.seq)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        report.add(f"entry {e.seq} ({e.action}): its record of changed rows cannot be read ({exc})")


def _label(kind: str, key: str, row=None) -> str:
    if kind == "review" and row is not None:
        return f"review {key} of case {row.case_id}"
    return f"{LABELS[kind]} {key}"


def _compare_rows(session: Session, expected, report: AuditReport) -> None:
    for kind, model in (("case", Case), ("review", Review), ("user", User)):
        want = expected[kind]
        seen = set()
        query = select(model.__table__).execution_options(yield_per=5000)
        for row in session.execute(query):
            report.rows_checked += 1
            key = integrity.key_of(kind, row)
            seen.add(key)
            recorded = want.get(key)
            if recorded is None or recorded[0] is None:
                report.add(f"{_label(kind, key, row)}: not in the audit trail (added outside the station)")
            elif recorded[0] != integrity.digest(kind, row):
                report.add(
                    f"{_label(kind, key, row)}: changed outside the station (differs from what audit entry "
                    f"{recorded[1]} recorded)"
                )
        for key, (value, seq) in want.items():
            if value is not None and key not in seen:
                report.add(
                    f"{_label(kind, key)}: deleted outside the station (last recorded in audit entry {seq})"
                )


def _check_anchor(db, anchor, anchors, found: dict[int, str], last_seq: int, report: AuditReport) -> None:
    if anchor is None:
        return
    if not anchor.exists():
        if report.entries and db.dialect == "sqlite":
            report.add(
                f"the chain anchor {anchor.path} is missing, so removed newest entries cannot be ruled out. "
                "Only if you moved this data folder or restored a backup yourself, an admin may run "
                "'mpox-kiosk verify-audit --reanchor --as ADMIN'; otherwise treat the station as "
                "tampered with"
            )
        elif report.entries:
            report.notes.append(
                f"no chain anchor in this data folder ({anchor.path}) yet: this station has not appended to "
                "the shared audit trail; the other stations' anchors cover their entries"
            )
        return
    beyond = [s for s, _ in anchors if s > last_seq]
    if beyond:
        report.add(
            f"the newest audit entries were removed: the anchor {anchor.path} records entry {max(beyond)}, "
            f"the database ends at entry {last_seq}"
        )
    for seq, value in anchors:
        if 0 < seq <= last_seq and found.get(seq) != value:
            report.add(
                f"audit entry {seq} is not the one recorded in the anchor {anchor.path}: the audit trail was "
                "rewritten or replaced"
            )
            break
    within = [s for s, _ in anchors if 0 < s <= last_seq and found.get(s)]
    report.anchored = max(within) if within else (0 if anchors else None)


def reanchor(db: Database, actor: str) -> tuple[int, object]:
    """Start a new anchor at the database's current head (after a deliberate restore or move), keeping the
    old anchor file as evidence; audited. Returns (head seq, old file or None)."""
    with db.session() as s:
        seq, value = head(s)
    old = db.anchor.replace(seq, value)
    record(
        db, actor, "audit_reanchored", str(db.anchor.path), {"head": seq, "previous_anchor": str(old or "")}
    )
    return seq, old


def recent(db: Database, limit: int = 200, target: str | None = None) -> list[AuditEntry]:
    with db.session() as session:
        query = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit)
        if target is not None:
            query = query.where(AuditEntry.target == target)
        return list(session.execute(query).scalars())
