"""The manual's window: contents at the side, the page, and a search over all pages.

The manual is data: HTML pages under ``resources/help/<lang>/`` in the order
``resources/help/contents.toml`` gives, their pictures under ``resources/help/images/``
(taken by docs/screenshots/take_help.py). One window per main window, reused: F1, a
page's 「?」 and ヘルプ › 操作マニュアル open it at a *topic*, ``"step04"`` or
``"summary#documents"`` (a page's name and an anchor in it).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QKeySequence,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..resources import resource_path
from .i18n import lang, t

HOME = "start"
# heading sizes stay Qt's own, relative to the window's font: a larger text size scales them
STYLE = """
h1 { margin-bottom: 6px; }
h2 { margin-top: 16px; }
h3 { margin-top: 10px; }
p, li, td, th { line-height: 150%; }
td, th { padding: 3px 6px; }
th { background: #eef2f6; }
code, kbd { font-family: "BIZ UDGothic", monospace; background: #f2f2f2; white-space: nowrap; }
.note { background: #fff3cd; color: #5c4400; }
"""


def help_dir(language: str | None = None) -> Path:
    return resource_path("help", language or lang())


def page_names() -> list[str]:
    """The manual's pages in reading order (resources/help/contents.toml)."""
    with open(resource_path("help", "contents.toml"), "rb") as f:
        return list(tomllib.load(f)["pages"])


def page_title(path: Path) -> str:
    found = re.search(r"<title>(.*?)</title>", path.read_text(encoding="utf-8"), re.S)
    return found.group(1).strip() if found else path.stem


def page_text(path: Path) -> str:
    """A page as the reader sees it, for the search."""
    doc = QTextDocument()
    doc.setHtml(path.read_text(encoding="utf-8"))
    return doc.toPlainText()


class HelpWindow(QWidget):
    """The manual in the language the program shows now (a new window after a change)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)  # its own window, closed with its parent
        self.language = lang()
        self.setObjectName("helpWindow")
        self.setWindowTitle(t("操作マニュアル — テレワーク導入計画ウィザード",
                              "User manual — Telework Planner"))  # fmt: skip
        self.names = page_names()
        folder = help_dir(self.language)
        self.paths = {name: folder / f"{name}.html" for name in self.names}
        self.texts = {name: page_text(p).casefold() for name, p in self.paths.items()}
        self.search = QLineEdit()
        self.search.setObjectName("helpSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            t("マニュアル内を検索（Enterで次へ）", "Search the manual (Enter: next)")
        )
        self.search.setAccessibleName(t("マニュアル内を検索", "Search the manual"))
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self.find_next)
        self.found = QLabel()
        self.found.setObjectName("helpFound")
        self.found.setWordWrap(True)
        self.contents = QListWidget()
        self.contents.setObjectName("helpContents")
        self.contents.setAccessibleName(t("目次", "Contents"))
        self.contents.setSpacing(2)
        self.contents.setWordWrap(True)  # long English titles wrap rather than hide
        for name in self.names:
            item = QListWidgetItem(page_title(self.paths[name]))
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.contents.addItem(item)
        self.contents.itemActivated.connect(self._open_item)
        self.contents.itemClicked.connect(self._open_item)
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpBrowser")
        self.browser.setAccessibleName(t("マニュアルの本文", "Manual text"))
        self.browser.setOpenExternalLinks(False)  # the manual is offline; it has no web links
        self.browser.document().setDefaultStyleSheet(STYLE)
        self.browser.sourceChanged.connect(self._page_shown)
        left = QWidget()
        side = QVBoxLayout(left)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.search)
        side.addWidget(self.found)
        side.addWidget(self.contents, 1)
        right = QWidget()
        main = QVBoxLayout(right)
        main.setContentsMargins(0, 0, 0, 0)
        main.addLayout(self._tool_row())
        main.addWidget(self.browser, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([290, 750])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)  # Ctrl+F
        self.resize(1040, 720)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _tool_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        buttons = {}
        for name, text, ja, en, slot in (
            ("helpBack", "◀", "前のページ", "Back", self.browser.backward),
            ("helpForward", "▶", "次のページ", "Forward", self.browser.forward),
            ("helpHome", t("はじめに", "Start"), "はじめに（最初のページ）", "Getting started", self.go_home),
        ):  # fmt: skip
            button = QToolButton()
            button.setObjectName(name)
            button.setText(text)
            button.setToolTip(t(ja, en))
            button.setAccessibleName(t(ja, en))
            button.clicked.connect(slot)
            row.addWidget(button)
            buttons[name] = button
        for name, signal in (("helpBack", self.browser.backwardAvailable),
                             ("helpForward", self.browser.forwardAvailable)):  # fmt: skip
            buttons[name].setEnabled(False)
            signal.connect(buttons[name].setEnabled)
        row.addStretch(1)
        return row

    # -- pages ---------------------------------------------------------------------------

    def show_topic(self, topic: str) -> None:
        """Open the manual at a topic ("step04", "summary#documents") and bring it forward."""
        name, _, anchor = topic.partition("#")
        if name not in self.paths:
            name, anchor = HOME, ""
        url = QUrl.fromLocalFile(str(self.paths[name]))
        if anchor:
            url.setFragment(anchor)
        self.browser.setSource(url)
        if anchor:
            self.browser.scrollToAnchor(anchor)
        self.show()  # a window owned by the main window: it stays in front of it without raise_()
        self.activateWindow()

    def go_home(self) -> None:
        self.show_topic(HOME)

    def topic(self) -> str:
        """The page shown, as a topic (to show it again in another language)."""
        url = self.browser.source()
        name = Path(url.toLocalFile()).stem
        return f"{name}#{url.fragment()}" if url.hasFragment() else name

    def current_page(self) -> str:
        return Path(self.browser.source().toLocalFile()).stem

    def _open_item(self, item: QListWidgetItem) -> None:
        if self.current_page() != item.data(Qt.ItemDataRole.UserRole):
            self.show_topic(item.data(Qt.ItemDataRole.UserRole))

    def _page_shown(self, _url: QUrl) -> None:
        name = self.current_page()
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == name:
                self.contents.blockSignals(True)
                self.contents.setCurrentItem(item)
                self.contents.blockSignals(False)
        self._highlight()

    # -- search --------------------------------------------------------------------------

    def query(self) -> str:
        return self.search.text().strip()

    def matches(self) -> list[str]:
        """The pages that hold the query, in reading order."""
        q = self.query().casefold()
        return [n for n in self.names if q in self.texts[n]] if q else list(self.names)

    def _filter(self) -> None:
        hits = set(self.matches())
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            item.setHidden(item.data(Qt.ItemDataRole.UserRole) not in hits)
        if not self.query():
            self.found.setText("")
        elif hits:
            self.found.setText(
                t(f"{len(hits)}ページに見つかりました。", f"Found on {len(hits)} page(s).")
            )
        else:
            self.found.setText(t("見つかりません。", "Not found."))
        self._highlight()

    def find_next(self) -> None:
        """The next place the query is found: on this page, then on the next page that has it."""
        q = self.query()
        if not q:
            return
        if self.browser.find(q):
            return
        pages = self.matches()
        if not pages:
            return
        here = self.current_page()
        later = (
            [n for n in pages if self.names.index(n) > self.names.index(here)]
            if here in self.names
            else []
        )
        self.show_topic((later or pages)[0])
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        self.browser.find(q)

    def _highlight(self) -> None:
        """Mark every place the query is found on the page shown."""
        q = self.query()
        marks = []
        if q:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor("#ffe066"))
            cursor = self.browser.document().find(q)
            while not cursor.isNull() and len(marks) < 500:
                mark = QTextEdit.ExtraSelection()
                mark.cursor, mark.format = cursor, fmt
                marks.append(mark)
                cursor = self.browser.document().find(q, cursor)
        self.browser.setExtraSelections(marks)


def show_help(window: HelpWindow | None, parent: QWidget, topic: str) -> HelpWindow:
    """The parent's help window at ``topic``: the same window again, or a new one when the
    language changed since it was made."""
    if window is not None and window.language != lang():
        window.close()
        window.deleteLater()
        window = None
    if window is None:
        window = HelpWindow(parent)
    window.show_topic(topic)
    return window
