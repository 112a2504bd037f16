"""Errors of the project file layer, in Japanese and English."""

from __future__ import annotations

from ..domain.errors import PlannerError
from ..domain.text import L10n, shown  # noqa: F401 - shown: the store's name for it


class ProjectFileError(PlannerError):
    """A plan file that cannot be opened, saved or imported; the message says why.

    ``reason`` is a short machine-readable code (``not_sqlite``, ``not_ours``,
    ``newer``, ``corrupt``, ``missing_table``, ``invalid``, ``too_large``, …) for
    tests and for the UI to pick an icon; the user sees only ``text(lang)``.
    """

    def __init__(self, reason: str, ja: str, en: str) -> None:
        super().__init__(L10n(ja, en))
        self.reason = reason

    def __str__(self) -> str:
        return self.message.en
