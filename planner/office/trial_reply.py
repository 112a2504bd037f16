"""Reading the trial survey's answers (issue 23): a questionnaire workbook, or a CSV.

A file is untrusted input, read as the task survey's replies are (``survey_reply``: a
regular file only, a size limit, openpyxl read-only with cached values, every cell as
text). The header row is found by its words (a question's short header in either
language, or its id) within the first rows, so the answer sheet saved as CSV, or a
CSV a town made itself with those headers, is read too. A CSV is UTF-8 (with or without
a byte-order mark) or Shift_JIS (cp932, as Excel on Japanese Windows saves it).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from ..domain.errors import PlannerError
from ..domain.survey_values import Message, Place, key
from ..domain.text import L10n
from ..domain.trial import Questionnaire
from ..domain.trial_answers import AnswerSheet
from ..store.files import open_regular
from . import survey_layout as lay
from . import trial_book as book
from .survey_reply import NotAReply, _load, _text

MAX_ROWS = 5_000  # respondents in one file
SEARCH_ROWS = 10  # the header row is looked for in the first rows


def read_answers(paths: Sequence[Path], questionnaire: Questionnaire
                 ) -> tuple[list[AnswerSheet], list[Message]]:  # fmt: skip
    """Every answer sheet of the files, and one message per file that could not be read."""
    sheets: list[AnswerSheet] = []
    failures: list[Message] = []
    for path in map(Path, paths):
        try:
            if path.suffix.casefold() == ".csv":
                sheets.append(_csv(path, questionnaire))
            else:
                sheets.append(_workbook(path, questionnaire))
        except PlannerError as e:
            failures.append(Message(Place(path.name), e.message))
    return sheets, failures


def _labels(questionnaire: Questionnaire, audience: str | None) -> dict[str, str]:
    """Header words (as compared) → question id, for one group or for all."""
    out: dict[str, str] = {}
    for a in questionnaire.audiences:
        if audience is None or a.id == audience:
            for q in a.questions:
                for word in (q.label.ja, q.label.en, q.id):
                    out.setdefault(key(word), q.id)
    return out


def _grid(grid: list[list[str | None]], file: str, sheet: str, audience: str | None,
          lang: str, questionnaire: Questionnaire) -> AnswerSheet:  # fmt: skip
    from openpyxl.utils import get_column_letter

    labels = _labels(questionnaire, audience)

    def matches(row: list[str | None]) -> int:
        return sum(1 for v in row if v and key(v) in labels)

    top = grid[:SEARCH_ROWS]
    at = max(range(len(top)), key=lambda i: matches(top[i]), default=None)
    if at is None or matches(top[at]) == 0:
        raise NotAReply(L10n("設問の見出しの行が見つかりません。このプログラムで書き出したアンケートか、"
                             "同じ見出しのCSVを選んでください。",
                             "no header row of the survey's questions was found. Choose a "
                             "survey this program wrote, or a CSV with the same headers."))  # fmt: skip
    columns: dict[str, tuple[str, str]] = {}
    for i, v in enumerate(grid[at]):
        if v and key(v) in labels and labels[key(v)] not in columns:
            columns[labels[key(v)]] = (get_column_letter(i + 1), v)
    rows = []
    for number, values in enumerate(grid[at + 1 : at + 1 + MAX_ROWS], at + 2):
        cells = {q: (values[key_of_letter(letter)] if key_of_letter(letter) < len(values) else None)
                 for q, (letter, _h) in columns.items()}  # fmt: skip
        if any(c is not None and c.strip() for c in cells.values()):
            rows.append((number, cells))
    return AnswerSheet(file, sheet, audience, columns, tuple(rows), lang)


def key_of_letter(letter: str) -> int:
    from openpyxl.utils import column_index_from_string

    return column_index_from_string(letter) - 1


def _workbook(path: Path, questionnaire: Questionnaire) -> AnswerSheet:
    wb = _load(path)
    try:
        info: dict[str, str] = {}
        if book.INFO_SHEET in wb.sheetnames:
            for row in wb[book.INFO_SHEET].iter_rows(max_row=20, max_col=2, values_only=True):
                if row and row[0]:
                    info[str(row[0])] = _text(row[1]) or ""
            if info.get("format") != book.FORMAT:
                info = {}
        visible = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
        if not visible:
            raise NotAReply(L10n("回答のシートがありません。", "it has no answer sheet."))
        ws = visible[0]
        grid = [[_text(v) for v in row] for row in
                ws.iter_rows(max_row=book.FIRST_ROW + MAX_ROWS, values_only=True)]  # fmt: skip
        lang = "en" if info.get("lang") == "en" else "ja"
        audience = info.get("audience") or None
        if audience is not None and questionnaire.audience(audience) is None:
            audience = None
        return _grid(grid, path.name, ws.title, audience, lang, questionnaire)
    finally:
        wb.close()


def _csv(path: Path, questionnaire: Questionnaire) -> AnswerSheet:
    with open_regular(path) as f:
        data = f.read(lay.MAX_BYTES + 1)
    if len(data) > lay.MAX_BYTES:
        raise NotAReply(
            L10n("ファイルが大きすぎます（20MBまで）。", "the file is too large (20 MB at most).")
        )
    for encoding in ("utf-8-sig", "cp932"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise NotAReply(L10n("文字コードが読めません（UTF-8かShift_JISで保存してください）。",
                             "its encoding cannot be read (save it as UTF-8 or Shift_JIS)."))  # fmt: skip
    try:
        grid = [[c or None for c in row] for row in csv.reader(io.StringIO(text, newline=""))]
    except csv.Error:
        raise NotAReply(L10n("CSVとして読めません。", "it cannot be read as CSV.")) from None
    lang = "ja" if any("\u3040" <= ch <= "\u9fff" for row in grid[:SEARCH_ROWS] for c in row
                       if c for ch in c) else "en"  # fmt: skip
    return _grid(grid, path.name, "", None, lang, questionnaire)
