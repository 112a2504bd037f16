"""The documents ファイル › 印刷… can print, each made as the PDF the export writes (issue 22).

The preview and the printer show the PDF's own pages, so what is printed is what the
PDF export gives, page for page: the same content, laid out by the same PDF writer
(A4 portrait, the schedule on A4 landscape pages). Only documents that have a PDF form
are offered: the implementation plan and the council summary (issue 21); the other
papers of 「書類の作成」 are Word or Excel files, printed from Word or Excel.

    pdf = make_pdf(plan, catalog, "plan", "ja")   # -> PrintablePdf(data=b"%PDF…", …)
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.catalog import Catalog
from ..domain.model import Plan
from ..domain.text import L10n


@dataclass(frozen=True)
class Printable:
    name: str
    title: L10n


PRINTABLES: tuple[Printable, ...] = (
    Printable("plan", L10n("実施計画書", "Implementation plan")),
    Printable("council", L10n("議会説明資料", "Summary for the council")),
)
# shown in the dialog, so nobody looks for the Word papers there
NOT_PRINTABLE = L10n(
    "要綱案・申請書などWord/Excelの書類は、「書類の作成」で作成してWord/Excelで印刷してください。",
    "The Word and Excel papers (rules draft, forms, …) are made on the Documents page and "
    "printed from Word or Excel.",
)


@dataclass
class PrintablePdf:
    """A document made as a PDF in memory: its bytes, page count and font warnings."""

    name: str
    data: bytes
    pages: int
    warnings: list[str] = field(default_factory=list)


def printable(name: str) -> Printable:
    for p in PRINTABLES:
        if p.name == name:
            return p
    raise KeyError(name)


def make_pdf(plan: Plan, catalog: Catalog, name: str, lang: str) -> PrintablePdf:
    """The document ``name`` (``plan`` or ``council``) as the PDF export writes it.

    reportlab and matplotlib are imported here, at the first print, not at start-up."""
    from ..report.export import check_language
    from ..report.layout import register_reportlab_fonts
    from ..report.pdf_writer import PdfWriter
    from ..report.textsafe import TextGuard

    check_language(lang)
    if name == "plan":
        from ..report.chapters import build_document

        document = build_document(plan, catalog, lang)
    else:
        from ..report.papers import paper

        printable(name)  # KeyError for a name that has no PDF
        document = paper(name, plan, catalog, lang)
    writer = PdfWriter(TextGuard(register_reportlab_fonts()))
    with tempfile.TemporaryDirectory(prefix="twplan-print-") as folder:
        path = Path(folder) / f"{name}.pdf"
        writer.write(document, path)
        data = path.read_bytes()
    return PrintablePdf(name, data, writer.pages, writer.guard.warnings(lang))
