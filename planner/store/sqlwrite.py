"""Writing a .twplan file: a complete new database, then read back (docs/file-format.md,
"Saving"; ``project.save_plan`` makes it atomic).
"""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..domain import model as m
from . import schema as s
from .atomic import fsync_file
from .columns import ALEMBIC_VERSION_SQL, TABLE_SPECS
from .sqlcheck import connect_readonly, quote
from .sqlfile import plan_digest, read_plan_rows


def write_file(plan: m.Plan, path: Path, info: dict[str, str]) -> None:
    """Write a complete new plan file at ``path`` (new or empty) and fsync it.

    Plain ``sqlite3`` with the head schema from columns.py (the same DDL SQLAlchemy
    would emit): saving never waits for SQLAlchemy to import.
    """
    from .rows import plan_to_rows

    rows = plan_to_rows(plan, {**info, "content_sha256": plan_digest(plan)})
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        for pragma in (
            f"application_id = {s.APPLICATION_ID}", f"user_version = {s.HEAD_GENERATION}",
            "journal_mode = DELETE", "synchronous = OFF", "foreign_keys = ON",
        ):  # fmt: skip
            conn.execute(f"PRAGMA {pragma}")
        conn.execute("BEGIN")
        try:
            for tb in TABLE_SPECS:
                conn.execute(tb.create_sql())
            conn.execute(ALEMBIC_VERSION_SQL)
            conn.execute("INSERT INTO alembic_version VALUES (?)", (s.HEAD_REVISION,))
            for tb in TABLE_SPECS:
                table_rows = rows[tb.name]
                if not table_rows:
                    continue
                cols = list(table_rows[0])  # the columns given; the others take their default
                dates = [i for i, c in enumerate(cols) if tb.column(c).kind == "date"]
                values = [tuple(r[c] for c in cols) for r in table_rows]
                if dates:
                    values = [_iso_dates(v, dates) for v in values]
                conn.executemany(
                    f"INSERT INTO {quote(tb.name)} ({', '.join(quote(c) for c in cols)}) "
                    f"VALUES ({', '.join('?' * len(cols))})",
                    values,
                )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    fsync_file(path)


def _iso_dates(values: tuple[Any, ...], dates: list[int]) -> tuple[Any, ...]:
    """Dates as ISO text (``2025-04-01``), as SQLAlchemy's Date type stores them in SQLite."""
    out = list(values)
    for i in dates:
        if out[i] is not None:
            out[i] = out[i].isoformat()
    return tuple(out)


def verify_file(path: Path, plan: m.Plan) -> None:
    """Read back a file just written: quick_check, then the same plan."""
    deadline = time.monotonic() + s.OPEN_TIME_LIMIT
    with closing(connect_readonly(path, deadline)) as conn:
        if [r[0] for r in conn.execute("PRAGMA quick_check(5)")] != ["ok"]:
            raise RuntimeError("quick_check of the new file failed")
        back = read_plan_rows(conn)
    if back != plan:
        raise RuntimeError("the new file does not read back as the plan saved")


def now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
