"""The plan's own id (issue 24: the roll-up tells versions of one plan apart from others).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05

A plan gets an id of 12 hex digits when it is made; a copy saved under another name keeps
it, so the versions of one plan share it and a roll-up of many files can report them
as duplicates. Existing plans each get a fresh id (SQLite's ``randomblob``, what
``model.new_id`` makes).
"""

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_TEXT = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    with op.batch_alter_table("plan") as batch:
        batch.add_column(sa.Column("plan_id", _TEXT(), nullable=False, server_default=""))
    op.execute("UPDATE plan SET plan_id = lower(hex(randomblob(6)))")
    op.execute("PRAGMA user_version = 11")


def downgrade() -> None:
    with op.batch_alter_table("plan") as batch:
        batch.drop_column("plan_id")
    op.execute("PRAGMA user_version = 10")
