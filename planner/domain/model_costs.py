"""The plan's cost scenarios and their lines (declared as every record of the plan is)."""

from __future__ import annotations

from dataclasses import dataclass

from .declare import MAX_QUANTITY, catalog_ref, declared, free_text, row_id
from .text import L10n
from .vocabularies import BUDGET_ITEMS, CONTRACTS, QUANTITY_BASES, RECURRENCES

MAX_LEASE_MONTHS = 120  # issue 20: ten years, the longest lease a plan may hold


@dataclass
class CostLine:
    """One line of a cost scenario.

    quantity_basis "fixed": ``quantity`` units; otherwise ``quantity`` per
    teleworker / per device needed / per organisation. ``one_time`` lines fall
    in ``start_fy`` only; ``annual`` lines in every year start_fy..end_fy; ``lease``
    lines (issue 20) cost ``unit_price`` a month per unit for ``lease_months`` months from
    ``lease_start_month`` of ``start_fy``, in the fiscal years those months fall in
    (their ``end_fy`` is not used).
    """

    name: str = declared("text", "経費項目名", "Cost item name", required=True)
    category: str = declared(
        "choice",
        "経費区分",
        "Cost category",
        required=True,
        choices="cost_category",
        doc="cost category id of resources/catalog/costs.toml",
    )
    unit_price: int = declared(
        "money", "単価", "Unit price", required=True, doc="yen, tax included"
    )
    quantity: int = declared("int", "数量", "Quantity", default=1, maximum=MAX_QUANTITY)
    quantity_basis: str = declared(
        "choice",
        "数量の基準",
        "Quantity basis",
        default="fixed",
        choices=QUANTITY_BASES,
        words="quantity_basis",
    )
    recurrence: str = declared(
        "choice",
        "発生の種類",
        "Recurrence",
        default="one_time",
        choices=RECURRENCES,
        words="recurrence",
    )
    start_fy: int = declared("fy", "開始年度", "Start year", default=2025)
    end_fy: int = declared("fy", "終了年度", "End year", default=2025)
    eligible_override: bool | None = declared(
        "bool",
        "措置対象の変更",
        "Eligibility override",
        default=None,
        nullable=True,
        doc="null: the subsidy rule decides",
    )
    override_reason: str = free_text("変更理由", "Reason")
    item_id: str | None = catalog_ref("経費カタログID", "Catalog item id")
    note: str = free_text("備考", "Note")
    id: str = row_id()
    other_revenue: int = declared(
        "money",
        "特定財源",
        "Other revenue",
        default=0,
        doc="yen over the line's whole period paid from earmarked revenue (特定財源: a national "
        "grant, a prefectural subsidy); taken off the net burden and, where the line counts, "
        "the eligible base (costs.py)",
    )  # issue 15
    budget_item: str | None = declared(
        "choice",
        "予算の節",
        "Budget item",
        default=None,
        nullable=True,
        choices=BUDGET_ITEMS,
        words="budget_item",
        unset=L10n("区分から自動", "From the category"),
        doc="budget item (節) the line is budgeted under; null: its cost category's usual one",
    )  # issue 19
    lease_start_month: int = declared(
        "int",
        "リース開始月",
        "Lease start month",
        default=4,
        minimum=1,
        maximum=12,
        doc="a lease's first month (1–12) within start_fy: April–December of start_fy, "
        "January–March of the calendar year after it; used by lease lines only",
    )  # issue 20
    lease_months: int = declared(
        "int",
        "リース月数",
        "Lease months",
        default=60,
        minimum=1,
        maximum=MAX_LEASE_MONTHS,
        doc="how many months a lease runs; used by lease lines only",
    )  # issue 20
    contract: str | None = declared(
        "choice",
        "複数年度の契約",
        "Multi-year contract",
        default=None,
        nullable=True,
        choices=CONTRACTS,
        words="contract",
        unset=L10n("なし", "None"),
        doc="how a contract over several fiscal years is made: 債務負担行為 (debt_burden) or "
        "長期継続契約 (long_term); null: none",
    )  # issue 20


@dataclass
class Scenario:
    name: str = declared("text", "シナリオ名", "Scenario name", required=True)
    note: str = free_text("備考", "Note")
    lines: list[CostLine] = declared("rows", "経費", "Cost lines", factory=list, of=CostLine)
    id: str = row_id()
