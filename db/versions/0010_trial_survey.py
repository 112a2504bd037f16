"""The trial survey's answers and the go/no-go criteria (issue 23, section 2).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05

New tables ``trial_response`` (one respondent: the group, the file and row the answer
came from), ``trial_answer`` (its answers by question id) and ``trial_criterion`` (the
plan's go/no-go criteria). Older files get none: no trial answered yet, no criterion.
"""

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_TEXT = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table(
        "trial_response",
        sa.Column("pk", sa.Integer(), nullable=False, primary_key=True),
        sa.Column("id", _TEXT(), nullable=False),
        sa.Column("audience", _TEXT(), nullable=False),
        sa.Column("source", _TEXT(), nullable=False),
        sa.Column("source_row", sa.Integer(), nullable=False),
    )
    op.create_table(
        "trial_answer",
        sa.Column("pk", sa.Integer(), nullable=False, primary_key=True),
        sa.Column(
            "trial_response_pk", sa.Integer(), sa.ForeignKey("trial_response.pk"), nullable=False
        ),
        sa.Column("question", _TEXT(), nullable=False),
        sa.Column("value", _TEXT(), nullable=False),
    )
    op.create_table(
        "trial_criterion",
        sa.Column("pk", sa.Integer(), nullable=False, primary_key=True),
        sa.Column("id", _TEXT(), nullable=False),
        sa.Column("name", _TEXT(), nullable=False),
        sa.Column("audience", _TEXT(), nullable=False),
        sa.Column("question", _TEXT(), nullable=False),
        sa.Column("measure", _TEXT(), nullable=False),
        sa.Column("lowest", sa.Integer(), nullable=False),
        sa.Column("highest", sa.Integer(), nullable=False),
        sa.Column("comparison", _TEXT(), nullable=False),
        sa.Column("threshold", _TEXT(), nullable=False),
    )
    op.execute("PRAGMA user_version = 10")


def downgrade() -> None:
    op.drop_table("trial_criterion")
    op.drop_table("trial_answer")
    op.drop_table("trial_response")
    op.execute("PRAGMA user_version = 9")
