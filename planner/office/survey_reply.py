"""Reading the task survey's replies (issue 20): each unit sheet as the text of its cells.

A reply is untrusted input. It is read through ``store/files.open_regular`` (a folder or
a FIFO is refused before a byte is read), refused when larger than ``MAX_BYTES`` or when
it would unpack to more than ``MAX_UNPACKED``, opened by openpyxl read-only with cached
values (a formula someone typed is never evaluated here), and every cell is handed over
as text. What the cells mean is the domain's (``planner/domain/survey.py``). A file that
cannot be read at all becomes one message naming it; the other files are still read.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path

from ..domain.errors import PlannerError
from ..domain.survey import Origin, ReplyRow, ReplySheet
from ..domain.survey_values import Message, Place, key, task_columns, unit_columns
from ..domain.text import L10n
from ..store.files import open_regular
from . import survey_layout as lay

MAX_ROWS = 20_000  # rows of one unit sheet (a plan's list holds no more)


class NotAReply(PlannerError):
    """A file that is no survey reply the program can read."""


def _refuse(ja: str, en: str) -> NotAReply:
    return NotAReply(L10n(ja, en))


def read_replies(paths: Sequence[Path]) -> tuple[list[ReplySheet], list[Message]]:
    """Every unit sheet of every reply, and one message per file that could not be read."""
    sheets: list[ReplySheet] = []
    failures: list[Message] = []
    for path in paths:
        try:
            found, problems = read_reply(Path(path))
        except PlannerError as e:
            failures.append(Message(Place(Path(path).name), e.message))
            continue
        sheets += found
        failures += problems
    return sheets, failures


def _load(path: Path):  # noqa: ANN202 - an openpyxl workbook
    with open_regular(path) as f:
        data = f.read(lay.MAX_BYTES + 1)
    if len(data) > lay.MAX_BYTES:
        raise _refuse(
            "ファイルが大きすぎます（20MBまで）。", "the file is too large (20 MB at most)."
        )
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise _refuse("Excel 97-2003形式（.xls）のファイルです。Excelで「Excelブック（.xlsx）」として保存し直してから読み込んでください。",
                      "it is an Excel 97-2003 file (.xls). Save it as an Excel workbook (.xlsx) and import that.")  # fmt: skip
    not_xlsx = _refuse("Excelのファイル（.xlsx）として読めません。",
                       "it cannot be read as an Excel workbook (.xlsx).")  # fmt: skip
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if sum(i.file_size for i in z.infolist()) > lay.MAX_UNPACKED:
                raise _refuse("展開すると大きすぎるファイルです。", "it unpacks to too much data.")
    except (zipfile.BadZipFile, OSError, ValueError):
        raise not_xlsx from None
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - a damaged workbook fails anywhere inside openpyxl
        raise not_xlsx from None


def read_reply(path: Path) -> tuple[list[ReplySheet], list[Message]]:
    """The unit sheets of one reply, and messages for sheets that could not be read."""
    wb = _load(path)
    try:
        return _sheets(wb, path.name)
    finally:
        wb.close()


def _text(value: object) -> str | None:
    """A cell's value as the text a person sees (12.0 → "12", TRUE → "TRUE")."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def _info(wb, name: str) -> tuple[dict[str, str], list[tuple[str, ...]]]:  # noqa: ANN001
    if lay.INFO_SHEET not in wb.sheetnames:
        raise _refuse(f"調査票の回答ではありません（「{lay.INFO_SHEET}」シートがありません）。"
                      "このプログラムで書き出した調査票に記入したファイルを選んでください。",
                      f"it is not a survey reply (no '{lay.INFO_SHEET}' sheet). Choose a file "
                      "filled in from a survey this program wrote.")  # fmt: skip
    rows = [tuple(_text(v) or "" for v in row)
            for row in wb[lay.INFO_SHEET].iter_rows(max_row=1000, max_col=4, values_only=True)]  # fmt: skip
    info = {r[0]: r[1] for r in rows[: len(lay.INFO_KEYS)] if len(r) >= 2}
    if info.get("format") != lay.FORMAT:
        raise _refuse("調査票の回答ではありません（調査票の情報が読めません）。",
                      "it is not a survey reply (its survey information cannot be read).")  # fmt: skip
    if not info.get("version", "").isdigit() or int(info["version"]) > lay.VERSION:
        raise _refuse("新しい版のプログラムで作られた調査票です。プログラムを更新してください。",
                      "the survey was made by a newer version of the program. Update the program.")  # fmt: skip
    units = [r for r in rows[lay.INFO_TABLE_ROW :] if r and r[0]]
    return info, units


