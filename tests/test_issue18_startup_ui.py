"""Issue 18, part 2, on the screen: the window starts and opens a plan whatever was left in
the rules folder, the recovery folder and the settings file; it names what it skipped in the
status bar; the cost strip and step 7 name the same assumed rule; a rule file loaded from
the File menu says what it replaces."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from planner.loading import default_catalog
from tests.test_issue18_startup import BAD, GOOD, SAMPLE, _recovery
from tests.ui_helpers import create_plan, edit_cell


@pytest.fixture
def rules_dir(tmp_path, monkeypatch):
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


def _start(qtbot, recovery_dir: Path):
    """The program's start: the application set up, the main window built and shown."""
    from planner.ui.app import create_app
    from planner.ui.main_window import MainWindow

    create_app()
    w = MainWindow(recovery_dir=recovery_dir)
    qtbot.addWidget(w)
    w.show_restored()
    return w


def _close(w) -> None:
    if w.doc is not None:
        w.doc.undo_stack.clear()
        w.doc.undo_stack.setClean()


# -- a bad rule file: the window starts, says which, and opens the plan -------------------


def test_the_window_names_bad_rule_files_in_the_status_bar_and_opens_the_plan(
    app, qtbot, tmp_path, replies, rules_dir, sample
):
    (rules_dir / "good.toml").write_text(GOOD, encoding="utf-8")
    for name, data in BAD.items():
        (rules_dir / name).write_bytes(data)
    w = _start(qtbot, tmp_path / "recovery")
    message = w.statusBar().currentMessage()
    assert all(name in message for name in BAD), message
    assert "取り込んだルールファイル sjis.toml は使いません" in message
    assert w.files.open(sample) and w.doc.plan.municipality.name == "かわせみ町"
    assert replies["errors"] == []
    assert any(r.origin == "good.toml" for r in w.doc.catalog.subsidy_rules)
    assert "sjis.toml" in w.statusBar().currentMessage()  # still said with the plan open
    _close(w)


def test_a_recovery_entry_with_an_absurd_pid_does_not_stop_the_start(app, qtbot, tmp_path, replies):
    from planner.store.lock import current_host

    folder = _recovery(tmp_path, recovery_pid=str(10**30), recovery_host=current_host())
    w = _start(qtbot, folder)
    buttons = w.welcome.recovery_box.findChildren(QPushButton, "recoverButton")
    assert len(buttons) == 1 and "かわせみ町" in buttons[0].text()
    _close(w)


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_a_lock_that_is_no_file_opens_the_plan_read_only_and_says_why(
    app, qtbot, tmp_path, replies, sample, kind
):
    from planner.store.lock import lock_path

    lp = lock_path(sample)
    lp.mkdir() if kind == "folder" else os.mkfifo(lp)
    w = _start(qtbot, tmp_path / "recovery")
    assert w.files.open(sample) and w.doc.read_only
    message = w.statusBar().currentMessage()
    assert lp.name in message and "読み取り専用" in message
    assert ("フォルダー" if kind == "folder" else "名前付きパイプ") in message
    assert replies["asked"] == []  # nothing to take over: nobody's lock
    _close(w)


# -- the settings file ------------------------------------------------------------------------


def _settings_files() -> list[Path]:
    """The INI files QSettings reads: the program's, and the organisation's beside its folder."""
    own = Path(QSettings().fileName())
    return [own, own.parent.with_suffix(".conf")]


@pytest.fixture
def settings_path(app):
    """The user's settings files (QSettings' INI files); restored, with Qt's path, afterwards."""
    paths = _settings_files()
    QSettings().sync()
    saved = {p: p.read_bytes() if p.is_file() and not p.is_symlink() else None for p in paths}
    yield paths
    for p, data in saved.items():
        if p.is_symlink() or (p.exists() and not p.is_file()):
            p.rmdir() if p.is_dir() and not p.is_symlink() else p.unlink()
        if data is None:
            p.unlink(missing_ok=True)
        else:
            p.write_bytes(data)
    from planner.ui.settings_file import restore_settings_path

    restore_settings_path()


def test_the_settings_files_checked_are_the_ones_qt_reads(app):
    from planner.ui.settings_file import settings_files

    assert settings_files() == _settings_files()


@contextmanager
def fifo_watch(path: Path):
    """A FIFO at ``path`` with a writer waiting in another process: whatever opens it to read
    gets end-of-file at once (the test never blocks; a thread would not do, the GIL stays held
    while Qt waits), and the returned function tells whether anything did."""
    os.mkfifo(path)
    marker = path.with_name(path.name + ".opened")
    writer = subprocess.Popen(  # noqa: S603 - our own shell line
        [
            "sh",
            "-c",
            'while :; do exec 3>"$1"; echo opened > "$2"; exec 3>&-; done',
            "sh",
            str(path),
            str(marker),
        ]  # fmt: skip
    )
    try:
        yield marker.exists  # written before the writer closes, so before a reader returns
    finally:
        writer.kill()
        writer.wait()
        marker.unlink(missing_ok=True)


