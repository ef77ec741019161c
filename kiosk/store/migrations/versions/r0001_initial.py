"""Initial case log: cases, hourly CLEAR counters, accounts, audit trail.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("captured_utc", TS, nullable=False),
        sa.Column("station_id", sa.String(64), nullable=False),
        sa.Column("operator", sa.String(128), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("top_class", sa.String(32), nullable=False),
        sa.Column("top_probability", sa.Float, nullable=False),
        sa.Column("probabilities", sa.Text, nullable=False),
        sa.Column("thresholds", sa.Text, nullable=False),
        sa.Column("model_name", sa.String(128), nullable=False),
        sa.Column("model_sha256", sa.String(64), nullable=False),
        sa.Column("image_path", sa.String(255)),
        sa.Column("image_sha256", sa.String(64)),
        sa.Column("heatmap_path", sa.String(255)),
        sa.Column("heatmap_sha256", sa.String(64)),
        sa.Column("images_purged_utc", TS),
        sa.Column("quality", sa.Text, nullable=False),
        sa.Column("traveller_ref", sa.String(256), nullable=False),
        sa.Column("created_utc", TS, nullable=False),
    )
    op.create_index("ix_cases_captured", "cases", ["captured_utc"])
    op.create_index("ix_cases_station_captured", "cases", ["station_id", "captured_utc"])
    op.create_index("ix_cases_decision_captured", "cases", ["decision", "captured_utc"])
    op.create_index("ix_cases_class_captured", "cases", ["top_class", "captured_utc"])
    op.create_index("ix_cases_traveller_ref", "cases", ["traveller_ref"])
    op.create_table(
        "clear_counts",
        sa.Column("station_id", sa.String(64), primary_key=True),
        sa.Column("hour_utc", TS, primary_key=True),
        sa.Column("count", sa.Integer, nullable=False),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("username", sa.String(64), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("failed_logins", sa.Integer, nullable=False),
        sa.Column("locked_until", TS),
        sa.Column("disabled", sa.Boolean, nullable=False),
        sa.Column("created_utc", TS, nullable=False),
    )
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("ts_utc", TS, nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("target", sa.String(255), nullable=False),
        sa.Column("details", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("entry_hash", sa.String(64), nullable=False),
    )


def downgrade() -> None:
    for table in ("audit_log", "users", "clear_counts", "cases"):
        op.drop_table(table)
