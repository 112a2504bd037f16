"""The trial survey's questionnaire workbook (試行アンケート, issue 23): openpyxl.

One workbook per group asked (teleworkers, supervisors, colleagues, counter staff). The
answer sheet holds the title and what to do, each question in full above its short
header, then one row per respondent with a drop-down per question (the options on a
hidden sheet, referred to by name, as the task survey does: no list written inline) and
a wide cell for the comment. A hidden sheet names the plan, the group and the language,
so an answer file is matched without guessing; the header row is what the reader looks
for, so the sheet saved as CSV is read too. Every text is a string cell.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from ..domain.model import Plan
from ..domain.survey import plan_identity
from ..domain.trial import Audience
from ..loading import words
from .survey_book import _day, _font, _lines, _print_setup, _s, _t

FORMAT = "telework-planner-trial"
VERSION = 1
INFO_SHEET = "_アンケート情報"
LISTS_SHEET = "_選択肢"
ANSWER_SHEET = ("回答", "Answers")
INFO_KEYS = ("format", "version", "plan", "audience", "lang", "exported_at", "reply_by")
TEXT_ROW, HEAD_ROW = 5, 6  # the questions in full, then the headers
FIRST_ROW = HEAD_ROW + 1
HEAD_FILL, INPUT_FILL = "DDE6F0", "FFF8DC"


def write_questionnaire(plan: Plan, audience: Audience, path: Path, *, rows: int,
                        reply_by: date, exported_at: datetime, lang: str = "ja") -> None:  # fmt: skip
    """Write the questionnaire of ``audience`` with ``rows`` empty answer rows at ``path``."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, PatternFill, Protection, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.workbook.protection import WorkbookProtection
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = ANSWER_SHEET[lang == "en"]
    group = words.label("trial_audience", audience.id, lang)
    _s(
        ws["A1"],
        _t(lang, f"テレワーク試行アンケート（{group}）", f"Telework trial survey ({group})"),
    )
    ws["A1"].font = _font(True, 14)
    _s(ws["A2"], _t(lang, f"{plan.title}　回答期限: {_day(reply_by, lang)}",
                    f"{plan.title} — reply by {_day(reply_by, lang)}"))  # fmt: skip
    _s(ws["A3"], _t(lang, "1行に1人ずつ回答してください。選ぶ欄は、セルを選ぶと出る一覧（▼）から選んでください。"
                    "答えにくい設問は空欄のままで構いません。見出しの行は変えないでください。",
                    "One row per person. Choose from the list (▼) that opens on a cell; leave a "
                    "question blank if you prefer. Do not change the header rows."))  # fmt: skip
    for cell in (ws["A2"], ws["A3"]):
        cell.font = _font()
    thin = Side(style="thin", color="888888")
    border = Border(top=thin, bottom=thin, left=thin, right=thin)
    open_cell = Protection(locked=False)
    last = FIRST_ROW + rows - 1
    lists = wb.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    _s(ws.cell(row=HEAD_ROW, column=1), "No.")
    for c, q in enumerate(audience.questions, 2):
        letter = get_column_letter(c)
        text, head = ws.cell(row=TEXT_ROW, column=c), ws.cell(row=HEAD_ROW, column=c)
        _s(text, q.text.get(lang))
        text.font, text.alignment = _font(size=9), Alignment(wrap_text=True, vertical="top")
        _s(head, q.label.get(lang))
        head.font, head.border = _font(True), border
        head.fill = PatternFill("solid", fgColor=HEAD_FILL)
        head.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        width = (
            60 if q.is_comment else max(16, *(len(o.label.get(lang)) * 2 + 4 for o in q.options))
        )
        ws.column_dimensions[letter].width = min(width, 60)
        if q.is_comment:
            continue
        for r, o in enumerate(q.options, 1):
            _s(lists.cell(row=r, column=c), o.label.get(lang))
        name = f"trial_{q.id}"
        ref = f"'{LISTS_SHEET}'!${letter}$1:${letter}${len(q.options)}"
        wb.defined_names[name] = DefinedName(name, attr_text=ref)
        listed = DataValidation(type="list", formula1=name, allow_blank=True, showErrorMessage=True,
                                errorTitle=_t(lang, "一覧から選んでください", "Choose from the list"),
                                error=_t(lang, "この欄は一覧（▼）の言葉から選んでください。",
                                         "Choose one of the words in the list (▼)."))  # fmt: skip
        ws.add_data_validation(listed)
        listed.add(f"{letter}{FIRST_ROW}:{letter}{last}")
    tallest = max(_lines(q.text.get(lang), ws.column_dimensions[get_column_letter(c)].width)
                  for c, q in enumerate(audience.questions, 2))  # fmt: skip
    ws.row_dimensions[TEXT_ROW].height = 13 * tallest
    ws.column_dimensions["A"].width = 6
    for r in range(FIRST_ROW, last + 1):
        ws.row_dimensions[r].protection = open_cell
        ws.cell(row=r, column=1, value=r - FIRST_ROW + 1).font = _font()
        for c in range(2, len(audience.questions) + 2):
            cell = ws.cell(row=r, column=c)
            cell.font, cell.border, cell.protection = _font(), border, open_cell
            cell.fill = PatternFill("solid", fgColor=INPUT_FILL)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    ws.freeze_panes = f"B{FIRST_ROW}"
    ws.print_title_rows = f"{HEAD_ROW}:{HEAD_ROW}"
    _print_setup(ws)
    p = ws.protection
    p.sheet = True
    p.insertRows = p.deleteRows = p.formatRows = p.formatColumns = p.sort = p.autoFilter = False
    lists.protection.sheet = True
    info = wb.create_sheet(INFO_SHEET)
    info.sheet_state = "hidden"
    values = (FORMAT, str(VERSION), plan_identity(plan), audience.id, lang,
              exported_at.isoformat(timespec="seconds"), reply_by.isoformat())  # fmt: skip
    for r, (k, v) in enumerate(zip(INFO_KEYS, values, strict=True), 1):
        _s(info.cell(row=r, column=1), k)
        _s(info.cell(row=r, column=2), v)
    info.protection.sheet = True
    wb.active = 0
    wb.security = WorkbookProtection(lockStructure=True)
    wb.save(str(path))
