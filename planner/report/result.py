"""What an export returns and the error it raises (no heavy imports here)."""

from __future__ import annotations

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
    """The PDF could not be written (unwritable path, file in use, bad language)."""

    def __init__(self, ja: str, en: str) -> None:
        super().__init__(L10n(ja, en))
