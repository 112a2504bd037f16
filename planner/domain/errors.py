"""Errors the user can read, in Japanese and English."""

from __future__ import annotations

from .text import L10n


class PlannerError(Exception):
    """Base of every error the program reports to the user as a message."""

    def __init__(self, message: L10n) -> None:
        super().__init__(message.en)
        self.message = message

    def text(self, lang: str = "ja") -> str:
        return self.message.get(lang)


class ValidationError(PlannerError):
    """An invalid value; ``field`` names what the user has to correct."""

    def __init__(self, field: str, ja: str, en: str) -> None:
        super().__init__(L10n(ja, en))
        self.field = field

    def __str__(self) -> str:
        return f"{self.field}: {self.message.en}"


class ResourceError(PlannerError):
    """A bundled data file is missing or malformed; names the file and field."""

    def __init__(self, path: str, field: str, problem: str) -> None:
        super().__init__(
            L10n(
                f"データファイル {path} の項目「{field}」が不正です: {problem}",
                f"Data file {path}, field '{field}': {problem}",
            )
        )
        self.path = path
        self.field = field
