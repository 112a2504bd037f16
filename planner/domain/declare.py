"""How a field of the plan is declared: ``name: type = declared(kind, ja, en, ...)``.

The plan's records (``model.py``) declare each field once, beside its type and
default: its kind, whether it is required, its bounds, its choice list and its
label. ``records.py`` reads these declarations; the checks, the project file's
tables, the JSON format and the table editors are derived from them.

Each kind is a class (``kinds.py``) that owns its check, its column, its JSON value,
its screen text and its comparison. Kinds of scalar field: ``text`` (``required`` =
not blank), ``int`` (a count, 0..``maximum``), ``money`` (integer yen), ``bool``,
``date`` (or None), ``decimal``, ``choice`` (one of ``choices``; a catalog list when
``choices`` is a name; ``unset``: None allowed, shown with its own word), ``fy`` (a
fiscal year), ``id`` (a row's stable id), ``ref`` (an id in the bundled catalog).
Kinds that hold other records (``of``): ``record`` (one, stored in the parent's row
with ``prefix``), ``rows`` (a list with ids, in the child's table), ``keyed`` (a dict
by ``key``, in the child's table), and ``strings`` (a list of codes or texts, on the
plan itself).

A declaration is checked as it is made: what it says must fit its kind (``maximum``
only on numbers, ``of`` only on records, ...), so ``declared`` raises
``DeclarationError`` at the import of ``model.py``; ``check_shape`` (called at the end
of ``model.py``) refuses records the project file cannot keep.
"""

from __future__ import annotations

import dataclasses
import random
from collections import Counter
from dataclasses import MISSING
from decimal import Decimal
from typing import Any

from .kinds import KINDS, Kind
from .limits import MAX_ITEMS, MAX_PLAN_YEARS, MAX_QUANTITY, MAX_STAFF, MAX_TEXT, MAX_YEN
from .text import L10n

__all__ = [
    "MAX_ITEMS", "MAX_PLAN_YEARS", "MAX_QUANTITY", "MAX_STAFF", "MAX_TEXT", "MAX_YEN",
    "DeclarationError", "Field", "catalog_ref", "check_shape", "declaration_of", "declared",
    "free_text", "new_id", "row_id",
]  # fmt: skip


class DeclarationError(TypeError):
    """A field or record declared in a shape the program cannot keep (a programming error,
    raised as the model is imported)."""


@dataclasses.dataclass(frozen=True, slots=True)
class Field:
    name: str
    kind: str  # the kind's name; ``type`` is the kind itself
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
    unset: L10n | None = None  # choice: None allowed, shown with this word ("区分から自動")
    type: Kind = dataclasses.field(init=False, repr=False, compare=False)
    item: Field | None = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        kind = KINDS.get(self.kind)
        if kind is None:
            raise DeclarationError(f"{self._named()}: unknown kind {self.kind!r} (known: {', '.join(KINDS)})")  # fmt: skip
        object.__setattr__(self, "type", kind)
        problem = _misfit(self, kind) or kind.problem(self)
        if problem:
            raise DeclarationError(f"{self._named()}: {problem}")
        item = None
        if kind.list_items:  # each item is checked, written and shown as a field of its own
            item_kind = "choice" if self.choices else "text"
            item = Field(self.name, item_kind, self.label, choices=self.choices, words=self.words)
        object.__setattr__(self, "item", item)

    def _named(self) -> str:
        return f"{self.kind} field {self.name or self.label.en!r}"

    @property
    def column_name(self) -> str:
        return self.column or self.name

    @property
    def is_scalar(self) -> bool:
        return not self.type.nested

    @property
    def upper(self) -> int | Decimal | None:
        """The largest value allowed (counts and money have one by default)."""
        return self.maximum if self.maximum is not None else self.type.default_maximum

    def equal(self, a: Any, b: Any) -> bool:
        """Whether two values of this field are the same (for a diff)."""
        return self.type.equal(self, a, b)

    def show(self, value: Any, lang: str = "ja") -> str:
        """A short display of a value of this field (for a diff)."""
        return self.type.show(self, value, lang)


_DEFAULTS = {
    f.name: f.default
    for f in dataclasses.fields(Field)
    if f.init and f.name not in ("name", "kind", "label", "record")
}


_NOT_ALLOWED: dict[str, tuple[tuple[str, Any], ...]] = {}  # by kind: (attribute, default)


