"""Writing the plan PDF: validate the target, lay out once, replace atomically."""

from __future__ import annotations

import os
from pathlib import Path

from ..domain.catalog import Catalog, default_catalog
from ..domain.model import Plan
from ..domain.text import LANGS
from ..store.atomic import write_atomically
from ..store.files import check_target
from .chapters import build_document
from .layout import register_reportlab_fonts
from .pdf_writer import PdfWriter
from .result import ExportResult, ReportError, write_error
from .textsafe import TextGuard


def _target(out_path: str | os.PathLike[str]) -> Path:
    path = Path(out_path)
    if os.path.isdir(path):  # os.path: False, never an exception, for a name too long
        raise ReportError(
            f"保存先「{path}」はフォルダです。PDFのファイル名を指定してください。",
            f"'{path}' is a folder. Give a file name for the PDF.",
        )
    parent = path.parent if str(path.parent) else Path(".")
    if not os.path.isdir(parent):
        raise ReportError(
            f"保存先のフォルダ「{parent}」がありません。既存のフォルダを指定してください。",
            f"The folder '{parent}' does not exist. Choose an existing folder.",
        )
    # the checks every writer makes: not a plan, not open, not too long for its temporary file
    check_target(path, suffix=".pdf", failure=write_error)
    return path


def write_pdf(
    plan: Plan,
    out_path: str | os.PathLike[str],
    *,
    lang: str = "ja",
    catalog: Catalog | None = None,
) -> ExportResult:
    if lang not in LANGS:
        raise ReportError(
            f"出力言語「{lang}」には対応していません（ja または en）。",
            f"Unknown output language '{lang}' (use ja or en).",
        )
    path = _target(out_path)
    catalog = catalog or default_catalog()
    guard = TextGuard(register_reportlab_fonts())

    # a file beside the target, fsync, os.replace (retried while another program holds it)
    pages = write_atomically(
        path, lambda tmp: _build(plan, catalog, lang, guard, tmp), failure=write_error
    )
    return ExportResult(path=path, pages=pages, warnings=guard.warnings(lang))


def _build(plan: Plan, catalog: Catalog, lang: str, guard: TextGuard, target: Path) -> int:
    """Build the content once, then render it with reportlab into ``target``."""
    writer = PdfWriter(guard)
    writer.write(build_document(plan, catalog, lang), target)
    return writer.pages
