"""The plan's own date (issue 18).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05

New plan field: the date of the plan document (作成日), printed on the cover.
Existing rows get NULL: a plan saved before this revision did not say its
date, so its cover shows the day of export and the plan's warnings say so.
"""

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("plan") as batch:
        batch.add_column(sa.Column("document_date", sa.Date(), nullable=True))
    op.execute("PRAGMA user_version = 4")


def downgrade() -> None:
    with op.batch_alter_table("plan") as batch:
        batch.drop_column("document_date")
    op.execute("PRAGMA user_version = 3")
