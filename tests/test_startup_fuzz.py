"""Issue 18: every file the program reads at start-up or open, fuzzed.

Rule files (the user's rules folder), lock files, recovery entries and the settings
file get random bytes, random TOML / JSON / INI of the right shape with wrong values,
and special files (FIFO, folder, a symlink to /dev/zero, a huge sparse file). Each
time the program must start (the main window built offscreen), open a copy of the
sample plan, and the CLI must say what it skipped in one clean line per file.

Bounded for ``make test`` (a few seconds; the examples are the same at every run).
``TELEWORK_FUZZ_SCALE=20`` runs twenty times as many, new ones each time.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QPushButton

from planner.domain.errors import ResourceError
from planner.domain.fiscal import MAX_FISCAL_YEAR, MIN_FISCAL_YEAR
from planner.loading import default_catalog
from planner.loading.rule_files import load_user_rules, parse_rule_file
from planner.store.lock import current_host, is_stale, lock_path, read_lock
from tests.test_issue18_startup import GOOD, SAMPLE

SCALE = int(os.environ.get("TELEWORK_FUZZ_SCALE", "1"))


def fuzz(examples: int):
    return settings(
        max_examples=examples * SCALE,
        deadline=None,
        derandomize=SCALE == 1,  # make test: the same examples every run
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # what must never reach a terminal

# -- values: TOML of any kind, and how to write it ----------------------------------------------

OFFSETS = st.sampled_from(
    [None, UTC, timezone(timedelta(hours=9)), timezone(timedelta(hours=-12, minutes=-59))]
)
SPECIAL_TEXT = st.sampled_from(
    ["1/2", "0", "1/0", "2", "0.5", "1e-99999999", "-1/2", " 1/3 ", "", "ict_equipment",
     "down", "introduction", "2025-01-10", "2025-13-01", "\x1b[2J", "\ud800", "a" * 300]
)  # fmt: skip
SCALARS = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),  # TOML's integers
    st.sampled_from([99999, 1999, 2101, 2000, 2100, 0, -1, 10**18]),
    st.floats(),
    st.booleans(),
    st.text(max_size=20),
    SPECIAL_TEXT,
    st.dates(),
    st.datetimes(timezones=OFFSETS),
    st.times(),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


def toml(v) -> str:
    """A TOML value (inline); strings as JSON writes them (TOML's basic strings read the same)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return (
            "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf") if math.isinf(v) else repr(v)
        )
    if isinstance(v, str):
        return _string(v)
    if isinstance(v, date | time):  # datetime too
        return v.isoformat()
    if isinstance(v, list):
        return "[" + ", ".join(toml(x) for x in v) + "]"
    return "{" + ", ".join(f"{_string(k)} = {toml(x)}" for k, x in v.items()) + "}"


def _string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # not ASCII: TOML refuses surrogate escapes


GOOD_FIELDS = {
    "fiscal_year": 2025,
    "rate": "1/3",
    "eligible_categories": ["ict_equipment", "licence"],
    "rounding": {"unit": 1000, "mode": "down"},
    "coverage": "introduction_and_running",
    "coverage_source": "県からの回答（例）",
    "source": {"ja": "総務省通知（例）", "en": "MIC notice (example)"},
    "date": date(2025, 1, 10),
    "note": {"ja": "例", "en": "example"},
}


