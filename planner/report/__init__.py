"""The PDF implementation plan (実施計画書).

Kept light on purpose: reportlab and matplotlib are imported only inside
``export_pdf``, so importing this package costs nothing at start-up.

    from planner.report import export_pdf
    result = export_pdf(plan, "plan.pdf", lang="ja")   # -> ExportResult
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .result import ExportResult, ReportError

if TYPE_CHECKING:
    from ..domain.catalog import Catalog
    from ..domain.model import Plan

__all__ = ["ExportResult", "ReportError", "export_pdf", "preload"]


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
