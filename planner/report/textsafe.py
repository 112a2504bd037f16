"""The one way user text reaches the PDF.

reportlab's Paragraph reads its text as markup: ``A<B`` raises, ``R&D`` prints
wrong, ``<img src=...>`` opens a local file and newlines vanish. And a
character the font lacks is drawn as an empty box without any error. So every
text from the plan (and from the catalog, for good measure) goes through
``TextGuard``:

- ``clean``: line ends normalised, control and format characters dropped
  (bidi overrides, zero-width joiners, variation selectors), every character
  the bundled fonts lack replaced by 〓 and remembered for a warning;
- ``para``: ``clean``, then XML-escaped, then newlines → ``<br/>``.

A writer with no font to fit (text, Markdown) uses ``clean_plain``: the same
cleaning, every printable character kept.
"""

from __future__ import annotations

import unicodedata
from html import escape  # already imported by reportlab's paragraph parser; no urllib

from .fonts import MISSING_GLYPH

_DROP_CATEGORIES = {"Cc", "Cf", "Cs"}
_LINE_BREAKS = {
    "\r\n": "\n",
    "\r": "\n",
    "\u2028": "\n",
    "\u2029": "\n",
    "\x0b": "\n",
    "\x0c": "\n",
}
_SPACES = {"\t": " "}


def _is_variation_selector(cp: int) -> bool:
    return 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF


def _normalised(s: str) -> str:
    for old, new in _LINE_BREAKS.items():
        s = s.replace(old, new)
    return s


def _invisible(ch: str) -> bool:
    """Control, format (bidi overrides, zero-width joiners), surrogate, variation selector."""
    return unicodedata.category(ch) in _DROP_CATEGORIES or _is_variation_selector(ord(ch))


def clean_plain(text: object) -> str:
    """Text for a plain-text writer: line ends normalised, tabs as spaces, invisible
    characters dropped (nothing can reorder or hide what the reader sees)."""
    s = "" if text is None else text if isinstance(text, str) else str(text)
    if s.isascii() and s.isprintable():
        return s
    s = _normalised(s)
    spaced = (_SPACES.get(ch, ch) for ch in s)
    return "".join(ch for ch in spaced if ch == "\n" or not _invisible(ch))


class TextGuard:
    """Sanitises text for the PDF and collects the characters that could not be printed."""

    def __init__(self, covered: frozenset[int]) -> None:
        self._covered = covered
        self._cache: dict[str, str] = {}
        self.missing: dict[str, str] = {}  # character -> first text it was found in

    def clean(self, text: object) -> str:
        if text is None:
            return ""
        s = text if isinstance(text, str) else str(text)
        cached = self._cache.get(s)
        if cached is not None:
            return cached
        out = self._clean(s)
        if len(self._cache) < 50_000:
            self._cache[s] = out
        return out

    def _clean(self, s: str) -> str:
        if s.isascii() and s.isprintable():
            return s  # the common case for numbers and codes: nothing to do
        s = _normalised(s)
        covered = self._covered
        if "\t" not in s and covered.issuperset(map(ord, s.replace("\n", ""))):
            return s  # every character printable as it is: the loop below would keep each
        out: list[str] = []
        for ch in s:
            if ch == "\n":
                out.append(ch)
                continue
            ch = _SPACES.get(ch, ch)
            cp = ord(ch)
            if cp in covered:
                out.append(ch)
            elif _invisible(ch):
                continue
            else:
                if ch not in self.missing:
                    self.missing[ch] = s.replace("\n", " ")
                out.append(MISSING_GLYPH)
        return "".join(out)

    def para(self, text: object) -> str:
        """Text for a Paragraph: printed exactly as typed, line breaks kept."""
        return escape(self.clean(text), quote=False).replace("\n", "<br/>")

    def warnings(self, lang: str) -> list[str]:
        out = []
        for ch, where in self.missing.items():
            code = f"U+{ord(ch):04X}"
            context = where if len(where) <= 30 else where[:29] + "…"
            if lang == "en":
                out.append(
                    f"The character '{ch}' ({code}) is not in the bundled font and was printed "
                    f'as {MISSING_GLYPH} (first seen in "{context}"). Replace it with a common '
                    "character if the printed plan must show it."
                )
            else:
                out.append(
                    f"「{ch}」（{code}）は同梱フォントにない文字のため「{MISSING_GLYPH}」で印字しました"
                    f"（最初の出現箇所:「{context}」）。印刷物で必要な場合は一般的な文字に置き換えてください。"
                )
        return out
