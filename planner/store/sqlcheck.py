"""A received .twplan file checked before a row of it is read (docs/file-format.md,
"Opening"): steps 1 to 4 of ``sqlfile.open_file``, and the refusals they give.

1. copy the file (up to MAX_FILE_BYTES) into a private temporary folder;
2. check the 100-byte header: SQLite magic, page size, not truncated, not WAL,
   application_id, user_version (schema generation);
3. open the copy read-only with trusted_schema=OFF, cell_size_check=ON,
   mmap_size=0, query_only, no attached databases, SQLite limits on lengths and
   a progress handler that stops any statement after the time limit;
4. integrity_check, foreign_key_check, our tables are plain tables with our
   columns and no generated columns, the schema revision is one we know.

Every refusal is a ProjectFileError with a ja and an en message naming the file.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from ..domain.errors import ValidationError
from . import schema as s
from .errors import ProjectFileError, shown
from .files import open_regular, unreadable


def refused(reason: str, ja: str, en: str) -> ProjectFileError:
    return ProjectFileError(reason, ja, en)


def not_a_plan(name: str) -> ProjectFileError:
    return refused(
        "not_sqlite",
        f"「{name}」は計画ファイル（.twplan）ではありません。",
        f"'{name}' is not a plan file (.twplan).",
    )


def corrupt(name: str, detail_ja: str = "", detail_en: str = "") -> ProjectFileError:
    return refused(
        "corrupt",
        f"計画ファイル「{name}」は壊れているため開けません{('（' + detail_ja + '）') if detail_ja else ''}。"
        "バックアップ（.bak）があればそちらを開いてください。",
        f"The plan file '{name}' is damaged and cannot be opened{(' (' + detail_en + ')') if detail_en else ''}. "
        "Open its backup (.bak) if there is one.",
    )


def missing_table(name: str, table: str) -> ProjectFileError:
    return refused(
        "missing_table",
        f"計画ファイル「{name}」に必要な表「{shown(table)}」がないため開けません。",
        f"The plan file '{name}' lacks the table '{shown(table)}' and cannot be opened.",
    )


def too_large(name: str, what_ja: str, what_en: str) -> ProjectFileError:
    return refused(
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
    return refused(
        "newer",
        f"計画ファイル「{name}」は新しいバージョンのプログラムで保存されているため開けません"
        f"（ファイルの形式の版 {revision}{by_ja}。このプログラム {mine} が開けるのは版 {s.HEAD_GENERATION} まで）。"
        "プログラムを更新してから開いてください。",
        f"The plan file '{name}' was saved by a newer version of the program (file format revision "
        f"{revision}{by_en}; this program, version {mine}, opens revisions up to {s.HEAD_GENERATION}). "
        "Update the program to open it.",
    )


def invalid_plan(name: str, e: ValidationError) -> ProjectFileError:
    err = refused(
        "invalid",
        f"計画ファイル「{name}」の内容に誤りがあるため開けません: {e.text('ja')}（項目: {e.field}）",
        f"The plan file '{name}' cannot be opened because of an invalid value: {e.text('en')} (field: {e.field})",
    )
    err.field = e.field  # type: ignore[attr-defined]
    return err


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


def read_limited(src: Path, name: str) -> bytes:
    """The bytes of ``src`` (the roll-up's reading in memory: no copy on disk), refused as
    ``copy_limited`` refuses: over MAX_FILE_BYTES, or not a regular file."""
    with open_regular(src) as fin:
        try:
            if os.fstat(fin.fileno()).st_size > s.MAX_FILE_BYTES:
                raise too_large(name, "ファイル", "the file")
            data = fin.read(s.MAX_FILE_BYTES + 1)
        except OSError as e:
            raise unreadable(src, e) from None
    if len(data) > s.MAX_FILE_BYTES:
        raise too_large(name, "ファイル", "the file")
    return data


def check_header(header: bytes, size: int, name: str) -> int:
    """Check the SQLite header of a plan file; return its user_version (schema generation)."""
    if size < 100 or len(header) < 100 or not header.startswith(s.MAGIC):
        raise not_a_plan(name)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size > 65536 or page_size & (page_size - 1):
        raise corrupt(name, "ヘッダーが不正", "bad header")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != s.APPLICATION_ID:
        raise refused(
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
    return _defensive(conn, deadline)


def connect_in_memory(data: bytes, deadline: float) -> sqlite3.Connection:
    """The defensive connection of step 3 on a private in-memory copy of a file's bytes
    (``read_limited``): the same limits and pragmas; nothing on disk is opened."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.deserialize(data)
    return _defensive(conn, deadline)


def _defensive(conn: sqlite3.Connection, deadline: float) -> sqlite3.Connection:
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


def quote(name: str) -> str:
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
        info = conn.execute(f"PRAGMA table_xinfo({quote(tname)})").fetchall()
        if all(r[6] == 0 for r in info):
            out[tname] = [r[1] for r in info]
    return out


def require_tables(
    conn: sqlite3.Connection,
    name: str,
    expected: dict[str, list[str]],
    present: dict[str, list[str]] | None = None,
) -> None:
    """``present``: ``table_columns(conn)`` when the caller has it already."""
    present = table_columns(conn) if present is None else present
    for tname, cols in expected.items():
        have = present.get(tname)
        if have is None:
            raise missing_table(name, tname)
        missing = [c for c in cols if c not in have]
        if missing or not have:
            raise refused(
                "missing_table",
                f"計画ファイル「{name}」の表「{tname}」に必要な列「{shown(', '.join(missing) or '?')}」がないため開けません。",
                f"The plan file '{name}' cannot be opened: table '{tname}' lacks the column(s) "
                f"'{shown(', '.join(missing) or '?')}'.",
            )
        count = conn.execute(f"SELECT count(*) FROM {quote(tname)}").fetchone()[0]
        if count > s.MAX_TABLE_ROWS:
            raise too_large(name, f"表「{tname}」の行数", f"the number of rows in '{tname}'")


def file_revision(
    conn: sqlite3.Connection,
    name: str,
    generation: int,
    present: dict[str, list[str]] | None = None,
) -> str:
    present = table_columns(conn) if present is None else present
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
