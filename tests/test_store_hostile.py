"""Damaged and hostile files: each is refused with a clear ja/en reason, never a traceback.

The corpus (over 200 files) is generated here from a saved sample: truncated,
bit-flipped, random bytes, SQLite files of other applications, wrong
application_id, newer revisions, missing tables and columns, views and
generated columns in place of tables, wrong types, huge strings, negative
amounts and other values the domain refuses. Files crafted to pass the
checksum ("resealed") reach the domain's validation.
"""

from __future__ import annotations

import logging
import random
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from planner.store import schema
from planner.store.columns import TABLE_SPECS
from planner.store.errors import ProjectFileError
from planner.store.interchange import import_json
from planner.store.project import open_plan, open_plan_with_info, save_plan
from planner.store.schema import HEAD_GENERATION
from planner.store.sqlfile import plan_digest, read_plan_rows
from tests.store_plans import sample_json

SEED = 20250601
Case = tuple[str, Path, set[str]]


PLAN_COLUMNS = [
    c for c in next(t for t in TABLE_SPECS if t.name == "plan").column_names if c != "pk"
]


def reseal(path: Path) -> None:
    """Recompute the content checksum, as someone crafting a file would."""
    with closing(sqlite3.connect(path)) as conn:
        plan = read_plan_rows(conn)
        conn.execute(
            "UPDATE file_info SET value = ? WHERE key = 'content_sha256'", (plan_digest(plan),)
        )
        conn.commit()


def sql_case(base: Path, folder: Path, name: str, *sql: str, seal: bool = False) -> Path:
    path = folder / f"{name}.twplan"
    shutil.copy(base, path)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        for stmt in sql:
            conn.execute(stmt)
        conn.commit()
    if seal:
        reseal(path)
    return path


def bytes_case(folder: Path, name: str, data: bytes) -> Path:
    path = folder / f"{name}.twplan"
    path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("base") / "village.twplan"
    save_plan(import_json(sample_json("yamanami-village")), path)
    return path


