"""Which subsidy rule a fiscal year uses, and a recorded rule ⇄ the catalog's rule (issue 19,
item 6; docs/decisions/0012-rules-travel-with-the-plan.md).

``costs.rule_for`` resolves a year through ``latest_rule`` (the catalog's rules: the latest
rule of that year or before, carried forward) or through a ``YearRules`` (the rules one
plan's figures use: its recorded rule for a year it has one, where the plan says so, and
this PC's rules for the rest). ``plan_rules.rules_for`` builds the latter for a plan.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .catalog import SubsidyRule
from .errors import ValidationError
from .model_rules import RecordedRule, RuleText
from .text import L10n


def latest_rule(fiscal_year: int, rules: Sequence[SubsidyRule]) -> tuple[SubsidyRule | None, bool]:
    """The latest rule of that fiscal year or before, and whether it is assumed (carried
    forward from an earlier year). None before the first rule."""
    applicable = [r for r in rules if r.fiscal_year <= fiscal_year]
    if not applicable:
        return None, False
    rule = max(applicable, key=lambda r: r.fiscal_year)
    return rule, rule.fiscal_year != fiscal_year


@dataclass(frozen=True)
class YearRules:
    """The subsidy rules one plan's figures use, year by year.

    ``local``: this PC's rules (the catalog's: bundled, with the user's imported files);
    ``recorded``: the plan's record, by the plan's fiscal year; ``use_recorded``: the plan
    says its figures use the record. A year the record does not have uses this PC's rule.
    """

    local: tuple[SubsidyRule, ...]
    recorded: Mapping[int, SubsidyRule] = field(default_factory=dict)
    use_recorded: bool = False

    def rule_for(self, fiscal_year: int) -> tuple[SubsidyRule | None, bool]:
        if self.from_plan(fiscal_year):
            rule = self.recorded[fiscal_year]
            return rule, rule.fiscal_year != fiscal_year
        return latest_rule(fiscal_year, self.local)

    def from_plan(self, fiscal_year: int) -> bool:
        """Whether the year's figures use the plan's recorded rule (not this PC's)."""
        return self.use_recorded and fiscal_year in self.recorded

    def local_rule(self, fiscal_year: int) -> tuple[SubsidyRule | None, bool]:
        return latest_rule(fiscal_year, self.local)


Rules = Sequence[SubsidyRule] | YearRules  # what the estimate is computed with


# -- a rule's content and its hash -------------------------------------------------------------


def rule_content(rule: SubsidyRule) -> dict[str, object]:
    """What a rule says, in the form of a rule file's ``[[rules]]`` table (not where it came
    from: the same rule bundled on one PC and imported on another is one rule)."""
    return {
        "fiscal_year": rule.fiscal_year,
        "rate": f"{rule.rate.numerator}/{rule.rate.denominator}",
        "eligible_categories": sorted(rule.eligible_categories),
        "rounding": {"unit": rule.rounding_unit, "mode": rule.rounding_mode},
        "coverage": rule.coverage,
        "coverage_source": rule.coverage_source,
        "source": {"ja": rule.source.ja, "en": rule.source.en},
        "date": rule.date.isoformat(),
        "date_assumed": rule.date_assumed,
        "note": {"ja": rule.note.ja, "en": rule.note.en},
    }


@lru_cache(maxsize=256)
def rule_hash(rule: SubsidyRule) -> str:
    """SHA-256 (hex) of the rule's content as compact JSON, keys sorted, UTF-8
    (docs/file-format.md, "Recorded subsidy rules")."""
    text = json.dumps(rule_content(rule), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def rule_of(row: RecordedRule) -> SubsidyRule:
    """The rule a recorded row states (its origin as recorded)."""
    return SubsidyRule(
        fiscal_year=row.rule_year,
        rate=row.rate,
        eligible_categories=frozenset(row.eligible_categories),
        rounding_unit=row.rounding_unit,
        rounding_mode=row.rounding_mode,
        source=L10n(row.source.ja, row.source.en),
        date=row.date,
        note=L10n(row.note.ja, row.note.en),
        coverage=row.coverage,
        coverage_source=row.coverage_source,
        origin=row.origin,
        date_assumed=row.date_assumed,
    )


def row_of(fiscal_year: int, rule: SubsidyRule) -> RecordedRule:
    """The record of ``rule`` as the rule of ``fiscal_year`` (its id: ``fy2025``)."""
    return RecordedRule(
        fiscal_year=fiscal_year,
        rule_year=rule.fiscal_year,
        rate=rule.rate,
        eligible_categories=rule.eligible_categories,
        rounding_unit=rule.rounding_unit,
        rounding_mode=rule.rounding_mode,
        coverage=rule.coverage,
        coverage_source=rule.coverage_source,
        date=rule.date,
        date_assumed=rule.date_assumed,
        origin=rule.origin,
        content_hash=rule_hash(rule),
        source=RuleText(rule.source.ja, rule.source.en),
        note=RuleText(rule.note.ja, rule.note.en),
        id=f"fy{fiscal_year}",
    )


# -- the checks of a record (named in records.py, run by checks.py) ----------------------------


def _at(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def recorded_rule_is_whole(row: RecordedRule, where: str) -> None:
    """A recorded subsidy rule (issue 19) is of its year or carried forward, and its hash is
    its content's: a record changed by hand is refused, not used."""
    if row.rule_year > row.fiscal_year:
        raise ValidationError(
            _at(where, "rule_year"),
            f"記録された措置ルールは{row.rule_year}年度のもので、それより前の{row.fiscal_year}年度には使えません。",
            f"The recorded rule is of FY{row.rule_year}; it cannot apply to the earlier FY{row.fiscal_year}.",
        )  # fmt: skip
    if row.content_hash != rule_hash(rule_of(row)):
        raise ValidationError(
            _at(where, "content_hash"),
            f"記録された{row.fiscal_year}年度の措置ルールの内容が、記録されたハッシュと一致しません（書き換えられたおそれがあります）。",
            f"The recorded subsidy rule of FY{row.fiscal_year} does not match its recorded hash (it may have been altered).",
        )  # fmt: skip


def one_recorded_rule_a_year(plan: Any, where: str) -> None:
    first: dict[int, int] = {}
    for i, row in enumerate(plan.recorded_rules):
        if row.fiscal_year in first:
            a, b = f"recorded_rules[{first[row.fiscal_year]}]", f"recorded_rules[{i}]"
            raise ValidationError(
                _at(where, f"recorded_rules[{i}].fiscal_year"),
                f"{row.fiscal_year}年度の措置ルールが2つ記録されています（{a} と {b}）。",
                f"Two subsidy rules are recorded for FY{row.fiscal_year} ({a} and {b}).",
            )
        first[row.fiscal_year] = i
