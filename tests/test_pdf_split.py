"""A paragraph of many lines that runs over several pages keeps its lines on every page
(issue 25: the rest of a split paragraph was broken into lines again on each page, which
cost time growing with the square of its length and ran its lines together after the
first page)."""

from __future__ import annotations

from pypdf import PdfReader

from planner.report import content as c
from planner.report.layout import register_reportlab_fonts
from planner.report.pdf_writer import PdfWriter
from planner.report.textsafe import TextGuard


def _document(lang: str, text: str) -> c.Document:
    chapter = c.Chapter("list", "確認が必要な点", [c.Paragraph(text)])
    return c.Document(lang, "題名", "件名", "作成者", None, "", [chapter])


def test_a_long_list_keeps_its_lines_on_every_page(tmp_path):
    items = [f"・業務{n:03d}は不適と判定されていますが、対象に選ばれています。" for n in range(240)]
    writer = PdfWriter(TextGuard(register_reportlab_fonts()))
    writer.write(_document("ja", "\n".join(items)), tmp_path / "list.pdf")

    pages = [page.extract_text() for page in PdfReader(tmp_path / "list.pdf").pages]
    assert len(pages) > 3
    lines = [line.strip() for page in pages for line in page.splitlines()]
    assert [line for line in lines if line.startswith("・")] == items
