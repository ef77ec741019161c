"""Retention: images and traveller references of old cases are deleted; the case rows (anonymous statistics)
stay; audited, one entry per batch with the purged cases' new row digests (so the chain still covers them)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, or_, select, update

from kiosk.store import audit
from kiosk.store.database import Database
from kiosk.store.schema import Case

BATCH = 500


def purge_images(
    db: Database,
    retention_days: int,
    actor: str,
    now: datetime | None = None,
    station_id: str | None = None,
    keep_pending: bool = False,
) -> int:
    """Delete the images and traveller references of cases captured more than ``retention_days`` ago
    (``keep_pending``: not of cases still waiting for review); returns how many cases."""
    if retention_days < 0:
        raise ValueError(f"retention_days must be >= 0, got {retention_days}")
    now = now or datetime.now(UTC)
    cutoff = now - timedelta(days=retention_days)
    total = 0
    while True:
        with db.session() as s:
            query = select(Case.id, Case.image_path, Case.heatmap_path).where(
                Case.captured_utc < cutoff, or_(Case.image_path.is_not(None), Case.traveller_ref != "")
            )
            if station_id is not None:
                query = query.where(Case.station_id == station_id)
            if keep_pending:  # an administrator's purge never takes a case nobody has reviewed yet
                query = query.where(Case.review_status != "pending")
            batch = s.execute(query.limit(BATCH)).all()
        if not batch:
            break
        ids = [row[0] for row in batch]

        def work(s, ids=ids) -> None:
            s.execute(
                update(Case)
                .where(Case.id.in_(ids))
                .values(
                    image_path=None,
                    heatmap_path=None,
                    images_purged_utc=now,
                    traveller_ref="",
                    traveller_ref_hmac=None,
                )
            )
            changed = s.execute(select(Case.__table__).where(Case.id.in_(ids))).all()
            audit.append(
                s,
                actor,
                "images_purged",
                station_id or "*",
                {"cases": len(changed), "older_than": cutoff.isoformat(), "retention_days": retention_days},
                rows=[("case", row) for row in changed],
            )

        db.transact(work)
        # files after the commit: a crash in between leaves orphan ciphertext, never a dangling reference
        for _, image, heatmap in batch:
            db.media.delete(image)
            db.media.delete(heatmap)
        total += len(batch)
    return total


def purge_candidates(db: Database, retention_days: int, now: datetime | None = None) -> tuple[int, int]:
    """(cases a purge would take the images and reference of, cases it keeps as still pending review)."""
    cutoff = (now or datetime.now(UTC)) - timedelta(days=retention_days)
    old = (Case.captured_utc < cutoff) & or_(Case.image_path.is_not(None), Case.traveller_ref != "")
    with db.session() as s:
        pending = Case.review_status == "pending"
        gone = s.execute(select(func.count()).select_from(Case).where(old & ~pending)).scalar_one()
        kept = s.execute(select(func.count()).select_from(Case).where(old & pending)).scalar_one()
    return gone, kept
