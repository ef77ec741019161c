"""Shadow testing before roll-out: ``shadow_verdicts`` holds a candidate bundle's verdict on each frame the
live bundle screened, beside the live verdict (kiosk/shadow.py); never shown to the officer.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shadow_verdicts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("station_id", sa.String(64), nullable=False),
        sa.Column("captured_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("case_id", sa.String(32)),
        sa.Column("live_bundle_sha256", sa.String(64), nullable=False),
        sa.Column("live_decision", sa.String(16), nullable=False),
        sa.Column("live_top_class", sa.String(32), nullable=False),
        sa.Column("live_reason_code", sa.String(32), nullable=False),
        sa.Column("shadow_bundle_name", sa.String(128), nullable=False),
        sa.Column("shadow_bundle_sha256", sa.String(64), nullable=False),
        sa.Column("shadow_decision", sa.String(16), nullable=False),
        sa.Column("shadow_top_class", sa.String(32), nullable=False),
        sa.Column("shadow_reason_code", sa.String(32), nullable=False),
        sa.Column("shadow_probabilities", sa.Text, nullable=False),
        sa.Column("shadow_ms", sa.Float, nullable=False),
    )
    op.create_index("ix_shadow_bundle_captured", "shadow_verdicts", ["shadow_bundle_sha256", "captured_utc"])
    op.create_index("ix_shadow_case", "shadow_verdicts", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_shadow_case", table_name="shadow_verdicts")
    op.drop_index("ix_shadow_bundle_captured", table_name="shadow_verdicts")
    op.drop_table("shadow_verdicts")
