"""Reviews: review status and PCR outcome on each case, and the reviews history table.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        # existing cases from revision 0001 become "pending" review
        batch.add_column(sa.Column("review_status", sa.String(16), nullable=False, server_default="pending"))
        batch.add_column(sa.Column("outcome", sa.String(16)))
    op.create_index("ix_cases_status_captured", "cases", ["review_status", "captured_utc"])
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.String(32), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("reviewer", sa.String(64), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("outcome", sa.String(16)),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("created_utc", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_reviews_case_id", "reviews", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_reviews_case_id", "reviews")
    op.drop_table("reviews")
    op.drop_index("ix_cases_status_captured", "cases")
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("outcome")
        batch.drop_column("review_status")
