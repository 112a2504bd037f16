"""The catalog of this process: the bundled data files (through the per-user cache) with
the subsidy rules the user has imported merged in.

Only the program's entry points use it — the window, the CLI, the store's and the
report's functions when no catalog is given; the domain is always handed a catalog.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

from ..domain.catalog import Catalog
from ..domain.subsidy_rules import merge_rules
from .cache import user_cache_dir
from .catalog_files import load_catalog
from .rule_files import load_user_rules
from .rule_folder import user_rules_dir
from .words import default_words


@cache
def default_catalog() -> Catalog:
    """The bundled catalog, read once per process (through the per-user cache), with the
    subsidy rules a user has imported merged in (issue 15, rule_files.py)."""
    return with_user_rules(bundled_catalog())


def bundled_catalog() -> Catalog:
    """The bundled catalog alone, read through the per-user cache, with the process's words."""
    return load_catalog(cache_dir=user_cache_dir(), words=default_words())


def with_user_rules(catalog: Catalog, folder: Path | None | bool = True) -> Catalog:
    """The catalog with imported rule files merged over its rules (``True``: the user's
    folder; ``None``: none). A file that cannot be used is skipped, and named in
    ``rule_problems``."""
    where = user_rules_dir() if folder is True else folder
    if where is None:
        return catalog
    imported, problems = load_user_rules(where, catalog.category_ids())
    if not imported and not problems:
        return catalog
    return replace(
        catalog,
        subsidy_rules=merge_rules(catalog.subsidy_rules, imported),
        rule_problems=tuple(problems),
    )