@st.composite
def rule_file_bytes(draw) -> bytes:
    """A rule file of the right shape whose fields are right, wrong or missing; at times
    in another encoding, nested thousands deep, or random bytes."""
    kind = draw(st.sampled_from(["shaped"] * 6 + ["bytes", "deep", "encoding"]))
    if kind == "bytes":
        return draw(st.binary(max_size=400))
    if kind == "deep":
        n = draw(st.sampled_from([50, 300, 1000, 5000]))
        return b"schema = 1\nx = " + b"[" * n + b"]" * n + b"\n"
    table = {}
    for key, good in GOOD_FIELDS.items():
        how = draw(st.sampled_from(["good", "good", "good", "wrong", "missing"]))
        if how != "missing":
            table[key] = good if how == "good" else draw(VALUES)
    schema = draw(st.sampled_from(["schema = 1\n"] * 4 + ["", "schema = 2\n", 'schema = "1"\n']))
    rules = draw(st.sampled_from([1, 1, 1, 0, 2]))
    body = "".join(f"{_string(k)} = {toml(v)}\n" for k, v in table.items())
    text = schema + "".join("[[rules]]\n" + body for _ in range(rules))
    if kind == "encoding":
        return text.encode(
            draw(st.sampled_from(["utf-16", "utf-8-sig", "shift_jis", "cp932"])), "replace"
        )
    return text.encode("utf-8", "surrogatepass")


def _check_rule_or_message(data: bytes, name: str, catalog) -> None:
    """The rule is sound, or ResourceError names the file in one line of ja and one of en."""
    try:
        rule = parse_rule_file(data, name, catalog.category_ids())
    except ResourceError as e:
        for lang in ("ja", "en"):
            text = e.text(lang)
            assert name in text and "\n" not in text and len(text) < 1000, text
        return
    assert MIN_FISCAL_YEAR <= rule.fiscal_year <= MAX_FISCAL_YEAR
    assert type(rule.date) is date and 0 < rule.rate <= 1
    assert all(isinstance(c, str) for c in rule.eligible_categories)


@fuzz(250)
@given(data=rule_file_bytes())
def test_a_rule_file_gives_a_sound_rule_or_a_named_message(catalog, data):
    _check_rule_or_message(data, "r.toml", catalog)


@fuzz(50)
@given(data=rule_file_bytes(), second=st.booleans())
def test_one_bad_rule_file_never_hides_the_good_one(catalog, data, second):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "a-good.toml").write_text(GOOD.replace("2025", "2026"), encoding="utf-8")
        (folder / "b-fuzzed.toml").write_bytes(data)
        if second:  # a second file for the good one's year: dates are compared
            (folder / "c-fuzzed.toml").write_bytes(data.replace(b"2025", b"2026"))
        rules, problems = load_user_rules(folder, catalog.category_ids())
    assert any(r.origin == "a-good.toml" for r in rules)
    assert len(rules) + len(problems) == 2 + second
    assert all("fuzzed.toml" in p.ja and "fuzzed.toml" in p.en for p in problems)


# -- lock files ------------------------------------------------------------------------------

