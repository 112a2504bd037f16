"""How a field of the plan is declared: ``name: type = declared(kind, ja, en, ...)``.

The plan's records (``model.py``) declare each field once, beside its type and
default: its kind, whether it is required, its bounds, its choice list and its
label. ``records.py`` reads these declarations; the checks, the project file's
tables, the JSON format and the table editors are derived from them.

Kinds of scalar field: ``text`` (``required`` = not blank), ``int`` (a count,
0..``maximum``), ``money`` (integer yen), ``bool``, ``date`` (or None),
``decimal``, ``choice`` (one of ``choices``; a catalog list when ``choices`` is
a name), ``fy`` (a fiscal year), ``id`` (a row's stable id), ``ref`` (an id in
the bundled catalog). Kinds that hold other records (``of``): ``record`` (one,
stored in the parent's row with ``prefix``), ``rows`` (a list, in the child's
table), ``keyed`` (a dict by ``key``, in the child's table), and ``strings`` (a
list of codes or texts).
"""

from __future__ import annotations

import dataclasses
from dataclasses import MISSING
from decimal import Decimal
from typing import Any

from .text import L10n

MAX_TEXT = 10_000  # characters in any one name or note
MAX_STAFF = 100_000
MAX_YEN = 10**12
MAX_QUANTITY = 1_000_000
MAX_PLAN_YEARS = 10
MAX_ITEMS = 20_000  # rows in any one list of a plan
NESTED = ("record", "rows", "keyed", "strings")


@dataclasses.dataclass(frozen=True, slots=True)
class Field:
    name: str
    kind: str
    label: L10n
    required: bool = False  # a JSON key that must be given; a text that must not be blank
    nullable: bool = False
    minimum: int | Decimal = 0
    maximum: int | Decimal | None = None
    choices: tuple[str, ...] | str = ()
    words: str = ""  # the list of resources/words.toml that names the choices
    of: type | None = None  # record / rows / keyed: the class of the records held
    record: Any = None  # ... and its Record, filled in by records.py
    column: str | None = None  # the project file's column, where it differs from ``name``
    prefix: str = ""  # record: prefix of its columns in the parent's row
    key: str = ""  # keyed: the key's name in JSON (its column is ``column``, else the key)
    key_kind: str = "str"  # keyed: "str" or "int"
    hint: L10n | None = None  # the whole message for a bad value, where a general one reads badly
    doc: str = ""  # for the JSON Schema

    @property
    def column_name(self) -> str:
        return self.column or self.name

    @property
    def is_scalar(self) -> bool:
        return self.kind not in NESTED

    @property
    def upper(self) -> int | Decimal | None:
        """The largest value allowed (counts and money have one by default)."""
        if self.maximum is not None:
            return self.maximum
        return {"int": MAX_STAFF, "money": MAX_YEN}.get(self.kind)


def declared(
    kind: str, ja: str, en: str, *, default: Any = MISSING, factory: Any = MISSING, **spec: Any
) -> Any:
    """A dataclass field carrying its declaration (read back by ``declaration_of``)."""
    return dataclasses.field(
        default=default, default_factory=factory, metadata={"declared": (kind, L10n(ja, en), spec)}
    )


def declaration_of(cls: type) -> list[Field]:
    """The declared fields of a record class, in the dataclass's order."""
    out = []
    for f in dataclasses.fields(cls):
        kind, label, spec = f.metadata["declared"]
        out.append(Field(f.name, kind, label, **spec))
    return out
