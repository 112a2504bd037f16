"""Leases, multi-year contracts and the device life (issue 20).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04

New cost-line fields: a lease's first month (within its start year) and its months, and
the multi-year contract a line is made under (債務負担行為 or 長期継続契約; NULL: none).
New plan field: the years after which devices are bought again (後年度負担). Existing
rows get what a new line and a new plan start with: a lease from April for 60 months
(used only by lines whose recurrence is "lease", which no existing line is), no
multi-year contract, a device life of 5 years.
"""

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cost_line") as batch:
        batch.add_column(
            sa.Column("lease_start_month", sa.Integer(), nullable=False, server_default="4")
        )
        batch.add_column(sa.Column("lease_months", sa.Integer(), nullable=False, server_default="60"))
        batch.add_column(sa.Column("contract", sa.String(), nullable=True))
    with op.batch_alter_table("plan") as batch:
        batch.add_column(
            sa.Column("device_life_years", sa.Integer(), nullable=False, server_default="5")
        )
    op.execute("PRAGMA user_version = 9")


def downgrade() -> None:
    with op.batch_alter_table("plan") as batch:
        batch.drop_column("device_life_years")
    with op.batch_alter_table("cost_line") as batch:
        batch.drop_column("contract")
        batch.drop_column("lease_months")
        batch.drop_column("lease_start_month")
    op.execute("PRAGMA user_version = 8")
