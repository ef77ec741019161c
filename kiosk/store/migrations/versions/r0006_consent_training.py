"""The traveller's consent to reuse of the picture for improving the model: ``cases.consent_training``.

A secondary use of the picture (research, training) needs the traveller's own yes, asked per case apart from
the legal basis on which the case is recorded ([privacy] legal_basis). The cases already stored keep NULL
(not asked) and their digests (kiosk/store/integrity.py: a row with ``consent_training`` NULL keeps its
version 1 or 2 digest), so an upgraded database verifies as before; setting it on an old row outside the
station is detected.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("consent_training", sa.Boolean))


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("consent_training")
