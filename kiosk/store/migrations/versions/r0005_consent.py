"""Traveller consent: ``cases.consent_notice_version``, ``cases.consent_language`` and
``cases.consent_given`` (the privacy notice shown before capture, its language, the traveller's answer).

The cases already stored keep all three NULL (not recorded), and a case row with no consent values keeps its
version 1 digest (kiosk/store/integrity.py), so the chain needs no new entries: an upgraded database verifies
as before, and giving an old row consent values outside the station is detected.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("consent_notice_version", sa.String(64)))
        batch.add_column(sa.Column("consent_language", sa.String(16)))
        batch.add_column(sa.Column("consent_given", sa.Boolean))


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("consent_given")
        batch.drop_column("consent_language")
        batch.drop_column("consent_notice_version")
