"""Reading .twplan files (SQLite), defensively.

Reading a file follows docs/file-format.md, "Opening a file from outside": steps 1 to 4
(copy, header, the defensive connection, the checks) are ``sqlcheck.py``; here

5. read only the columns we declare, with strict types (rows.py), into the
   domain model; an older revision is first copied into a fresh database of
   ours made at that revision and migrated to the head by Alembic;
6. validate the plan with the domain's validation.

The file itself is never written, migrated or executed in: triggers and views
of a received file never run our statements, and its text is data only.
Writing a file is ``sqlwrite.py``.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import time
from contextlib import closing
from pathlib import Path
from typing import Any

from ..domain import model as m
from ..domain.catalog import Catalog
from ..domain.errors import ValidationError
from ..domain.validation import validate_plan
from ..loading import default_catalog
from . import schema as s
from .columns import TABLE_SPECS, head_columns
from .errors import ProjectFileError, shown
from .sqlcheck import (
    check_database,
    check_foreign_keys,
    check_header,
    connect_in_memory,
    connect_readonly,
    copy_limited,
    corrupt,
    file_revision,
    invalid_plan,
    quote,
    read_limited,
    refused,
    require_tables,
    table_columns,
    too_large,
)

# -- 5: reading ---------------------------------------------------------------------------


def read_plan_rows(conn: sqlite3.Connection) -> m.Plan:
    from .rows import convert_rows, rows_to_plan

    rows: dict[str, list[dict[str, Any]]] = {}
    for tb in TABLE_SPECS:
        cols = ", ".join(quote(c) for c in tb.column_names)
        cur = conn.execute(f"SELECT {cols} FROM {quote(tb.name)} ORDER BY {quote(tb.primary_key)}")
        rows[tb.name] = convert_rows(tb, cur)
    return rows_to_plan(rows)


def read_file_info(conn: sqlite3.Connection) -> dict[str, str]:
    return {
        k: v
        for k, v in conn.execute("SELECT key, value FROM file_info LIMIT 100")
        if isinstance(k, str) and isinstance(v, str)
    }


def _migrate_copy(conn: sqlite3.Connection, name: str, rev: str, work: Path) -> Path:
    """A fresh database of ours at ``rev`` holding the known data of ``conn``, migrated to head."""
    from . import migrate
    from .rows import _bad

    fresh = work / "migrated.sqlite"
    migrate.upgrade(fresh, rev)
    with closing(sqlite3.connect(fresh, isolation_level=None)) as dst:
        expected = {
            t: [r[1] for r in dst.execute(f"PRAGMA table_info({quote(t)})")]
            for (t,) in dst.execute(
                "SELECT name FROM sqlite_schema WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            ).fetchall()
        }
        types = {
            t: {
                r[1]: (r[2].upper(), not r[3] and not r[5])
                for r in dst.execute(f"PRAGMA table_info({quote(t)})")
            }
            for t in expected
        }
        require_tables(conn, name, expected)
        check_foreign_keys(conn, name)
        dst.execute("BEGIN")
        dst.execute("DELETE FROM alembic_version")
        for tname, cols in expected.items():
            col_sql = ", ".join(quote(c) for c in cols)
            cur = conn.execute(f"SELECT {col_sql} FROM {quote(tname)}")
            batch = []
            for i, values in enumerate(cur, start=1):
                for c, v in zip(cols, values, strict=True):
                    kind, nullable = types[tname][c]
                    if not _raw_ok(kind, v, nullable):
                        raise _bad(tname, i, c, "型が不正です", "wrong type")
                batch.append(values)
            dst.executemany(
                f"INSERT INTO {quote(tname)} ({col_sql}) VALUES ({', '.join('?' * len(cols))})",
                batch,
            )
        dst.execute("COMMIT")
    migrate.upgrade(fresh, s.HEAD_REVISION)
    return fresh


def _raw_ok(kind: str, v: Any, nullable: bool) -> bool:
    if v is None:
        return nullable
    if kind == "BOOLEAN":
        return type(v) is int and v in (0, 1)
    if kind == "INTEGER":
        return type(v) is int
    return isinstance(v, str)


def open_file(
    path: Path,
    catalog: Catalog | None = None,
    time_limit: float = s.OPEN_TIME_LIMIT,
    *,
    in_memory: bool = False,
) -> tuple[m.Plan, dict[str, str]]:
    """Open, check, migrate (a copy) and validate a plan file. Raises ProjectFileError.

    ``in_memory`` (the roll-up): step 1's private copy is made in memory rather than in a
    temporary folder, which is made only when the file needs migrating; every check is
    the same, and the file itself is opened only to be read, as with the copy."""
    name = shown(path.name, 80)
    deadline = time.monotonic() + time_limit
    work: Path | None = None
    try:
        if in_memory and hasattr(sqlite3.Connection, "deserialize"):
            data = read_limited(path, name)
            generation = check_header(data[:100], len(data), name)
            connect = lambda: connect_in_memory(data, deadline)  # noqa: E731
        else:
            work = Path(tempfile.mkdtemp(prefix="twplan-open-"))
            copy = work / "received.sqlite"
            size = copy_limited(path, copy, name)
            with copy.open("rb") as f:
                generation = check_header(f.read(100), size, name)
            connect = lambda: connect_readonly(copy, deadline)  # noqa: E731
        try:
            with closing(connect()) as conn:
                check_database(conn, name)
                present = table_columns(conn)
                rev = file_revision(conn, name, generation, present)
                if rev == s.HEAD_REVISION:
                    require_tables(conn, name, head_columns(), present)
                    check_foreign_keys(conn, name)
                    plan = read_plan_rows(conn)
                    info = read_file_info(conn)
                    if info.get("content_sha256") != plan_digest(plan):
                        raise corrupt(
                            name,
                            "内容が検査値と一致しません。破損したか、他のツールで書き換えられています",
                            "its content does not match its checksum: damaged, or changed by another tool",
                        )
                else:
                    if work is None:
                        work = Path(tempfile.mkdtemp(prefix="twplan-open-"))
                    fresh = _migrate_copy(conn, name, rev, work)
                    conn.close()
                    with closing(connect_readonly(fresh, deadline)) as conn2:
                        plan = read_plan_rows(conn2)
                        info = read_file_info(conn2)
                    info["migrated_from"] = rev
        except sqlite3.Error as e:
            text = str(e)
            if "interrupted" in text:
                raise refused(
                    "timeout",
                    f"計画ファイル「{name}」の読み込みが制限時間（{time_limit:g}秒）を超えたため中止しました。",
                    f"Reading the plan file '{name}' took longer than {time_limit:g} s and was stopped.",
                ) from None
            if "too big" in text or "too many" in text:
                raise too_large(name, "値", "a value") from None
            raise corrupt(name, "SQLiteのエラー", f"SQLite: {shown(text, 50)}") from None
        except UnicodeDecodeError:
            raise corrupt(name, "文字データが不正", "invalid text encoding") from None
        except ProjectFileError as e:
            if e.reason != "invalid":
                raise
            raise refused(
                "invalid",
                f"計画ファイル「{name}」を開けません。{e.text('ja')}",
                f"The plan file '{name}' cannot be opened. {e.text('en')}",
            ) from None
        try:
            validate_plan(plan, (catalog or default_catalog()).category_ids())
        except ValidationError as e:
            raise invalid_plan(name, e) from None
        return plan, info
    finally:
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)


def plan_digest(plan: m.Plan) -> str:
    """SHA-256 of the plan's canonical JSON: catches damage SQLite itself cannot see."""
    import hashlib
    import json

    from .interchange import plan_to_dict

    text = json.dumps(plan_to_dict(plan)["plan"], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
