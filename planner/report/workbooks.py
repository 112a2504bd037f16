"""The Excel forms (issue 21, 2): the work plan and report, and the device loan register.

Plain workbooks (openpyxl, imported only when one is written): the town and the
department at the top, a bordered table with a header row that is printed on every
page, A4 and fitted to the page's width. The work plan has one row per day or, where
step 5 lets staff telework by the half day or the hour, one per half day (午前/午後).
Every text is written as a string cell: a text beginning with ``=`` stays text (never
a formula), and control characters are removed (``textsafe.clean_plain``).
"""

from __future__ import annotations

from pathlib import Path

from ..domain.model import Plan
from .papers.forms import time_units
from .textsafe import clean_plain

DAYS = 31  # rows for a month
HEAD_FILL = "DDE6F0"
FONT = "BIZ UDゴシック"


def _cell(value: object) -> object:
    if isinstance(value, str):
        return clean_plain(value)
    return value


def _sheet(wb, title: str, plan: Plan, heads: list[tuple[str, float]]):  # noqa: ANN001, ANN202
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    ws = wb.active
    ws.title = title[:31]
    mu = plan.municipality
    ws["A1"] = _cell(title)
    ws["A1"].font = Font(name=FONT, size=14, bold=True)
    ws["A2"] = _cell(f"{mu.name}　{mu.department}".strip())
    ws["A2"].font = Font(name=FONT, size=10)
    thin = Side(style="thin", color="888888")
    for i, (head, width) in enumerate(heads, 1):
        cell = ws.cell(row=4, column=i, value=_cell(head))
        cell.font = Font(name=FONT, bold=True, size=10)
        cell.fill = PatternFill("solid", fgColor=HEAD_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
        ws.column_dimensions[cell.column_letter].width = width
    ws.print_title_rows = "4:4"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.freeze_panes = "A5"
    return ws


def _rows(ws, rows: list[list[object]], columns: int) -> None:  # noqa: ANN001
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin", color="888888")
    for r, values in enumerate(rows, 5):
        for c in range(1, columns + 1):
            value = values[c - 1] if c - 1 < len(values) else None
            cell = ws.cell(row=r, column=c, value=_cell(value))
            if isinstance(value, str):
                cell.data_type = "s"  # a text starting with = is text, not a formula
            cell.font = Font(name=FONT, size=10)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)


def half_days(plan: Plan) -> bool:
    """Rows per half day when any unit may telework by the half day or the hour."""
    return len(time_units(plan)) > 1


def write_work_plan(plan: Plan, path: Path) -> None:
    """業務実施計画書・報告書: a row per day (or half day) of a month, planned and done."""
    from openpyxl import Workbook

    wb = Workbook()
    heads = [("日", 6), ("区分", 8), ("実施場所", 14), ("予定する業務", 36), ("実施した業務・成果", 36),
             ("始業", 8), ("終業", 8), ("所属長確認", 11)]  # fmt: skip
    ws = _sheet(wb, "業務実施計画書・報告書", plan, heads)
    ws["A3"] = _cell("所属　　　　　　　職・氏名　　　　　　　　　年　　月分")
    parts = ["午前", "午後"] if half_days(plan) else ["終日"]
    rows = [[f"{day}日" if i == 0 else "", part] for day in range(1, DAYS + 1)
            for i, part in enumerate(parts)]  # fmt: skip
    _rows(ws, rows, len(heads))
    wb.save(str(path))


def write_loan_register(plan: Plan, path: Path) -> None:
    """端末貸与簿: one row per device the plan needs (at least 10 rows)."""
    from openpyxl import Workbook

    wb = Workbook()
    heads = [("番号", 6), ("管理番号", 12), ("機器の種類", 14), ("貸与先（所属）", 16), ("氏名", 14),
             ("貸与日", 11), ("返却予定日", 11), ("返却日", 11), ("確認者", 10), ("備考", 20)]  # fmt: skip
    ws = _sheet(wb, "端末貸与簿", plan, heads)
    devices = max(plan.teleworkers(), 10)
    ws["A3"] = _cell(f"貸与する端末: {plan.teleworkers()}台（既存の端末 {plan.existing_devices}台を含む）")
    _rows(ws, [[i] for i in range(1, devices + 1)], len(heads))
    wb.save(str(path))
