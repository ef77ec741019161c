"""The append-only audit trail, hash-chained: each entry's hash covers its sequence number, content and
the previous entry's hash, so an edited, deleted or reordered entry breaks the chain."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.store.database import Database
from kiosk.store.schema import AuditEntry

GENESIS = "0" * 64


def _hash(seq: int, ts: datetime, actor: str, action: str, target: str, details: str, prev: str) -> str:
    payload = json.dumps([seq, ts.astimezone(UTC).isoformat(), actor, action, target, details, prev])
    return hashlib.sha256(payload.encode()).hexdigest()


def append(
    session: Session, actor: str, action: str, target: str = "", details: dict | None = None
) -> AuditEntry:
    """Add an entry inside the caller's transaction (use ``Database.transact``: a concurrent append on the
    same head fails the unique ``prev_hash`` and is retried)."""
    last = session.execute(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).scalar_one_or_none()
    seq = last.seq + 1 if last else 1
    prev = last.entry_hash if last else GENESIS
    ts = datetime.now(UTC)
    body = json.dumps(details or {}, sort_keys=True, ensure_ascii=False)
    entry = AuditEntry(
        seq=seq,
        ts_utc=ts,
        actor=actor,
        action=action,
        target=target[:255],
        details=body,
        prev_hash=prev,
        entry_hash=_hash(seq, ts, actor, action, target[:255], body, prev),
    )
    session.add(entry)
    session.flush()
    return entry


def record(db: Database, actor: str, action: str, target: str = "", details: dict | None = None) -> None:
    """Append one entry in its own transaction."""
    db.transact(lambda s: append(s, actor, action, target, details))


@dataclass
class AuditReport:
    entries: int
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(db: Database) -> AuditReport:
    report = AuditReport(entries=0)
    prev, expected_seq = GENESIS, 1
    with db.session() as session:
        for e in session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars():
            report.entries += 1
            if e.seq != expected_seq:
                report.problems.append(f"entry {e.seq}: expected entry {expected_seq} (entries deleted?)")
            if e.prev_hash != prev:
                report.problems.append(
                    f"entry {e.seq}: does not follow the entry before it (deleted or reordered)"
                )
            recomputed = _hash(e.seq, e.ts_utc, e.actor, e.action, e.target, e.details, e.prev_hash)
            if recomputed != e.entry_hash:
                report.problems.append(f"entry {e.seq} ({e.action} by {e.actor}): content was edited")
            prev, expected_seq = e.entry_hash, e.seq + 1
    return report


def recent(db: Database, limit: int = 200, target: str | None = None) -> list[AuditEntry]:
    with db.session() as session:
        query = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit)
        if target is not None:
            query = query.where(AuditEntry.target == target)
        return list(session.execute(query).scalars())
