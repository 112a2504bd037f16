"""Reading ``resources/words.toml`` into the ``Words`` value, and the words of this process.

The domain gets its words with the catalog it is given (``Catalog.words``); the
screens, the PDF and the CLI look words up here, in the words the loader read for the
process (the same value ``defaults.default_catalog()`` carries):

    words.choices("rule_status")  # (("todo", L10n("未着手", ...)), ...)
    words.label("rule_status", "done", "ja")  # "整備済み"
    words.label("rule_status", None, "en")  # "not yet entered"

The file is read once per process, through the same validation and per-user cache of
parsed files as the catalog; a wrong entry raises ResourceError naming the file and the
field (``rule_status.done.ja``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..domain.errors import ResourceError
from ..domain.text import L10n
from ..domain.words import FILE, Words
from ..resources import resource_dir
from .cache import cache_file, read_cache, user_cache_dir, write_cache
from .datafile import Reader


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
    return Words.of(r.l10n(r.data, "not_entered", ""), lists)


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
    return default_words().codes(name)


def word(name: str, code: str) -> L10n | None:
    return default_words().word(name, code)


def label(name: str, code: str | None, lang: str) -> str:
    """The word for a code; an unknown code is shown as it is, None as 未記入."""
    return default_words().label(name, code, lang)


def not_entered() -> L10n:
    return default_words().not_entered