def _sheets(wb, name: str) -> tuple[list[ReplySheet], list[Message]]:  # noqa: ANN001
    info, units = _info(wb, name)
    lang = "en" if info.get("lang") == "en" else "ja"
    sheets: list[ReplySheet] = []
    problems: list[Message] = []
    for row in units:
        title, unit_id, unit_name, ids = (*row, "", "", "")[:4]
        if title not in wb.sheetnames:
            problems.append(Message(Place(name, title), L10n(
                "このシートがありません（名前が変えられたか、削除されました）。この課の回答は取り込めません。",
                "this sheet is missing (renamed or deleted): this unit's reply cannot be imported.")))  # fmt: skip
            continue
        origin = Origin(info.get("plan", ""), unit_id, unit_name, info.get("exported_at", ""),
                        lang, tuple(ids.split()))  # fmt: skip
        sheets.append(_sheet(wb[title], name, title, origin))
    return sheets, problems


def _sheet(ws, name: str, title: str, origin: Origin) -> ReplySheet:  # noqa: ANN001
    from openpyxl.utils import get_column_letter

    grid = ws.iter_rows(min_row=1, max_row=lay.FIRST_ROW + MAX_ROWS, values_only=True)
    top = [tuple(_text(v) for v in row) for _r, row in zip(range(lay.HEAD_ROW), grid, strict=False)]
    head = top[lay.HEAD_ROW - 1] if len(top) >= lay.HEAD_ROW else ()
    positions = {key(h): i for i, h in enumerate(head) if h}
    letters: dict[str, str] = {}
    index: dict[str, int] = {}
    problems: list[Message] = []
    for column in task_columns():
        i = positions.get(key(column.label.ja), positions.get(key(column.label.en)))
        if i is None:
            problems.append(Message(Place(name, title, lay.HEAD_ROW, "", column.label), L10n(
                "この見出しの列が見つかりません。この列は取り込みません。",
                "no column has this header: the column is not imported.")))  # fmt: skip
            continue
        index[column.field], letters[column.field] = i, get_column_letter(i + 1)
    id_at = positions.get(key(lay.ID_HEAD))
    unit_cells: dict[str, tuple[int, str | None]] = {}
    unit_row = top[lay.UNIT_ROW - 1] if len(top) >= lay.UNIT_ROW else ()
    for column in unit_columns():
        labels = (key(column.label.ja), key(column.label.en))
        at = next((i for i, v in enumerate(unit_row) if v and key(v) in labels), None)
        if at is not None:
            letters[column.field] = get_column_letter(at + 2)
            unit_cells[column.field] = (
                lay.UNIT_ROW,
                unit_row[at + 1] if at + 1 < len(unit_row) else None,
            )
    rows = []
    for number, values in enumerate(grid, lay.FIRST_ROW):
        texts = [_text(v) for v in values]
        cells = {f: (texts[i] if i < len(texts) else None) for f, i in index.items()}
        task_id = (texts[id_at] or "").strip() if id_at is not None and id_at < len(texts) else ""
        if task_id or any(v is not None and v.strip() for v in cells.values()):
            rows.append(ReplyRow(number, task_id, cells))
    return ReplySheet(name, title, origin, letters, unit_cells, tuple(rows), tuple(problems))
