"""Errors of the project file layer, in Japanese and English."""

from __future__ import annotations

from ..domain.errors import PlannerError
from ..domain.text import L10n


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


def shown(text: object, limit: int = 60) -> str:
    """A value from a file, made safe to put in a one-line message (data only)."""
    s = "".join(ch if ch.isprintable() else "?" for ch in str(text))
    return s if len(s) <= limit else s[: limit - 1] + "…"