@pytest.fixture(scope="module")
def corpus(base, tmp_path_factory) -> list[Case]:  # noqa: C901 - a list of cases
    folder = tmp_path_factory.mktemp("hostile")
    rnd = random.Random(SEED)
    good = base.read_bytes()
    size = len(good)
    cases: list[Case] = []

    def add(name: str, path: Path, *reasons: str) -> None:
        cases.append((name, path, set(reasons)))

    # truncated
    for n in [0, 1, 15, 16, 50, 99, 100, 101, 511, 512, 1024, 4095, 4096, 4097, 8192]:
        add(f"truncated-{n}", bytes_case(folder, f"trunc{n}", good[:n]), "not_sqlite", "corrupt")
    for i in range(15):
        n = rnd.randrange(4096, size - 1)
        add(f"truncated-r{i}", bytes_case(folder, f"truncr{i}", good[:n]), "corrupt")
    # bit flips in the content (positions where the plan's text and numbers are stored)
    used = [i for i in range(100, size) if good[i] not in (0,)]
    for i in range(80):
        data = bytearray(good)
        for _ in range(rnd.randint(1, 6)):
            pos = rnd.choice(used)
            data[pos] ^= 1 << rnd.randrange(8)
        add(f"bitflip-{i}", bytes_case(folder, f"flip{i}", bytes(data)), "corrupt", "invalid",
            "missing_table", "too_large", "not_ours", "newer")  # fmt: skip
    # bit flips in the header
    for i, (pos, bit) in enumerate([(0, 0), (5, 3), (15, 1), (16, 2), (17, 4), (18, 0), (19, 1),
                                    (28, 7), (31, 1), (60, 0), (63, 1), (68, 0), (71, 6)]):  # fmt: skip
        data = bytearray(good)
        data[pos] ^= 1 << bit
        add(f"header-{pos}-{bit}", bytes_case(folder, f"hdr{i}", bytes(data)),
            "not_sqlite", "corrupt", "not_ours", "newer", "missing_table")  # fmt: skip
    # random bytes, with and without the SQLite magic
    for i in range(12):
        data = rnd.randbytes(rnd.choice([10, 100, 512, 4096, 20000]))
        add(f"random-{i}", bytes_case(folder, f"rand{i}", data), "not_sqlite")
    for i in range(8):
        data = b"SQLite format 3\x00" + rnd.randbytes(4096 * (i + 1) - 16)
        add(f"random-magic-{i}", bytes_case(folder, f"randm{i}", data), "corrupt", "not_ours")
    for text in (
        "",
        "{}",
        "PK\x03\x04 docx",
        "%PDF-1.7",
        "<html></html>",
        "名前,人数\n総務課,10\n",
    ):
        add(
            f"text-{len(text)}", bytes_case(folder, f"text{len(text)}", text.encode()), "not_sqlite"
        )
    # other applications' SQLite files
    for i, (app_id, ddl) in enumerate([
        (0, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)"),
        (0, "CREATE TABLE notes (id, body)"),
        (0x47504B47, "CREATE TABLE gpkg_contents (table_name TEXT)"),  # GeoPackage
        (0x0F055112, "CREATE TABLE blob (rid INTEGER PRIMARY KEY)"),  # Fossil
        (0, "CREATE TABLE plan (pk INTEGER PRIMARY KEY, municipality_name TEXT)"),
        (0x5457504D, "CREATE TABLE unit (x)"),
        (-1, "CREATE TABLE t (x)"),
        (1, "CREATE TABLE file_info (key, value)"),
    ]):  # fmt: skip
        path = folder / f"other{i}.twplan"
        with closing(sqlite3.connect(path)) as conn:
            conn.execute(f"PRAGMA application_id = {app_id}")
            conn.execute(ddl)
            conn.commit()
        add(f"other-app-{i}", path, "not_ours")
    wal = folder / "wal.twplan"
    shutil.copy(base, wal)
    with closing(sqlite3.connect(wal)) as conn:
        conn.execute("PRAGMA journal_mode = WAL")
    add("wal-mode", wal, "corrupt")
    # wrong application_id on our own file
    for i, app_id in enumerate([0, 1, schema.APPLICATION_ID + 1, 0x7FFFFFFF, -5]):
        add(f"app-id-{i}", sql_case(base, folder, f"appid{i}", f"PRAGMA application_id = {app_id}"),
            "not_ours")  # fmt: skip
    # newer, unknown or inconsistent revisions
    nxt = HEAD_GENERATION + 1  # the revision a newer program would write
    for i, (uv, rev) in enumerate([(nxt, f"{nxt:04d}"), (99, "0099"), (nxt - 1, f"{nxt:04d}"),
                                   (nxt, f"{nxt - 1:04d}"), (2000000, "9999")]):  # fmt: skip
        add(f"newer-{i}", sql_case(base, folder, f"newer{i}", f"PRAGMA user_version = {uv}",
            f"UPDATE alembic_version SET version_num = '{rev}'"), "newer")  # fmt: skip
    for i, stmt in enumerate([
        "UPDATE alembic_version SET version_num = 'abc'",
        "UPDATE alembic_version SET version_num = '0001'",
        "DELETE FROM alembic_version",
        "INSERT INTO alembic_version VALUES ('0001')",
        "PRAGMA user_version = 1",
    ]):  # fmt: skip
        add(f"revision-{i}", sql_case(base, folder, f"rev{i}", stmt), "corrupt")
    # missing tables and columns; views and generated columns instead of tables
    from planner.store.tables import TABLES

    for t in [*TABLES, "alembic_version"]:
        name = getattr(t, "name", t)
        add(f"missing-{name}", sql_case(base, folder, f"miss-{name}", f"DROP TABLE {name}"),
            "missing_table")  # fmt: skip
    for table, col in [("unit", "staff"), ("task", "selected"), ("cost_line", "unit_price"),
                       ("plan", "prefecture"), ("step", "notes")]:  # fmt: skip
        add(f"missing-{table}.{col}", sql_case(base, folder, f"misscol-{table}-{col}",
            f"ALTER TABLE {table} DROP COLUMN {col}"), "missing_table")  # fmt: skip
    add("view-for-table", sql_case(base, folder, "view", "DROP TABLE member",
        "CREATE VIEW member AS SELECT 1 AS pk, 'x' AS name, '' AS role, '' AS department"),
        "missing_table")  # fmt: skip
    add("generated-column", sql_case(base, folder, "gen", "DROP TABLE kpi",
        "CREATE TABLE kpi (pk INTEGER PRIMARY KEY, name TEXT, baseline TEXT, target TEXT,"
        " fiscal_year INTEGER, g TEXT GENERATED ALWAYS AS (upper(name)))"), "missing_table")  # fmt: skip
    add("orphan-task", sql_case(base, folder, "orphan", "UPDATE task SET unit_pk = 999 WHERE pk = 1"),
        "corrupt")  # fmt: skip
    add("orphan-task-no-fk", sql_case(base, folder, "orphan2", "UPDATE task SET unit_pk = 999 WHERE pk = 1",
        seal=False), "corrupt")  # fmt: skip
    # wrong types (SQLite stores anything anywhere)
    for i, stmt in enumerate([
        "UPDATE unit SET staff = '12' WHERE pk = 1",
        "UPDATE unit SET staff = 12.5 WHERE pk = 1",
        "UPDATE task SET selected = 2 WHERE pk = 1",
        "UPDATE task SET selected = 'yes' WHERE pk = 1",
        "UPDATE step SET start_date = '2025-13-01' WHERE number = 1",
        "UPDATE step SET start_date = 'tomorrow' WHERE number = 2",
        "UPDATE training_event SET day = 20250401 WHERE pk = 1",
        "UPDATE plan SET fiscal_capacity_multiplier = 'NaN'",
        "UPDATE plan SET fiscal_capacity_multiplier = '1e400'",
        "UPDATE plan SET adopted_scenario_id = 5",
        "UPDATE cost_line SET unit_price = x'00ff' WHERE pk = 1",
        "UPDATE plan SET fiscal_capacity_index = '-0.1'",
    ]):  # fmt: skip
        add(f"type-{i}", sql_case(base, folder, f"type{i}", stmt), "invalid", "corrupt")
    # rows that break the plan's structure
    for i, stmt in enumerate([
        f"INSERT INTO plan SELECT 2, {', '.join(PLAN_COLUMNS)} FROM plan",
        "DELETE FROM plan",
        "INSERT INTO checklist_entry (step_number, item_id, done, note)"
        " SELECT step_number, item_id, done, note FROM checklist_entry WHERE pk = 1",
        "INSERT INTO plan_list_item (list_name, value) VALUES ('secret_list', 'x')",
        "DELETE FROM step WHERE number = 10",
    ]):  # fmt: skip
        add(f"structure-{i}", sql_case(base, folder, f"struct{i}", stmt), "invalid", "corrupt")
    # values the domain refuses, in files crafted to pass the checksum
    for i, stmt in enumerate([
        "UPDATE cost_line SET unit_price = -120000 WHERE pk = 1",
        "UPDATE cost_line SET quantity = -3 WHERE pk = 2",
        "UPDATE cost_line SET unit_price = 10000000000000 WHERE pk = 3",
        "UPDATE unit SET staff = -1 WHERE pk = 1",
        "UPDATE unit SET teleworkers = staff + 1 WHERE pk = 2",
        "UPDATE plan SET general_staff = all_staff + 1",
        "UPDATE plan SET fiscal_year = 1868",
        "UPDATE plan SET prefecture = 'ニューヨーク州'",
        "UPDATE plan SET municipality_name = '   '",
        "UPDATE cost_line SET category = 'bribes' WHERE pk = 1",
        "UPDATE cost_line SET end_fy = start_fy - 1 WHERE pk = 1",
        "UPDATE task SET personal_data = 'everything' WHERE pk = 1",
        "UPDATE phase SET end_date = '2020-01-01' WHERE pk = 1",
        "UPDATE plan SET adopted_scenario_id = 'nope'",
        "UPDATE unit SET id = (SELECT id FROM unit WHERE pk = 1) WHERE pk = 2",
        "UPDATE plan SET plan_years = 0",
        "UPDATE plan SET fiscal_capacity_multiplier = '2.5'",
        "UPDATE unit SET form_max_days = 45 WHERE pk = 1",
        "UPDATE plan SET device_policy = '<script>alert(1)</script>'",
        "UPDATE plan SET leader = '" + "長" * 10_001 + "'",
        "UPDATE task SET name = '" + "x" * 50_000 + "' WHERE pk = 1",
    ]):  # fmt: skip
        add(f"domain-{i}", sql_case(base, folder, f"dom{i}", stmt, seal=True), "invalid")
    # huge values (over SQLite's length limit for a received file)
    add("huge-string", sql_case(base, folder, "huge", "UPDATE plan SET current_notes = '"
        + "あ" * 1_200_000 + "'"), "too_large")  # fmt: skip
    add("huge-blob", sql_case(base, folder, "hugeblob",
        "UPDATE member SET role = zeroblob(2000000) WHERE pk = 1"), "too_large", "invalid")  # fmt: skip
    # content changed by another tool without updating the checksum
    for i, stmt in enumerate([
        "UPDATE plan SET municipality_name = 'となり町'",
        "UPDATE cost_line SET unit_price = unit_price + 1 WHERE pk = 1",
        "UPDATE file_info SET value = 'x' WHERE key = 'content_sha256'",
        "DELETE FROM file_info WHERE key = 'content_sha256'",
        "DELETE FROM task WHERE pk = 3",
    ]):  # fmt: skip
        add(f"unsealed-{i}", sql_case(base, folder, f"unsealed{i}", stmt), "corrupt")
    return cases


