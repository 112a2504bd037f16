"""The subsidy rules a plan's figures were computed with travel with it (issue 19).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-20

New table ``recorded_rule``: for each fiscal year of the plan's estimate, the subsidy
rule that year used (its content as the rule file states it, bundled or the imported
file's name, and a SHA-256 of its content). New plan column ``subsidy_rules_from``:
which rules the figures use, this PC's (``local``) or the recorded ones (``plan``).

Older files get no record and ``local``: they are computed with this PC's rules, as
before, and get a record when they are next saved.
"""

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_TEXT = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table(
        "recorded_rule",
        sa.Column("pk", sa.Integer(), nullable=False, primary_key=True),
        sa.Column("id", _TEXT(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("rule_year", sa.Integer(), nullable=False),
        sa.Column("rate", _TEXT(), nullable=False),
        sa.Column("eligible_categories", _TEXT(), nullable=False),
        sa.Column("rounding_unit", sa.Integer(), nullable=False),
        sa.Column("rounding_mode", _TEXT(), nullable=False),
        sa.Column("coverage", _TEXT(), nullable=False),
        sa.Column("coverage_source", _TEXT(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("date_assumed", sa.Boolean(), nullable=False),
        sa.Column("origin", _TEXT(), nullable=False),
        sa.Column("content_hash", _TEXT(), nullable=False),
        sa.Column("source_ja", _TEXT(), nullable=False),
        sa.Column("source_en", _TEXT(), nullable=False),
        sa.Column("note_ja", _TEXT(), nullable=False),
        sa.Column("note_en", _TEXT(), nullable=False),
    )
    with op.batch_alter_table("plan") as batch:
        batch.add_column(
            sa.Column("subsidy_rules_from", _TEXT(), nullable=False, server_default="local")
        )
    op.execute("PRAGMA user_version = 8")


def downgrade() -> None:
    with op.batch_alter_table("plan") as batch:
        batch.drop_column("subsidy_rules_from")
    op.drop_table("recorded_rule")
    op.execute("PRAGMA user_version = 7")
