"""Subsidy rule tables, and the rule files a user has imported (issue 15): where they
live, and reading them.

The bundled rule file ends with the last fiscal year a notice was found for.
A town can add a newer year's rule (same TOML form, one fiscal year, with its
source and date); planner/store/rules_store.py checks and stores such files
in the folder below, and ``defaults.with_user_rules`` merges them over the bundled
rules (an imported year replaces the bundled rule of that year,
``domain.subsidy_rules.merge_rules``).

The folder and its files: ``rule_folder.py``.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

from ..domain.catalog import SubsidyRule
from ..domain.errors import ResourceError
from ..domain.fiscal import MAX_FISCAL_YEAR, MIN_FISCAL_YEAR
from ..domain.kinds.rates import parse_rate, rate_problem, unknown_code
from ..domain.limits import MAX_TEXT, MAX_YEN
from ..domain.text import L10n
from ..domain.vocabularies import COVERAGES, ROUNDING_MODES
from .datafile import Reader, read_small_file
from .rule_folder import rule_files

MAX_RULE_FILE = 256 * 1024  # one year's rule is about 1 KB


# -- one rule table ------------------------------------------------------------------------


def _rate(r: Reader, s: dict[str, Any], w: str) -> Fraction:
    """The rate, parsed and bounded as a rule recorded in a plan is (``kinds/rates.py``)."""
    value = r.get(s, "rate", w, (str, int, float))  # a number is read, then refused below
    rate = parse_rate(value)
    if rate is None or not 0 < rate <= 1:
        r.fail(f"{w}.rate", rate_problem(value))
    return rate  # type: ignore[return-value]


def subsidy_rule(
    r: Reader, s: dict[str, Any], w: str, categories: frozenset[str], origin: str = "bundled"
) -> SubsidyRule:
    """One ``[[rules]]`` table, checked (also used for rule files a user imports)."""
    eligible = r.get(s, "eligible_categories", w, list)
    for i, c in enumerate(eligible):
        r.check_kind(c, f"{w}.eligible_categories[{i}]", str)
        if c not in categories:
            r.fail(f"{w}.eligible_categories", unknown_code(c, categories))
    rounding = r.get(s, "rounding", w, dict)
    rule = SubsidyRule(
        fiscal_year=r.count(s, "fiscal_year", w, MIN_FISCAL_YEAR, MAX_FISCAL_YEAR),
        rate=_rate(r, s, w),
        eligible_categories=frozenset(eligible),
        rounding_unit=r.count(rounding, "unit", f"{w}.rounding", 1, MAX_YEN),
        rounding_mode=r.choice(rounding, "mode", f"{w}.rounding", ROUNDING_MODES),
        source=r.l10n(s, "source", w),
        date=r.iso_date(s, "date", w),
        note=r.l10n(s, "note", w),
        coverage=r.choice(s, "coverage", w, COVERAGES),
        coverage_source=r.text(s, "coverage_source", w),
        origin=origin,
        date_assumed=_date_assumed(r, s, w),
    )
    _texts_fit(r, rule, w)
    return rule


def _texts_fit(r: Reader, rule: SubsidyRule, w: str) -> None:
    """A rule's texts fit a plan's text fields: a plan records the rules it used (issue 19)."""
    texts = {"source.ja": rule.source.ja, "source.en": rule.source.en, "note.ja": rule.note.ja,
             "note.en": rule.note.en, "coverage_source": rule.coverage_source}  # fmt: skip
    for key, text in texts.items():
        if len(text) > MAX_TEXT:
            r.fail(f"{w}.{key}", L10n(f"長すぎます（{len(text):,}文字、上限{MAX_TEXT:,}文字）",
                                      f"too long ({len(text):,} characters, at most {MAX_TEXT:,})"))  # fmt: skip


def _date_assumed(r: Reader, s: dict[str, Any], w: str) -> bool:
    """Optional ``date_assumed`` (issue 18): true when no document carries the rule's date."""
    return r.get(s, "date_assumed", w, bool) if "date_assumed" in s else False


def parse_rule_file(data: bytes, name: str, categories: frozenset[str]) -> SubsidyRule:
    """One fiscal year's rule from a file in the bundled form; errors name file and field."""
    r = Reader(name, data)
    tables = r.tables(r.data, "rules")
    if len(tables) != 1:
        r.fail(
            "rules",
            L10n(
                f"1つのファイルには1年度のルールだけを書いてください（{len(tables)}件あります）",
                f"expected the rule of one fiscal year, found {len(tables)}",
            ),
        )
    where, table = tables[0]
    return subsidy_rule(r, table, where, categories, origin=name)


# -- the user's folder ---------------------------------------------------------------------


def load_user_rules(
    folder: Path | None, categories: frozenset[str]
) -> tuple[list[SubsidyRule], list[L10n]]:
    """The valid imported rules, and a message naming each file that is not (never a crash:
    the program must start whatever a user or another program left in the folder)."""
    rules: list[SubsidyRule] = []
    problems: list[L10n] = []
    for path in rule_files(folder):
        try:
            rules.append(
                parse_rule_file(read_small_file(path, MAX_RULE_FILE), path.name, categories)
            )
            continue
        except ResourceError as e:
            why: ResourceError | L10n = e
        except OSError as e:
            detail = e.strerror or type(e).__name__
            why = L10n(f"読めません（{detail}）", f"cannot be read ({detail})")
        except Exception as e:  # noqa: BLE001 - a fault of ours must not stop the start either
            why = L10n(f"読めません（{type(e).__name__}）", f"cannot be read ({type(e).__name__})")
        problems.append(not_used(path.name, why))
    rules.sort(key=lambda r: (r.fiscal_year, r.date))
    return rules, problems


def not_used(name: str, why: ResourceError | L10n) -> L10n:
    """取り込んだルールファイル x.toml を使いません — 項目「rules[0].date」: …, in ja and en."""
    if isinstance(why, ResourceError):
        whole = why.field in ("", "-")
        problem = why.problem
        at_ja = "" if whole else f"項目「{why.field}」: "
        at_en = "" if whole else f"field '{why.field}': "
    else:
        problem, at_ja, at_en = why, "", ""
    return L10n(
        f"取り込んだルールファイル {name} は使いません — {at_ja}{problem.ja}",
        f"The imported rule file {name} is not used — {at_en}{problem.en}",
    )
