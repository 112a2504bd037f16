"""The writer seam: the plan's content built once, written by a Writer through the one atomic write.

A ``Writer`` takes the content (``content.Document``) and writes one file at the
path it is given: the PDF writer (reportlab), the Markdown writer, later Word and
Excel. ``export`` is what every one of them goes through: the language checked,
the target checked as every writer's target is (``store/files.check_target``:
not a folder, not a plan, not a plan someone has open, not the input, not a name
too long), the document built from the plan, then written beside the target and
put in its place atomically (``store/atomic.write_atomically``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from ..domain.catalog import Catalog
from ..domain.model import Plan
from ..domain.text import LANGS
from ..loading import default_catalog
from ..store.atomic import write_atomically
from ..store.files import check_target
from .chapters import build_document
from .content import Document
from .result import Format, ReportError


class Writer(Protocol):
    """Renders content (the plan's ``Document``, or what ``export``'s ``build`` made, e.g. a
    workbook's ``sheets.Book``) into one file."""

    format: Format

    def write(self, document: Any, path: Path) -> None:
        """Write the whole file at ``path`` (a new, empty file beside the target)."""
        ...


def check_language(lang: str) -> None:
    if lang not in LANGS:
        raise ReportError(
            f"出力言語「{lang}」には対応していません（ja または en）。",
            f"Unknown output language '{lang}' (use ja or en).",
        )


def export_target(out_path: str | os.PathLike[str], fmt: Format) -> Path:
    """The target, refused with a message if no file of ``fmt`` can be written there."""
    path = Path(out_path)
    if os.path.isdir(path):  # os.path: False, never an exception, for a name too long
        raise ReportError(
            f"保存先「{path}」はフォルダです。{fmt.ja}のファイル名を指定してください。",
            f"'{path}' is a folder. Give a file name for the {fmt.en}.",
        )
    parent = path.parent if str(path.parent) else Path(".")
    if not os.path.isdir(parent):
        raise ReportError(
            f"保存先のフォルダ「{parent}」がありません。既存のフォルダを指定してください。",
            f"The folder '{parent}' does not exist. Choose an existing folder.",
        )
    # the checks every writer makes: not a plan, not open, not too long for its temporary file
    check_target(path, suffix=fmt.suffix, failure=fmt.failure)
    return path


def export(
    plan: Plan,
    out_path: str | os.PathLike[str],
    writer: Writer,
    *,
    lang: str = "ja",
    catalog: Catalog | None = None,
    build: Callable[[Plan, Catalog, str], Any] = build_document,
) -> Path:
    """Write the plan with ``writer`` to ``out_path``; the old file stays on any failure.
    ``build`` makes the content the writer writes: the plan document unless another is
    given (the budget request workbook: ``budget_book.budget_book``, issue 20)."""
    check_language(lang)
    path = export_target(out_path, writer.format)
    document = build(plan, catalog or default_catalog(), lang)
    write_document(document, writer, path)
    return path


def write_document(document: Document | Any, writer: Writer, path: Path) -> None:
    """A file beside ``path``, written by ``writer``, fsynced, then put in its place."""
    write_atomically(path, lambda tmp: writer.write(document, tmp), failure=writer.format.failure)