PIDS = st.one_of(
    st.integers(), st.sampled_from([10**30, -(10**30), 0, -1, 2**31, 2**63, os.getpid()])
)
SINCE = st.one_of(
    st.datetimes(timezones=OFFSETS).map(lambda d: d.isoformat()),
    st.sampled_from(["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "2025-02-30"]),
    st.datetimes(
        min_value=datetime.now() - timedelta(days=2), max_value=datetime.now() + timedelta(days=2),
        timezones=OFFSETS,
    ).map(lambda d: d.isoformat()),
)  # fmt: skip
LOCK_RECORDS = st.fixed_dictionaries(
    {},
    optional={
        "user": st.text(max_size=10) | VALUES,
        "host": st.just(current_host()) | st.text(max_size=10) | VALUES,
        "pid": PIDS | VALUES,
        "since": SINCE | VALUES,
        "program": st.text(max_size=5) | VALUES,
        "token": st.text(max_size=5) | VALUES,
    },
)


def lock_bytes():
    return st.one_of(
        LOCK_RECORDS.map(lambda d: json.dumps(d, default=str).encode("utf-8", "surrogatepass")),
        st.binary(max_size=200),
        st.just(b"[" * 5000 + b"]" * 5000),
        st.just(b"{" * 4000),
    )


def _check_lock(plan: Path) -> None:
    info = read_lock(plan)
    assert info is not None
    is_stale(info)  # a yes or a no, never an exception
    for lang in ("ja", "en"):
        assert "\n" not in info.describe(lang)


@fuzz(200)
@given(data=lock_bytes())
def test_a_lock_file_of_any_content_is_read_and_judged(data):
    with tempfile.TemporaryDirectory() as tmp:
        plan = Path(tmp) / "p.twplan"
        lock_path(plan).write_bytes(data)
        _check_lock(plan)


# -- recovery entries --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def recovery_template(tmp_path_factory):
    from planner.store.interchange import import_json
    from planner.store.recovery import write_recovery
    from tests.store_plans import sample_json

    folder = tmp_path_factory.mktemp("template")
    plan = import_json(sample_json("kawasemi-town"))
    return write_recovery(plan, folder, folder / "a.twplan")


RECOVERY_INFO = st.fixed_dictionaries(
    {
        "recovery_pid": PIDS.map(str) | st.text(max_size=8),
        "recovery_host": st.just(current_host()) | st.text(max_size=8),
        "saved_at": SINCE | st.text(max_size=8),
        "recovery_source": st.text(max_size=20) | st.just("/nonexistent/\x1b[2J.twplan"),
    }
)


def _recovery_folder(template: Path, folder: Path, info: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / template.name
    shutil.copyfile(template, path)
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        for key, value in info.items():
            conn.execute("UPDATE file_info SET value = ? WHERE key = ?", (value, key))


@fuzz(30)
@given(info=RECOVERY_INFO, damage=st.binary(max_size=64), at=st.integers(0, 4000))
def test_a_recovery_entry_of_any_content_is_listed_or_skipped(recovery_template, info, damage, at):
    from planner.store.recovery import list_recoveries

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "recovery"
        _recovery_folder(recovery_template, folder, info)
        if damage:  # bytes overwritten somewhere in the file as well
            with open(folder / recovery_template.name, "r+b") as f:
                f.seek(at)
                f.write(damage)
        for entry in list_recoveries(folder):
            assert entry.running in (True, False)
            f"{entry.saved_at:%Y-%m-%d %H:%M}"  # as the welcome page shows it


# -- the settings file ----------------------------------------------------------------------------

INI_VALUES = st.one_of(
    st.sampled_from(
        ["en", "ja", "true", "false", "a, b, c", "@Rect(0 0 99999999999 -5)", "@Rect(1 2 3)",
         "@Size(-1 -1)", "@Point(1 2)", "@ByteArray(\\xff\\0)", "@Invalid()",
         "@Variant(\\0\\0\\0\\x2\\0\\0\\0\\x5)", "@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x6)",
         "@Variant(\\0\\0\\0\\x13\\0\\0\\0\\x1\\0\\0\\0\\x2\\0\\0\\0\\x3\\0\\0\\0\\x4)",
         "@Variant(\\0\\0\\0\\xc\\xff\\xff\\xff\\xff)", "@Variant(\\0\\0\\0\\x9\\x7f\\xff\\xff\\xff)"]
    ),
    st.text(max_size=30),
)  # fmt: skip
INI_KEYS = st.sampled_from(
    [("ui", "language"), ("files", "recent"), ("window", "rect"), ("window", "maximized"),
     ("splitters", "workspace"), ("General", "x")]
)  # fmt: skip


@st.composite
def settings_bytes(draw) -> bytes:
    if draw(st.integers(0, 4)) == 0:
        return draw(st.binary(max_size=300))
    lines = []
    for section, key in draw(st.lists(INI_KEYS, max_size=6)):
        lines.append(f"[{section}]\n{key}={draw(INI_VALUES)}\n")
    return "".join(lines).encode("utf-8", "surrogatepass")


@pytest.fixture
def settings_files(app):
    """QSettings' INI files, put back as they were (and Qt's path with them) afterwards."""
    from PySide6.QtCore import QSettings

    from planner.ui.settings_file import restore_settings_path

    own = Path(QSettings().fileName())
    paths = [own, own.parent.with_suffix(".conf")]
    own.parent.mkdir(parents=True, exist_ok=True)
    saved = {p: p.read_bytes() if p.is_file() and not p.is_symlink() else None for p in paths}
    yield paths
    for p, data in saved.items():
        _remove(p)
        if data is not None:
            p.write_bytes(data)
    restore_settings_path()


def _remove(p: Path) -> None:
    if p.is_dir() and not p.is_symlink():
        shutil.rmtree(p)
    elif os.path.lexists(p):
        p.unlink()


@fuzz(50)
@given(data=settings_bytes(), which=st.sampled_from([0, 0, 1]))
def test_a_settings_file_of_any_content_lets_the_window_start(app, settings_files, data, which):
    from PySide6.QtWidgets import QMainWindow, QSplitter

    from planner.ui import i18n
    from planner.ui.app import create_app
    from planner.ui.file_actions import recent_files
    from planner.ui.settings_file import restore_settings_path
    from planner.ui.window_state import place_window, remember_splitter

    settings_files[which].write_bytes(data)
    try:
        create_app()  # checks the files before the first QSettings()
        assert i18n.saved_language() in ("ja", "en")
        assert all(isinstance(p, Path) for p in recent_files())
        window = QMainWindow()
        place_window(window)
        remember_splitter(QSplitter(window), "workspace")
        window.deleteLater()
    finally:
        i18n.set_language("ja", remember=False)
        restore_settings_path()


# -- the whole start: window, sample plan, CLI -----------------------------------------------------

LOCATIONS = ("rules", "lock", "recovery", "settings")


@contextlib.contextmanager
def started(qtbot, tmp: Path):
    """The program's start with the files as left in ``tmp``; yields the window. The rules
    folder is read again (the process's catalog cache cleared before and after)."""
    from planner.ui.app import create_app
    from planner.ui.main_window import MainWindow
    from planner.ui.settings_file import restore_settings_path

    old = os.environ.get("TELEWORK_PLANNER_RULES_DIR")
    os.environ["TELEWORK_PLANNER_RULES_DIR"] = str(tmp / "rules")
    default_catalog.cache_clear()
    w = None
    try:
        create_app()
        w = MainWindow(recovery_dir=tmp / "recovery")
        w.show_restored()
        qtbot.waitExposed(w)
        yield w
    finally:
        if w is not None:  # as the user quits: the lock released, the settings written
            if w.doc is not None:
                w.doc.undo_stack.clear()
                w.doc.undo_stack.setClean()
            w.close()
            w.deleteLater()
        os.environ["TELEWORK_PLANNER_RULES_DIR"] = old if old is not None else ""
        default_catalog.cache_clear()
        restore_settings_path()


def _plan_copy(tmp: Path) -> Path:
    plan = tmp / "plans" / "town.twplan"
    plan.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SAMPLE, plan)
    return plan


def _opens_the_sample(w, plan: Path, replies) -> None:
    assert w.files.open(plan), replies["errors"]
    assert w.doc is not None and w.doc.plan.municipality.name == "かわせみ町"


def _cli(args: list[str], rules: Path) -> tuple[int, str, str]:
    from planner.cli import run_cli

    out, err = io.StringIO(), io.StringIO()
    old = os.environ.get("TELEWORK_PLANNER_RULES_DIR")
    os.environ["TELEWORK_PLANNER_RULES_DIR"] = str(rules)
    default_catalog.cache_clear()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = run_cli(args)
    finally:
        os.environ["TELEWORK_PLANNER_RULES_DIR"] = old if old is not None else ""
        default_catalog.cache_clear()
    return code, out.getvalue(), err.getvalue()


def _clean_lines(text: str, name: str) -> list[str]:
    """The lines naming ``name``: free of control characters and tracebacks."""
    assert "Traceback" not in text and not CONTROL.search(text), text
    return [line for line in text.splitlines() if name in line]


def _check_cli(plan: Path, rules: Path, bad_rule: str | None) -> None:
    code, out, err = _cli(["validate", str(plan)], rules)
    assert code == 0 and "かわせみ町" in out, err
    if bad_rule is not None:
        assert len(_clean_lines(err, bad_rule)) <= 1  # one line, or none: the file was sound
        code, out, err = _cli(["rules", "import", str(rules / bad_rule)], rules / "imported")
        _clean_lines(out + err, bad_rule)
        assert (code, len(err.splitlines())) in ((0, 0), (1, 1)), err


@fuzz(15)
@given(
    rule=rule_file_bytes(),
    lock=lock_bytes(),
    recovery=RECOVERY_INFO,
    config=settings_bytes(),
)
def test_the_program_starts_and_opens_the_sample_whatever_was_left_behind(
    app, qtbot, replies, recovery_template, settings_files, rule, lock, recovery, config
):
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "rules").mkdir()
        (tmp / "rules" / "fuzzed.toml").write_bytes(rule)
        plan = _plan_copy(tmp)
        lock_path(plan).write_bytes(lock)
        _recovery_folder(recovery_template, tmp / "recovery", recovery)
        settings_files[0].write_bytes(config)
        with started(qtbot, tmp) as w:
            bad = bool(w.catalog.rule_problems)
            assert ("fuzzed.toml" in w.statusBar().currentMessage()) == bad
            _opens_the_sample(w, plan, replies)
        _check_cli(plan, tmp / "rules", "fuzzed.toml")


def _special(path: Path, kind: str) -> None:
    _remove(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "devzero":
        path.symlink_to("/dev/zero")
    else:  # huge: 3 GB that reads as zeros, taking no disk
        with open(path, "wb") as f:
            f.truncate(3 * 1024**3)


@contextlib.contextmanager
def _unblocked(path: Path, kind: str):
    """For a FIFO: a writer in another process, so that a wrong read ends (with end-of-file)
    instead of hanging the test run; the function returned tells whether anything read it."""
    if kind != "fifo":
        yield lambda: False
        return
    marker = path.with_name(path.name + ".opened")
    writer = subprocess.Popen(  # noqa: S603 - our own shell line
        [
            "sh",
            "-c",
            'while :; do exec 3>"$1"; echo x > "$2"; exec 3>&-; done',
            "sh",
            str(path),
            str(marker),
        ]  # fmt: skip
    )
    try:
        yield marker.exists
    finally:
        writer.kill()
        writer.wait()
        marker.unlink(missing_ok=True)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("kind", ["fifo", "folder", "devzero", "huge"])
@pytest.mark.parametrize("where", LOCATIONS)
def test_a_special_file_anywhere_lets_the_program_start_and_open_the_sample(
    app, qtbot, replies, tmp_path, recovery_template, settings_files, where, kind
):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "good.toml").write_text(GOOD, encoding="utf-8")
    plan = _plan_copy(tmp_path)
    target = {
        "rules": rules / "special.toml",
        "lock": lock_path(plan),
        "recovery": tmp_path / "recovery" / "special.twplan",
        "settings": settings_files[0],
    }[where]
    if where == "recovery":
        _recovery_folder(recovery_template, tmp_path / "recovery", {})
    _special(target, kind)
    with _unblocked(target, kind) as read:
        with started(qtbot, tmp_path) as w:
            message = w.statusBar().currentMessage()
            offered = w.welcome.recovery_box.findChildren(QPushButton, "recoverButton")
            assert len(offered) == (where == "recovery")  # the sound entry; the special skipped
            _opens_the_sample(w, plan, replies)
            assert w.doc.read_only == (where == "lock")  # someone's, or no lock can be made
        _check_cli(plan, rules, "special.toml" if where == "rules" else None)
        assert not read(), f"the {where} FIFO was read"
    if where == "rules":
        assert "special.toml" in message
    if where == "settings":
        assert str(target) in message
    _remove(target)
