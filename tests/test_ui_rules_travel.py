"""Issue 19, item 6, on the screen: a plan saved on "PC A" with an imported FY2025 rule (rate
1/3) and opened on "PC B" (no such rule). B's step 7, cost strip and summary page say the
rules differ, naming both; one click (undoable) computes with the plan's recorded rule and
gives A's figures yen for yen; saving on B keeps what B chose. Clicks and the File menu
drive it; the tests read the plan and the texts the user sees."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from planner.loading import default_catalog
from planner.store.project import open_plan
from planner.ui.mnemonics import strip
from tests.test_rules_travel import RULE_FY2025
from tests.test_ui_issue15 import SUBSIDY, _add_cost, _import, _teleworkers, _year
from tests.ui_helpers import create_plan

NET = 5


@pytest.fixture(autouse=True)
def _fresh_catalog_after():
    """The PCs' catalogs are not left to the next test (read again with its own folder)."""
    yield
    default_catalog.cache_clear()


def _press(qtbot, window, name: str) -> None:
    """A menu command (the menus are rebuilt when a plan opens: the old ones go first)."""
    qtbot.waitUntil(lambda: len(window.findChildren(QAction, name)) == 1)
    window.findChild(QAction, name).trigger()


def _table(page) -> list[list[str]]:
    """Every figure of step 7's yearly table (the note column aside)."""
    years = page.years
    return [[years.item(r, c).text() for c in range(years.NOTE)] for r in range(years.rowCount())]


def _start_pc_b(qtbot, tmp_path, monkeypatch):
    """PC B: its own (empty) rules folder; the program started afresh."""
    from planner.ui.main_window import MainWindow

    folder = tmp_path / "pc-b-rules"
    folder.mkdir()
    monkeypatch.setenv("TELEWORK_PLANNER_RULES_DIR", str(folder))
    default_catalog.cache_clear()
    w = MainWindow(recovery_dir=tmp_path / "recovery-b")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _open(qtbot, w, replies, path):
    replies["open"] = path
    _press(qtbot, w, "actionOpen")
    assert replies["errors"] == [] and w.doc is not None and w.doc.path == path
    w.workspace.go(6)
    return w.workspace.page(7)


def _done(w) -> None:
    if w.doc is not None:
        w.doc.undo_stack.clear()
        w.doc.undo_stack.setClean()


