"""Writing the plan PDF: the content, laid out once by the PDF writer, replaced atomically."""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

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
    with one_full_collection():
        path = export(plan, out_path, writer, lang=lang, catalog=catalog)
    return ExportResult(path=path, pages=writer.pages, warnings=writer.guard.warnings(lang))


_GC_LOCK = threading.Lock()
_gc_state: dict = {"depth": 0, "thresholds": None}


@contextmanager
def one_full_collection() -> Iterator[None]:
    """No full garbage collection while the PDF is laid out, one after it (issue 25).

    The story of a big plan is built whole before layout, and Python's full collections
    walk every object alive each time they run: 45 % of the CPU time of a plan ten times
    the bench's large one, 32 % of the large one's. The young generations are collected
    as usual; the full collection runs once, when the export is done. What was alive
    before the export (the catalog, the libraries: ~140,000 objects) is frozen meanwhile,
    so that collection walks only what the export made: walking it all cost 40-70 ms, a
    tenth of a warm export of the sample. Exports in several threads share one setting.
    """
    with _GC_LOCK:
        if _gc_state["depth"] == 0:
            _gc_state["thresholds"] = gc.get_threshold()
            first, second, _third = _gc_state["thresholds"]
            gc.set_threshold(first, second, 1_000_000)
            gc.freeze()
        _gc_state["depth"] += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _gc_state["depth"] -= 1
            last = _gc_state["depth"] == 0
            if last:
                gc.collect()  # what the export left: the frozen objects are not walked
                gc.unfreeze()
                gc.set_threshold(*_gc_state["thresholds"])
