"""The tables of a .twplan file (the head schema revision) as SQLModel classes.

Built from the same specs as ``columns.py``, which derives them from the plan's
declaration (``planner/domain/records.py``): there is no second, hand-kept list
of columns. Alembic compares its migrations against this metadata
(``tests/test_migrations.py``), so a field added to the declaration without a
migration fails the tests.

Importing this module imports SQLModel/SQLAlchemy: only migrations and tests do.
"""

from __future__ import annotations

import types
from datetime import date
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

from .columns import TABLE_SPECS, TableSpec

_PY = {"str": str, "int": int, "bool": bool, "date": date}


class StoreModel(SQLModel, registry=registry()):
    """Base of the project file's tables, with a metadata of their own."""


def _model(spec: TableSpec) -> type[StoreModel]:
    fks = {col: f"{table}.{ref}" for col, table, ref in spec.foreign_keys}
    annotations: dict[str, Any] = {}
    namespace: dict[str, Any] = {"__tablename__": spec.name, "__annotations__": annotations}
    for c in spec.columns:
        py = _PY[c.kind]
        if c.name == spec.primary_key:
            if c.kind == "int" and c.name == "pk":
                annotations[c.name] = int | None
                namespace[c.name] = Field(default=None, primary_key=True)
            else:
                annotations[c.name] = py
                kwargs = {"sa_column_kwargs": {"autoincrement": False}} if c.kind == "int" else {}
                namespace[c.name] = Field(primary_key=True, **kwargs)
        elif c.nullable:
            annotations[c.name] = py | None
            namespace[c.name] = None
        else:
            annotations[c.name] = py
            if c.name in fks:
                namespace[c.name] = Field(foreign_key=fks[c.name])
    name = "".join(part.title() for part in spec.name.split("_")) + "Row"
    return types.new_class(name, (StoreModel,), {"table": True}, lambda ns: ns.update(namespace))


def table(model: type[StoreModel]) -> Table:
    return model.__table__  # type: ignore[attr-defined,return-value]


# In the order they are written (parents before children).
MODELS: tuple[type[StoreModel], ...] = tuple(_model(spec) for spec in TABLE_SPECS)
TABLES: tuple[Table, ...] = tuple(table(m) for m in MODELS)
metadata = StoreModel.metadata