def test_corpus_is_large_enough(corpus):
    assert len(corpus) >= 200


def test_every_damaged_file_is_refused_clearly(corpus, base, caplog):
    original = open_plan(base)
    caplog.set_level(logging.WARNING)
    problems = []
    harmless = 0
    for name, path, reasons in corpus:
        try:
            plan = open_plan(path)
        except ProjectFileError as e:
            ja, en = e.text("ja"), e.text("en")
            if e.reason not in reasons or "\n" in ja or not ja or not en or "Traceback" in ja:
                problems.append(f"{name}: {e.reason}: {en}")
            if path.name[:-7] not in ja and path.name not in ja:
                problems.append(f"{name}: the message does not name the file: {ja}")
            continue
        except Exception as e:  # noqa: BLE001 - the test reports it
            problems.append(f"{name}: raised {type(e).__name__}: {e}")
            continue
        if name.startswith("bitflip") and plan == original:
            harmless += 1  # a flip in unused space: the data is intact
        else:
            problems.append(f"{name}: was opened")
    assert problems == [], "\n".join(problems)
    assert harmless <= 8, "most bit flips must be detected"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize(
    ("name", "reason", "ja", "en"),
    [
        ("trunc0", "not_sqlite", "計画ファイル（.twplan）ではありません", "is not a plan file"),
        ("other0", "not_ours", "このプログラムの計画ファイルではありません", "another application"),
        ("newer1", "newer", "新しいバージョンのプログラム", "newer version"),
        ("miss-unit", "missing_table", "必要な表「unit」がない", "lacks the table 'unit'"),
        ("truncr0", "corrupt", "壊れている", "damaged"),
        ("huge", "too_large", "大きすぎる", "too large"),
        ("dom0", "invalid", "単価に負の値は入力できません", "Unit price cannot be negative"),
        ("dom4", "invalid", "課の職員数", "exceed the unit's staff"),
        ("type1", "invalid", "整数ではありません", "not an integer"),
        ("unsealed0", "corrupt", "他のツールで書き換えられています", "changed by another tool"),
    ],
)
def test_messages_name_the_problem(corpus, name, reason, ja, en):
    path = next(p for _n, p, _r in corpus if p.name == f"{name}.twplan")
    with pytest.raises(ProjectFileError) as e:
        open_plan(path)
    assert e.value.reason == reason
    assert ja in e.value.text("ja")
    assert en in e.value.text("en")


