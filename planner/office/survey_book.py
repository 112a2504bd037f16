"""The task survey workbook (業務の洗い出し調査票): written with openpyxl (issue 20).

One workbook per unit, or one with a sheet per unit. Each holds the instruction sheet in
plain words (the plan, the unit, the reply-by date), a sheet per unit with its current
tasks, one drop-down per factor with the catalog's words (the lists on a hidden sheet,
referred to by name, so no list meets Excel's 255-character limit for lists written
inline), a notes column, header rows protected, and a hidden sheet naming the plan, the
units (their ids) and the export time (``survey_layout.py``), so a reply is matched to
its unit without guessing. Every text is a string cell: a task named ``=cmd|…`` stays
text, never a formula, and control characters are removed (``textsafe.clean_plain``).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from ..domain.catalog import Catalog
from ..domain.fiscal import era_date_label
from ..domain.limits import MAX_STAFF
from ..domain.model import Plan, Task, Unit
from ..domain.survey import plan_identity
from ..domain.survey_values import Column, task_columns, unit_columns, word_list
from ..domain.text import L10n
from ..report.textsafe import clean_plain
from . import survey_layout as lay

FONT = "BIZ UDゴシック"
HEAD_FILL, INPUT_FILL = "DDE6F0", "FFF8DC"
WIDTHS = {"name": 34, "note": 40, "factors.works_on": 30, "factors.network": 22}

# what each factor asks, in the words of the instruction sheet (a new factor needs one)
EXPLAIN = {
    "personal_data": L10n("業務で扱う個人情報のうち、いちばん慎重に扱うもの",
                          "The most sensitive personal data the task handles"),
    "network": L10n("業務で使う端末がつながっているネットワーク",
                    "The network the task's PC is on"),
    "paper": L10n("紙の書類がないと進められない程度", "How far the task needs paper documents"),
    "counter": L10n("窓口で住民の方と向き合う業務ですか", "Is it counter work with residents?"),
    "onsite": L10n("現場での作業や、庁舎の中の設備を使う業務ですか",
                   "Does it need on-site work or equipment in the office?"),
    "coordination": L10n("ほかの職員とその場でやりとりする必要の多さ",
                         "How much real-time teamwork it needs"),
    "works_on": L10n("主に何を使って行う業務か（わからなければ空欄で構いません）",
                     "What the task mainly works on (leave blank if unsure)"),
}  # fmt: skip


def _s(cell, value: object) -> None:  # noqa: ANN001 - an openpyxl cell
    """A text cell that stays text (never a formula), without control characters."""
    cell.value = clean_plain(value) if value is not None else None
    if cell.value is not None:
        cell.data_type = "s"


def _t(lang: str, ja: str, en: str) -> str:
    return en if lang == "en" else ja


def _cell_text(task: Task, column: Column, catalog: Catalog, lang: str) -> str:
    value: object = task
    for part in column.field.split("."):
        value = getattr(value, part)
    if column.kind == "bool":
        return catalog.words.label(column.words, "yes" if value else "no", lang)
    if column.kind == "choice":
        return catalog.words.label(column.words, str(value), lang) if value else ""
    return str(value)


def _lines(text: object, width: float) -> int:
    """How many lines a text wraps to in a column ``width`` characters wide (a full-width
    character is nearly two)."""
    wide = sum(1.8 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(text))
    return max(1, math.ceil(wide / max(1.0, width - 2)))


def _day(day: date, lang: str) -> str:
    return day.isoformat() if lang == "en" else era_date_label(day)


def write_survey(plan: Plan, units: Sequence[Unit], path: Path, *, catalog: Catalog,
                 reply_by: date, exported_at: datetime, lang: str = "ja") -> None:  # fmt: skip
    """Write one survey workbook for ``units`` (one or more) at ``path``."""
    from openpyxl import Workbook
    from openpyxl.workbook.protection import WorkbookProtection

    wb = Workbook()
    guide = wb.active
    guide.title = lay.GUIDE_SHEET.get(lang)
    taken = {guide.title, lay.INFO_SHEET, lay.LISTS_SHEET}
    titles = [lay.sheet_title(u.name, taken) for u in units]
    _guide(guide, plan, units, titles, catalog, reply_by, exported_at, lang)
    names = {c.field: "survey_" + c.field.split(".")[-1] for c in task_columns() if c.words}
    for unit, title in zip(units, titles, strict=True):
        _unit_sheet(wb.create_sheet(title), plan, unit, catalog, names, reply_by, lang)
    _lists(wb, names, catalog, lang)
    _info(wb, plan, units, titles, reply_by, exported_at, lang)
    wb.active = 0
    wb.security = WorkbookProtection(lockStructure=True)  # no sheet renamed, unhidden or added
    wb.save(str(path))


def _lists(wb, names: dict[str, str], catalog: Catalog, lang: str) -> None:  # noqa: ANN001
    """The choice lists on the hidden sheet, one column each, each a defined name."""
    from openpyxl.utils import get_column_letter
    from openpyxl.workbook.defined_name import DefinedName

    ws = wb.create_sheet(lay.LISTS_SHEET)
    ws.sheet_state = "hidden"
    for i, column in enumerate(c for c in task_columns() if c.field in names):
        letter = get_column_letter(i + 1)
        words = word_list(catalog.words, column, lang)
        for r, word in enumerate(words, 1):
            _s(ws.cell(row=r, column=i + 1), word)
        ref = f"'{lay.LISTS_SHEET}'!${letter}$1:${letter}${len(words)}"
        name = names[column.field]
        wb.defined_names[name] = DefinedName(name, attr_text=ref)
    ws.protection.sheet = True


def _font(bold: bool = False, size: int = 10):  # noqa: ANN202
    from openpyxl.styles import Font

    return Font(name=FONT, bold=bold, size=size)


def _guide(ws, plan: Plan, units: Sequence[Unit], titles: list[str], catalog: Catalog,  # noqa: ANN001
           reply_by: date, exported_at: datetime, lang: str) -> None:  # fmt: skip
    from openpyxl.styles import Alignment

    wrap = Alignment(wrap_text=True, vertical="top")
    _s(ws["A1"], _t(lang, "業務の洗い出し調査（テレワークの導入に向けて）",
                    "Task survey (towards telework)"))  # fmt: skip
    ws["A1"].font = _font(True, 14)
    deadline = _day(reply_by, lang)
    facts = [(_t(lang, "計画", "Plan"), plan.title),
             (_t(lang, "回答する課", "Unit"), "、".join(u.name for u in units)),
             (_t(lang, "回答期限", "Reply by"), deadline),
             (_t(lang, "作成日時", "Made on"),
              f"{_day(exported_at.date(), lang)} {exported_at:%H:%M}")]  # fmt: skip
    for r, (label, value) in enumerate(facts, 3):
        _s(ws.cell(row=r, column=1), label)
        ws.cell(row=r, column=1).font = _font(True)
        _s(ws.cell(row=r, column=2), value)
        ws.cell(row=r, column=2).font = _font(r == 5)
    sheets = "、".join(f"「{t}」" for t in titles)
    steps = [
        _t(lang, f"{sheets}のシートに、課で行っている業務を1行に1つずつ書いてください。",
           f"On the sheet {sheets}, write each task of the unit on a row of its own."),
        _t(lang, "すでに書いてある業務は、いま計画に入っている内容です。違うところは直してください。"
                 "行っていない業務は、行ごと削除してください。",
           "The tasks already there are what the plan holds now. Correct what is wrong; "
           "delete the whole row of a task the unit does not do."),
        _t(lang, "新しい業務は、表の下の空いている行に書いてください。",
           "Write new tasks in the empty rows below the table."),
        _t(lang, "業務名と備考のあいだの欄は、セルを選ぶと出る一覧（▼）から選んでください。"
                 "わからないときは空欄のままで構いません。",
           "Between the task name and the note, choose from the list (▼) that opens on "
           "the cell. Leave a cell blank if unsure."),
        _t(lang, "「備考」には、気になることを自由に書いてください。",
           "Write anything worth knowing in the note."),
        _t(lang, "表の上の課の職員数とテレワーク実施人数も確かめてください。",
           "Check the unit's staff and teleworkers above the table too."),
        _t(lang, f"シートの名前や見出しの行は変えないでください。書き終えたら保存して、"
                 f"{deadline}までに人事担当へ返送してください（ファイル名は変えても構いません）。",
           f"Do not rename the sheets or change the header rows. Save the file and send it "
           f"back to HR by {deadline} (the file name may change)."),
    ]  # fmt: skip
    _s(ws["A8"], _t(lang, "記入のお願い", "Please"))
    ws["A8"].font = _font(True, 12)
    for i, step in enumerate(steps, 1):
        _s(ws.cell(row=8 + i, column=1), f"{i}.")
        _s(ws.cell(row=8 + i, column=2), step)
        ws.cell(row=8 + i, column=2).alignment = wrap
    top = 9 + len(steps) + 1
    _s(ws.cell(row=top, column=1), _t(lang, "各欄の選び方", "The columns"))
    ws.cell(row=top, column=1).font = _font(True, 12)
    heads = (_t(lang, "欄", "Column"), _t(lang, "選べる言葉", "Choices"),
             _t(lang, "何を答えるか", "What it asks"))  # fmt: skip
    for c, head in enumerate(heads, 1):
        _s(ws.cell(row=top + 1, column=c), head)
        ws.cell(row=top + 1, column=c).font = _font(True)
    factors = [c for c in task_columns() if c.words]
    for r, column in enumerate(factors, top + 2):
        name = column.field.split(".")[-1]
        _s(ws.cell(row=r, column=1), column.label.get(lang))
        _s(ws.cell(row=r, column=2), "／".join(word_list(catalog.words, column, lang)))
        _s(ws.cell(row=r, column=3), EXPLAIN[name].get(lang))
        for c in (2, 3):
            ws.cell(row=r, column=c).alignment = wrap
    widths = {"A": 16, "B": 64, "C": 44}
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=9):  # wrapped text: rows as tall as its lines (LibreOffice
        for cell in row:  # does not grow them by itself: the next row was drawn over)
            cell.alignment = wrap
        lines = max((_lines(c.value, widths[c.column_letter]) for c in row if c.value), default=1)
        if lines > 1:
            ws.row_dimensions[row[0].row].height = 14 * lines
    _print_setup(ws, portrait=True)
    ws.protection.sheet = True


def _print_setup(ws, portrait: bool = False) -> None:  # noqa: ANN001
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait" if portrait else "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _unit_sheet(ws, plan: Plan, unit: Unit, catalog: Catalog, names: dict[str, str],  # noqa: ANN001
                reply_by: date, lang: str) -> None:  # fmt: skip
    from openpyxl.styles import Alignment, Border, PatternFill, Protection, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    open_cell = Protection(locked=False)
    thin = Side(style="thin", color="888888")
    border = Border(top=thin, bottom=thin, left=thin, right=thin)
    columns = task_columns()
    _s(ws["B1"], _t(lang, f"{unit.name}　業務の洗い出し調査票", f"{unit.name} — task survey"))
    ws["B1"].font = _font(True, 14)
    _s(ws["B2"], _t(lang, f"{plan.title}　回答期限: {_day(reply_by, lang)}",
                    f"{plan.title} — reply by {_day(reply_by, lang)}"))  # fmt: skip
    ws["B2"].font = _font()
    for i, column in enumerate(unit_columns()):  # label, value, label, value from column B
        label = ws.cell(row=lay.UNIT_ROW, column=2 + 2 * i)
        _s(label, column.label.get(lang))
        label.font, label.alignment = _font(True), Alignment(horizontal="right")
        value = ws.cell(row=lay.UNIT_ROW, column=3 + 2 * i, value=getattr(unit, column.field))
        value.font, value.border, value.protection = _font(), border, open_cell
        value.fill = PatternFill("solid", fgColor=INPUT_FILL)
        counts = DataValidation(type="whole", operator="between", formula1="0",
                                formula2=str(MAX_STAFF), showErrorMessage=True,
                                errorTitle=_t(lang, "人数", "Number"),
                                error=_t(lang, "0以上の整数で書いてください。",
                                         "Write a whole number, 0 or more."))  # fmt: skip
        ws.add_data_validation(counts)
        counts.add(value.coordinate)
    head = [lay.ID_HEAD, *(c.label.get(lang) for c in columns)]
    for c, text in enumerate(head, 1):
        cell = ws.cell(row=lay.HEAD_ROW, column=c)
        _s(cell, text)
        cell.font, cell.border = _font(True), border
        cell.fill = PatternFill("solid", fgColor=HEAD_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    last = lay.FIRST_ROW + len(unit.tasks) + lay.SPARE_ROWS - 1
    for r in range(lay.FIRST_ROW, last + 1):
        ws.row_dimensions[r].protection = open_cell  # whole rows: Excel deletes only such rows
        task = unit.tasks[r - lay.FIRST_ROW] if r - lay.FIRST_ROW < len(unit.tasks) else None
        for c in range(1, len(head) + 1):
            cell = ws.cell(row=r, column=c)
            if task is not None:
                _s(
                    cell,
                    task.id if c == 1 else _cell_text(task, columns[c - 2], catalog, lang) or None,
                )
            cell.font, cell.border, cell.protection = _font(), border, open_cell
            cell.alignment = Alignment(vertical="top", wrap_text=c in (2, len(head)))
        if task is not None:  # a long name or note wraps: the row as tall as its lines
            lines = max(_lines(task.name, WIDTHS["name"]), _lines(task.note, WIDTHS["note"]))
            if lines > 1:
                ws.row_dimensions[r].height = 14 * lines
    for c, column in enumerate(columns, 2):
        letter = get_column_letter(c)
        width = WIDTHS.get(column.field, 14)
        if column.words:
            width = max(width, *(len(w) * 2 + 4 for w in word_list(catalog.words, column, lang)))
            listed = DataValidation(type="list", formula1=names[column.field], allow_blank=True,
                                    showErrorMessage=True,
                                    errorTitle=_t(lang, "一覧から選んでください", "Choose from the list"),
                                    error=_t(lang, "この欄は一覧（▼）の言葉から選んでください。",
                                             "Choose one of the words in the list (▼)."))  # fmt: skip
            ws.add_data_validation(listed)
            listed.add(f"{letter}{lay.FIRST_ROW}:{letter}{last}")
        ws.column_dimensions[letter].width = min(width, 40)
    ws.column_dimensions["A"].hidden = True  # the task's id: how a row finds its task again
    ws.freeze_panes = f"C{lay.FIRST_ROW}"
    ws.print_title_rows = f"{lay.HEAD_ROW}:{lay.HEAD_ROW}"
    _print_setup(ws)
    p = ws.protection  # the header rows are locked; rows may be added, deleted, sorted
    p.sheet = True
    p.insertRows = p.deleteRows = p.formatRows = p.formatColumns = p.sort = p.autoFilter = False


def _info(wb, plan: Plan, units: Sequence[Unit], titles: list[str], reply_by: date,  # noqa: ANN001
          exported_at: datetime, lang: str) -> None:  # fmt: skip
    ws = wb.create_sheet(lay.INFO_SHEET)
    ws.sheet_state = "hidden"
    values = (lay.FORMAT, str(lay.VERSION), plan_identity(plan), plan.title,
              exported_at.isoformat(timespec="seconds"), reply_by.isoformat(), lang)  # fmt: skip
    for r, (name, value) in enumerate(zip(lay.INFO_KEYS, values, strict=True), 1):
        _s(ws.cell(row=r, column=1), name)
        _s(ws.cell(row=r, column=2), value)
    for c, head in enumerate(("sheet", "unit_id", "unit_name", "task_ids"), 1):
        _s(ws.cell(row=lay.INFO_TABLE_ROW, column=c), head)
    for r, (unit, title) in enumerate(zip(units, titles, strict=True), lay.INFO_TABLE_ROW + 1):
        for c, value in enumerate(
            (title, unit.id, unit.name, " ".join(t.id for t in unit.tasks)), 1
        ):
            _s(ws.cell(row=r, column=c), value)
    ws.protection.sheet = True
