"""A paragraph of many lines that runs over several pages keeps its lines on every page
(issue 25: the rest of a split paragraph was broken into lines again on each page, which
cost time growing with the square of its length and ran its lines together after the
first page)."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from planner.report import content as c
from planner.report.layout import register_reportlab_fonts
from planner.report.pdf_writer import PdfWriter
from planner.report.textsafe import TextGuard


def _document(lang: str, text: str) -> c.Document:
    chapter = c.Chapter("list", "確認が必要な点", [c.Paragraph(text)])
    return c.Document(lang, "題名", "件名", "作成者", None, "", [chapter])


JA_ITEMS = [f"・業務{n:03d}は不適と判定されていますが、対象に選ばれています。" for n in range(240)]
EN_ITEMS = [f"- Task {n:03d} is judged unsuitable but is selected." for n in range(240)]


def _page_texts(document: c.Document, path) -> list[str]:
    PdfWriter(TextGuard(register_reportlab_fonts())).write(document, path)
    return [page.extract_text() for page in PdfReader(path).pages]


@pytest.mark.parametrize(
    ("lang", "items", "prefix"), [("ja", JA_ITEMS, "・"), ("en", EN_ITEMS, "- Task")]
)
def test_a_long_list_keeps_its_lines_on_every_page(tmp_path, lang, items, prefix):
    pages = _page_texts(_document(lang, "\n".join(items)), tmp_path / "list.pdf")
    assert len(pages) > 3
    lines = [line.strip() for page in pages for line in page.splitlines()]
    assert [line for line in lines if line.startswith(prefix)] == items


def test_a_long_english_paragraph_keeps_every_word_in_order_across_pages(tmp_path):
    words = [f"word{n:04d}" for n in range(4000)]
    pages = _page_texts(_document("en", " ".join(words)), tmp_path / "long.pdf")
    assert len(pages) > 3
    text = " ".join(pages)
    assert [w for w in text.split() if w.startswith("word")] == words


def test_the_rest_of_an_english_list_breaks_again_for_a_narrower_frame():
    from planner.report.layout import Styles, para

    register_reportlab_fonts()
    items = [f"- Task {n:03d} is judged unsuitable but is selected." for n in range(30)]
    paragraph = para("<br/>".join(items), Styles("en").body)
    paragraph.wrap(200, 10_000)  # two lines an item
    first, rest = paragraph.split(200, 200)
    left = items[len(first.blPara.lines) // 2 :]
    rest.wrap(120, 10_000)  # a frame of another width: the rest is broken again
    lines = ["".join(w.text for w in line.words).strip() for line in rest.blPara.lines]
    assert " ".join(lines).split() == " ".join(left).split()  # every word, spaced, in order
    assert [line[:10] for line in lines if line.startswith("- Task")] == [i[:10] for i in left]
