"""From the field back to the model: a case's confirmed label, and the stations' heartbeats.

``cases.confirmed_label`` is what the case turned out to be (kiosk/store/schema.py ``CONFIRMED_LABELS``) and
``cases.confirmed_detail`` the name of another condition; both NULL on every case stored before, so their
digests stay as they were (kiosk/store/integrity.py: a row without a label keeps its version). The PCR outcome
gains "not done" (a value, no column). ``station_heartbeats`` holds one row per station: its software, its
model, its camera and when it was last seen (the review window's Stations tab).

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("confirmed_label", sa.String(32)))
        batch.add_column(sa.Column("confirmed_detail", sa.Text))
    op.create_index("ix_cases_confirmed_label", "cases", ["confirmed_label"])
    op.create_table(
        "station_heartbeats",
        sa.Column("station_id", sa.String(64), primary_key=True),
        sa.Column("software_version", sa.String(32), nullable=False),
        sa.Column("bundle_name", sa.String(128), nullable=False),
        sa.Column("bundle_sha256", sa.String(64), nullable=False),
        sa.Column("camera_state", sa.String(32), nullable=False),
        sa.Column("started_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_utc", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("station_heartbeats")
    op.drop_index("ix_cases_confirmed_label", table_name="cases")
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("confirmed_detail")
        batch.drop_column("confirmed_label")
