"""Issue 18, part 2: files read at start-up or open that a user or another program left behind.

Rule files (the user's rules folder and ``planner rules import``), lock files and
recovery entries: a bad one is skipped with a message that names it, never a traceback.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from planner.domain.errors import ResourceError
from planner.loading import default_catalog, load_catalog, with_user_rules
from planner.loading.rule_files import load_user_rules, parse_rule_file

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "kawasemi-town.twplan"

GOOD = """schema = 1
[[rules]]
fiscal_year = 2025
rate = "1/3"
eligible_categories = ["ict_equipment", "licence"]
rounding = { unit = 1000, mode = "down" }
coverage = "introduction_and_running"
coverage_source = "県からの回答（例）"
source.ja = "総務省通知（例）"
source.en = "MIC notice (example)"
date = "2025-01-10"
note.ja = "例"
note.en = "example"
"""

# the four ways one file in the rules folder broke every plan (and two more)
BAD = {
    "sjis.toml": GOOD.replace("2025", "2026").encode("shift_jis"),
    "utf16.toml": GOOD.replace("2025", "2026").encode("utf-16"),
    "deep.toml": b"schema = 1\nx = " + b"[" * 5000 + b"]" * 5000 + b"\n",
    "nested.toml": GOOD.replace('["ict_equipment", "licence"]', "[[1]]").encode(),
    "datetime.toml": GOOD.replace('date = "2025-01-10"', "date = 2025-01-10T10:00:00").encode(),
    "no-rate.toml": GOOD.replace('rate = "1/3"\n', "").encode(),
}


def _problem_text(problems, lang):
    return " ".join(p.get(lang) for p in problems)


@pytest.fixture
def rules_dir(tmp_path, monkeypatch):
    """The user's rules folder for this test; the process's catalog is read again."""
    folder = tmp_path / "rules"
    folder.mkdir()
    monkeypatch.setenv("TELEWORK_PLANNER_RULES_DIR", str(folder))
    default_catalog.cache_clear()
    yield folder
    default_catalog.cache_clear()


@pytest.fixture
def sample(tmp_path):
    copy = tmp_path / "plans" / "town.twplan"
    copy.parent.mkdir()
    shutil.copyfile(SAMPLE, copy)
    return copy


# -- 1. a bad file in the rules folder ---------------------------------------------------


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_rule_file_is_skipped_with_a_warning_naming_it(tmp_path, catalog, name):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "good.toml").write_text(GOOD, encoding="utf-8")  # FY2025 (a second file for it)
    (folder / name).write_bytes(BAD[name])
    rules, problems = load_user_rules(folder, catalog.category_ids())
    assert [(r.fiscal_year, r.origin) for r in rules] == [(2025, "good.toml")]
    assert len(problems) == 1
    assert name in problems[0].ja and name in problems[0].en
    merged = with_user_rules(catalog, folder)
    assert merged.subsidy_rules[-1].origin == "good.toml"
    assert merged.rule_problems == tuple(problems)


def test_a_rules_folder_entry_that_is_not_a_regular_file_is_named(tmp_path, catalog):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "good.toml").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "pipe.toml")
    (folder / "zero.toml").symlink_to("/dev/zero")
    with open(folder / "huge.toml", "wb") as f:
        f.truncate(2 * 1024**3)  # sparse: 2 GB that must not be read
    rules, problems = load_user_rules(folder, catalog.category_ids())
    assert [r.origin for r in rules] == ["good.toml"]
    text = _problem_text(problems, "ja")
    assert "pipe.toml" in text and "名前付きパイプ" in text
    assert "zero.toml" in text and "デバイス" in text
    assert "huge.toml" in text and "大きすぎ" in text


def test_every_plan_command_opens_the_plan_and_names_the_bad_rule_file(rules_dir, sample, capsys):
    from planner.cli import run_cli

    (rules_dir / "good.toml").write_text(GOOD, encoding="utf-8")
    for name, data in BAD.items():
        (rules_dir / name).write_bytes(data)
    assert run_cli(["summary", str(sample)]) == 0
    out = capsys.readouterr()
    assert "Traceback" not in out.err and "かわせみ町" in out.out
    named = [line for line in out.err.splitlines() if any(n in line for n in BAD)]
    assert len(named) == len(BAD)  # one line per bad file
    assert all(line.startswith("planner: ") for line in named)
    assert "総務省通知（例）" in out.out  # the good file's rule is used for FY2025
    assert run_cli(["validate", str(sample), "--lang", "en"]) == 0
    err = capsys.readouterr().err
    assert "sjis.toml" in err and "not UTF-8" in err


# -- 2. rules import: special files and the six malformed files --------------------------


@pytest.mark.timeout(10)
def test_rules_import_refuses_a_fifo_a_device_and_a_huge_file(rules_dir, tmp_path, capsys):
    from planner.cli import run_cli

    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    assert run_cli(["rules", "import", str(fifo)]) == 1
    assert "名前付きパイプ" in capsys.readouterr().err
    assert run_cli(["rules", "import", "/dev/zero"]) == 1
    assert "デバイス" in capsys.readouterr().err
    huge = tmp_path / "huge.toml"
    with open(huge, "wb") as f:
        f.truncate(2 * 1024**3)
    assert run_cli(["rules", "import", str(huge)]) == 1
    err = capsys.readouterr().err
    assert "huge.toml" in err and "大きすぎ" in err
    assert list(rules_dir.iterdir()) == []


@pytest.mark.parametrize("name", sorted(BAD))
def test_rules_import_of_a_malformed_file_is_one_clear_line(rules_dir, tmp_path, capsys, name):
    from planner.cli import run_cli

    src = tmp_path / name
    src.write_bytes(BAD[name])
    assert run_cli(["rules", "import", str(src)]) == 1
    out = capsys.readouterr()
    lines = out.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("planner: ") and name in lines[0]
    assert out.out == "" and list(rules_dir.iterdir()) == []


# -- 3. lock files and recovery entries with absurd values -------------------------------


def _lock(plan: Path, **record) -> None:
    from planner.store.lock import current_host, lock_path

    data = {"user": "yamada", "host": current_host(), "pid": 4242,
            "since": datetime.now(UTC).isoformat(), "program": "x", "token": "t"}  # fmt: skip
    data.update(record)
    lock_path(plan).write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize(
    "record",
    [
        {"pid": 10**30},
        {"pid": -(10**30)},
        {"pid": 2**63},
        {"since": "0001-01-01T00:00:00+05:00"},
        {"since": "9999-12-31T23:59:59-05:00"},
        {"since": "0001-01-01T00:00:00"},
    ],
)
def test_a_lock_with_absurd_values_is_read_and_judged_without_error(tmp_path, record):
    from planner.cli import run_cli
    from planner.store.lock import is_stale, read_lock
    from tests.store_plans import sample_json

    plan = tmp_path / "p.twplan"
    _lock(plan, **record)
    info = read_lock(plan)
    assert info is not None
    assert is_stale(info)  # no such process / no such time: nobody holds the plan
    assert info.describe("ja") and info.describe("en")
    assert run_cli(["import-json", str(sample_json("kawasemi-town")), "-o", str(plan)]) == 0


def test_a_lock_dated_far_in_the_future_is_stale(tmp_path):
    from planner.store.lock import is_stale, read_lock

    plan = tmp_path / "p.twplan"
    _lock(plan, host="another-pc", since="9999-12-31T00:00:00+00:00")
    assert is_stale(read_lock(plan))
    _lock(plan, host="another-pc", since=(datetime.now(UTC) + timedelta(minutes=5)).isoformat())
    assert not is_stale(read_lock(plan))  # a clock a few minutes ahead: still someone's


@pytest.mark.parametrize("kind", ["folder", "fifo", "devzero"])
def test_a_lock_path_that_is_not_a_regular_file_holds_nobody_and_cannot_be_taken(tmp_path, kind):
    from planner.store.lock import (
        LockUnavailableError,
        acquire_lock,
        is_stale,
        lock_path,
        read_lock,
    )

    plan = tmp_path / "p.twplan"
    shutil.copyfile(SAMPLE, plan)
    lp = lock_path(plan)
    if kind == "folder":
        lp.mkdir()
    elif kind == "fifo":
        os.mkfifo(lp)
    else:
        lp.symlink_to("/dev/zero")
    info = read_lock(plan)
    assert is_stale(info)  # no program of ours made it: nobody has the plan open
    with pytest.raises(LockUnavailableError) as e:
        acquire_lock(plan)
    word = {"folder": "フォルダー", "fifo": "名前付きパイプ", "devzero": "デバイス"}[kind]
    assert word in e.value.text("ja") and lp.name in e.value.text("ja")
    assert "read-only" in e.value.text("en")
    assert os.path.lexists(lp)  # what the user put there is left alone


def _recovery(tmp_path: Path, **info: str) -> Path:
    from planner.store.interchange import import_json
    from planner.store.recovery import write_recovery
    from tests.store_plans import sample_json

    folder = tmp_path / "recovery"
    path = write_recovery(import_json(sample_json("kawasemi-town")), folder, tmp_path / "a.twplan")
    with sqlite3.connect(path) as conn:
        for key, value in info.items():
            conn.execute("UPDATE file_info SET value = ? WHERE key = ?", (value, key))
    conn.close()
    return folder


@pytest.mark.parametrize("pid", [str(10**30), str(-(10**30)), str(2**31), str(2**32 + 4)])
def test_a_recovery_entry_with_an_absurd_pid_is_offered_not_fatal(tmp_path, pid):
    from planner.store.lock import current_host
    from planner.store.recovery import list_recoveries

    folder = _recovery(tmp_path, recovery_pid=pid, recovery_host=current_host())
    (entry,) = list_recoveries(folder)
    assert not entry.running and entry.municipality == "かわせみ町"


# -- 4. rule-file messages in the user's language, naming the field ----------------------

ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")


def _ja_without_names(e: ResourceError, *names: str) -> str:
    text = e.text("ja")
    for n in names:
        text = text.replace(n, "")
    return text


@pytest.mark.parametrize(
    ("change", "field", "ja", "en"),
    [
        (('rate = "1/3"\n', ""), "rules[0].rate", "ありません", "missing"),
        (('date = "2025-01-10"\n', ""), "rules[0].date", "ありません", "missing"),
        (("schema = 1", "schema = 2"), "schema", "1", "expected 1"),
        (('rate = "1/3"', 'rate = "half"'), "rules[0].rate", "率", "not a rate"),
        (('rate = "1/3"', "rate = 0.5"), "rules[0].rate", "率", "not a rate"),
        (("fiscal_year = 2025", 'fiscal_year = "2025"'), "rules[0].fiscal_year", "整数", "integer"),
        (('mode = "down"', 'mode = "floor"'), "rules[0].rounding.mode", "いずれか", "not one of"),
        (('"licence"]', '"gadgets"]'), "rules[0].eligible_categories", "経費区分", "category"),
        (('date = "2025-01-10"', 'date = "10 Jan"'), "rules[0].date", "日付", "date"),
        (
            ('source.ja = "総務省通知（例）"', 'source.ja = " "'),
            "rules[0].source.ja",
            "空",
            "empty",
        ),
    ],
)
def test_rule_file_messages_are_in_the_users_language_and_name_the_field(
    catalog, change, field, ja, en
):
    with pytest.raises(ResourceError) as e:
        parse_rule_file(GOOD.replace(*change).encode(), "r7.toml", catalog.category_ids())
    assert e.value.field == field
    assert field in e.value.text("ja") and ja in e.value.text("ja")
    assert field in e.value.text("en") and en in e.value.text("en")
    rest = _ja_without_names(e.value, "r7.toml", field, "TOML", "gadgets", "half", "floor")
    rest = re.sub(r"'[^']*'|\"[^\"]*\"|（[^）]*: [^）]*）", "", rest)  # quoted values, choices
    assert not ENGLISH_WORD.search(rest), e.value.text("ja")


@pytest.mark.parametrize("name", sorted(BAD))
def test_messages_for_unreadable_rule_files_are_japanese(catalog, name):
    with pytest.raises(ResourceError) as e:
        parse_rule_file(BAD[name], name, catalog.category_ids())
    field = e.value.field if e.value.field != "-" else name
    rest = _ja_without_names(e.value, name, field, "UTF-8", "Shift_JIS", "UTF-16", "TOML")
    assert not ENGLISH_WORD.search(re.sub(r"'[^']*'", "", rest)), e.value.text("ja")


# -- 5. a second import says what it replaces ----------------------------------------------


def test_a_second_import_of_a_year_says_what_it_replaces(rules_dir, tmp_path, capsys):
    from planner.cli import run_cli

    first = tmp_path / "r7.toml"
    first.write_text(GOOD, encoding="utf-8")
    assert run_cli(["rules", "import", str(first)]) == 0
    assert "置き換え" not in capsys.readouterr().out  # nothing replaced the first time
    second = tmp_path / "r7b.toml"
    second.write_text(
        GOOD.replace('rate = "1/3"', 'rate = "1/4"').replace("（例）", "（第2版）"), "utf-8"
    )
    assert run_cli(["rules", "import", str(second)]) == 0
    out = capsys.readouterr().out
    assert "置き換え" in out and "措置率1/3" in out and "措置率0.25" in out  # 1/4 as step 7 says it
    assert "総務省通知（例）" in out and "総務省通知（第2版）" in out and "fy2025.toml" in out


def test_importing_a_shipped_year_says_it_replaces_the_bundled_rule(rules_dir, tmp_path, capsys):
    from planner.cli import run_cli

    src = tmp_path / "r6.toml"
    src.write_text(GOOD.replace("fiscal_year = 2025", "fiscal_year = 2024"), encoding="utf-8")
    assert run_cli(["rules", "import", str(src), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    bundled = next(r for r in load_catalog().subsidy_rules if r.fiscal_year == 2024)
    assert "replace" in out.lower() and "bundled" in out
    assert "0.5" in out and "1/3" in out  # the old rate and the new one
    assert bundled.source.en in out


# -- 6. the fiscal year's bounds and a datetime as date ------------------------------------


@pytest.mark.parametrize("year", [99999, 1999, 2101])
def test_a_rule_file_fiscal_year_must_lie_where_plans_may(catalog, year):
    from planner.domain.fiscal import MAX_FISCAL_YEAR, MIN_FISCAL_YEAR

    text = GOOD.replace("fiscal_year = 2025", f"fiscal_year = {year}")
    with pytest.raises(ResourceError) as e:
        parse_rule_file(text.encode(), "r.toml", catalog.category_ids())
    assert e.value.field == "rules[0].fiscal_year"
    assert f"{MIN_FISCAL_YEAR}" in e.value.text("ja") and f"{MAX_FISCAL_YEAR}" in e.value.text("ja")
    assert str(year) in e.value.text("en")


@pytest.mark.parametrize("value", ["2025-01-10T10:00:00", "2025-01-10 10:00:00+09:00"])
def test_a_datetime_is_refused_as_the_rules_date(catalog, value):
    text = GOOD.replace('date = "2025-01-10"', f"date = {value}")
    with pytest.raises(ResourceError) as e:
        parse_rule_file(text.encode(), "r.toml", catalog.category_ids())
    assert e.value.field == "rules[0].date"
    assert "時刻" in e.value.text("ja") and "time" in e.value.text("en")


# -- 7. terminal escapes from a rule file reach no terminal --------------------------------


def test_rules_import_and_list_escape_control_characters(rules_dir, tmp_path, capsys):
    from planner.cli import run_cli

    src = tmp_path / "r7.toml"
    src.write_text(
        GOOD.replace("総務省通知（例）", "通知\\u001b[2J\\u001b]0;pwned\\u0007"), "utf-8"
    )
    assert run_cli(["rules", "import", str(src)]) == 0
    out = capsys.readouterr()
    assert "\x1b" not in out.out + out.err and "通知\\x1b[2J" in out.out
    evil = rules_dir / "evil\x1b[31m.toml"
    evil.write_text(GOOD.replace("2025", "2026"), encoding="utf-8")
    bad = rules_dir / "bad\x1b]0;t\x07.toml"
    bad.write_bytes(BAD["sjis.toml"])
    assert run_cli(["rules", "list"]) == 0
    out = capsys.readouterr()
    assert "\x1b" not in out.out + out.err and "\x07" not in out.err
    assert "evil\\x1b[31m.toml" in out.out and "bad\\x1b]0;t\\x07.toml" in out.err
    assert "通知\\x1b[2J" in out.out
