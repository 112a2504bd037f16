"""The §11.2 cells that say what a cost line's estimate rests on (quantity, eligibility).

The resolution itself is the domain's (``costs.line_basis``), so the PDF shows what
the step 7 table shows.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..domain import costs
from ..domain.catalog import SubsidyRule
from ..domain.model import CostLine, Plan


def line_basis_cells(
    line: CostLine, plan: Plan, rules: Sequence[SubsidyRule], lang: str = "ja"
) -> tuple[str, str]:
    """(quantity, eligibility) texts, e.g. ("30台", "対象（区分による）")."""
    basis = costs.line_basis(line, plan, rules)
    return basis.quantity_text(lang), basis.eligibility_text(lang)
