"""「確認が必要な点」 in the PDF: the plan's warnings a council reader needs.

The list comes from planner.domain.warnings — the same warnings the summary page,
``planner validate`` and ``planner summary`` show — keeping those marked
``for_council`` (an override without a reason, a task judged unsuitable but
selected, more teleworkers than staff, a year without a subsidy rule). It sits in
the overview chapter, under the plan's key figures.
"""

from __future__ import annotations

from ...domain.warnings import plan_warnings
from ..content import Block
from .common import Context


def warnings_section(ctx: Context) -> list[Block]:
    items = [w for w in plan_warnings(ctx.plan, ctx.catalog) if w.for_council]
    if not items:
        return []
    return [
        ctx.section(ctx.t("確認が必要な点", "Points to check")),
        ctx.p("\n".join("・" + w.text.get(ctx.lang) for w in items)),
    ]