def test_a_plan_from_pc_a_on_pc_b_names_both_rules_and_uses_the_recorded_one_in_one_click(
    window, qtbot, tmp_path, replies, monkeypatch
):
    # PC A: the FY2025 rule (rate 1/3) loaded from the File menu; the plan saved
    monkeypatch.setenv("TELEWORK_PLANNER_RULES_DIR", str(tmp_path / "pc-a-rules"))
    create_plan(window, qtbot, fy=2025)
    _teleworkers(window, qtbot)
    page = _add_cost(window, qtbot, "laptop_pc")  # 1,350,000 in FY2025
    source = tmp_path / "r7.toml"
    source.write_text(RULE_FY2025, encoding="utf-8")
    _import(window, replies, source)
    assert _year(page, 0, SUBSIDY) == "450,000円" and _year(page, 0, NET) == "900,000円"
    figures_on_a = _table(page)
    path = tmp_path / "hibari.twplan"
    replies["save"] = path
    _press(qtbot, window, "actionSaveAs")
    assert replies["errors"] == [] and path.is_file()
    assert not page.rules_banner.isVisibleTo(page)  # on A the record is A's own rules
    _press(qtbot, window, "actionClose")
    default_catalog.cache_clear()

    # PC B: no such rule; its bundled FY2024 rule (1/2) is assumed for FY2025
    b = _start_pc_b(qtbot, tmp_path, monkeypatch)
    page = _open(qtbot, b, replies, path)
    doc = b.doc
    assert _year(page, 0, SUBSIDY) == "675,000円" and doc.plan.subsidy_rules_from == "local"
    assert "このPCのルール（計画の記録と異なる）" in _year(page, 0, page.years.NOTE)
    banner = page.rules_banner
    assert banner.isVisibleTo(page)
    said = banner.text.text()
    assert "令和7年度〜令和9年度：計画に記録されたルール（令和7年度のルール、措置率1/3、総務省通知（令和7年度の例）" in said
    assert "取り込んだルールファイル fy2025.toml）と、このPCのルール（令和6年度のルール、措置率0.5" in said
    assert "額はこのPCのルールによるものです。" in said
    assert strip(banner.button.text()) == "計画に記録されたルールで計算する"
    cost_strip = b.findChild(QLabel, "costStrip").text()
    assert "このPCのルール（計画の記録と異なる）" in cost_strip

    # one click: the recorded rule, A's figures yen for yen
    qtbot.mouseClick(banner.button, Qt.MouseButton.LeftButton)
    assert doc.plan.subsidy_rules_from == "plan"
    assert _table(page) == figures_on_a
    assert "計画に記録されたルール（このPCのルールと異なる）" in _year(page, 0, page.years.NOTE)
    assert strip(banner.button.text()) == "このPCのルールで計算する"
    assert "額は、計画に記録された措置ルール" in banner.text.text()
    assert "計画に記録されたルール（このPCのルールと異なる）" in b.findChild(QLabel, "costStrip").text()
    assert "（計画に記録されたルール）" in page.note.text()
    b.workspace.go(10)  # the summary page says it too
    summary = b.workspace.summary
    assert "計画に記録されたルール（このPCのルールと異なる）" in summary.years.item(0, 7).text()
    assert summary.rules_banner.isVisibleTo(summary)

    # undoable: Ctrl+Z goes back to this PC's rules, and the click again to the record
    _press(qtbot, b, "actionUndo")
    assert doc.plan.subsidy_rules_from == "local" and _year(page, 0, SUBSIDY) == "675,000円"
    qtbot.mouseClick(page.rules_banner.button, Qt.MouseButton.LeftButton)
    assert _table(page) == figures_on_a

    # saved on B: what B chose is kept, and the record is still A's rule
    _press(qtbot, b, "actionSave")
    assert replies["errors"] == []
    saved = open_plan(path)
    assert saved.subsidy_rules_from == "plan"
    assert {(r.rule_year, str(r.rate), r.origin) for r in saved.recorded_rules} == {
        (2025, "1/3", "fy2025.toml")}
    _press(qtbot, b, "actionClose")
    page = _open(qtbot, b, replies, path)
    assert _table(page) == figures_on_a and page.rules_banner.isVisibleTo(page)
    _done(b)


def test_saving_on_b_with_its_own_rules_records_them(window, qtbot, tmp_path, replies, monkeypatch):
    monkeypatch.setenv("TELEWORK_PLANNER_RULES_DIR", str(tmp_path / "pc-a-rules"))
    create_plan(window, qtbot, fy=2025)
    _teleworkers(window, qtbot)
    _add_cost(window, qtbot, "laptop_pc")
    source = tmp_path / "r7.toml"
    source.write_text(RULE_FY2025, encoding="utf-8")
    _import(window, replies, source)
    path = tmp_path / "hibari.twplan"
    replies["save"] = path
    _press(qtbot, window, "actionSaveAs")
    _press(qtbot, window, "actionClose")
    b = _start_pc_b(qtbot, tmp_path, monkeypatch)
    page = _open(qtbot, b, replies, path)
    assert page.rules_banner.isVisibleTo(page)
    _press(qtbot, b, "actionSave")  # B did not switch: its figures use its rules, and so does the file
    assert replies["errors"] == [] and not b.doc.dirty
    assert not page.rules_banner.isVisibleTo(page)  # the record is now what the figures use
    assert {(r.rule_year, r.origin) for r in open_plan(path).recorded_rules} == {(2024, "bundled")}
    assert b.doc.undo_stack.count() == 0  # recording the rules is no edit
    _done(b)
