"""The report's text helpers: escaping, glyph check, Japanese line breaking."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.report.fonts import MISSING_GLYPH
from planner.report.layout import register_reportlab_fonts


@pytest.fixture(scope="module")
def guard_factory():
    from planner.report.textsafe import TextGuard

    covered = register_reportlab_fonts()
    return lambda: TextGuard(covered)


def test_para_escapes_markup_and_keeps_newlines(guard_factory):
    g = guard_factory()
    assert g.para('<b>R&D</b>\n"x"') == '&lt;b&gt;R&amp;D&lt;/b&gt;<br/>"x"'
    assert g.para("a\r\nb\rc") == "a<br/>b<br/>c"


def test_clean_drops_control_and_format_characters(guard_factory):
    g = guard_factory()
    assert g.clean("a\x00b\x07c\u200bd\u202ee\ufe0ff\tg") == "abcdef g"
    assert g.missing == {}


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from("あ業ー。（）Ａa1 \n\t\r\x00\u200b\u202e\ufe0f𠮷😀"), max_size=12))
def test_clean_gives_what_each_character_asks(guard_factory, text):
    """Kept, a line end, a space for a tab, dropped if invisible, 〓 if the font lacks it —
    whether the text takes the way for texts the fonts print whole or not."""
    g = guard_factory()
    expected = ""
    for ch in text.replace("\r\n", "\n").replace("\r", "\n"):
        expected += {"\t": " ", "\x00": "", "\u200b": "", "\u202e": "", "\ufe0f": "",
                     "𠮷": MISSING_GLYPH, "😀": MISSING_GLYPH}.get(ch, ch)  # fmt: skip
    assert g.clean(text) == expected
    assert set(g.missing) == {ch for ch in "𠮷😀" if ch in text}


def test_missing_glyphs_become_geta_and_are_reported_once(guard_factory):
    g = guard_factory()
    assert g.clean("𠮷野家😀") == f"{MISSING_GLYPH}野家{MISSING_GLYPH}"
    g.clean("𠮷")
    assert list(g.missing) == ["𠮷", "😀"]
    ja, en = g.warnings("ja"), g.warnings("en")
    assert len(ja) == 2 and "U+20BB7" in ja[0] and "𠮷野家" in ja[0]
    assert "not in the bundled font" in en[0]


def _lines(text: str, width: float) -> list[str]:
    from reportlab.lib.styles import ParagraphStyle

    from planner.report.fonts import GOTHIC
    from planner.report.kinsoku import JParagraph

    register_reportlab_fonts()
    style = ParagraphStyle("t", fontName=GOTHIC, fontSize=10, leading=14, wordWrap="CJK")
    p = JParagraph(text, style)
    p.wrap(width, 1000)
    return ["".join(w.text for w in line.words) for line in p.blPara.lines]


@pytest.mark.parametrize("closing", list("。、」）！？：；ー"))
def test_closing_punctuation_never_starts_a_line(closing):
    # ten characters fit a 100-point line: the 11th character is the closing one
    text = "あ" * 10 + closing + "い" * 5
    lines = _lines(text, 100)
    assert "".join(lines) == text
    assert all(line[:1] != closing for line in lines[1:]), lines
    assert all(len(line) * 10 <= 100 for line in lines)  # nothing hangs out of the line


@pytest.mark.parametrize("opening", list("「（『【"))
def test_opening_brackets_never_end_a_line(opening):
    text = "あ" * 9 + opening + "い" * 5
    lines = _lines(text, 100)
    assert "".join(lines) == text
    assert all(not line.endswith(opening) for line in lines), lines


def test_line_breaks_and_markup_survive_wrapping():
    lines = _lines("一行目<br/><b>太字</b>の二行目", 300)
    assert lines == ["一行目", "太字の二行目"]


_NO_MARKUP = st.text(
    st.characters(blacklist_characters="<&", blacklist_categories=("Cs",)), max_size=60
)


@settings(max_examples=300, deadline=None)
@given(
    text=_NO_MARKUP,
    lang=st.sampled_from(["ja", "en"]),
    name=st.sampled_from(["cell", "body", "cell_r", "h3"]),
)
def test_text_without_markup_makes_the_fragments_reportlabs_parser_makes(text, lang, name):
    """Issue 25: such text skips the parser; what is drawn must not change."""
    from reportlab.platypus.paragraph import Paragraph

    from planner.report.kinsoku import JParagraph
    from planner.report.layout import Styles

    register_reportlab_fonts()
    style = getattr(Styles(lang), name)
    ours, theirs = JParagraph(text, style), Paragraph(text, style)
    assert ours.text == theirs.text
    assert [f.__dict__ for f in ours.frags] == [f.__dict__ for f in theirs.frags]
