"""The loader at the edge: everything the program reads to know its catalog.

The domain (``planner/domain``) reads no file, no environment variable and no per-user
folder (decision 0010). This package does, and hands the domain a ``Catalog`` value:

* ``catalog_files.load_catalog`` — the bundled TOML files under ``resources/`` (steps,
  task and cost catalogs, access methods, measures, rule templates, subsidy rules,
  survey figures) and ``words.toml``, checked field by field (``datafile.Reader``);
* ``cache`` — the per-user cache of parsed files (``TELEWORK_PLANNER_CACHE``);
* ``rule_files`` — one subsidy rule table, and the rule files a user imported
  (``TELEWORK_PLANNER_RULES_DIR`` or the per-user folder), each bad file skipped with a
  warning naming it;
* ``words`` — the words for coded values, and the lookups the screens and the PDF use;
* ``defaults.default_catalog`` — the catalog of this process (bundled + imported rules),
  for the entry points only: the window, the CLI, and the store's and report's functions
  when no catalog is given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .catalog_files import load_catalog
    from .defaults import bundled_catalog, default_catalog, with_user_rules

__all__ = ["bundled_catalog", "default_catalog", "load_catalog", "with_user_rules"]


def __getattr__(name: str) -> Any:
    """The four names above, imported at their first use (issue 25): a module of this
    package (``datafile``, ``rule_folder``) is then imported without the whole catalog
    and the domain's declaration of the plan behind it, as the welcome screen needs."""
    if name == "load_catalog":
        from .catalog_files import load_catalog as found
    elif name in ("bundled_catalog", "default_catalog", "with_user_rules"):
        from . import defaults

        found = getattr(defaults, name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = found
    return found
