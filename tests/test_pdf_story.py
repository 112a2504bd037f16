"""Issue 25: each chapter's flowables are made when the layout reaches it, and nothing of
a chapter is lost where reportlab looks ahead to keep a heading with what follows."""

from __future__ import annotations

from pypdf import PdfReader

from planner.report import content as c
from planner.report import pdf_writer
from planner.report.layout import register_reportlab_fonts
from planner.report.pdf_writer import PdfWriter
from planner.report.textsafe import TextGuard


def _write(tmp_path, chapters) -> list[str]:
    writer = PdfWriter(TextGuard(register_reportlab_fonts()))
    document = c.Document("ja", "題名", "件名", "作成者", None, "目次", chapters)
    writer.write(document, tmp_path / "story.pdf")
    return [page.extract_text() for page in PdfReader(tmp_path / "story.pdf").pages]


def test_a_chapter_ending_in_a_heading_keeps_the_next_chapter(tmp_path):
    first = c.Chapter(
        "one", "第1章 はじめに", [c.Paragraph("本文です。"), c.Heading("最後の見出し", 3)]
    )
    second = c.Chapter("two", "第2章 つづき", [c.Paragraph("二章の本文です。")])
    text = "\n".join(_write(tmp_path, [first, second]))
    for words in (
        "第1章 はじめに",
        "本文です。",
        "最後の見出し",
        "第2章 つづき",
        "二章の本文です。",
    ):
        assert words in text
    assert text.index("最後の見出し") < text.rindex("第2章 つづき")  # after the contents


def test_a_chapter_is_made_after_the_pages_before_it_are_laid_out(tmp_path, monkeypatch):
    made_on_page = []
    make = PdfWriter.chapter

    def chapter(self, ch):
        made_on_page.append(self.doc.page)
        return make(self, ch)

    monkeypatch.setattr(pdf_writer.PdfWriter, "chapter", chapter)
    rows = [c.Paragraph(f"段落{n:03d}：" + "本文" * 40) for n in range(60)]
    pages = _write(tmp_path, [c.Chapter(f"k{i}", f"第{i}章", rows) for i in range(1, 4)])
    assert len(pages) > 6
    assert made_on_page[0] < made_on_page[1] < made_on_page[2]  # not all before the layout
    assert sum("段落059" in p for p in pages) == 3
