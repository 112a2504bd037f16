"""The head schema of a .twplan file as plain data: tables, columns, types, DDL.

Opening and saving a file need only this module and the standard ``sqlite3``:
importing SQLAlchemy/SQLModel costs about 0.6 s, which a user would pay at the
first open or save. ``tables.py`` (SQLModel) stays the declaration that Alembic
migrations are written against; ``tests/test_store_columns.py`` keeps the two
equal, down to the ``CREATE TABLE`` text SQLAlchemy would emit.

A column is written ``"name:kind"`` with kind ``str``, ``int``, ``bool`` or
``date``; a trailing ``?`` means the column may be NULL.
"""

from __future__ import annotations

from dataclasses import dataclass

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


def _table(name: str, pk: str, fks: list[tuple[str, str, str]], *columns: str) -> TableSpec:
    cols = []
    for spec in columns:
        col, kind = spec.split(":")
        cols.append(Column(col, kind.rstrip("?"), kind.endswith("?")))
    return TableSpec(name, tuple(cols), pk, tuple(fks))


# In the order they are written (parents before children), as tables.MODELS.
TABLE_SPECS: tuple[TableSpec, ...] = (
    _table("file_info", "key", [], "key:str", "value:str"),
    _table(
        "plan", "pk", [],
        "pk:int", "municipality_name:str", "prefecture:str", "general_staff:int",
        "all_staff:int", "fiscal_year:int", "author:str", "department:str",
        "fiscal_capacity_index:str?", "plan_years:int", "leader:str", "meeting_plan:str",
        "existing_devices:int", "existing_rules:str", "current_notes:str", "access_method:str",
        "device_policy:str", "adopted_scenario_id:str?", "fiscal_capacity_multiplier:str",
    ),
    _table("plan_list_item", "pk", [], "pk:int", "list_name:str", "value:str"),
    _table("step", "number", [], "number:int", "notes:str", "start_date:date?", "end_date:date?"),
    _table(
        "checklist_entry", "pk", [("step_number", "step", "number")],
        "pk:int", "step_number:int", "item_id:str", "done:bool", "note:str",
    ),
    _table("member", "pk", [], "pk:int", "name:str", "role:str", "department:str"),
    _table("kpi", "pk", [], "pk:int", "name:str", "baseline:str", "target:str", "fiscal_year:int?"),
    _table(
        "unit", "pk", [],
        "pk:int", "id:str", "name:str", "staff:int", "teleworkers:int", "catalog_id:str?",
        "form_home:bool", "form_satellite:bool", "form_mobile:bool", "form_max_days:int",
        "form_cap_period:str", "form_time_unit:str", "form_application_days:int",
    ),
    _table(
        "task", "pk", [("unit_pk", "unit", "pk")],
        "pk:int", "unit_pk:int", "id:str", "name:str", "selected:bool", "catalog_id:str?",
        "note:str", "personal_data:str", "network:str", "paper:str", "counter:bool",
        "onsite:bool", "coordination:str",
    ),
    _table(
        "rule_item", "pk", [],
        "pk:int", "id:str", "name:str", "status:str", "owner:str", "template_id:str?",
    ),
    _table(
        "security_item", "pk", [],
        "pk:int", "id:str", "role:str", "text:str", "status:str", "measure_id:str?",
    ),
    _table(
        "training_event", "pk", [],
        "pk:int", "id:str", "name:str", "day:date?", "audience:str", "note:str",
    ),
    _table(
        "phase", "pk", [],
        "pk:int", "id:str", "name:str", "kind:str", "start_date:date?", "end_date:date?",
        "measures:str",
    ),
    _table("scenario", "pk", [], "pk:int", "id:str", "name:str", "note:str"),
    _table(
        "cost_line", "pk", [("scenario_pk", "scenario", "pk")],
        "pk:int", "scenario_pk:int", "id:str", "name:str", "category:str", "unit_price:int",
        "quantity:int", "quantity_basis:str", "recurrence:str", "start_fy:int", "end_fy:int",
        "eligible_override:bool?", "override_reason:str", "item_id:str?", "note:str",
    ),
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
