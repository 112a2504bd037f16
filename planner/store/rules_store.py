"""The per-user store of imported subsidy rule files (issue 15).

``import_rule_file`` checks a file (one fiscal year's rule in the form of
resources/rules/special_allocation_tax.toml, with source and date; errors name
the file and the field) and copies it, atomically, into the user's rules
folder as ``fy2025.toml`` — importing a year again replaces that year's file.
``list_rules`` lists what is stored. The folder is the caller's, or
planner.domain.user_rules.user_rules_dir() (env TELEWORK_PLANNER_RULES_DIR).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..domain.catalog import SubsidyRule, default_catalog
from ..domain.errors import PlannerError, ResourceError
from ..domain.subsidy_rules import parse_rule_file
from ..domain.text import L10n
from ..domain.user_rules import load_user_rules, user_rules_dir

MAX_RULE_FILE = 256 * 1024


class RulesStoreError(PlannerError):
    pass


@dataclass(frozen=True, slots=True)
class StoredRule:
    path: Path
    rule: SubsidyRule


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


def import_rule_file(source: Path, folder: Path | None = None) -> StoredRule:
    """Check ``source`` and store it for the user; returns where it went and the rule."""
    try:
        size = source.stat().st_size
        if size > MAX_RULE_FILE:
            raise ResourceError(source.name, "-", f"file too large ({size:,} bytes)")
        data = source.read_bytes()
    except OSError as e:
        raise RulesStoreError(
            L10n(
                f"ルールファイル {source} を読めません（{e.strerror}）。",
                f"Cannot read the rule file {source} ({e.strerror}).",
            )
        ) from None
    rule = parse_rule_file(data, source.name, default_catalog().category_ids())
    where = _folder(folder)
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
    return StoredRule(target, parse_rule_file(data, target.name, default_catalog().category_ids()))


def list_rules(folder: Path | None = None) -> tuple[list[StoredRule], list[L10n]]:
    """The stored rules (by fiscal year) and a message for each unusable file."""
    where = _folder(folder)
    rules, problems = load_user_rules(where, default_catalog().category_ids())
    return [StoredRule(where / r.origin, r) for r in rules], problems
