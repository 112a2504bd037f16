"""Reading and writing .twplan files (SQLite), defensively.

Reading a file follows docs/file-format.md, "Opening a file from outside":

1. copy the file (up to MAX_FILE_BYTES) into a private temporary folder;
2. check the 100-byte header: SQLite magic, page size, not truncated, not WAL,
   application_id, user_version (schema generation);
3. open the copy read-only with trusted_schema=OFF, cell_size_check=ON,
   mmap_size=0, query_only, no attached databases, SQLite limits on lengths and
   a progress handler that stops any statement after the time limit;
4. integrity_check, foreign_key_check, our tables are plain tables with our
   columns and no generated columns, the schema revision is one we know;
5. read only the columns we declare, with strict types (rows.py), into the
   domain model; an older revision is first copied into a fresh database of
   ours made at that revision and migrated to the head by Alembic;
6. validate the plan with the domain's validation.

The file itself is never written, migrated or executed in: triggers and views
of a received file never run our statements, and its text is data only.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import tempfile
import time
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..domain import model as m
from ..domain.catalog import Catalog
from ..domain.errors import ValidationError
from ..domain.validation import validate_plan
from ..loading import default_catalog
from . import schema as s
from .atomic import fsync_file
from .columns import ALEMBIC_VERSION_SQL, TABLE_SPECS, head_columns
from .errors import ProjectFileError, shown
from .files import open_regular, unreadable

log = logging.getLogger(__name__)

MAGIC = b"SQLite format 3\x00"


def _err(reason: str, ja: str, en: str) -> ProjectFileError:
    return ProjectFileError(reason, ja, en)


def not_a_plan(name: str) -> ProjectFileError:
    return _err(
        "not_sqlite",
        f"「{name}」は計画ファイル（.twplan）ではありません。",
        f"'{name}' is not a plan file (.twplan).",
    )


def corrupt(name: str, detail_ja: str = "", detail_en: str = "") -> ProjectFileError:
    return _err(
        "corrupt",
        f"計画ファイル「{name}」は壊れているため開けません{('（' + detail_ja + '）') if detail_ja else ''}。"
        "バックアップ（.bak）があればそちらを開いてください。",
        f"The plan file '{name}' is damaged and cannot be opened{(' (' + detail_en + ')') if detail_en else ''}. "
        "Open its backup (.bak) if there is one.",
    )


def missing_table(name: str, table: str) -> ProjectFileError:
    return _err(
        "missing_table",
        f"計画ファイル「{name}」に必要な表「{shown(table)}」がないため開けません。",
        f"The plan file '{name}' lacks the table '{shown(table)}' and cannot be opened.",
    )


def too_large(name: str, what_ja: str, what_en: str) -> ProjectFileError:
    return _err(
        "too_large",
        f"計画ファイル「{name}」は{what_ja}が大きすぎるため開けません。",
        f"The plan file '{name}' cannot be opened: {what_en} is too large.",
    )


def newer(name: str, revision: int, program: str | None = None) -> ProjectFileError:
    """A file of a newer format revision: names the file's revision and this program's."""
    from .. import version

    mine = version()
    by_ja = f"、保存したプログラム {shown(program, 20)}" if program and program != mine else ""
    by_en = f", saved by version {shown(program, 20)}" if program and program != mine else ""
    return _err(
        "newer",
        f"計画ファイル「{name}」は新しいバージョンのプログラムで保存されているため開けません"
        f"（ファイルの形式の版 {revision}{by_ja}。このプログラム {mine} が開けるのは版 {s.HEAD_GENERATION} まで）。"
        "プログラムを更新してから開いてください。",
        f"The plan file '{name}' was saved by a newer version of the program (file format revision "
        f"{revision}{by_en}; this program, version {mine}, opens revisions up to {s.HEAD_GENERATION}). "
        "Update the program to open it.",
    )


# -- 1, 2: copy and header ----------------------------------------------------------------


def copy_limited(src: Path, dst: Path, name: str) -> int:
    """Copy ``src`` to ``dst``; refuse files over MAX_FILE_BYTES and anything not a regular file."""
    with open_regular(src) as fin:
        try:
            if os.fstat(fin.fileno()).st_size > s.MAX_FILE_BYTES:
                raise too_large(name, "ファイル", "the file")
            size = 0
            with dst.open("wb") as fout:
                while chunk := fin.read(1 << 20):
                    size += len(chunk)
                    if size > s.MAX_FILE_BYTES:
                        raise too_large(name, "ファイル", "the file")
                    fout.write(chunk)
            return size
        except OSError as e:
            raise unreadable(src, e) from None


def check_header(header: bytes, size: int, name: str) -> int:
    """Check the SQLite header of a plan file; return its user_version (schema generation)."""
    if size < 100 or len(header) < 100 or not header.startswith(MAGIC):
        raise not_a_plan(name)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size > 65536 or page_size & (page_size - 1):
        raise corrupt(name, "ヘッダーが不正", "bad header")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != s.APPLICATION_ID:
        raise _err(
            "not_ours",
            f"「{name}」はSQLiteのデータベースですが、このプログラムの計画ファイルではありません"
            "（他のアプリケーションのファイルと思われます）。",
            f"'{name}' is an SQLite database but not a plan file of this program "
            "(it probably belongs to another application).",
        )
    if header[18] != 1 or header[19] != 1:
        raise corrupt(name, "WALモードのファイル", "a WAL-mode file")
    pages = int.from_bytes(header[28:32], "big")
    if size % page_size or (pages and header[24:28] == header[92:96] and pages * page_size > size):
        raise corrupt(name, "ファイルが途中で切れています", "the file is truncated")
    return int.from_bytes(header[60:64], "big", signed=True)


# -- 3: the defensive connection ----------------------------------------------------------


def connect_readonly(path: Path, deadline: float) -> sqlite3.Connection:
    conn = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None, timeout=0.5
    )
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, s.MAX_VALUE_BYTES)
    conn.setlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH, 100_000)
    conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
    conn.setlimit(sqlite3.SQLITE_LIMIT_COLUMN, 200)
    conn.setlimit(sqlite3.SQLITE_LIMIT_EXPR_DEPTH, 100)
    conn.setlimit(sqlite3.SQLITE_LIMIT_COMPOUND_SELECT, 10)
    conn.setlimit(sqlite3.SQLITE_LIMIT_TRIGGER_DEPTH, 1)
    conn.setlimit(sqlite3.SQLITE_LIMIT_FUNCTION_ARG, 8)
    conn.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 2_000)
    for pragma in (
        "trusted_schema=OFF", "cell_size_check=ON", "mmap_size=0", "query_only=ON",
        "foreign_keys=OFF", "recursive_triggers=OFF",
    ):  # fmt: skip
        conn.execute(f"PRAGMA {pragma}")
    return conn


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# -- 4: checks ----------------------------------------------------------------------------


def check_database(conn: sqlite3.Connection, name: str) -> None:
    if conn.execute("PRAGMA application_id").fetchone()[0] != s.APPLICATION_ID:
        raise not_a_plan(name)  # pragma: no cover - the header check comes first
    result = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
    if result != ["ok"]:
        raise corrupt(name, "整合性検査で異常", "integrity check failed")


def check_foreign_keys(conn: sqlite3.Connection, name: str) -> None:
    if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
        raise corrupt(name, "表の間の参照が不整合", "foreign key check failed")


def table_columns(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """The plain tables of a database with their columns.

    Views, virtual tables and tables with hidden or generated columns are left
    out: a received file may carry code in those, and ours never has them.
    """
    out: dict[str, list[str]] = {}
    for tname, kind, sql in conn.execute("SELECT name, type, sql FROM sqlite_schema").fetchall():
        if kind != "table" or not isinstance(tname, str) or tname.startswith("sqlite_"):
            continue
        if not isinstance(sql, str) or sql.lstrip()[:20].upper().startswith("CREATE VIRTUAL"):
            continue
        info = conn.execute(f"PRAGMA table_xinfo({_q(tname)})").fetchall()
        if all(r[6] == 0 for r in info):
            out[tname] = [r[1] for r in info]
    return out


def require_tables(conn: sqlite3.Connection, name: str, expected: dict[str, list[str]]) -> None:
    present = table_columns(conn)
    for tname, cols in expected.items():
        have = present.get(tname)
        if have is None:
            raise missing_table(name, tname)
        missing = [c for c in cols if c not in have]
        if missing or not have:
            raise _err(
                "missing_table",
                f"計画ファイル「{name}」の表「{tname}」に必要な列「{shown(', '.join(missing) or '?')}」がないため開けません。",
                f"The plan file '{name}' cannot be opened: table '{tname}' lacks the column(s) "
                f"'{shown(', '.join(missing) or '?')}'.",
            )
        count = conn.execute(f"SELECT count(*) FROM {_q(tname)}").fetchone()[0]
        if count > s.MAX_TABLE_ROWS:
            raise too_large(name, f"表「{tname}」の行数", f"the number of rows in '{tname}'")


def file_revision(conn: sqlite3.Connection, name: str, generation: int) -> str:
    present = table_columns(conn)
    program = None
    if "value" in present.get("file_info", []) and "key" in present.get("file_info", []):
        try:
            row = conn.execute(
                "SELECT value FROM file_info WHERE key = 'program_version'"
            ).fetchone()
            program = row[0] if row and isinstance(row[0], str) else None
        except sqlite3.Error:
            program = None
    if generation > s.HEAD_GENERATION:
        raise newer(name, generation, program)
    if "version_num" not in present.get("alembic_version", []):
        raise missing_table(name, "alembic_version")
    versions = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version LIMIT 3")]
    if len(versions) != 1 or not isinstance(versions[0], str):
        raise corrupt(name, "形式の版が不明", "unknown schema revision")
    rev = versions[0]
    if rev in s.REVISIONS:
        if int(rev) != generation:
            raise corrupt(name, "形式の版が一致しません", "inconsistent schema revision")
        return rev
    if rev.isdigit() and len(rev) <= 8 and int(rev) > s.HEAD_GENERATION:
        raise newer(name, int(rev), program)
    raise corrupt(name, "形式の版が不明", "unknown schema revision")


# -- 5: reading ---------------------------------------------------------------------------


def read_plan_rows(conn: sqlite3.Connection) -> m.Plan:
    from .rows import convert_rows, rows_to_plan

    rows: dict[str, list[dict[str, Any]]] = {}
    for tb in TABLE_SPECS:
        cols = ", ".join(_q(c) for c in tb.column_names)
        cur = conn.execute(f"SELECT {cols} FROM {_q(tb.name)} ORDER BY {_q(tb.primary_key)}")
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
            t: [r[1] for r in dst.execute(f"PRAGMA table_info({_q(t)})")]
            for (t,) in dst.execute(
                "SELECT name FROM sqlite_schema WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            ).fetchall()
        }
        types = {
            t: {
                r[1]: (r[2].upper(), not r[3] and not r[5])
                for r in dst.execute(f"PRAGMA table_info({_q(t)})")
            }
            for t in expected
        }
        require_tables(conn, name, expected)
        check_foreign_keys(conn, name)
        dst.execute("BEGIN")
        dst.execute("DELETE FROM alembic_version")
        for tname, cols in expected.items():
            col_sql = ", ".join(_q(c) for c in cols)
            cur = conn.execute(f"SELECT {col_sql} FROM {_q(tname)}")
            batch = []
            for i, values in enumerate(cur, start=1):
                for c, v in zip(cols, values, strict=True):
                    kind, nullable = types[tname][c]
                    if not _raw_ok(kind, v, nullable):
                        raise _bad(tname, i, c, "型が不正です", "wrong type")
                batch.append(values)
            dst.executemany(
                f"INSERT INTO {_q(tname)} ({col_sql}) VALUES ({', '.join('?' * len(cols))})",
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
    path: Path, catalog: Catalog | None = None, time_limit: float = s.OPEN_TIME_LIMIT
) -> tuple[m.Plan, dict[str, str]]:
    """Open, check, migrate (a copy) and validate a plan file. Raises ProjectFileError."""
    name = shown(path.name, 80)
    deadline = time.monotonic() + time_limit
    work = Path(tempfile.mkdtemp(prefix="twplan-open-"))
    try:
        copy = work / "received.sqlite"
        size = copy_limited(path, copy, name)
        with copy.open("rb") as f:
            generation = check_header(f.read(100), size, name)
        try:
            with closing(connect_readonly(copy, deadline)) as conn:
                check_database(conn, name)
                rev = file_revision(conn, name, generation)
                if rev == s.HEAD_REVISION:
                    require_tables(conn, name, head_columns())
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
                    fresh = _migrate_copy(conn, name, rev, work)
                    conn.close()
                    with closing(connect_readonly(fresh, deadline)) as conn2:
                        plan = read_plan_rows(conn2)
                        info = read_file_info(conn2)
                    info["migrated_from"] = rev
        except sqlite3.Error as e:
            text = str(e)
            if "interrupted" in text:
                raise _err(
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
            raise _err(
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
        shutil.rmtree(work, ignore_errors=True)


def plan_digest(plan: m.Plan) -> str:
    """SHA-256 of the plan's canonical JSON: catches damage SQLite itself cannot see."""
    import hashlib
    import json

    from .interchange import plan_to_dict

    text = json.dumps(plan_to_dict(plan)["plan"], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def invalid_plan(name: str, e: ValidationError) -> ProjectFileError:
    err = _err(
        "invalid",
        f"計画ファイル「{name}」の内容に誤りがあるため開けません: {e.text('ja')}（項目: {e.field}）",
        f"The plan file '{name}' cannot be opened because of an invalid value: {e.text('en')} (field: {e.field})",
    )
    err.field = e.field  # type: ignore[attr-defined]
    return err


# -- writing ------------------------------------------------------------------------------


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
                    f"INSERT INTO {_q(tb.name)} ({', '.join(_q(c) for c in cols)}) "
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
