"""The task survey's cells (issue 20): which columns a sheet has, what people type into them
cleaned, and the message that names a cell which holds something else.

Pure: the workbook is read at the edge (``planner/office/survey_reply.py``), which hands
over every cell as the text it holds (or None). The columns follow the declaration of a
task (``model_tasks.py``): its name, each factor of ``TaskFactors`` with the words of its
list (``words.toml``), its note; and two numbers of the unit. A cell is cleaned as people
type it — full-width digits and spaces, blanks around, ○/×/はい/いいえ for yes and no —
and then matched against the words of its list in either language.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .declare import Field
from .model import Task, TaskFactors, Unit
from .records import RECORDS, field_at
from .text import L10n, shown
from .words import Words

YES_NO = "yes_no"  # the words list of a yes/no column (はい / いいえ)
# what people write for yes and no besides the words of the list (compared as ``key`` gives)
_YES = ("○", "◯", "〇", "●", "◎", "有", "あり", "有り", "該当", "該当する", "y", "yes", "true",
        "1", "✓", "✔", "レ")  # fmt: skip
_NO = ("×", "✕", "✖", "x", "無", "なし", "無し", "非該当", "該当しない", "n", "no", "false", "0",
       "-", "ー", "－")  # fmt: skip


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a survey sheet: a declared field of a task (``"factors.paper"``) or of
    its unit (``"staff"``), its header and what its cells may hold."""

    field: str
    label: L10n
    kind: str  # "text" | "choice" | "bool" | "int"
    words: str = ""  # the words list of a choice (or ``YES_NO``)
    codes: tuple[str, ...] = ()  # the codes a cell may name ("" = not said)
    declared: Field | None = None


def _column(cls: type, name: str) -> Column:
    f = field_at(cls, name)
    if f.kind == "choice":
        return Column(name, f.label, "choice", f.words, tuple(f.choices), f)  # type: ignore[arg-type]
    if f.kind == "bool":
        return Column(name, f.label, "bool", YES_NO, ("yes", "no"), f)
    return Column(name, f.label, f.kind if f.kind == "int" else "text", declared=f)


def task_columns() -> tuple[Column, ...]:
    """The task sheet's columns in order: the name, every factor as declared, the note."""
    factors = [_column(Task, f"factors.{f.name}") for f in RECORDS[TaskFactors].fields]
    return (_column(Task, "name"), *factors, _column(Task, "note"))


def unit_columns() -> tuple[Column, ...]:
    """The unit's own numbers, asked above the task table."""
    return (_column(Unit, "staff"), _column(Unit, "teleworkers"))


# -- cleaning --------------------------------------------------------------------------------


_CONTROLS = {c: None for c in range(32) if chr(c) not in "\n\t"} | {ord("\t"): " ", 0x7F: None}


def clean_text(raw: str | None) -> str:
    """A text as typed, without the blanks around it (full-width spaces and newlines too);
    inside, a line break (Alt+Enter) is kept, a tab is a space and other control
    characters (``_x001B_`` in the file) are dropped."""
    text = (raw or "").replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_CONTROLS).strip()


def key(text: str) -> str:
    """A value as compared: NFKC (full-width letters and digits as half-width), no blanks
    at all, case folded."""
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def clean_int(raw: str | None) -> int | None:
    """A count as people write it: 「１２」「12人」「1,200」「12.0」; None if it is none."""
    text = key(raw or "").replace(",", "").removesuffix("人").removesuffix("名")
    if text.endswith(".0"):
        text = text[:-2]
    return int(text) if text.isascii() and text.isdigit() else None


def word_list(words: Words, column: Column, lang: str) -> list[str]:
    """The words a cell of ``column`` is chosen from, in the sheet's language."""
    found = dict(words.choices(column.words))
    return [found[c].get(lang) for c in column.codes if c and c in found]


def match_choice(raw: str, column: Column, words: Words) -> str | None:
    """The code a cleaned cell names — by a word in either language, or by the code
    itself — or None. A yes/no column also takes ○/×, はい/いいえ, 有/無, yes/no, 1/0."""
    k = key(raw)
    for code, word in words.choices(column.words):
        if code in column.codes and k in (key(word.ja), key(word.en), key(code)):
            return code
    if column.kind == "bool":
        if k in {key(w) for w in _YES}:
            return "yes"
        if k in {key(w) for w in _NO}:
            return "no"
    return None


# -- messages --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Place:
    """Where a message points: the file, its sheet, a row and a column (letter and header)."""

    file: str
    sheet: str = ""
    row: int | None = None
    column: str = ""  # the letter, "F"
    label: L10n | None = None  # the column's header

    def text(self, lang: str) -> str:
        """「総務課.xlsx［総務課］7行目 紙への依存（E列）」, "総務課.xlsx [総務課], row 7, …"."""
        en = lang == "en"
        head, sheet = shown(self.file, 80), shown(self.sheet, 40)
        rest = []
        if self.row is not None:
            rest.append(f"row {self.row}" if en else f"{self.row}行目")
        if self.label is not None:
            letter = f" (column {self.column})" if en else f"（{self.column}列）"
            rest.append(self.label.get(lang) + (letter if self.column else ""))
        if en:
            return ", ".join([head + (f" [{sheet}]" if sheet else ""), *rest])
        return head + (f"［{sheet}］" if sheet else " " if rest else "") + " ".join(rest)


@dataclass(frozen=True, slots=True)
class Message:
    """A cell (or a sheet, or a file) that could not be taken as it is, and why."""

    place: Place
    text: L10n

    def line(self, lang: str = "ja") -> str:
        """「総務課.xlsx［総務課］7行目 紙への依存（E列）: 『たくさん』は選べません（なし／一部／多い）」"""
        return f"{self.place.text(lang)}: {self.text.get(lang)}"


def not_a_choice(raw: str, allowed: list[str], lang: str) -> L10n:
    """『たくさん』は選べません（なし／一部／多い）: ``allowed`` in the sheet's language."""
    value = shown(raw, 40)
    return L10n(f"『{value}』は選べません（{'／'.join(allowed)}）",
                f"'{value}' is not one of the choices ({' / '.join(allowed)})")  # fmt: skip


def not_a_count(raw: str) -> L10n:
    value = shown(raw, 40)
    return L10n(f"『{value}』は人数として読めません（0以上の整数で書いてください）",
                f"'{value}' is not a number of people (write a whole number, 0 or more)")  # fmt: skip
