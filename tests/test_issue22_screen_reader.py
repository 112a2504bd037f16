"""Issue 22 §3, screen readers: every widget a user can tab to has an accessible name,
in the UI language (NVDA on Windows reads Qt's accessible names and descriptions)."""

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListView, QPushButton, QWidget

from planner.ui import i18n

JAPANESE = re.compile(r"[ぁ-んァ-ヶ一-龯]")


def _unnamed(window, where: str) -> list[str]:
    out = []
    for widget in window.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(window):
            continue
        if not widget.accessibleName().strip():
            text = widget.text() if callable(getattr(widget, "text", None)) else ""
            out.append(f"{where}: {type(widget).__name__}#{widget.objectName()} '{text}'")
    return out


def _walk(window) -> list[str]:
    """Every page of the plan (ten steps, the summary, the documents): what has no name."""
    problems = []
    for row in range(12):
        window.workspace.go(row)
        problems += _unnamed(window, f"row {row + 1}")
    return problems


def _open_sample(window):
    from planner.ui.samples import sample_files

    assert window.open_sample(sample_files()[0][0])


def test_every_focusable_widget_has_a_name(window):
    assert not _unnamed(window, "welcome")
    form = window.welcome.form
    assert form.name.accessibleName() == "団体名（必須）"  # the form's label, the star in words
    assert form.fiscal_year.accessibleName() == "計画の初年度（必須）"
    _open_sample(window)
    assert not _walk(window), "\n".join(_walk(window))
    ws = window.workspace
    assert ws.next.accessibleName() == "次へ"  # no mnemonic, no arrow read aloud
    assert ws.findChild(QListView, "stepList").accessibleName() == "手順の一覧"
    page = ws.page(1)
    assert page.accessibleName() == "1  推進体制の構築"
    assert page.findChild(QLineEdit, "field_start").accessibleName() == "開始日"
    # which of a page's 「選択行を削除」 buttons: the description names its table
    ws.go(0)
    remove = [b for b in page.findChildren(QPushButton) if b.accessibleName() == "選択行を削除"]
    assert remove and all(b.accessibleDescription().startswith("表「") for b in remove)
    # which document a 「作成」 button makes
    docs = ws.documents
    create = [b for b in docs.findChildren(QPushButton) if b.objectName().startswith("create_")]
    assert len({b.accessibleDescription() for b in create}) == len(create) > 1


def test_names_follow_the_language(window):
    _open_sample(window)
    window.set_language("en")
    try:
        assert not _walk(window)
        ws = window.workspace
        assert ws.next.accessibleName() == "Next"
        assert ws.findChild(QListView, "stepList").accessibleName() == "Steps"
        field = ws.page(1).findChild(QLineEdit, "field_start")
        assert field.accessibleName() == "Start"
        # names made from the UI's own words are English now (data, such as a KPI's name in
        # a table title, stays as typed)
        for row in range(12):
            ws.go(row)
            for widget in ws.pages.currentWidget().findChildren(QPushButton):
                if widget.isVisibleTo(window) and widget.objectName() != "helpButton":
                    assert not JAPANESE.search(widget.accessibleName()), widget.accessibleName()
    finally:
        window.set_language("ja")
        i18n.set_language("ja", remember=False)
