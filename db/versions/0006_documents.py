"""The documents a town files (issue 21): related plans, eligibility, union consultation.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-14

New plan fields: the town's related plans (step 2: 総合計画, 特定事業主行動計画,
DX推進計画, 業務継続計画, by name), who may telework and how it is approved and
reported (step 5: exclusions of staff on probation, temporary and fiscal-year
appointees; a relative's home for care; the approver; how the start and end of
work are reported). Each rule of step 6 gets the date of its consultation with the
staff union (地方公務員法55条) and when it is decided (a council session or a date).
Existing rows get what a new plan starts with: no related plan named, staff on
probation and temporary appointees excluded, the head of the unit approving, hours
reported by email or phone; no consultation date, no decision yet.
"""

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_TEXT = sqlmodel.sql.sqltypes.AutoString
_PLAN = (
    ("related_comprehensive", _TEXT, ""),
    ("related_employer_action", _TEXT, ""),
    ("related_dx", _TEXT, ""),
    ("related_continuity", _TEXT, ""),
    ("eligibility_exclude_probation", sa.Boolean, "1"),
    ("eligibility_exclude_temporary", sa.Boolean, "1"),
    ("eligibility_exclude_fiscal_year", sa.Boolean, "0"),
    ("eligibility_relative_home", sa.Boolean, "0"),
    ("eligibility_approver", _TEXT, "unit_head"),
    ("eligibility_attendance", _TEXT, "email_phone"),
)


def upgrade() -> None:
    with op.batch_alter_table("plan") as batch:
        for name, kind, default in _PLAN:
            batch.add_column(sa.Column(name, kind(), nullable=False, server_default=default))
    with op.batch_alter_table("rule_item") as batch:
        batch.add_column(sa.Column("union_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("decided_when", _TEXT(), nullable=False, server_default=""))
    op.execute("PRAGMA user_version = 6")


def downgrade() -> None:
    with op.batch_alter_table("rule_item") as batch:
        batch.drop_column("decided_when")
        batch.drop_column("union_date")
    with op.batch_alter_table("plan") as batch:
        for name, _kind, _default in reversed(_PLAN):
            batch.drop_column(name)
    op.execute("PRAGMA user_version = 5")