def _misfit(f: Field, kind: Kind) -> str | None:
    """The first thing a declaration says that does not apply to its kind."""
    not_allowed = _NOT_ALLOWED.get(kind.name)
    if not_allowed is None:
        not_allowed = _NOT_ALLOWED[kind.name] = tuple(
            (name, default) for name, default in _DEFAULTS.items() if name not in kind.allows
        )
    for name, default in not_allowed:
        if getattr(f, name) != default:
            allowed = ", ".join(sorted(kind.allows))
            return f"{name!r} does not apply to a {kind.name} field (it may say: {allowed})"
    if f.hint is not None and not isinstance(f.hint, L10n):
        return "'hint' is the whole message, as L10n(ja, en)"
    return None


def declared(
    kind: str, ja: str, en: str, *, default: Any = MISSING, factory: Any = MISSING, **spec: Any
) -> Any:
    """A dataclass field carrying its declaration (read back by ``declaration_of``).
    The declaration is checked here: a shape its kind does not take fails at import."""
    Field("", kind, L10n(ja, en), **spec)
    return dataclasses.field(
        default=default, default_factory=factory, metadata={"declared": (kind, L10n(ja, en), spec)}
    )


_DECLARED: dict[type, tuple[Field, ...]] = {}


def declaration_of(cls: type) -> list[Field]:
    """The declared fields of a record class, in the dataclass's order."""
    found = _DECLARED.get(cls)
    if found is None:
        found = _DECLARED[cls] = tuple(
            Field(f.name, *f.metadata["declared"][:2], **f.metadata["declared"][2])
            for f in dataclasses.fields(cls)
        )
    return list(found)


# -- declarations every record uses ------------------------------------------------------------


def new_id() -> str:
    """12 random hex digits: what ``uuid.uuid4().hex[:12]`` gives (its first six bytes are
    plain os.urandom), without importing uuid (and platform) at every start."""
    return _SYSTEM_RANDOM.randbytes(6).hex()


_SYSTEM_RANDOM = random.SystemRandom()  # os.urandom, without the domain importing os


def row_id() -> Any:
    """A row's stable id (every row record has one: ``check_shape``)."""
    return declared("id", "ID", "Id", factory=new_id,
                    doc="stable id of the row (any text; new_id() makes 12 hex digits)")  # fmt: skip


def catalog_ref(ja: str, en: str) -> Any:
    """An id in the bundled catalog, or None."""
    return declared("ref", ja, en, default=None, nullable=True,
                    doc="id in the bundled catalog, or null")  # fmt: skip


def free_text(ja: str, en: str, **spec: Any) -> Any:
    """A text that may be left blank."""
    return declared("text", ja, en, default="", **spec)


# -- the shape of the records -----------------------------------------------------------------


def check_shape(root: type) -> None:
    """Refuse records the project file cannot keep, from the plan down: a list of strings
    anywhere but on the plan itself (they share one table, plan_list_item), a list inside
    a record kept in its parent's row, rows without an id (a change, a diff or a merged
    reply names a row by it), two fields in one column."""
    _check_record(root, root=True, inline=False)


def _check_record(cls: type, *, root: bool, inline: bool, key: str = "") -> None:
    fields = declaration_of(cls)
    for f in fields:
        named = f"{cls.__name__} field {f.name!r}"
        if f.type.list_items and not root:
            raise DeclarationError(
                f"{named}: a list of strings only on the plan itself: the project file "
                "keeps them in one table of the plan (plan_list_item)"
            )
        if inline and (f.type.table or f.type.list_items):
            raise DeclarationError(
                f"{named}: {cls.__name__} is held in its parent's row (a record field) "
                "and cannot hold a list: make it rows of its own"
            )
        if f.type.row_ids and not any(
            g.kind == "id" and g.name == "id" and not g.nullable
            for g in declaration_of(f.of)  # type: ignore[arg-type]
        ):
            raise DeclarationError(
                f"{named}: {f.of.__name__} has no id: every row record declares "  # type: ignore[union-attr]
                "'id: str = declared(\"id\", ...)' so that a change names its row"
            )
        if f.of is not None:
            held_key = f.column_name if f.column else f.key
            _check_record(f.of, root=False, inline=inline or f.type.inline, key=held_key)
    if not inline:
        columns = Counter(_columns(fields, ""))
        columns.update(x for x in ("pk", key) if x)
        twice = [c for c, n in columns.items() if n > 1]
        if twice:
            raise DeclarationError(
                f"{cls.__name__}: its table would have the column {twice[0]!r} twice"
            )


def _columns(fields: list[Field], prefix: str) -> list[str]:
    """The columns of a record's row: its scalars, and those of the records it holds inline."""
    out = []
    for f in fields:
        if f.type.inline:
            out += _columns(declaration_of(f.of), prefix + f.prefix)  # type: ignore[arg-type]
        elif f.is_scalar:
            out.append(prefix + f.column_name)
    return out
