"""Index on the top probability, so the review list sorts by it without scanning every case.

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_cases_top_probability", "cases", ["top_probability"])


def downgrade() -> None:
    op.drop_index("ix_cases_top_probability", "cases")
