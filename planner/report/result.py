"""What an export returns and the error it raises (no heavy imports here)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.errors import PlannerError
from ..domain.text import L10n


@dataclass
class ExportResult:
    """The written PDF: where, how many pages, and what the user should know."""

    path: Path
    pages: int
    warnings: list[str] = field(default_factory=list)


class ReportError(PlannerError):
    """An export could not be written (unwritable path, file in use, bad language)."""

    def __init__(self, ja: str, en: str) -> None:
        super().__init__(L10n(ja, en))


@dataclass(frozen=True)
class Format:
    """What a writer writes: its file suffix, and its name in the messages."""

    suffix: str
    ja: str  # 「PDF「plan.pdf」を書き出せませんでした」
    en: str  # "The PDF 'plan.pdf' could not be written"

    def failure(
        self, path: str | os.PathLike[str], e: OSError, *, replacing: bool = False
    ) -> ReportError:
        """The file could not be written: one line naming the cause, from the one mapping
        that saving a plan uses (store/files.py: read-only, disk full, name too long, …)."""
        from ..store.errors import shown
        from ..store.files import write_cause

        cause = write_cause(e, replacing=replacing)
        name = shown(Path(path).name, 80)
        return ReportError(
            f"{self.ja}「{name}」を書き出せませんでした。{cause.ja}",
            f"The {self.en} '{name}' could not be written: {cause.en}",
        )


PDF = Format(".pdf", "PDF", "PDF")
TEXT = Format(".md", "テキスト", "text file")
DOCX = Format(".docx", "Word文書", "Word document")  # issue 21
XLSX = Format(".xlsx", "Excelファイル", "Excel workbook")
CSV = Format(".csv", "CSVファイル", "CSV file")  # issue 20: a table of the summary page
write_error = PDF.failure  # the PDF's (the CLI checks its target with it before reading)
