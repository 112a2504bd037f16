"""A table as text for a spreadsheet (issue 20, 3): tab-separated for the clipboard, CSV
(UTF-8 with a BOM, so that Excel reads the Japanese correctly) for a file.

Rows are lists of cells: a text, or an integer (an amount in yen, a count) that the
spreadsheet takes as a number. A text is data, never a formula: one that begins with
``=``, ``+``, ``@`` or ``-`` followed by no digit (which Excel would read as a formula,
``=cmd|' /C calc'!A0``) gets a leading apostrophe, as Excel's own "text" prefix. The CSV
file is checked as every writer's target and written through the one atomic write.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from pathlib import Path

from ..store.atomic import write_atomically
from .export import export_target
from .result import CSV

Cell = str | int
_FORMULA_START = ("=", "+", "@", "\t", "\r")


def spreadsheet_text(value: Cell | None) -> str:
    """A cell as a spreadsheet takes it: numbers as they are, texts never as a formula."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    text = str(value)
    minus = text.startswith("-") and not text[1:2].isdigit()
    return "'" + text if text.startswith(_FORMULA_START) or minus else text


def tsv(rows: Sequence[Sequence[Cell | None]]) -> str:
    """Tab-separated lines to paste into Excel; a tab or line break inside a cell is a space."""

    def one(value: Cell | None) -> str:
        return " ".join(spreadsheet_text(value).replace("\t", " ").splitlines())

    return "".join("\t".join(one(v) for v in row) + "\n" for row in rows)


def csv_bytes(rows: Sequence[Sequence[Cell | None]]) -> bytes:
    """CSV as Excel reads it: UTF-8 with a BOM, CRLF line ends, quotes where needed."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow([spreadsheet_text(v) for v in row])
    return out.getvalue().encode("utf-8-sig")


def write_csv(rows: Sequence[Sequence[Cell | None]], path: str | os.PathLike[str]) -> Path:
    """Write ``rows`` as a CSV file at ``path``; the old file stays on any failure."""
    target = export_target(path, CSV)
    write_atomically(target, csv_bytes(rows), failure=CSV.failure)
    return target
