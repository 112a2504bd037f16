"""columns.py (plain data, read by open and save) equals the SQLModel tables that tables.py builds from it."""

from __future__ import annotations

import subprocess
import sys

from sqlalchemy import Boolean, Date, Integer, String, TypeDecorator
from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateTable

from planner.store.columns import TABLE_SPECS, head_columns
from planner.store.tables import TABLES


def _kind(col) -> str:  # noqa: ANN001
    typ = col.type.impl_instance if isinstance(col.type, TypeDecorator) else col.type
    for cls, code in ((Boolean, "bool"), (Integer, "int"), (Date, "date"), (String, "str")):
        if isinstance(typ, cls):
            return code
    raise AssertionError(f"unhandled column type {typ!r}")


def test_the_plain_schema_lists_the_sqlmodel_tables_in_order():
    assert [t.name for t in TABLE_SPECS] == [t.name for t in TABLES]


def test_every_column_has_the_sqlmodel_name_type_and_nullability():
    for spec, table in zip(TABLE_SPECS, TABLES, strict=True):
        expected = [
            (c.name, _kind(c), bool(c.nullable) and not c.primary_key) for c in table.columns
        ]
        assert [(c.name, c.kind, c.nullable) for c in spec.columns] == expected, spec.name
        assert [spec.primary_key] == [c.name for c in table.primary_key.columns]
        fks = sorted(
            (f.parent.name, f.column.table.name, f.column.name) for f in table.foreign_keys
        )
        assert sorted(spec.foreign_keys) == fks
        assert not table.indexes  # columns.py would need them too


def test_the_ddl_is_what_sqlalchemy_emits():
    for spec, table in zip(TABLE_SPECS, TABLES, strict=True):
        assert (
            spec.create_sql() == str(CreateTable(table).compile(dialect=sqlite.dialect())).strip()
        )


def test_head_columns_include_alembic_version():
    cols = head_columns()
    assert cols["alembic_version"] == ["version_num"]
    assert cols["task"][:3] == ["pk", "unit_pk", "id"]


def test_open_and_save_import_no_database_library(tmp_path):
    code = (
        "import sys; from pathlib import Path\n"
        "from planner.store.project import open_plan, save_plan\n"
        "plan = open_plan(Path(sys.argv[1]))\n"
        "save_plan(plan, Path(sys.argv[2]))\n"
        "assert open_plan(Path(sys.argv[2])) == plan\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'sqlmodel', 'alembic'))\n"
        "print(heavy)\n"
    )
    from shutil import copy

    from planner.resources import resource_path

    src = tmp_path / "in.twplan"
    copy(resource_path("samples", "yamanami-village.twplan"), src)
    out = subprocess.run(
        [sys.executable, "-c", code, str(src), str(tmp_path / "out.twplan")],
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    assert out.stdout.strip() == "[]"
