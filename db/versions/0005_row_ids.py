"""Every row has an id (issue 19): team members and KPIs.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-12

Members of the promotion team and KPIs were matched by their position in the list;
a change, a diff between two versions or a survey reply merged back names a row by
its id. Existing rows each get a fresh id of 12 hex digits, what ``model.new_id``
makes (SQLite's ``randomblob``: random, so two rows never share one in practice; the
plan's checks refuse a list with an id twice).
"""

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_TEXT = sqlmodel.sql.sqltypes.AutoString
_TABLES = ("member", "kpi")


def upgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("id", _TEXT(), nullable=False, server_default=""))
        op.execute(f"UPDATE {table} SET id = lower(hex(randomblob(6)))")
    op.execute("PRAGMA user_version = 5")


def downgrade() -> None:
    for table in reversed(_TABLES):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("id")
    op.execute("PRAGMA user_version = 4")
