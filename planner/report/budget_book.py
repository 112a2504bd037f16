"""The budget request workbook (予算要求資料, issue 20) as content: for the adopted scenario,
or every scenario on sheets of its own, a line sheet (``budget_lines``: 経費明細) and a
summary sheet (``budget_summary``: 集計 — per fiscal year with the 財源内訳, per 節, the
債務負担行為 and 長期継続契約, and 後年度負担).

Written in Japanese whatever the language of the messages: it goes to the town's finance
section. ``XlsxBookWriter`` (``xlsx_book.py``) writes it through the writer seam:

    export(plan, "budget.xlsx", XlsxBookWriter(), build=budget_book)
"""

from __future__ import annotations

from ..domain import costs
from ..domain.catalog import Catalog
from ..domain.model import Plan
from ..domain.plan_rules import rules_for
from .budget_lines import lines_sheet
from .budget_summary import summary_sheet
from .result import ReportError
from .sheets import Book, sheet_name


def budget_book(plan: Plan, catalog: Catalog, lang: str = "ja", *,
                all_scenarios: bool = False) -> Book:  # fmt: skip
    """The workbook's content; ``lang`` is the messages' (the workbook is Japanese)."""
    adopted = plan.adopted_scenario()
    if adopted is None:
        raise ReportError(
            "経費シナリオがないため、予算要求資料を作成できません（手順7で経費を入力してください）。",
            "The plan has no cost scenario, so there is no budget request to write (enter the "
            "costs in step 7).",
        )
    book = Book(f"予算要求資料　{plan.title}")
    taken: set[str] = set()
    for i, scenario in enumerate(plan.scenarios if all_scenarios else [adopted], 1):
        est = costs.estimate(plan, scenario, rules_for(plan, catalog.subsidy_rules))
        is_adopted = scenario.id == adopted.id
        tag = f"{i} {scenario.name}" if all_scenarios else ""
        names = (sheet_name(f"明細{tag}" if tag else "経費明細", taken),
                 sheet_name(f"集計{tag}" if tag else "集計", taken))  # fmt: skip
        lines = lines_sheet(plan, catalog, scenario, est, names[0], is_adopted)
        book.sheets += [lines.sheet,
                        summary_sheet(plan, catalog, scenario, est, lines, names[1], is_adopted)]  # fmt: skip
    return book