@pytest.mark.parametrize("which", [0, 1])  # the program's file and the organisation's
def test_a_fifo_as_settings_file_is_not_read_and_is_named(
    app, qtbot, tmp_path, replies, settings_path, sample, which
):
    path = settings_path[which]
    path.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    with fifo_watch(path) as opened:  # everything up to the window's close (it saves settings)
        w = _start(qtbot, tmp_path / "recovery")
        assert w.files.open(sample)
        message = w.statusBar().currentMessage()
        _close(w)
        w.close()
        read = opened()
    assert not read, "Qt read the FIFO (a real start would block here for ever)"
    assert str(path) in message and "名前付きパイプ" in message


CRAFTED = [  # a list said to hold 2^31 items: Qt's QDataStream throws std::bad_alloc, abort
    "@Variant(\\0\\0\\0\\x9\\x7f\\xff\\xff\\xff)",
    '"@Var""iant(\\0\\0\\0\\x9\\x7f\\xff\\xff\\xff)"',  # as Qt unquotes it
    "\\x40Variant(\\0\\0\\0\\x9\\x7f\\xff\\xff\\xff)",  # as Qt unescapes it
    "a, @DateTime(\\0\\0\\0\\x9\\x7f\\xff\\xff\\xff)",
]
START = """
import sys
from planner.ui.app import create_app
from planner.ui.main_window import MainWindow
from planner.ui.settings_file import settings_problem
create_app()
w = MainWindow(recovery_dir=sys.argv[1])
w.show_restored()
print(settings_problem().en)
"""


@pytest.mark.parametrize("value", CRAFTED)
def test_a_settings_value_qt_would_abort_on_is_not_read(tmp_path, value):
    """In a process of its own: on failure Qt aborts the whole process."""
    config = tmp_path / "config"
    own = config / "TeleworkPlanner" / "Telework Planner.conf"
    own.parent.mkdir(parents=True)
    own.write_text(f"[window]\nrect={value}\n", encoding="utf-8")
    env = {**os.environ, "XDG_CONFIG_HOME": str(config), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", START, str(tmp_path / "recovery")],
        env=env, capture_output=True, text=True, timeout=60, cwd=Path(__file__).parent.parent,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-300:]
    assert "never writes (@Variant, @DateTime)" in run.stdout and str(own) in run.stdout
    assert own.read_text(encoding="utf-8") == f"[window]\nrect={value}\n"  # left alone


def test_settings_values_of_any_type_do_not_stop_the_start(
    app, qtbot, tmp_path, replies, settings_path, sample
):
    s = QSettings()
    s.setValue("files/recent", 5)
    s.setValue("window/rect", "not a rectangle")
    s.setValue("window/maximized", [1, 2])
    s.setValue("splitters/workspace", 3.5)
    s.setValue("ui/language", ["en"])
    s.sync()
    w = _start(qtbot, tmp_path / "recovery")
    assert w.files.open(sample) and w.doc.plan.municipality.name == "かわせみ町"
    w.workspace.go(6)  # the splitter's saved state is read with the workspace
    _close(w)


# -- 8. the cost strip and step 7 name the same assumed rule ----------------------------------


def test_the_cost_strip_and_step_7_say_the_same_of_an_assumed_rule(window, qtbot):
    from planner.domain.subsidy_text import assumed_rule_words

    create_plan(window, qtbot, fy=2025)  # FY2025–27: no notice for them, FY2024's rule assumed
    p4 = window.workspace.page(4)
    p4.catalog_units.setCurrentIndex(p4.catalog_units.findData("somu"))
    qtbot.mouseClick(p4.findChild(QPushButton, "addCatalogUnit"), Qt.MouseButton.LeftButton)
    units = window.workspace.page(5).units.model
    assert edit_cell(units, 0, "staff", "20") and edit_cell(units, 0, "teleworkers", "10")
    window.workspace.go(6)
    page = window.workspace.page(7)
    page.catalog_items.setCurrentIndex(page.catalog_items.findData("laptop_pc"))
    qtbot.mouseClick(page.findChild(QPushButton, "addCatalogItem"), Qt.MouseButton.LeftButton)
    strip = window.workspace.strip
    row = window.doc.plan.fiscal_years.index(strip.focus_year())
    note = page.years.item(row, page.years.NOTE).text()
    assert note == "令和6年度のルールを仮定"
    assert f"（{note}）" in strip.label.text()
    rule = next(r for r in window.catalog.subsidy_rules if r.fiscal_year == 2024)
    assert assumed_rule_words(rule).ja == note  # one domain text for both


# -- 5. a rule file loaded from the File menu says what it replaces ----------------------------


def test_loading_a_shipped_years_rule_says_what_it_replaces(
    window, qtbot, tmp_path, replies, monkeypatch
):
    monkeypatch.setenv("TELEWORK_PLANNER_RULES_DIR", str(tmp_path / "rules"))
    source = tmp_path / "r6.toml"
    source.write_text(GOOD.replace("fiscal_year = 2025", "fiscal_year = 2024"), encoding="utf-8")
    replies["open"] = source
    window.findChild(QAction, "actionImportRules").trigger()
    assert replies["errors"] == []
    _title, text = replies["infos"][-1]
    bundled = next(r for r in window.catalog.subsidy_rules if r.fiscal_year == 2023)  # unchanged
    assert "令和6年度のルールを置き換えました" in text
    assert "措置率0.5" in text and "措置率1/3" in text and "本プログラム同梱" in text
    assert bundled.origin == "bundled"
