"""The §11.2 cells that say what a cost line's estimate rests on (quantity, eligibility).

The resolution itself is the domain's (``costs.line_basis``), so the PDF shows what
the step 7 table shows. ``running_text`` adds how the later years of an annual line
count under the coverage rule (issue 15: introduction costs only, by default).
"""

from __future__ import annotations

from ..domain import costs
from ..domain.model import CostLine, Plan
from ..domain.rule_years import Rules
from ..domain.subsidy_rules import SWITCH_SIGN
from ..domain.text import L10n


def line_basis_cells(
    line: CostLine, plan: Plan, rules: Rules, lang: str = "ja",
    counts: dict[str, int] | None = None,
) -> tuple[str, str]:
    """(quantity, eligibility) texts, e.g. ("30台", "対象（区分による）"); ``counts`` as in
    ``costs.line_basis``."""
    basis = costs.line_basis(line, plan, rules, counts)
    return basis.quantity_text(lang), basis.eligibility_text(lang)


def running_text(
    line: CostLine, plan: Plan, rules: Rules, lang: str, counts: dict[str, int] | None = None
) -> str:
    """How the later years (running costs) of an eligible annual line or lease count; "" where none."""
    if not costs.line_basis(line, plan, rules, counts).eligible:
        return ""
    later = costs.line_years(line)[1:] if line.recurrence != "one_time" else range(0)  # a lease too
    if not later:
        return ""
    applied = [costs.rule_for(fy, rules)[0] for fy in later]
    if all(r is not None and r.coverage == "introduction_and_running" for r in applied):
        text = L10n("2年度目以降も対象（措置ルールが運用経費を含む）",
                    "later years eligible too (the rule covers running costs)")  # fmt: skip
    elif costs.running_switch_on(plan):
        text = L10n(f"{SWITCH_SIGN}2年度目以降も対象（運用経費も対象とする設定による）",
                    f"{SWITCH_SIGN}later years eligible too (the plan's running-cost switch)")  # fmt: skip
    else:
        text = L10n(
            "2年度目以降は運用経費のため対象外", "later years are running costs: not eligible"
        )
    return text.get(lang)
