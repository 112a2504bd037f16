"""Texts that exist in Japanese and English."""

from __future__ import annotations

from dataclasses import dataclass

LANGS = ("ja", "en")


@dataclass(frozen=True, slots=True)
class L10n:
    ja: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.ja


def shown(text: object, limit: int = 60) -> str:
    """A value from a file, made safe to put in a one-line message (data only)."""
    s = "".join(ch if ch.isprintable() else "?" for ch in str(text))
    return s if len(s) <= limit else s[: limit - 1] + "…"
