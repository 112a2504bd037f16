"""The per-user store of imported subsidy rule files (issue 15).

``import_rule_file`` checks a file (one fiscal year's rule in the form of
resources/rules/special_allocation_tax.toml, with source and date; errors name
the file and the field) and copies it, atomically, into the user's rules
folder as ``fy2025.toml`` — importing a year again replaces that year's file (and the
result says which rule, bundled or imported, it replaces).
``list_rules`` lists what is stored. The folder is the caller's, or
planner.loading.rule_folder.user_rules_dir() (env TELEWORK_PLANNER_RULES_DIR).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..domain.catalog import SubsidyRule
from ..domain.errors import PlannerError
from ..domain.text import L10n
from ..loading import bundled_catalog, default_catalog, with_user_rules
from ..loading.datafile import too_large
from ..loading.rule_files import MAX_RULE_FILE, load_user_rules, parse_rule_file
from ..loading.rule_folder import user_rules_dir
from .files import open_regular


class RulesStoreError(PlannerError):
    pass


@dataclass(frozen=True, slots=True)
class StoredRule:
    path: Path
    rule: SubsidyRule
    replaced: SubsidyRule | None = None  # the rule of that year in use before the import


def _folder(folder: Path | None) -> Path:
    where = folder if folder is not None else user_rules_dir()
    if where is None:
        raise RulesStoreError(
            L10n(
                "ルールファイルの保存先が無効になっています（TELEWORK_PLANNER_RULES_DIR が空）。",
                "The folder for rule files is turned off (TELEWORK_PLANNER_RULES_DIR is empty).",
            )
        )
    return where


def _read(source: Path) -> bytes:
    """The file's bytes, with the checks of every other input: a regular file, not too large."""
    with open_regular(source) as f:  # a FIFO or /dev/zero is refused before a byte is read
        size = os.fstat(f.fileno()).st_size
        data = f.read(MAX_RULE_FILE + 1) if size <= MAX_RULE_FILE else b""
    if size > MAX_RULE_FILE or len(data) > MAX_RULE_FILE:
        raise too_large(source.name, max(size, len(data)), MAX_RULE_FILE)
    return data


def _rule_in_use(fiscal_year: int, where: Path) -> SubsidyRule | None:
    """The rule of that fiscal year itself (bundled or imported) before anything is stored."""
    catalog = with_user_rules(bundled_catalog(), where)
    return next((r for r in catalog.subsidy_rules if r.fiscal_year == fiscal_year), None)


def import_rule_file(source: Path, folder: Path | None = None) -> StoredRule:
    """Check ``source`` and store it for the user; returns where it went, the rule, and the
    rule of that year it replaces (a shipped year's or an earlier import's), if any."""
    data = _read(source)
    categories = default_catalog().category_ids()
    rule = parse_rule_file(data, source.name, categories)
    where = _folder(folder)
    replaced = _rule_in_use(rule.fiscal_year, where)
    target = where / f"fy{rule.fiscal_year}.toml"
    try:
        where.mkdir(parents=True, exist_ok=True)
        tmp = where / f".{target.name}.{os.getpid()}.tmp"
        tmp.write_bytes(data)
        os.replace(tmp, target)
    except OSError as e:
        raise RulesStoreError(
            L10n(
                f"ルールファイルを {where} に保存できません（{e.strerror}）。",
                f"Cannot store the rule file in {where} ({e.strerror}).",
            )
        ) from None
    return StoredRule(target, parse_rule_file(data, target.name, categories), replaced)


def list_rules(folder: Path | None = None) -> tuple[list[StoredRule], list[L10n]]:
    """The stored rules (by fiscal year) and a message for each unusable file."""
    where = _folder(folder)
    rules, problems = load_user_rules(where, default_catalog().category_ids())
    return [StoredRule(where / r.origin, r) for r in rules], problems
