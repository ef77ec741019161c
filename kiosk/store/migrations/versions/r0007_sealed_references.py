"""Traveller references sealed at rest: ``cases.traveller_ref`` becomes text long enough for the sealed form
(kiosk/store/references.py), ``cases.traveller_ref_hmac`` holds the keyed hash a search compares with, and the
index on the clear reference goes (an index on ciphertext finds nothing; the hash has its own).

On SQLite the column keeps its declared type: SQLite does not limit a VARCHAR's length, and changing the type
would copy the table, which its foreign keys would answer by deleting every review of every case.

The references already stored are sealed right after this revision, by the store that holds the key
(``kiosk.store.database.open_database`` runs ``seal_clear_references``): the key is the station's, not the
migration's. Each sealed row's new digest is recorded in the audit chain ("references_sealed"), so the chain
verifies afterwards and an edit of the sealed value is detected.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_cases_traveller_ref", table_name="cases")
    if op.get_bind().dialect.name != "sqlite":
        op.alter_column(
            "cases", "traveller_ref", type_=sa.Text, existing_type=sa.String(256), existing_nullable=False
        )
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("traveller_ref_hmac", sa.String(64)))
    op.create_index("ix_cases_traveller_ref_hmac", "cases", ["traveller_ref_hmac"])


def downgrade() -> None:
    op.drop_index("ix_cases_traveller_ref_hmac", table_name="cases")
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("traveller_ref_hmac")
    if op.get_bind().dialect.name != "sqlite":
        op.alter_column(
            "cases", "traveller_ref", type_=sa.String(256), existing_type=sa.Text, existing_nullable=False
        )
    op.create_index("ix_cases_traveller_ref", "cases", ["traveller_ref"])
