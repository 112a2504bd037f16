"""Mnemonics (Alt+letter) on menus and buttons, so every command is reachable by keys.

English texts underline a letter of their own words (``&Next ▶``); Japanese texts take
the letter of their English word in brackets, as Windows programs in Japanese do
(``次へ(&N) ▶``, ``開く(&O)…``). Letters are chosen per menu and per page, each text
its own where the alphabet allows; the same text keeps the same letter (Alt+R then steps
through the page's 「選択行を削除」 buttons, as Windows does for a shared letter).
Entries with no English (file names, sample plans) are numbered instead.
"""

from __future__ import annotations

import re
import string

from PySide6.QtWidgets import QAbstractButton, QMainWindow, QMenu, QPushButton, QToolButton

from . import i18n

LETTERS = string.ascii_uppercase
DIGITS = "123456789"
_TAIL = re.compile(r"(\s*(?:…|\.\.\.|▶)\s*)$")
# the letters Windows users expect for the common commands
PREFERRED = {
    "actionNew": "N", "actionOpen": "O", "actionSave": "S", "actionSaveAs": "A",
    "actionClose": "C", "actionQuit": "X", "actionAbout": "A",
}  # fmt: skip
SKIP = ("actionUndo", "actionRedo")  # their texts follow the undo stack: Ctrl+Z / Ctrl+Y


def strip(text: str) -> str:
    """The text without its mnemonic, as a user reads it (``開く(&O)…`` → ``開く…``)."""
    text = re.sub(r"\(&([A-Za-z0-9])\)", "", text)
    text = re.sub(r"^&([1-9]) ", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def letter_of(text: str) -> str | None:
    """The mnemonic letter in a text, upper case, if it has one."""
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).upper() if found else None


def _candidates(english: str | None) -> str:
    if not english:
        return DIGITS
    words = re.findall(r"[A-Za-z]+", english)
    initials = "".join(w[0] for w in words).upper()
    rest = "".join(words).upper()
    ordered = "".join(dict.fromkeys(initials + rest))
    return ordered or DIGITS


def with_mnemonic(text: str, letter: str, english: bool) -> str:
    """``text`` with ``letter`` as its mnemonic: marked in place in an English text,
    added in brackets before a closing ``…`` or ``▶`` in a Japanese one; a number
    (entries without English: files, samples) goes first, as in a recent-files list."""
    if "&" in text:
        return text
    if letter in DIGITS:
        return f"&{letter} {text}"
    if english:
        # a word that starts with the letter, else its first place anywhere
        found = re.search(rf"\b{letter}", text, re.IGNORECASE) or re.search(
            letter, text, re.IGNORECASE
        )
        if found is not None:
            return f"{text[: found.start()]}&{text[found.start() :]}"
    match = _TAIL.search(text)
    cut = match.start() if match else len(text)
    return f"{text[:cut]}(&{letter}){text[cut:]}"


def _is_english(text: str, english: str | None) -> bool:
    return bool(english) and english == text and re.search(r"[A-Za-z]", text) is not None


class Letters:
    """Hands out letters within one scope (a menu, a page): each text its own letter."""

    def __init__(self, reserved: set[str] = frozenset()) -> None:  # type: ignore[assignment]
        self.taken = set(reserved)
        self.given: dict[str, str] = {}

    def take(self, letter: str) -> None:
        self.taken.add(letter.upper())

    def pick(self, text: str, english: str | None, preferred: str | None = None) -> str | None:
        if text in self.given:
            return self.given[text]
        if _is_english(text, english):
            pool = _candidates(text)  # the English text itself: only letters it contains
        else:
            pool = _candidates(english)
        if preferred and preferred not in self.taken and (english or "").upper().count(preferred):
            pool = preferred + pool
        if pool != DIGITS:
            pool += LETTERS  # its own letters all taken: any free one, in brackets
        for letter in pool:
            if letter not in self.taken:
                self.taken.add(letter)
                self.given[text] = letter
                return letter
        return None


def label_menu(menu: QMenu) -> None:
    """Mnemonics for a menu's entries and, in turn, its submenus' entries."""
    actions = [a for a in menu.actions() if not a.isSeparator()]
    letters = Letters({m for a in actions if (m := letter_of(a.text()))})
    for action in actions:
        text = action.text()
        if action.objectName() in SKIP or "&" in text or not text.strip():
            continue
        english = action.property("text_en") or i18n.english(text)
        letter = letters.pick(text, english, PREFERRED.get(action.objectName()))
        if letter:
            action.setText(with_mnemonic(text, letter, _is_english(text, english)))
    for action in actions:
        if action.menu() is not None:
            label_menu(action.menu())


def label_menus(window: QMainWindow) -> None:
    for action in window.menuBar().actions():
        if action.menu() is not None:
            label_menu(action.menu())


def menu_letters(widget) -> set[str]:
    """The letters of the window's menu bar (ファイル(&F) …): a page's buttons leave them."""
    window = widget.window()
    if not isinstance(window, QMainWindow):
        return set("FEVH")
    return {m for a in window.menuBar().actions() if (m := letter_of(a.text()))} | set("FEVH")


def label_buttons(root, reserved: set[str] = frozenset()) -> None:  # type: ignore[assignment]
    """Mnemonics for the push buttons (and text tool buttons) under ``root``."""
    buttons = [
        b
        for b in root.findChildren(QAbstractButton)
        if isinstance(b, QPushButton | QToolButton) and b.text().strip()
    ]
    if isinstance(root, QPushButton):
        buttons.insert(0, root)
    letters = Letters(set(reserved) | {m for b in buttons if (m := letter_of(b.text()))})
    for button in buttons:
        text = button.text()
        if "&" in text:
            continue
        english = i18n.english(text)
        if not english:
            continue  # a name from the plan: reached by Tab
        letter = letters.pick(text, english)
        if letter:
            button.setText(with_mnemonic(text, letter, _is_english(text, english)))
