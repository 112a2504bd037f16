"""Issue 22 §2: the manual (resources/help/) and its window: every link, anchor and picture
resolves in both languages, every step has its section, F1 and 「?」 open the section of the
page shown, and the search finds words."""

from __future__ import annotations

import re
import tomllib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from planner.resources import resource_path
from planner.ui import i18n
from tests.ui_helpers import create_plan

HELP = resource_path("help")
LANGS = ("ja", "en")


def pages() -> list[str]:
    with open(HELP / "contents.toml", "rb") as f:
        return tomllib.load(f)["pages"]


class Page(HTMLParser):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.anchors: set[str] = set()
        self.links: list[str] = []
        self.images: list[str] = []
        self.h1 = ""
        self._in_h1 = False
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and "name" in a:
            self.anchors.add(a["name"])
        if "id" in a:
            self.anchors.add(a["id"])
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag == "img":
            self.images.append(a.get("src", ""))
        self._in_h1 = self._in_h1 or tag == "h1"

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_h1:
            self.h1 += data


@pytest.mark.parametrize("lang", LANGS)
def test_every_link_anchor_and_picture_of_the_manual_resolves(lang):
    folder = HELP / lang
    assert sorted(p.stem for p in folder.glob("*.html")) == sorted(pages())
    parsed = {name: Page(folder / f"{name}.html") for name in pages()}
    for name, page in parsed.items():
        for href in page.links:
            assert not re.match(r"^[a-z]+:", href), f"{lang}/{name}: {href} (the manual is offline)"
            target, _, anchor = href.partition("#")
            target_page = parsed[name] if not target else parsed.get(Path(target).stem)
            assert target_page is not None and (not target or (folder / target).is_file()), (
                f"{lang}/{name}.html links to a missing page: {href}"
            )
            assert not anchor or anchor in target_page.anchors, f"{lang}/{name}: no anchor {href}"
        for src in page.images:
            assert (folder / src).resolve().is_file(), f"{lang}/{name}.html: no picture {src}"
            assert f"/{lang}_" in f"/{Path(src).name}", (
                f"{lang}/{name}: {src} in the other language"
            )
    # the two languages say the same things: the same anchors on every page
    other = HELP / ("en" if lang == "ja" else "ja")
    for name, page in parsed.items():
        assert page.anchors == Page(other / f"{name}.html").anchors, name


@pytest.mark.parametrize("lang", LANGS)
def test_every_step_has_its_section_in_both_languages(lang, catalog):
    for step in catalog.steps:
        page = Page(HELP / lang / f"step{step.number:02d}.html")
        assert page.h1.strip() == f"{step.number} {step.title.get(lang)}"


def _browser_heading(window) -> str:
    return window.help_window.browser.toPlainText().splitlines()[0]


def _press_f1(window, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    target = window.workspace.pages.currentWidget() if window.workspace else window
    qtbot.keyClick(target, Qt.Key.Key_F1)


def test_f1_opens_the_manual_at_the_step_shown(window, qtbot, catalog):
    create_plan(window, qtbot)
    first = None
    for step in catalog.steps:
        window.workspace.go(step.number - 1)
        _press_f1(window, qtbot)
        help_window = window.help_window
        assert help_window is not None and help_window.isVisible()
        assert help_window.current_page() == f"step{step.number:02d}"
        assert _browser_heading(window) == f"{step.number} {step.title.ja}"
        first = first or help_window
        assert help_window is first  # one window, reused
    window.help_window.close()


def test_f1_on_the_start_screen_opens_getting_started(window, qtbot):
    _press_f1(window, qtbot)
    assert window.help_window.current_page() == "start"
    assert _browser_heading(window) == "はじめに"
    window.help_window.close()


def test_the_question_mark_of_a_page_opens_its_section(window, qtbot):
    create_plan(window, qtbot)
    ws = window.workspace
    for row, page, anchor in ((6, "step07", ""), (10, "summary", ""), (11, "summary", "documents")):
        ws.go(row)
        button = ws.pages.currentWidget().findChild(QToolButton, "helpButton")
        assert button is not None and button.accessibleName()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert window.help_window.current_page() == page
        assert window.help_window.browser.source().fragment() == anchor
    assert "書類の作成" in window.help_window.browser.toPlainText()
    window.help_window.close()


def test_the_menu_entry_opens_the_manual(window, qtbot):
    create_plan(window, qtbot)
    window.workspace.go(4)
    action = next(a for a in window._menu_actions if a.objectName() == "actionHelp")
    assert action.shortcut().toString() == "F1"
    action.trigger()
    assert window.help_window.current_page() == "step05"
    window.help_window.close()


def test_the_search_finds_a_word_on_the_pages_that_hold_it(app, qtbot):
    from planner.ui.help_window import HelpWindow

    w = HelpWindow()
    qtbot.addWidget(w)
    w.show_topic("start")
    w.search.setText("特別交付税")
    shown = [w.contents.item(i).text() for i in range(w.contents.count())
             if not w.contents.item(i).isHidden()]  # fmt: skip
    assert "特別交付税措置の見込みの計算" in shown and "コマンドライン" not in shown
    assert "ページに見つかりました" in w.found.text()
    qtbot.keyClick(w.search, Qt.Key.Key_Return)
    assert w.browser.textCursor().selectedText() == "特別交付税"
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.browser.setFocus()
    qtbot.keyClick(w.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert w.search.hasFocus() and w.search.selectedText() == "特別交付税"  # Ctrl+F: type anew
    w.search.setText("存在しない言葉xyz")
    assert w.found.text() == "見つかりません。"
    assert all(w.contents.item(i).isHidden() for i in range(w.contents.count()))


def test_the_manual_follows_the_language_and_search_works_in_english(window, qtbot):
    try:
        i18n.set_language("en", remember=False)  # not remembered: no other test sees English
        window.show_help("sharing")
        w = window.help_window
        assert w.language == "en" and _browser_heading(window) == "Sharing plans"
        w.search.clear()
        qtbot.keyClicks(w.search, "bak")
        qtbot.keyClick(w.search, Qt.Key.Key_Return)
        assert w.current_page() == "sharing"
        assert w.browser.textCursor().selectedText().lower() == "bak"
        i18n.set_language("ja", remember=False)
        window.show_help("sharing")
        assert window.help_window is not w and window.help_window.language == "ja"
        assert _browser_heading(window) == "計画ファイルの共有"
    finally:
        i18n.set_language("ja", remember=False)
    window.help_window.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_command_line_page_names_every_command(lang):
    """A command added to ``planner`` without its line in the manual fails here."""
    import argparse

    from planner.cli import build_parser

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    text = (HELP / lang / "cli.html").read_text(encoding="utf-8")
    for name, parser in sub.choices.items():
        actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        words = [f"planner {name} {action}" for a in actions for action in a.choices] or [
            f"planner {name}"
        ]
        missing = [w for w in words if f"<code>{w}" not in text]
        assert not missing, f"{lang}/cli.html does not name {missing}"


def test_the_manuals_pictures_stay_small():
    """Taken by docs/screenshots/take_help.py at the width the manual shows them."""
    import struct

    for path in sorted((HELP / "images").glob("*.png")):
        data = path.read_bytes()
        width = struct.unpack(">I", data[16:20])[0]  # the PNG header's IHDR width
        assert width == 680 and len(data) < 120_000, (path.name, width, len(data))
