"""The subsidy rules a plan's figures were computed with, recorded in the plan (issue 19,
item 6; docs/decisions/0012-rules-travel-with-the-plan.md).

One row per fiscal year of the plan's estimate that has a rule: the plan's fiscal year,
the rule that year used (its own fiscal year may be earlier: a rule carried forward),
the rule's content as the rule file states it, where it came from (``bundled``, or the
name of the imported file) and a hash of its content. The record is the program's, not
the user's: it is refreshed to the rules in use when the plan is saved or exported
(``plan_rules.with_rules_recorded``) and never edited on screen. ``Plan.subsidy_rules_from``
says which rules the figures use: this PC's (``local``) or the plan's record (``plan``).

A recorded rule from a file is untrusted input, checked as an imported rule file is: the
same bounds (a rate above 0 and at most 1, as an exact fraction; a fiscal year of
2000–2100; a known cost category), the rule file's words for a bad rate or category
(``kinds/rates.py``), and its hash must be its content's (``checks.recorded_rule_is_whole``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from .declare import declared, row_id
from .vocabularies import COVERAGES, ROUNDING_MODES, RULES_FROM


@dataclass
class RuleText:
    """A rule's text in Japanese and English (its source, its note), as the rule file has it."""

    ja: str = declared("text", "日本語", "Japanese", default="", required=True)
    en: str = declared("text", "英語", "English", default="", required=True)


def _text(ja: str, en: str, prefix: str) -> Any:
    return declared("record", ja, en, factory=RuleText, of=RuleText, prefix=prefix, required=True)


@dataclass
class RecordedRule:
    fiscal_year: int = declared("fy", "年度", "Fiscal year", required=True,
                                doc="the plan's fiscal year whose figures used this rule")  # fmt: skip
    rule_year: int = declared("fy", "ルールの年度", "Rule's fiscal year", required=True,
                              doc="the fiscal year of the rule itself (earlier: carried forward)")  # fmt: skip
    rate: Fraction = declared("rate", "措置率", "Rate", required=True,
                              doc='an exact fraction above 0 and at most 1, e.g. "1/2"')  # fmt: skip
    eligible_categories: frozenset[str] = declared(
        "codes", "対象経費の区分", "Eligible categories", required=True, choices="cost_category",
        doc="cost category ids of resources/catalog/costs.toml",
    )  # fmt: skip
    rounding_unit: int = declared("money", "端数処理の単位", "Rounding unit", required=True,
                                  minimum=1, doc="yen")  # fmt: skip
    rounding_mode: str = declared("choice", "端数処理の方法", "Rounding mode", required=True,
                                  choices=ROUNDING_MODES)  # fmt: skip
    coverage: str = declared("choice", "対象とする経費", "Coverage", required=True,
                             choices=COVERAGES)  # fmt: skip
    coverage_source: str = declared("text", "対象とする経費の根拠", "Coverage source",
                                    required=True)  # fmt: skip
    date: date = declared("date", "文書の日付", "Date of the document", required=True)
    date_assumed: bool = declared("bool", "日付の仮定", "Date assumed", required=True,
                                  doc="true: no document gives the date; it is an assumption")  # fmt: skip
    origin: str = declared("text", "ルールの出所", "Origin", required=True,
                           doc='"bundled", or the file name of an imported rule file')  # fmt: skip
    content_hash: str = declared("text", "内容のハッシュ", "Content hash", required=True,
                                 doc="SHA-256 of the rule's content (docs/file-format.md)")  # fmt: skip
    source: RuleText = _text("出典", "Source", "source_")
    note: RuleText = _text("注記", "Note", "note_")
    id: str = row_id()


def recorded_rules() -> Any:
    """``Plan.recorded_rules``: the rules the figures were computed with, by fiscal year."""
    return declared("rows", "記録された措置ルール", "Recorded subsidy rules", factory=list,
                    of=RecordedRule, doc="the subsidy rule each fiscal year of the estimate "
                    "used, recorded when the plan was saved (read-only)")  # fmt: skip


def rules_from() -> Any:
    """``Plan.subsidy_rules_from``: which rules the figures use."""
    return declared("choice", "計算に用いる措置ルール", "Subsidy rules used", default="local",
                    choices=RULES_FROM, words="rules_from", doc='"local": this PC\'s rules '
                    '(bundled and imported); "plan": the rules recorded in the plan')  # fmt: skip
