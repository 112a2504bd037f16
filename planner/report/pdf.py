"""Writing the plan PDF: the content, laid out once by the PDF writer, replaced atomically."""

from __future__ import annotations

import os

from ..domain.catalog import Catalog
from ..domain.model import Plan
from .export import check_language, export
from .layout import register_reportlab_fonts
from .pdf_writer import PdfWriter
from .result import ExportResult
from .textsafe import TextGuard


def write_pdf(
    plan: Plan,
    out_path: str | os.PathLike[str],
    *,
    lang: str = "ja",
    catalog: Catalog | None = None,
) -> ExportResult:
    check_language(lang)
    writer = PdfWriter(TextGuard(register_reportlab_fonts()))
    path = export(plan, out_path, writer, lang=lang, catalog=catalog)
    return ExportResult(path=path, pages=writer.pages, warnings=writer.guard.warnings(lang))
