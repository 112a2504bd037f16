"""Where things are in a survey workbook: what the writer lays out and the reader finds.

A workbook holds an instruction sheet, one sheet per unit and two hidden sheets: the
choice lists the drop-downs refer to, and the workbook's origin (``INFO_SHEET``: the plan,
the export time, and per unit sheet the unit's id, name and the ids of the tasks sent).
A unit sheet: the title rows, the unit's two numbers in row ``UNIT_ROW``, the header in
row ``HEAD_ROW``, one task per row below it; column A (hidden) holds each task's id.
"""

from __future__ import annotations

import re

from ..domain.text import L10n

FORMAT = "telework-planner-survey"
VERSION = 1
INFO_SHEET = "_調査票情報"
LISTS_SHEET = "_選択肢"
GUIDE_SHEET = L10n("記入のしかた", "How to fill in")
ID_HEAD = "ID"
UNIT_ROW = 3  # the unit's numbers: label, value, label, value from column B
HEAD_ROW = 4
FIRST_ROW = HEAD_ROW + 1
REPLY_DAYS = 14  # the reply-by date when none is given: two weeks after the export
SPARE_ROWS = 100  # empty rows with the drop-downs, for new tasks
INFO_KEYS = ("format", "version", "plan", "plan_title", "exported_at", "reply_by", "lang")
INFO_TABLE_ROW = len(INFO_KEYS) + 2  # the header of the table of unit sheets
MAX_BYTES = 20 * 1024 * 1024  # a reply larger than this is not read
MAX_UNPACKED = 100 * 1024 * 1024  # nor one that unpacks to more (a zip bomb)

_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}  # fmt: skip
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\\x00-\x1f\x7f]")


def file_stem(name: str, limit: int = 60) -> str:
    """A unit's name as a file name every system takes: 「総務課」 stays 「総務課」."""
    stem = _NOT_IN_FILE_NAMES.sub("_", name).strip().rstrip(". ")[:limit].strip()
    if not stem:
        return "_"
    return f"_{stem}" if stem.split(".")[0].upper() in _RESERVED else stem


def sheet_title(name: str, taken: set[str]) -> str:
    """A unit's name as a sheet name (at most 31 characters, none of []:*?/\\), unique
    among ``taken`` (compared as Excel does, ignoring case)."""
    base = _NOT_IN_SHEET_NAMES.sub("_", name).strip("' ")[:31] or "_"
    title, n = base, 2
    while title.casefold() in {t.casefold() for t in taken}:
        suffix = f"({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title)
    return title


def unique_stem(stem: str, taken: set[str]) -> str:
    """``stem``, or 「stem（2）」… when another unit's file already has that name."""
    name, n = stem, 2
    while name.casefold() in taken:
        name, n = f"{stem}（{n}）", n + 1
    taken.add(name.casefold())
    return name
