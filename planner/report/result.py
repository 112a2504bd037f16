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
    """The PDF could not be written (unwritable path, file in use, bad language)."""

    def __init__(self, ja: str, en: str) -> None:
        super().__init__(L10n(ja, en))


def write_error(
    path: str | os.PathLike[str], e: OSError, *, replacing: bool = False
) -> ReportError:
    """The PDF could not be written: one line naming the cause, from the one mapping that
    saving a plan uses (store/files.py: read-only, disk full, name too long, in use, …)."""
    from ..store.errors import shown
    from ..store.files import write_cause

    cause = write_cause(e, replacing=replacing)
    name = shown(Path(path).name, 80)
    return ReportError(
        f"PDF「{name}」を書き出せませんでした。{cause.ja}",
        f"The PDF '{name}' could not be written: {cause.en}",
    )
