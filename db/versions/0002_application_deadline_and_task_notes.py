"""Work forms get an application deadline; tasks get a note.

Revision ID: 0002
Revises: 0001
Create Date: 2025-07-01

Files of revision 0001 had no ``unit.form_application_days`` (the number of
days ahead a telework application is due; 1 = the day before, the usual rule)
and no ``task.note``. Existing rows get 1 and an empty note.
"""

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("unit") as batch:
        batch.add_column(
            sa.Column("form_application_days", sa.Integer(), nullable=False, server_default="1")
        )
    with op.batch_alter_table("task") as batch:
        batch.add_column(
            sa.Column(
                "note", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=""
            )
        )
    op.execute("PRAGMA user_version = 2")


def downgrade() -> None:
    with op.batch_alter_table("task") as batch:
        batch.drop_column("note")
    with op.batch_alter_table("unit") as batch:
        batch.drop_column("form_application_days")
    op.execute("PRAGMA user_version = 1")
