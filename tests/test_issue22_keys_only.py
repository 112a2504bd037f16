"""Issue 22 §3, keyboard only: a new plan → its fields → every step → the PDF, by keys alone.

Only the file dialog is stubbed (the `replies` fixture), as in the other tests: a user
types the file name into it. Every other step is a key press that goes where the
keyboard focus is, or a shortcut or mnemonic of the window.
"""

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def _tab_to(qtbot, target: QWidget, limit: int = 80) -> None:
    """Tab until ``target`` (or its inner editor) has the focus, as a user would."""
    for _ in range(limit):
        focus = _focus()
        if focus is target or target.isAncestorOf(focus) or focus.focusProxy() is target:
            return
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.objectName()}")


def _keep_active(window, qtbot) -> None:
    """The offscreen test platform drops the window's activation when the widget with the
    focus is deleted or hidden (a desktop keeps it): the window system's part, not a key."""
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)


def _type(qtbot, text: str) -> None:
    qtbot.keyClicks(_focus(), text)  # ASCII: QTest cannot type Japanese (pitfalls.md)


def test_new_plan_to_pdf_by_keys_alone(window, qtbot, replies, tmp_path):
    from pypdf import PdfReader

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    form = window.welcome.form
    form.name.setFocus()  # where the welcome screen starts: the first field of the new plan
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.name)
    _type(qtbot, "Sakura Town")
    _tab_to(qtbot, form.prefecture)
    qtbot.keyClick(_focus(), Qt.Key.Key_Down)  # the first prefecture
    assert form.prefecture.currentIndex() == 1
    _tab_to(qtbot, form.general)
    _type(qtbot, "120")
    _tab_to(qtbot, form.all_staff)
    _type(qtbot, "180")
    _tab_to(qtbot, form.author)
    _type(qtbot, "Hanako Yamada")
    _tab_to(qtbot, form.create_button)
    qtbot.keyClick(_focus(), Qt.Key.Key_Space)  # 作成
    assert window.doc is not None
    assert window.doc.plan.municipality.name == "Sakura Town"

    ws = window.workspace
    qtbot.waitUntil(ws.isVisible)  # Qt shows a new central widget at the next turn of its loop
    _keep_active(window, qtbot)
    assert _focus() is ws.steps  # the keys go on where the plan's screen starts
    leader = ws.page(1).findChild(QWidget, "field_leader")
    _tab_to(qtbot, leader)
    _type(qtbot, "Deputy Mayor Kato")
    qtbot.keyClick(_focus(), Qt.Key.Key_Return)
    assert window.doc.plan.leader == "Deputy Mayor Kato"

    for step in range(1, 11):  # through the steps to the summary: Alt+N (次へ(&N))
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_N, ALT)
        qtbot.waitUntil(lambda s=step: ws.current() == s)
        _keep_active(window, qtbot)
    pdf = tmp_path / "plan.pdf"
    replies["save"] = pdf  # the file name typed into the save dialog
    qtbot.keyClick(_focus(), Qt.Key.Key_E, CTRL)  # 実施計画書（PDF）を出力… (Ctrl+E)
    assert pdf.is_file(), replies["errors"]
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages[:8])
    text = re.sub(r"\s+", " ", text)
    assert "Sakura Town" in text and "Deputy Mayor Kato" in text
    assert "Hanako Yamada" in text


def test_the_focus_is_always_shown():
    """No style sheet of the program hides the focus frame (outline: none, or a focus
    rule that draws nothing)."""
    root = Path(__file__).resolve().parent.parent / "planner" / "ui"
    hidden = []
    for path in root.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if re.search(r"outline\s*:\s*(none|0)", source) or re.search(
            r":focus\s*\{[^}]*none", source
        ):
            hidden.append(path.name)
    assert not hidden, hidden


def test_every_button_and_input_takes_the_tab_focus(window):
    """Nothing on a page is for the mouse only: every shown, enabled button and input can be
    reached with Tab."""
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit

    from planner.ui.samples import sample_files

    assert window.open_sample(sample_files()[0][0])
    mouse_only = []
    for row in range(12):
        window.workspace.go(row)
        page = window.workspace.pages.currentWidget()
        for widget in page.findChildren(QWidget):
            kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView)
            if not isinstance(widget, kinds) or not widget.isEnabled():
                continue
            parent = widget.parentWidget()
            if isinstance(parent, QAbstractItemView) or isinstance(
                parent.parentWidget() if parent else None, QAbstractItemView
            ):
                continue  # a table's own corner button and headers: the table takes the keys
            if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                mouse_only.append(f"row {row + 1}: {type(widget).__name__}#{widget.objectName()}")
    assert not mouse_only, mouse_only
