"""The words for the plan's coded values (ja / en): the value ``Words``.

The words come from ``resources/words.toml``, read by the loader at the edge
(``planner/loading/words.py``); the domain gets them with the catalog it is given
(``Catalog.words``), and the screens, the PDF and the CLI through the loader's
``words.label(...)`` — the same value, so a code is called the same on screen and on
paper. Each list keeps the order of the file, which is the order the screen offers
the choices in.

    words.choices("rule_status")  # (("todo", L10n("未着手", ...)), ...)
    words.label("rule_status", "done", "ja")  # "整備済み"
    words.label("rule_status", None, "en")  # "not yet entered"
"""

from __future__ import annotations

from dataclasses import dataclass

from .text import L10n

FILE = "words.toml"  # named in the message for an unknown list


@dataclass(frozen=True)
class Words:
    not_entered: L10n
    lists: dict[str, tuple[tuple[str, L10n], ...]]
    _index: dict[str, dict[str, L10n]]

    @classmethod
    def of(cls, not_entered: L10n, lists: dict[str, tuple[tuple[str, L10n], ...]]) -> Words:
        return cls(not_entered, lists, {name: dict(entries) for name, entries in lists.items()})

    def choices(self, name: str) -> tuple[tuple[str, L10n], ...]:
        """(code, word) pairs of one list, in the order the screen offers them."""
        try:
            return self.lists[name]
        except KeyError:
            raise KeyError(f"no word list '{name}' in {FILE}") from None

    def codes(self, name: str) -> tuple[str, ...]:
        return tuple(code for code, _w in self.choices(name))

    def word(self, name: str, code: str) -> L10n | None:
        self.choices(name)  # an unknown list is a program error, not a missing word
        return self._index[name].get(code)

    def label(self, name: str, code: str | None, lang: str) -> str:
        """The word for a code; an unknown code is shown as it is, None as 未記入."""
        if code is None:
            return self.not_entered.get(lang)
        found = self.word(name, code)
        return found.get(lang) if found else code
