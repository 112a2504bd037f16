"""A workbook as content (issue 20): sheets of cells, each a value or a formula with its
result, and a style named by meaning. Written to .xlsx by ``xlsx_book.XlsxBookWriter``.

No spreadsheet library here: the budget request is laid out once (``budget_book.py``) and
a writer decides how a ``yen`` or a ``head`` cell looks. A ``Formula`` carries the result
the program computed, so a reader that does not recalculate shows the program's figures.
Rows and columns count from 0; ``ref`` writes the A1 form a formula uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Value = str | int | float | None


@dataclass(frozen=True, slots=True)
class Formula:
    text: str  # "=SUM(I4:I9)"
    result: int | float | str  # what the program computed: stored beside the formula


@dataclass(frozen=True, slots=True)
class Put:
    value: Value | Formula
    style: str  # title | sub | head | text | yen | count | rate | multiplier | note, "total_…"
    across: int = 1  # a cell merged over this many columns


@dataclass
class Sheet:
    name: str  # at most 31 characters, none of []:*?/\ (``sheet_name``)
    widths: list[float]  # of each column, in characters
    cells: dict[tuple[int, int], Put] = field(default_factory=dict)
    heights: dict[int, float] = field(default_factory=dict)  # points, where not the default
    repeat: tuple[int, int] | None = None  # rows printed at the top of every page
    freeze: tuple[int, int] | None = None  # the first row and column that scroll

    def put(self, row: int, col: int, value: Value | Formula, style: str = "text",
            across: int = 1) -> None:  # fmt: skip
        self.cells[row, col] = Put(value, style, across)

    @property
    def rows(self) -> int:
        return 1 + max((r for r, _c in self.cells), default=-1)


@dataclass
class Book:
    title: str
    sheets: list[Sheet] = field(default_factory=list)


def column_letter(col: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    name = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        name = chr(65 + rest) + name
    return name


def ref(row: int, col: int, *, sheet: str = "", fixed: bool = False) -> str:
    """The A1 reference of a cell (``$A$1`` when fixed), on another sheet when named."""
    mark = "$" if fixed else ""
    cell = f"{mark}{column_letter(col)}{mark}{row + 1}"
    return f"{quote(sheet)}!{cell}" if sheet else cell


def span(row1: int, col1: int, row2: int, col2: int, *, sheet: str = "") -> str:
    """The reference of a range, fixed (``$A$4:$A$9``), on another sheet when named."""
    cells = f"{ref(row1, col1, fixed=True)}:{ref(row2, col2, fixed=True)}"
    return f"{quote(sheet)}!{cells}" if sheet else cells


def quote(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


_NOT_IN_NAMES = str.maketrans({c: "_" for c in "[]:*?/\\'"})


def sheet_name(text: str, taken: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, none of []:*?/\\), unique in ``taken``."""
    name = text.translate(_NOT_IN_NAMES).strip()[:31] or "Sheet"
    n = 2
    while name.lower() in {t.lower() for t in taken}:
        suffix = f"({n})"
        name = name[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(name)
    return name
