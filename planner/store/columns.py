"""The head schema of a .twplan file as plain data, derived from the plan's declaration.

Every record of ``planner/domain/records.py`` that has a ``table`` gets one: an
integer primary key ``pk`` (a list's order), the parent's key for a child list
(``unit_pk``, ``scenario_pk``, ``step_number``), then one column per scalar
field, nested records flattened with their prefix (``form_max_days``). A
``keyed`` list at the top (the steps) uses its key as primary key. String lists
share ``plan_list_item``. Decimals are stored as text, dates as ISO text.

Opening and saving a file need only this module and the standard ``sqlite3``:
importing SQLAlchemy/SQLModel costs about 0.6 s. ``tables.py`` builds the SQLModel
tables that Alembic migrations are compared against from these same specs.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.records import PLAN, Field, Record

SQL_TYPES = {"str": "VARCHAR", "int": "INTEGER", "bool": "BOOLEAN", "date": "DATE"}
# identifiers SQLAlchemy's SQLite dialect quotes (reserved words)
_QUOTED = frozenset({"key", "plan"})


def _ident(name: str) -> str:
    return f'"{name}"' if name in _QUOTED else name


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: str  # str, int, bool, date
    nullable: bool


@dataclass(frozen=True, slots=True)
class TableSpec:
    name: str
    columns: tuple[Column, ...]
    primary_key: str
    foreign_keys: tuple[tuple[str, str, str], ...]  # (column, parent table, parent column)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(f"table {self.name} has no column {name!r}")

    def create_sql(self) -> str:
        """``CREATE TABLE`` exactly as SQLAlchemy's ``CreateTable`` writes it for SQLite."""
        parts = [
            f"{_ident(c.name)} {SQL_TYPES[c.kind]}{'' if c.nullable else ' NOT NULL'}"
            for c in self.columns
        ]
        parts.append(f"PRIMARY KEY ({_ident(self.primary_key)})")
        parts += [
            f"FOREIGN KEY({_ident(col)}) REFERENCES {_ident(table)} ({_ident(ref)})"
            for col, table, ref in self.foreign_keys
        ]
        return f"CREATE TABLE {_ident(self.name)} (\n\t" + ", \n\t".join(parts) + "\n)"


@dataclass(frozen=True, slots=True)
class ColumnOf:
    """Where a column's value lives in a record: a field, reached through nested records."""

    column: str
    path: tuple[Field, ...]  # nested record fields, then the scalar field


@dataclass(frozen=True, slots=True)
class Place:
    """A table of records: the record, its table spec and how it hangs under its parent."""

    record: Record
    spec: TableSpec
    parent: Place | None = None
    owner: Field | None = None  # the parent's rows/keyed field holding these records
    parent_column: str = ""  # the column naming the parent row
    key_column: str = ""  # keyed lists: the column holding the key


def scalar_columns(record: Record, prefix: str = "", via: tuple[Field, ...] = ()) -> list[ColumnOf]:
    out: list[ColumnOf] = []
    for f in record.fields:
        if f.type.inline:
            out += scalar_columns(f.record, prefix + f.prefix, (*via, f))  # type: ignore[arg-type]
        elif f.is_scalar:
            out.append(ColumnOf(prefix + f.column_name, (*via, f)))
    return out


def _columns(of: list[ColumnOf]) -> list[Column]:
    return [Column(c.column, c.path[-1].type.column, c.path[-1].nullable) for c in of]


def _places() -> tuple[Place, ...]:
    plan_cols = scalar_columns(PLAN)
    root = Place(
        PLAN,
        TableSpec("plan", (Column("pk", "int", False), *_columns(plan_cols)), "pk", ()),
    )
    places = [root]

    def children(parent: Place) -> None:
        for f in parent.record.fields:
            if not f.type.table:
                continue
            child: Record = f.record  # type: ignore[assignment]
            of = scalar_columns(child)
            cols, fks, pk = [], [], "pk"
            parent_column = key_column = ""
            keyed = bool(f.key)
            if keyed and parent.parent is None:
                pk = key_column = f.column_name if f.column else f.key
                cols.append(Column(pk, f.key_kind, False))
            else:
                cols.append(Column("pk", "int", False))
            if parent.parent is not None:  # a child of a list row
                parent_column = f"{parent.spec.name}_{parent.spec.primary_key}"
                kind = parent.spec.column(parent.spec.primary_key).kind
                cols.append(Column(parent_column, kind, False))
                fks.append((parent_column, parent.spec.name, parent.spec.primary_key))
            if keyed and parent.parent is not None:
                key_column = f.column_name if f.column else f.key
                cols.append(Column(key_column, f.key_kind, False))
            spec = TableSpec(child.table, (*cols, *_columns(of)), pk, tuple(fks))  # type: ignore[arg-type]
            place = Place(child, spec, parent, f, parent_column, key_column)
            places.append(place)
            children(place)

    children(root)
    return tuple(places)


PLACES: tuple[Place, ...] = _places()
FILE_INFO = TableSpec(
    "file_info", (Column("key", "str", False), Column("value", "str", False)), "key", ()
)
LIST_ITEMS = TableSpec(
    "plan_list_item",
    (Column("pk", "int", False), Column("list_name", "str", False), Column("value", "str", False)),
    "pk",
    (),
)
# In the order they are written (parents before children).
TABLE_SPECS: tuple[TableSpec, ...] = (
    FILE_INFO, PLACES[0].spec, LIST_ITEMS, *(p.spec for p in PLACES[1:]),
)  # fmt: skip

ALEMBIC_VERSION_SQL = (
    "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
    "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
)


def head_columns() -> dict[str, list[str]]:
    """Every table of the head schema with its columns, including Alembic's."""
    cols = {t.name: t.column_names for t in TABLE_SPECS}
    cols["alembic_version"] = ["version_num"]
    return cols
