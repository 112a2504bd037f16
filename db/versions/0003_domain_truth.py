"""The domain as it stands today (issue 15): network model, sensitive data, subsidy coverage.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29

New plan fields: the network model (α/α′/β/β′), the policy for sensitive
personal data away from the office, the number of staff paid the telework
allowance, and the switch "running costs are eligible too" with its reason.
Tasks say what they work on; cost lines carry other earmarked revenue.
Existing rows get what a plan of revision 0002 meant: the α model, sensitive
data not handled outside the office, no allowance, introduction costs only,
tasks without a kind of work (their network decides), no other revenue.
"""

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_TEXT = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    with op.batch_alter_table("plan") as batch:
        batch.add_column(sa.Column("network_model", _TEXT(), nullable=False, server_default="alpha"))
        batch.add_column(
            sa.Column("home_allowance_staff", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(
            sa.Column(
                "personal_data_at_home", _TEXT(), nullable=False, server_default="not_allowed"
            )
        )
        batch.add_column(
            sa.Column("running_costs_eligible", sa.Boolean(), nullable=False, server_default="0")
        )
        batch.add_column(
            sa.Column("running_costs_reason", _TEXT(), nullable=False, server_default="")
        )
    with op.batch_alter_table("task") as batch:
        batch.add_column(sa.Column("works_on", _TEXT(), nullable=False, server_default=""))
    with op.batch_alter_table("cost_line") as batch:
        batch.add_column(
            sa.Column("other_revenue", sa.Integer(), nullable=False, server_default="0")
        )
    op.execute("PRAGMA user_version = 3")


def downgrade() -> None:
    with op.batch_alter_table("cost_line") as batch:
        batch.drop_column("other_revenue")
    with op.batch_alter_table("task") as batch:
        batch.drop_column("works_on")
    with op.batch_alter_table("plan") as batch:
        for name in (
            "running_costs_reason", "running_costs_eligible", "personal_data_at_home",
            "home_allowance_staff", "network_model",
        ):  # fmt: skip
            batch.drop_column(name)
    op.execute("PRAGMA user_version = 2")
