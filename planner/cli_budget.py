"""``planner budget PLAN -o FILE.xlsx [--all-scenarios]``: the budget request workbook (issue 20).

The adopted scenario's cost lines by fiscal year and 節, with the 財源内訳, the
債務負担行為 and 長期継続契約, and 後年度負担, as formulas that carry their results
(``report.export_budget``); with ``--all-scenarios`` every scenario on sheets of its own.
The target is checked as every writer's is, before the plan is read, and written through
the one atomic write. The path written goes to standard error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def add_budget_command(command) -> None:  # noqa: ANN001 - cli.build_parser's helper
    p = command("budget", "write the budget request workbook (Excel) / "
                "予算要求資料（Excel）を書き出す")  # fmt: skip
    p.add_argument("file", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True, help="the workbook (.xlsx)")
    p.add_argument("--all-scenarios", action="store_true",
                   help="every cost scenario on sheets of its own (default: the adopted one) / "
                   "すべての経費シナリオ")  # fmt: skip


def cmd_budget(ns: argparse.Namespace, load: Callable[[Path], Any],
               safe: Callable[[object], str]) -> int:  # fmt: skip
    from .report.result import XLSX
    from .store.files import check_target

    check_target(ns.output, suffix=XLSX.suffix, inputs=(ns.file,), failure=XLSX.failure)
    plan = load(ns.file)
    from .report import export_budget  # XlsxWriter loads only for this command

    path = export_budget(plan, ns.output, all_scenarios=ns.all_scenarios, lang=ns.lang)
    print(safe(path), file=sys.stderr)
    return 0