def test_sql_text_and_markup_in_names_are_data(tmp_path):
    plan = import_json(sample_json("yamanami-village"))
    hostile = [
        "'); DROP TABLE plan; --",
        "<script>alert('x')</script>",
        '<img src="file:///etc/passwd"/>',
        "R&D課 <b>太字</b> &amp; A<B",
        "\"; ATTACH DATABASE '/tmp/x' AS x; --",
        "総務課\n改行\t入り",
    ]
    plan.municipality.name = hostile[0]
    for unit, text in zip(plan.units, hostile[1:], strict=False):
        unit.name = text
    plan.units[0].tasks[0].note = hostile[-1]
    path = tmp_path / "names.twplan"
    save_plan(plan, path)
    back = open_plan(path)
    assert back == plan
    assert back.municipality.name == "'); DROP TABLE plan; --"
    assert back.units[2].name == "R&D課 <b>太字</b> &amp; A<B"
    with closing(sqlite3.connect(path)) as conn:  # nothing was executed
        assert conn.execute("SELECT count(*) FROM plan").fetchone()[0] == 1


def test_triggers_of_a_received_file_never_run(tmp_path):
    """An old file with a trigger: migration copies the data into a database of our own."""
    path = tmp_path / "trap.twplan"
    shutil.copy(Path(__file__).parent / "data" / "plan-rev0001.twplan", path)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(
            "CREATE TRIGGER trap AFTER INSERT ON unit BEGIN "
            "UPDATE plan SET municipality_name = 'hacked'; DELETE FROM cost_line; END"
        )
        conn.commit()
    plan = open_plan(path)
    assert plan.municipality.name == "やまなみ村"
    assert sum(len(s.lines) for s in plan.scenarios) == 15


