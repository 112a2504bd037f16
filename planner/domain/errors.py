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
    """A data file (bundled, or a rule file a user imports) is missing or malformed.

    Names the file and the field; ``problem`` is said in Japanese and English (a plain
    string, used by checks of bundled files only developers break, is shown as it is).
    """

    def __init__(self, path: str, field: str, problem: str | L10n) -> None:
        p = problem if isinstance(problem, L10n) else L10n(problem, problem)
        whole = field in ("", "-")  # the file as a whole (not found, not TOML, not UTF-8)
        at_ja = "" if whole else f"の項目「{field}」"
        at_en = "" if whole else f", field '{field}'"
        super().__init__(
            L10n(
                f"データファイル {path} {at_ja}が不正です: {p.ja}",
                f"Data file {path}{at_en}: {p.en}",
            )
        )
        self.path = path
        self.field = field
        self.problem = p
