"""KPIs as numbers, and telework for business continuity (issue 23).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05

A KPI gets a unit, the way it improves (up or down is good), the date of its baseline,
a note, the id of the typical KPI it was made from, and measured values per month,
quarter or fiscal year (new table ``kpi_measurement``). Its baseline and target become
numbers (kept as decimal text, as every decimal of the file): the free text an older
file held is kept whole in the KPI's note, and where that text is a number ("14人",
"30%", "0人（令和6年度）") the number becomes the baseline or target and its unit the
KPI's unit; a target below the baseline makes the KPI one where down is good. A text
that is no number leaves the value empty (NULL), so nothing is made up.

A task gets its mark as 非常時優先業務 (false for every existing task); the plan gets the
number of staff who would need remote access in an emergency and the J-LIS terminal IDs
applied for (0: not entered).
"""

import re
import unicodedata

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_TEXT = sqlmodel.sql.sqltypes.AutoString
_UNITS = {"人": "persons", "名": "persons", "%": "percent", "時間": "hours", "枚": "sheets",
          "日": "days"}  # fmt: skip
_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(人|名|%|時間|枚|日)?\s*(?:\(.*\))?")


def _number(text: str) -> tuple[str | None, str | None]:
    """The number a KPI text is (as decimal text) and its unit, or (None, None)."""
    plain = unicodedata.normalize("NFKC", text or "").replace(",", "").strip()
    found = _NUMBER.fullmatch(plain)
    if found is None:
        return None, None
    return found.group(1), _UNITS.get(found.group(2) or "")


def upgrade() -> None:
    conn = op.get_bind()
    old = conn.execute(sa.text("SELECT pk, baseline, target FROM kpi")).fetchall()
    with op.batch_alter_table("kpi") as batch:
        batch.alter_column("baseline", existing_type=_TEXT(), nullable=True)
        batch.alter_column("target", existing_type=_TEXT(), nullable=True)
        batch.add_column(sa.Column("unit", _TEXT(), nullable=False, server_default="persons"))
        batch.add_column(sa.Column("direction", _TEXT(), nullable=False, server_default="up"))
        batch.add_column(sa.Column("baseline_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("note", _TEXT(), nullable=False, server_default=""))
        batch.add_column(sa.Column("catalog_id", _TEXT(), nullable=True))
    for pk, baseline_text, target_text in old:
        baseline, unit_b = _number(baseline_text)
        target, unit_t = _number(target_text)
        said = [f"{w}: {x.strip()}" for w, x in (("現状値", baseline_text), ("目標値", target_text))
                if x and x.strip()]  # fmt: skip
        note = f"移行前の記載 — {'／'.join(said)}" if said else ""
        down = baseline is not None and target is not None and float(target) < float(baseline)
        conn.execute(
            sa.text("UPDATE kpi SET baseline = :b, target = :t, unit = :u, direction = :d, "
                    "note = :n WHERE pk = :pk"),
            {"b": baseline, "t": target, "u": unit_b or unit_t or "persons",
             "d": "down" if down else "up", "n": note, "pk": pk},
        )  # fmt: skip
    op.create_table(
        "kpi_measurement",
        sa.Column("pk", sa.Integer(), nullable=False, primary_key=True),
        sa.Column("kpi_pk", sa.Integer(), sa.ForeignKey("kpi.pk"), nullable=False),
        sa.Column("id", _TEXT(), nullable=False),
        sa.Column("period", _TEXT(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("part", sa.Integer(), nullable=False),
        sa.Column("value", _TEXT(), nullable=False),
        sa.Column("note", _TEXT(), nullable=False),
    )
    with op.batch_alter_table("task") as batch:
        batch.add_column(sa.Column("priority", sa.Boolean(), nullable=False, server_default="0"))
    with op.batch_alter_table("plan") as batch:
        batch.add_column(
            sa.Column("bcp_emergency_staff", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(
            sa.Column("bcp_jlis_terminal_ids", sa.Integer(), nullable=False, server_default="0")
        )
    op.execute("PRAGMA user_version = 12")


def downgrade() -> None:
    with op.batch_alter_table("plan") as batch:
        batch.drop_column("bcp_jlis_terminal_ids")
        batch.drop_column("bcp_emergency_staff")
    with op.batch_alter_table("task") as batch:
        batch.drop_column("priority")
    op.drop_table("kpi_measurement")
    op.execute("UPDATE kpi SET baseline = coalesce(baseline, ''), target = coalesce(target, '')")
    with op.batch_alter_table("kpi") as batch:
        for name in ("catalog_id", "note", "baseline_date", "direction", "unit"):
            batch.drop_column(name)
        batch.alter_column("target", existing_type=_TEXT(), nullable=False)
        batch.alter_column("baseline", existing_type=_TEXT(), nullable=False)
    op.execute("PRAGMA user_version = 11")
