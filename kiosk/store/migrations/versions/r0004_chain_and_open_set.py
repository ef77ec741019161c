"""Tamper-evident store and open-set columns: ``cases.reason_code`` and ``cases.open_set_score``; the
cases, reviews and accounts already stored enter the audit hash chain (by row digest), so an upgraded
database verifies and a later edit of an old row is detected.

Revision ID: 0004
Revises: 0003
"""

import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from kiosk.store import integrity
from kiosk.store.audit import GENESIS, entry_hash

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
BATCH = 1000
ACTOR = "system:migration"
PLURAL = {"case": "cases", "review": "reviews", "user": "accounts"}


def _table(name: str, *columns: str) -> sa.Table:
    return sa.table(name, *(sa.column(c) for c in columns))


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("reason_code", sa.String(32), nullable=False, server_default=""))
        batch.add_column(sa.Column("open_set_score", sa.Float))
    _register_existing_rows(op.get_bind())


def _typed(name: str, fields: tuple[str, ...]) -> sa.Table:
    """The columns the digests cover, with the types that make values come back as the ORM gives them."""
    types = {
        "id": sa.String if name == "cases" else sa.Integer,
        "captured_utc": TS,
        "created_utc": TS,
        "images_purged_utc": TS,
        "locked_until": TS,
        "top_probability": sa.Float,
        "open_set_score": sa.Float,
        "disabled": sa.Boolean,
        "failed_logins": sa.Integer,
    }
    return sa.Table(name, sa.MetaData(), *(sa.Column(f, types.get(f, sa.Text)) for f in fields))


def _register_existing_rows(conn) -> None:
    audit = _table(
        "audit_log", "seq", "ts_utc", "actor", "action", "target", "details", "prev_hash", "entry_hash"
    )
    last = conn.execute(
        sa.select(audit.c.seq, audit.c.entry_hash).order_by(audit.c.seq.desc()).limit(1)
    ).first()
    state = {"seq": last[0] if last else 0, "prev": last[1] if last else GENESIS}
    entries: list[dict] = []

    def add(kind: str, rows: dict) -> None:
        seq = state["seq"] + 1
        ts = datetime.now(UTC)
        details = json.dumps({"revision": "0004", "rows": {kind: rows}}, sort_keys=True, ensure_ascii=False)
        target = f"{len(rows)} {PLURAL[kind]}"
        value = entry_hash(seq, ts, ACTOR, "rows_registered", target, details, state["prev"])
        entries.append(
            dict(
                seq=seq,
                ts_utc=ts,
                actor=ACTOR,
                action="rows_registered",
                target=target,
                details=details,
                prev_hash=state["prev"],
                entry_hash=value,
            )
        )
        state["seq"], state["prev"] = seq, value

    for kind, name, order in (
        ("user", "users", "id"),
        ("case", "cases", "created_utc"),
        ("review", "reviews", "id"),
    ):
        fields = integrity.KINDS[kind]
        table = _typed(name, fields)
        query = sa.select(table).order_by(table.c[order], table.c.id)
        batch: dict = {}
        for row in conn.execute(query):
            value = integrity.digest(kind, row)
            batch[integrity.key_of(kind, row)] = [row.case_id, value] if kind == "review" else value
            if len(batch) == BATCH:
                add(kind, batch)
                batch = {}
        if batch:
            add(kind, batch)
    if entries:
        ts_table = sa.Table(
            "audit_log",
            sa.MetaData(),
            sa.Column("seq", sa.Integer),
            sa.Column("ts_utc", TS),
            *(
                sa.Column(c, sa.Text)
                for c in ("actor", "action", "target", "details", "prev_hash", "entry_hash")
            ),
        )
        for e in entries:  # SQLite stores naive UTC, as the models' UtcDateTime does
            if conn.dialect.name == "sqlite":
                e["ts_utc"] = e["ts_utc"].replace(tzinfo=None)
        conn.execute(ts_table.insert(), entries)


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("open_set_score")
        batch.drop_column("reason_code")
