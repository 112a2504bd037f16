"""Writing the roll-up (issue 24): .xlsx (``rollup_book``), .pdf (``rollup_pdf``) or .json
(``rollup_data``, for scripts), chosen by the output's suffix, through the writer seam's
one atomic write; the target is checked as every writer's is (``export.export_target``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..domain.catalog import Catalog
from ..domain.rollup import SIZE_CLASSES
from ..domain.rollup_totals import Rollup, by_size, by_year
from .result import PDF, XLSX, Format, ReportError

JSON = Format(".json", "JSONファイル", "JSON file")
FORMATS = {f.suffix: f for f in (XLSX, PDF, JSON)}


def output_format(path: str | os.PathLike[str]) -> Format:
    """The format the output's name asks for, or a ReportError naming the three."""
    found = FORMATS.get(Path(path).suffix.lower())
    if found is None:
        name = Path(path).name
        raise ReportError(
            f"出力先「{name}」の形式が分かりません。名前を .xlsx、.pdf、.json のいずれかで終えてください。",
            f"The output '{name}' has no known format: end its name with .xlsx, .pdf or .json.",
        )
    return found


def rollup_data(rollup: Rollup, catalog: Catalog) -> dict[str, Any]:
    """The roll-up for scripts: every figure an integer in yen."""
    sizes = {code: (ja, en) for code, _lo, _hi, ja, en in SIZE_CLASSES}
    return {
        "format": "telework-planner-rollup",
        "files": rollup.files,
        "cancelled": rollup.cancelled,
        "not_read": rollup.not_read,
        "plans": [p.as_data() | {"steps_done": p.steps_done} for p in rollup.plans],
        "refused": [{"path": r.path, "ja": r.ja, "en": r.en} for r in rollup.refused],
        "duplicates": [{"plan_id": d.plan_id, "municipality": d.municipality, "used": d.used,
                        "left_out": list(d.left_out)} for d in rollup.duplicates],
        "by_size_class": [{"size_class": r.code, "ja": sizes[r.code][0], "en": sizes[r.code][1],
                           "plans": r.plans, "general_staff": r.general_staff,
                           "teleworkers": r.teleworkers, "selected_tasks": r.selected_tasks,
                           "total": r.period.total, "eligible": r.period.eligible,
                           "subsidy": r.period.subsidy, "net": r.period.net,
                           "national_adoption_rate": None if r.national_rate is None
                           else str(r.national_rate)} for r in by_size(rollup, catalog.benchmarks)],
        "by_fiscal_year": [{"fiscal_year": y.fiscal_year, "plans": y.plans,
                            "total": y.money.total, "eligible": y.money.eligible,
                            "subsidy": y.money.subsidy, "net": y.money.net,
                            "subsidy_local_rules": y.subsidy_local} for y in by_year(rollup)],
        "national_adoption_source": catalog.benchmarks.source.ja,
    }  # fmt: skip


class _JsonWriter:
    format = JSON

    def write(self, document: Any, path: Path) -> None:
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", "utf-8")


def export_rollup(rollup: Rollup, out_path: str | os.PathLike[str], *, lang: str = "ja",
                  catalog: Catalog | None = None) -> Path:  # fmt: skip
    """Write the roll-up to ``out_path`` in the format its suffix names; the old file stays
    on any failure. Raises ReportError."""
    from ..loading import default_catalog
    from .export import check_language, export_target, write_document

    check_language(lang)
    fmt = output_format(out_path)
    path = export_target(out_path, fmt)
    catalog = catalog or default_catalog()
    if fmt is XLSX:
        from .rollup_book import rollup_book
        from .xlsx_book import XlsxBookWriter

        write_document(rollup_book(rollup, catalog, lang), XlsxBookWriter(), path)
    elif fmt is PDF:
        from .rollup_pdf import RollupPdfWriter

        write_document((rollup, catalog), RollupPdfWriter(lang), path)
    else:
        write_document(rollup_data(rollup, catalog), _JsonWriter(), path)
    return path
