"""Issue 22 §3, contrast and colour: text is at least 4.5:1 against its background (WCAG 2
AA, computed from the palette and the style sheets the widgets carry), and the ◎/○/× marks
and the step states are told by a symbol and a word, never by colour alone."""

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from planner.ui.contrast import AA, GRAPHIC, palette_pairs, ratio, style_colours


def test_ratio_is_wcags():
    assert ratio(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert ratio(QColor("#777777"), QColor("white")) == pytest.approx(4.48, abs=0.01)
    assert ratio(QColor("white"), QColor("white")) == pytest.approx(1.0)


def test_palette_text_reaches_4_5(app):
    low = [
        f"{what}: {fg.name()} on {bg.name()} = {ratio(fg, bg):.2f}"
        for what, fg, bg in palette_pairs(QApplication.palette())
        if ratio(fg, bg) < AA
    ]
    assert not low, low


def _styled(root: QWidget) -> list[tuple[str, QColor, QColor]]:
    """Every widget whose style sheet sets a text colour: that colour on its background."""
    out = []
    for widget in [root, *root.findChildren(QWidget)]:
        fg, bg = style_colours(widget.styleSheet())
        if fg is None:
            continue
        if bg is None:
            bg = widget.palette().color(QPalette.ColorRole.Window)
        out.append((f"{type(widget).__name__}#{widget.objectName()}", fg, bg))
    return out


def test_every_styled_text_on_every_page_reaches_4_5(window):
    from planner.ui.samples import sample_files

    assert window.open_sample(sample_files()[0][0])
    found = []
    for row in range(12):
        window.workspace.go(row)
        found += _styled(window)
    kinds = {name.split("#")[1] for name, _fg, _bg in found}
    # the warnings banners, the field errors and the notes are among them
    assert {"readOnlyBanner", "fieldError", "revenueNote"} <= kinds, kinds
    low = {f"{n}: {fg.name()} on {bg.name()}" for n, fg, bg in found if ratio(fg, bg) < AA}
    assert not low, low
    # on Windows' own window colour too (#f0f0f0), not only the test's style
    low = {n for n, fg, _bg in found if ratio(fg, QColor("#f0f0f0")) < AA}
    assert not low, low


def test_other_colours_reach_4_5(app):
    from planner.ui.help_window import STYLE
    from planner.ui.survey_dialogs import PROBLEM

    palette = QApplication.palette()
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    pairs = [("survey problem", PROBLEM, base), ("search hit", text, QColor("#ffe066"))]
    for rule in re.findall(r"([^{}]+)\{([^}]*)\}", STYLE):  # the manual's style sheet
        fg, bg = style_colours(rule[1])
        if fg or bg:
            pairs.append((f"manual {rule[0].strip()}", fg or text, bg or base))
    assert len(pairs) >= 5
    low = [f"{n}: {ratio(fg, bg):.2f}" for n, fg, bg in pairs if ratio(fg, bg) < AA]
    assert not low, low


def test_step_states_are_shapes_with_words(window):
    """○ ◐ ● differ in shape (not colour); each is drawn with contrast on a plain and on a
    selected row; the summary says each state in words."""
    from planner.domain.progress import StepState
    from planner.ui.samples import sample_files
    from planner.ui.step_list import ICON_COLOUR, state_icon

    palette = QApplication.palette()
    images = []
    for state in StepState:
        icon = state_icon(state)
        images.append(icon.pixmap(16, 16).toImage())
        assert ratio(QColor(ICON_COLOUR), palette.color(QPalette.ColorRole.Base)) >= GRAPHIC
        selected = icon.pixmap(16, 16, QIcon.Mode.Selected).toImage()
        drawn = QColor(selected.pixel(8, 8))  # the filled centre of ●
        if state == StepState.DONE:
            assert ratio(drawn, palette.color(QPalette.ColorRole.Highlight)) >= GRAPHIC
    # the three shapes differ pixel by pixel in where they are drawn (alpha), not only hue
    alphas = [[QColor(img.pixelColor(x, y)).alpha() > 0 for x in range(16) for y in range(16)]
              for img in images]  # fmt: skip
    assert alphas[0] != alphas[1] != alphas[2] != alphas[0]

    assert window.open_sample(sample_files()[0][0])
    summary = window.workspace.summary
    texts = " ".join(w.text() for w in summary.findChildren(type(summary.completion)))
    assert all(label in texts for label in ("完了", "作業中")), texts


def test_suitability_marks_carry_a_word_and_no_colour(window):
    from planner.ui.samples import sample_files

    assert window.open_sample(sample_files()[0][0])
    page = window.workspace.page(4)
    model = page.task_table.view.model()
    fit = next(c for c in range(model.columnCount())
               if model.headerData(c, Qt.Orientation.Horizontal) == "適性")  # fmt: skip
    shown = set()
    for unit in range(page.unit_table.view.model().rowCount()):
        page.unit_table.view.selectRow(unit)
        for row in range(model.rowCount()):
            index = model.index(row, fit)
            shown.add(model.data(index))
            assert model.data(index, Qt.ItemDataRole.ForegroundRole) is None
            assert model.data(index, Qt.ItemDataRole.BackgroundRole) is None
    assert shown == {"◎ 適", "○ 条件付き", "× 不適"}, shown
