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