def test_a_file_that_takes_too_long_is_stopped(base):
    with pytest.raises(ProjectFileError) as e:
        open_plan_with_info(base, time_limit=0.0)
    assert e.value.reason == "timeout"
    assert "制限時間" in e.value.text("ja")


def test_a_file_over_the_size_limit_is_refused_before_reading(base, monkeypatch):
    monkeypatch.setattr(schema, "MAX_FILE_BYTES", 10_000)
    with pytest.raises(ProjectFileError) as e:
        open_plan(base)
    assert e.value.reason == "too_large"


def test_a_table_with_too_many_rows_is_refused(base, tmp_path):
    path = tmp_path / "rows.twplan"
    shutil.copy(base, path)
    with closing(sqlite3.connect(path)) as conn:
        conn.executemany(
            "INSERT INTO plan_list_item (list_name, value) VALUES ('tools', 'chat')",
            [()] * (schema.MAX_TABLE_ROWS + 1),
        )
        conn.commit()
    with pytest.raises(ProjectFileError) as e:
        open_plan(path)
    assert e.value.reason == "too_large"
    assert "plan_list_item" in e.value.text("ja")


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ProjectFileError) as e:
        open_plan(tmp_path / "none.twplan")
    assert e.value.reason == "not_found"
    folder = tmp_path / "x.twplan"
    folder.mkdir()
    with pytest.raises(ProjectFileError) as e:
        open_plan(folder)
    assert e.value.reason == "not_regular"
    assert (
        e.value.text("ja")
        == "「x.twplan」は通常のファイルではありません（フォルダー）。ファイルを指定してください。"
    )
    assert e.value.text("en") == "'x.twplan' is not a regular file (it is a folder). Name a file."


def test_unexpected_errors_become_a_clear_refusal(base, monkeypatch):
    from planner.store import sqlfile

    def boom(*_a, **_k):
        raise KeyError("surprise")

    monkeypatch.setattr(sqlfile, "read_plan_rows", boom)
    with pytest.raises(ProjectFileError) as e:
        open_plan(base)
    assert e.value.reason == "unreadable"
    assert "開けませんでした" in e.value.text("ja")
