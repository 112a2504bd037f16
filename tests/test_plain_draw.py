"""A plain paragraph's operators, written directly, are reportlab's own, byte for byte
(issue 25: ``plain_draw`` draws most table cells of a Japanese plan without reportlab's
general drawing machinery). Each case draws the same paragraph twice, on two canvases that
have drawn the same before: once as the report does, once by reportlab's ``drawPara``."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.paragraph import Paragraph

from planner.report.kinsoku import JParagraph
from planner.report.layout import Styles, register_reportlab_fonts
from planner.report.plain_draw import plain_operators

register_reportlab_fonts()
JA = Styles("ja")
STYLES = ["cell", "cell_r", "cell_c", "cell_head", "note", "small", "body", "toc", "h2"]
# kana, kanji, figures, Latin, what PDF strings escape, 禁則 characters, a no-break space
ALPHABET = "あいうえおアイウ業務計画在宅勤務の実施１２３0123456789,.-ABCxyz ()\\「」（）。、ー・！\u00a0"
_PLAIN = st.text(ALPHABET, max_size=30)
_SHORT = st.text(ALPHABET, min_size=1, max_size=8)
# texts as the report marks them up: line breaks, bold, small and coloured spans
MARKUP = st.lists(
    st.one_of(
        _PLAIN,
        st.just("<br/>"),
        _SHORT.map(lambda t: f"<b>{t}</b>"),
        _SHORT.map(lambda t: f'<font size="7.5">{t}</font>'),
        _SHORT.map(lambda t: f'<font color="#B00000">{t}</font>'),
    ),
    max_size=4,
).map("".join)


def _drawn(canv: Canvas, paragraph: Paragraph, width: float, anew: bool) -> list[str]:
    paragraph.wrap(width, 10_000)
    start = len(canv._code)
    paragraph.canv = canv
    try:
        Paragraph.draw(paragraph) if anew else paragraph.draw()
    finally:
        del paragraph.canv
    return canv._code[start:]


def _both(texts_styles_widths) -> list[tuple[list[str], list[str]]]:
    """Each paragraph drawn directly on one canvas and by reportlab on another."""
    ours, theirs = Canvas("ours.pdf"), Canvas("theirs.pdf")
    out = []
    for text, style, width in texts_styles_widths:
        out.append((
            _drawn(ours, JParagraph(text, style), width, anew=False),
            _drawn(theirs, JParagraph(text, style), width, anew=True),
        ))  # fmt: skip
    return out


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.text(ALPHABET, max_size=60), MARKUP),
            st.sampled_from(STYLES),
            st.floats(min_value=14, max_value=300),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_plain_paragraphs_are_drawn_as_reportlab_draws_them(cases):
    cases = [(text, getattr(JA, name), width) for text, name, width in cases]
    for ours, theirs in _both(cases):
        assert ours == theirs


@pytest.mark.parametrize(
    "text", ["在宅勤務の実施計画（案）", "在宅<br/>勤務の実施計画", "在宅勤務の<b>実施</b>計画（案）"]
)
def test_the_direct_way_is_taken_for_table_cells(text):
    canv = Canvas("x.pdf")
    for name in ("cell", "cell_r", "cell_c", "cell_head"):
        p = JParagraph(text, getattr(JA, name))
        p.wrap(60, 1000)  # two lines
        ops = plain_operators(p, canv)
        assert ops is not None and ops[0] == "q" and ops[-1] == "Q"
        assert ops[1].count(" T*") == len(p.blPara.lines) == 2


def test_many_distinct_characters_switch_font_subsets_as_reportlab_does():
    kanji = "".join(chr(0x4E00 + 7 * n) for n in range(700))  # beyond one subset of 256
    cases = [(kanji[k : k + 300], JA.cell_r if k % 2 else JA.cell, 120.0) for k in range(0, 700, 100)]
    pairs = _both(cases)
    assert any(" Tf " in "".join(ours) and "+1 " in "".join(ours) for ours, _ in pairs)
    assert all(ours == theirs for ours, theirs in pairs)


@pytest.mark.parametrize(
    ("text", "style", "width"),
    [
        ("下線の<u>ある</u>文", JA.cell, 200),
        ("両端揃えの段落です。" * 4, ParagraphStyle("j", parent=JA.body, alignment=TA_JUSTIFY), 120),
        ("背景色のある段落", ParagraphStyle("b", parent=JA.cell, backColor=colors.yellow), 200),
        ("字下げのある段落です。" * 3, ParagraphStyle("i", parent=JA.body, firstLineIndent=10), 120),
        ("業", JA.cell, 3),  # wider than the cell: an overfull line (word spacing)
        ('<a href="https://example.jp">リンク</a>', JA.cell, 200),
    ],
)
def test_any_other_paragraph_is_left_to_reportlab_and_drawn_the_same(text, style, width):
    p = JParagraph(text, style)
    p.wrap(width, 1000)
    assert plain_operators(p, Canvas("x.pdf")) is None
    [(ours, theirs)] = _both([(text, style, width)])
    assert ours == theirs
