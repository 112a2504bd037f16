"""Issue 22 §3, keyboard only: every menu entry and page button has an Alt+letter."""

from PySide6.QtWidgets import QPushButton

from planner.ui import i18n
from planner.ui.mnemonics import letter_of, strip


def _open_sample(window):
    from planner.ui.samples import sample_files

    assert window.open_sample(sample_files()[0][0])


def test_menus_have_mnemonics_in_both_languages(window):
    _open_sample(window)
    for lang in ("ja", "en"):
        window.set_language(lang)
        missing = []
        for top in window.menuBar().actions():
            for action in top.menu().actions():
                if action.isSeparator() or action.objectName() in ("actionUndo", "actionRedo"):
                    continue
                letters = [letter_of(a.text()) for a in top.menu().actions() if a.text()]
                if letter_of(action.text()) is None:
                    missing.append(action.text())
            assert len(set(filter(None, letters))) == len(list(filter(None, letters)))
        assert not missing, missing
    i18n.set_language("ja", remember=False)
    assert strip("開く(&O)…") == "開く…" and strip("&Next ▶") == "Next ▶"


def test_page_buttons_have_alt_letters(window):
    _open_sample(window)
    ws = window.workspace
    assert window.workspace.next.text() == "次へ(&N) ▶"
    from PySide6.QtGui import QKeySequence

    assert QKeySequence.mnemonic(ws.next.text()) == QKeySequence("Alt+N")
    assert QKeySequence.mnemonic(ws.back.text()) == QKeySequence("Alt+B")
    for row in range(12):
        ws.go(row)
        page = ws.pages.currentWidget()
        bare = [
            b.text() for b in page.findChildren(QPushButton) if b.text() and not letter_of(b.text())
        ]
        assert not bare, (row, bare)


def test_step_states_are_read_in_words(window):
    """A screen reader (and anyone without the icon's shape) hears each step's state."""
    from PySide6.QtCore import Qt

    _open_sample(window)
    model = window.workspace.step_model
    texts = [model.data(model.index(r), Qt.ItemDataRole.AccessibleTextRole) for r in range(10)]
    assert all(x and x.endswith(("（未着手）", "（作業中）", "（完了）")) for x in texts), texts
