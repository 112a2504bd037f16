"""The implementation plan (実施計画書): as a PDF, or as Markdown text.

Kept light on purpose: reportlab and matplotlib are imported only inside
``export_pdf``, so importing this package costs nothing at start-up. Both exports
write the same content (``chapters.build_document``) through the writer seam
(``export``).

    from planner.report import export_pdf, export_text
    result = export_pdf(plan, "plan.pdf", lang="ja")   # -> ExportResult
    export_text(plan, "plan.md", lang="ja")             # -> the path written
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from .result import ExportResult, ReportError

if TYPE_CHECKING:
    from ..domain.catalog import Catalog
    from ..domain.model import Plan

__all__ = ["ExportResult", "ReportError", "export_budget", "export_docx", "export_pdf",
           "export_text", "plan_text", "preload"]  # fmt: skip


def export_pdf(
    plan: Plan,
    out_path: str | os.PathLike[str],
    *,
    lang: str = "ja",
    catalog: Catalog | None = None,
) -> ExportResult:
    """Write the plan as a PDF to ``out_path`` (atomically) and return the result.

    Raises ReportError (a PlannerError with a ja/en message) when the file
    cannot be written; characters the bundled fonts lack are not an error but
    are listed in ``ExportResult.warnings`` and printed as 〓.
    """
    from .pdf import write_pdf  # reportlab and matplotlib load here, not at start-up

    return write_pdf(plan, out_path, lang=lang, catalog=catalog)


def export_text(
    plan: Plan,
    out_path: str | os.PathLike[str],
    *,
    lang: str = "ja",
    catalog: Catalog | None = None,
) -> Path:
    """Write the plan as Markdown text to ``out_path`` (atomically): the PDF's content, every
    chapter, table and figure (as its data). Raises ReportError as ``export_pdf`` does."""
    from .export import export
    from .markdown import MarkdownWriter

    return export(plan, out_path, MarkdownWriter(), lang=lang, catalog=catalog)


def export_docx(
    plan: Plan,
    out_path: str | os.PathLike[str],
    *,
    lang: str = "ja",
    catalog: Catalog | None = None,
) -> Path:
    """Write the plan as a Word document (issue 21): the PDF's content, with Word's own
    headings, real tables and the charts as images. Raises ReportError as ``export_pdf``."""
    from .docx_writer import DocxWriter
    from .export import export

    return export(plan, out_path, DocxWriter(), lang=lang, catalog=catalog)


def export_budget(
    plan: Plan,
    out_path: str | os.PathLike[str],
    *,
    all_scenarios: bool = False,
    lang: str = "ja",
    catalog: Catalog | None = None,
) -> Path:
    """Write the budget request workbook (issue 20) for the adopted scenario, or for every
    scenario on sheets of its own: formulas with their results stored (XlsxWriter, imported
    here). ``lang``: the messages'. Raises ReportError as ``export_pdf`` does."""
    from functools import partial

    from .budget_book import budget_book
    from .export import export
    from .xlsx_book import XlsxBookWriter

    build = partial(budget_book, all_scenarios=all_scenarios)
    return export(plan, out_path, XlsxBookWriter(), lang=lang, catalog=catalog, build=build)


def plan_text(plan: Plan, *, lang: str = "ja", catalog: Catalog | None = None) -> str:
    """The plan as the Markdown text ``export_text`` writes (for standard output)."""
    from ..loading import default_catalog
    from .chapters import build_document
    from .export import check_language
    from .markdown import MarkdownWriter

    check_language(lang)
    return MarkdownWriter().render(build_document(plan, catalog or default_catalog(), lang))


def preload() -> None:
    """Import reportlab and matplotlib and load the fonts now, so the first export is fast.

    The first export in a process otherwise pays ~0.5 s for importing matplotlib
    and ~0.15 s for reading the three TrueType fonts. Safe to call from a
    background thread (the GUI does, once the window is idle); errors are left
    for the export itself to report.
    """
    try:
        from . import pdf  # noqa: F401 - reportlab, and matplotlib through the charts
        from .charts import matplotlib_family
        from .layout import register_reportlab_fonts

        register_reportlab_fonts()
        matplotlib_family()
    except Exception:  # noqa: BLE001 - the export will raise it again, with its message
        pass
