"""Writing the 変更点一覧 (issue 24 §2): on its own, or as the last appendix of the new
version's whole plan, as PDF or Markdown (by the target's suffix), through the one export
(``export.export``: the target checked, the file written atomically).

    export_changes(comparison, new_plan, "changes.pdf", versions=Versions(a, b))
"""

from __future__ import annotations

import os
from pathlib import Path

from ..domain.catalog import Catalog
from ..domain.diff_effects import Comparison
from ..domain.model import Plan
from ..loading import default_catalog
from .chapters import build_document
from .chapters.changes import Versions, changes_document, with_changes
from .chapters.common import Context
from .export import check_language, export
from .result import ExportResult


def export_changes(
    comparison: Comparison,
    plan: Plan,
    out_path: str | os.PathLike[str],
    *,
    versions: Versions,
    with_plan: bool = False,
    lang: str = "ja",
    catalog: Catalog | None = None,
) -> ExportResult:
    """Write the 変更点一覧 of ``comparison`` (``plan``: the new version) to ``out_path``:
    a PDF unless the name ends in .md. ``with_plan``: the whole plan, the list its appendix."""
    check_language(lang)
    catalog = catalog or default_catalog()

    def build(plan: Plan, catalog: Catalog, lang: str):  # noqa: ANN202 - a content.Document
        ctx = Context(plan, catalog, lang)
        if with_plan:
            return with_changes(build_document(plan, catalog, lang), ctx, comparison, versions)
        return changes_document(ctx, comparison, versions)

    if Path(out_path).suffix.lower() == ".md":
        from .markdown import MarkdownWriter

        path = export(plan, out_path, MarkdownWriter(), lang=lang, catalog=catalog, build=build)
        return ExportResult(path=path, pages=0, warnings=[])
    from .layout import register_reportlab_fonts  # reportlab loads here, not at start-up
    from .pdf_writer import PdfWriter
    from .textsafe import TextGuard

    writer = PdfWriter(TextGuard(register_reportlab_fonts()))
    path = export(plan, out_path, writer, lang=lang, catalog=catalog, build=build)
    return ExportResult(path=path, pages=writer.pages, warnings=writer.guard.warnings(lang))
