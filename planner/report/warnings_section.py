"""「確認が必要な点」 in the PDF: the plan's warnings a council reader needs.

The list comes from planner.domain.warnings — the same warnings the summary page,
``planner validate`` and ``planner summary`` show — keeping those marked
``for_council`` (an override without a reason, a task judged unsuitable but
selected, more teleworkers than staff, a year without a subsidy rule). It sits in
the overview chapter, under the plan's key figures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.warnings import plan_warnings

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from .chapters import ReportBuilder


def warnings_section(b: ReportBuilder) -> list[Flowable]:
    items = [w for w in plan_warnings(b.plan, b.catalog) if w.for_council]
    if not items:
        return []
    return [
        b.section(b.t("確認が必要な点", "Points to check")),
        b.p("<br/>".join("・" + b.esc(w.text.get(b.lang)) for w in items)),
    ]
