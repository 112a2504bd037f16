"""The budget item (節) of a cost line (issue 19).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04

New cost-line field: the budget item the line is budgeted under. Existing rows get
NULL, which means what it means for a new line: its cost category's usual budget item.
"""

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cost_line") as batch:
        batch.add_column(sa.Column("budget_item", sa.String(), nullable=True))
    op.execute("PRAGMA user_version = 7")


def downgrade() -> None:
    with op.batch_alter_table("cost_line") as batch:
        batch.drop_column("budget_item")
    op.execute("PRAGMA user_version = 6")
