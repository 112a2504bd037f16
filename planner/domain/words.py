"""The words for the plan's coded values (ja / en), from ``resources/words.toml``.

The screen's choice lists, the PDF and the CLI all read their words here, so a
code is called the same on screen and on paper. Each list keeps the order of
the file, which is the order the screen offers the choices in.

    words.choices("rule_status")  # (("todo", L10n("未着手", ...)), ...)
    words.label("rule_status", "done", "ja")  # "整備済み"
    words.label("rule_status", None, "en")  # "not yet entered"

The file is read once per process, through the same validation and per-user
cache of parsed files as the catalog (``catalog.py``); a wrong entry raises
ResourceError naming the file and the field (``rule_status.done.ja``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..resources import resource_dir
from .datafile import Reader, cache_file, read_cache, user_cache_dir, write_cache
from .errors import ResourceError
from .text import L10n

FILE = "words.toml"


@dataclass(frozen=True)
class Words:
    not_entered: L10n
    lists: dict[str, tuple[tuple[str, L10n], ...]]
    _index: dict[str, dict[str, L10n]]

    def choices(self, name: str) -> tuple[tuple[str, L10n], ...]:
        try:
            return self.lists[name]
        except KeyError:
            raise KeyError(f"no word list '{name}' in {FILE}") from None

    def word(self, name: str, code: str) -> L10n | None:
        self.choices(name)  # an unknown list is a program error, not a missing word
        return self._index[name].get(code)

    def label(self, name: str, code: str | None, lang: str) -> str:
        if code is None:
            return self.not_entered.get(lang)
        found = self.word(name, code)
        return found.get(lang) if found else code


def _parse(r: Reader) -> Words:
    lists: dict[str, tuple[tuple[str, L10n], ...]] = {}
    for name, table in r.data.items():
        if name in ("schema", "not_entered"):
            continue
        if not isinstance(table, dict):
            r.fail(name, "not a table of code = { ja, en }")
        if not table:
            r.fail(name, "empty list")
        lists[name] = tuple((code, r.l10n(table, code, name)) for code in table)
    return Words(
        not_entered=r.l10n(r.data, "not_entered", ""),
        lists=lists,
        _index={name: dict(entries) for name, entries in lists.items()},
    )


def load_words(root: Path | None = None, cache_dir: Path | None = None) -> Words:
    """Read and validate ``words.toml`` under ``root`` (default: the bundled resources)."""
    root = root or resource_dir()
    try:
        raw = {FILE: (root / FILE).read_bytes()}
    except FileNotFoundError:
        raise ResourceError(FILE, "-", "file not found") from None
    # a folder of its own: the catalog's cache keeps one file per folder
    cache_path = cache_file(cache_dir / "words", raw, "words") if cache_dir is not None else None
    parsed = read_cache(cache_path, raw) if cache_path is not None else None
    reader = Reader(FILE, raw[FILE], parsed and parsed[FILE])
    words = _parse(reader)
    if cache_path is not None and parsed is None:
        write_cache(cache_path, {FILE: reader.data})
    return words


@cache
def default_words() -> Words:
    """The bundled words, read once per process (through the per-user cache)."""
    return load_words(cache_dir=user_cache_dir())


def choices(name: str) -> tuple[tuple[str, L10n], ...]:
    """(code, word) pairs of one list, in the order the screen offers them."""
    return default_words().choices(name)


def codes(name: str) -> tuple[str, ...]:
    return tuple(code for code, _w in default_words().choices(name))


def word(name: str, code: str) -> L10n | None:
    return default_words().word(name, code)


def label(name: str, code: str | None, lang: str) -> str:
    """The word for a code; an unknown code is shown as it is, None as 未記入."""
    return default_words().label(name, code, lang)


def not_entered() -> L10n:
    return default_words().not_entered
