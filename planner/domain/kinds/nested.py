"""The kinds that hold other records: one record kept in its parent's row, rows with
ids, a dict of records by key, and a list of strings."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from ..errors import ValidationError
from ..limits import MAX_ITEMS
from .base import Kind, clip, refusal

if TYPE_CHECKING:
    from ..declare import Field
    from .base import Shapes


def records_equal(record: Any, a: Any, b: Any) -> bool:
    """Two records field by field, each as its kind compares (None is not False)."""
    if record is None:
        return a == b
    return type(a) is type(b) and all(
        f.equal(getattr(a, f.name), getattr(b, f.name)) for f in record.fields
    )


def _count(n: int, ja: str, en: str, lang: str) -> str:
    return f"{n}{ja}" if lang != "en" else f"{n} {en}{'' if n == 1 else 's'}"


def _check_count(values: Any, where: str) -> None:
    if len(values) > MAX_ITEMS:
        raise ValidationError(
            where, f"行数が多すぎます（{len(values):,}行）。", f"Too many rows ({len(values):,})."
        )


class NestedKind(Kind):
    nested = True

    def problem(self, f: Field) -> str | None:
        if f.of is None:
            return f"a {self.name} field needs 'of' (the class of the records it holds)"
        if not _is_declared_record(f.of):
            return f"'of' must be a declared record (a dataclass of declared fields), not {f.of!r}"
        return None

    def schema(self, f: Field) -> dict[str, Any]:  # pragma: no cover - records are objects
        raise TypeError("a nested field has no scalar schema")


def _is_declared_record(cls: Any) -> bool:
    fields = getattr(cls, "__dataclass_fields__", None)
    return bool(fields) and all("declared" in x.metadata for x in fields.values())


class RecordKind(NestedKind):
    """One record, kept in its parent's row (its columns take ``prefix``)."""

    name, inline = "record", True
    allows = frozenset({"required", "of", "prefix", "doc"})

    def json_node(self, f: Field, shapes: Shapes) -> Any:
        return shapes.record(f.record)

    def to_json(self, f: Field, value: Any, write_record: Callable[[Any, Any], Any]) -> Any:
        return write_record(f.record, value)

    def equal(self, f: Field, a: Any, b: Any) -> bool:
        return records_equal(f.record, a, b)

    def show(self, f: Field, value: Any, lang: str) -> str:
        return f.label.get(lang)


class RowsKind(NestedKind):
    """A list of records with ids, in a table of their own (the list's order is kept)."""

    name, table, row_ids = "rows", True, True
    allows = frozenset({"required", "of", "doc"})

    def check(self, f: Field, value: Any, where: str, choices: Any) -> None:
        _check_count(value, where)

    def entries(self, value: Any) -> Iterable[tuple[Any, Any]]:
        """(place, record) pairs: a list's position, a dict's key."""
        return enumerate(value)

    def empty(self) -> Any:
        return []

    def ids(self, value: Any) -> list[Any]:
        return [row.id for row in value]

    def json_node(self, f: Field, shapes: Shapes) -> Any:
        return shapes.array(shapes.record(f.record), f)

    def to_json(self, f: Field, value: Any, write_record: Callable[[Any, Any], Any]) -> Any:
        return [write_record(f.record, row) for row in value]

    def equal(self, f: Field, a: Any, b: Any) -> bool:
        return len(a) == len(b) and all(
            records_equal(f.record, x, y) for x, y in zip(a, b, strict=True)
        )

    def show(self, f: Field, value: Any, lang: str) -> str:
        return _count(len(value), "行", "row", lang)


class KeyedKind(RowsKind):
    """A dict of records by ``key`` (``key_kind`` str or int), in a table of their own;
    in JSON a list of objects with the key first."""

    name, row_ids = "keyed", False
    allows = frozenset({"required", "of", "key", "key_kind", "column", "doc"})

    def problem(self, f: Field) -> str | None:
        if not f.key:
            return "a keyed field needs 'key' (the key's name in JSON)"
        if f.key_kind not in ("str", "int"):
            return f"key_kind must be 'str' or 'int', not {f.key_kind!r}"
        return super().problem(f)

    def entries(self, value: Any) -> Iterable[tuple[Any, Any]]:
        return value.items()

    def empty(self) -> Any:
        return {}

    def ids(self, value: Any) -> list[Any]:
        return list(value)

    def json_node(self, f: Field, shapes: Shapes) -> Any:
        return shapes.keyed(f)

    def to_json(self, f: Field, value: Any, write_record: Callable[[Any, Any], Any]) -> Any:
        pairs = sorted(value.items()) if f.key_kind == "int" else value.items()
        return [{f.key: key, **write_record(f.record, row)} for key, row in pairs]

    def equal(self, f: Field, a: Any, b: Any) -> bool:
        return list(a) == list(b) and all(records_equal(f.record, a[k], b[k]) for k in a)

    def show(self, f: Field, value: Any, lang: str) -> str:
        return _count(len(value), "件", "item", lang)


class StringsKind(NestedKind):
    """A list of codes (``choices``) or texts; each item is checked as a choice or a text
    field of the same label (``Field.item``)."""

    name, list_items = "strings", True
    allows = frozenset({"required", "choices", "words", "doc"})

    def problem(self, f: Field) -> str | None:
        if f.choices and not isinstance(f.choices, tuple):
            return "the choices of a list of strings must be a tuple of codes"
        if f.words and not f.choices:
            return "'words' names the words of the choices: give 'choices' too"
        return None

    def check(self, f: Field, value: Any, where: str, choices: Any) -> None:
        _check_count(value, where)
        for item in value:
            err = refusal(f.item, item, where, choices)  # type: ignore[arg-type]
            if err is not None:
                raise err

    def json_node(self, f: Field, shapes: Shapes) -> Any:
        return shapes.array(shapes.scalar(f.item), f)  # type: ignore[arg-type]

    def to_json(self, f: Field, value: Any, write_record: Callable[[Any, Any], Any]) -> Any:
        return list(value)

    def equal(self, f: Field, a: Any, b: Any) -> bool:
        return list(a) == list(b)

    def show(self, f: Field, value: Any, lang: str) -> str:
        return clip(("、" if lang != "en" else ", ").join(value)) or "—"
