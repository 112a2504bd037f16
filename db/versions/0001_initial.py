"""The first schema of the .twplan file.

Revision ID: 0001
Revises:
Create Date: 2025-06-01
"""

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

S = sqlmodel.sql.sqltypes.AutoString


def _pk() -> sa.Column:
    return sa.Column("pk", sa.Integer(), nullable=False, primary_key=True)


def upgrade() -> None:
    op.create_table(
        "file_info",
        sa.Column("key", S(), nullable=False, primary_key=True),
        sa.Column("value", S(), nullable=False),
    )
    op.create_table(
        "plan",
        _pk(),
        sa.Column("municipality_name", S(), nullable=False),
        sa.Column("prefecture", S(), nullable=False),
        sa.Column("general_staff", sa.Integer(), nullable=False),
        sa.Column("all_staff", sa.Integer(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("author", S(), nullable=False),
        sa.Column("department", S(), nullable=False),
        sa.Column("fiscal_capacity_index", S(), nullable=True),
        sa.Column("plan_years", sa.Integer(), nullable=False),
        sa.Column("leader", S(), nullable=False),
        sa.Column("meeting_plan", S(), nullable=False),
        sa.Column("existing_devices", sa.Integer(), nullable=False),
        sa.Column("existing_rules", S(), nullable=False),
        sa.Column("current_notes", S(), nullable=False),
        sa.Column("access_method", S(), nullable=False),
        sa.Column("device_policy", S(), nullable=False),
        sa.Column("adopted_scenario_id", S(), nullable=True),
        sa.Column("fiscal_capacity_multiplier", S(), nullable=False),
    )
    op.create_table(
        "plan_list_item",
        _pk(),
        sa.Column("list_name", S(), nullable=False),
        sa.Column("value", S(), nullable=False),
    )
    op.create_table(
        "step",
        sa.Column("number", sa.Integer(), nullable=False, primary_key=True, autoincrement=False),
        sa.Column("notes", S(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
    )
    op.create_table(
        "checklist_entry",
        _pk(),
        sa.Column("step_number", sa.Integer(), sa.ForeignKey("step.number"), nullable=False),
        sa.Column("item_id", S(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("note", S(), nullable=False),
    )
    op.create_table(
        "member",
        _pk(),
        sa.Column("name", S(), nullable=False),
        sa.Column("role", S(), nullable=False),
        sa.Column("department", S(), nullable=False),
    )
    op.create_table(
        "kpi",
        _pk(),
        sa.Column("name", S(), nullable=False),
        sa.Column("baseline", S(), nullable=False),
        sa.Column("target", S(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=True),
    )
    op.create_table(
        "unit",
        _pk(),
        sa.Column("id", S(), nullable=False),
        sa.Column("name", S(), nullable=False),
        sa.Column("staff", sa.Integer(), nullable=False),
        sa.Column("teleworkers", sa.Integer(), nullable=False),
        sa.Column("catalog_id", S(), nullable=True),
        sa.Column("form_home", sa.Boolean(), nullable=False),
        sa.Column("form_satellite", sa.Boolean(), nullable=False),
        sa.Column("form_mobile", sa.Boolean(), nullable=False),
        sa.Column("form_max_days", sa.Integer(), nullable=False),
        sa.Column("form_cap_period", S(), nullable=False),
        sa.Column("form_time_unit", S(), nullable=False),
    )
    op.create_table(
        "task",
        _pk(),
        sa.Column("unit_pk", sa.Integer(), sa.ForeignKey("unit.pk"), nullable=False),
        sa.Column("id", S(), nullable=False),
        sa.Column("name", S(), nullable=False),
        sa.Column("selected", sa.Boolean(), nullable=False),
        sa.Column("catalog_id", S(), nullable=True),
        sa.Column("personal_data", S(), nullable=False),
        sa.Column("network", S(), nullable=False),
        sa.Column("paper", S(), nullable=False),
        sa.Column("counter", sa.Boolean(), nullable=False),
        sa.Column("onsite", sa.Boolean(), nullable=False),
        sa.Column("coordination", S(), nullable=False),
    )
    op.create_table(
        "rule_item",
        _pk(),
        sa.Column("id", S(), nullable=False),
        sa.Column("name", S(), nullable=False),
        sa.Column("status", S(), nullable=False),
        sa.Column("owner", S(), nullable=False),
        sa.Column("template_id", S(), nullable=True),
    )
    op.create_table(
        "security_item",
        _pk(),
        sa.Column("id", S(), nullable=False),
        sa.Column("role", S(), nullable=False),
        sa.Column("text", S(), nullable=False),
        sa.Column("status", S(), nullable=False),
        sa.Column("measure_id", S(), nullable=True),
    )
    op.create_table(
        "training_event",
        _pk(),
        sa.Column("id", S(), nullable=False),
        sa.Column("name", S(), nullable=False),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("audience", S(), nullable=False),
        sa.Column("note", S(), nullable=False),
    )
    op.create_table(
        "phase",
        _pk(),
        sa.Column("id", S(), nullable=False),
        sa.Column("name", S(), nullable=False),
        sa.Column("kind", S(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("measures", S(), nullable=False),
    )
    op.create_table(
        "scenario",
        _pk(),
        sa.Column("id", S(), nullable=False),
        sa.Column("name", S(), nullable=False),
        sa.Column("note", S(), nullable=False),
    )
    op.create_table(
        "cost_line",
        _pk(),
        sa.Column("scenario_pk", sa.Integer(), sa.ForeignKey("scenario.pk"), nullable=False),
        sa.Column("id", S(), nullable=False),
        sa.Column("name", S(), nullable=False),
        sa.Column("category", S(), nullable=False),
        sa.Column("unit_price", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("quantity_basis", S(), nullable=False),
        sa.Column("recurrence", S(), nullable=False),
        sa.Column("start_fy", sa.Integer(), nullable=False),
        sa.Column("end_fy", sa.Integer(), nullable=False),
        sa.Column("eligible_override", sa.Boolean(), nullable=True),
        sa.Column("override_reason", S(), nullable=False),
        sa.Column("item_id", S(), nullable=True),
        sa.Column("note", S(), nullable=False),
    )
    op.execute("PRAGMA user_version = 1")


def downgrade() -> None:
    for name in (
        "cost_line", "scenario", "phase", "training_event", "security_item", "rule_item",
        "task", "unit", "kpi", "member", "checklist_entry", "step", "plan_list_item", "plan",
        "file_info",
    ):  # fmt: skip
        op.drop_table(name)
