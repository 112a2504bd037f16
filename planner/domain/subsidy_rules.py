"""The special allocation tax measure in words, and the checks of issue 15's cost fields.

Texts other code shows (step 7, summary, PDF, CLI): where the fiscal-capacity
multiplier comes from, when the money arrives, which year's rule is assumed,
and how the rule files a user imports (one fiscal year's rule in the form of
resources/rules/special_allocation_tax.toml, with its source and date, read by
planner/loading/rule_files.py) replace the bundled rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from .catalog import SubsidyRule
from .costs import periods
from .errors import ValidationError
from .fiscal import era_date_label, era_year_label
from .model import CostLine, Plan
from .money import format_yen
from .text import L10n

# -- the fiscal-capacity correction (財政力補正) ------------------------------------------

MULTIPLIER_WORDING = L10n(
    "財政力補正の乗率：特別交付税に関する省令により、財政力指数（過去3か年の平均、小数点以下2位）に応じて定められる率です。この項目の乗率の表は確認できていないため、本計画では、乗率を計算せず、入力した値をそのまま用います（既定値1.0＝補正なし）。",
    "Fiscal-capacity multiplier: set by the ordinance on the special allocation tax (特別交付税に関する省令) from the fiscal capacity index (3-year average, two decimals). The ordinance's table for this item has not been confirmed, so this plan does not compute it and uses the value entered (default 1.0 = no correction).",
)
MULTIPLIER_LABEL = L10n(
    "財政力補正の乗率（省令により財政力指数から定まる率）",
    "Fiscal-capacity multiplier (set by ordinance from the fiscal capacity index)",
)


def multiplier_wording() -> L10n:
    """Where the multiplier comes from, said correctly (not a figure the prefecture issues)."""
    return MULTIPLIER_WORDING


def multiplier_note(index: Decimal | None, multiplier: Decimal) -> L10n | None:
    """A warning when a fiscal capacity index is entered but the multiplier stays 1.0."""
    if index is None or Decimal(multiplier) != 1:
        return None
    return L10n(
        f"財政力指数（{index}）が入力されていますが、財政力補正の乗率は1.0（補正なし）のままです。乗率は特別交付税に関する省令により財政力指数から定まりますが、この項目の表は確認できていません。実際の乗率を確認して入力するまで、措置見込額は補正前の概算です。",
        f"A fiscal capacity index ({index}) is entered, but the fiscal-capacity multiplier is still 1.0 (no correction). The ordinance derives the multiplier from the index, but its table for this item has not been found. Until the actual multiplier is checked and entered, the estimate is before correction.",
    )


def plan_multiplier_note(plan: Plan) -> L10n | None:
    return multiplier_note(plan.municipality.fiscal_capacity_index, plan.fiscal_capacity_multiplier)


# -- timing ------------------------------------------------------------------------------

# issue 18: what the law says (the decision in December and March) and how the cost reaches
# the calculation; no payment month, and no claim in which year the item is counted
TIMING = L10n(
    "特別交付税の額は、地方交付税法第15条第2項により12月と3月に決定されます。市町村は、措置の対象となる経費を都道府県を通じて国に報告します。特別交付税は一般財源であり、この事業に充てることが決まったお金ではありません。",
    "The amount of special allocation tax is decided in December and March (Local Allocation Tax Act, art. 15(2)). The municipality reports the eligible cost to the national government through the prefecture. The tax is general revenue, not money tied to this project.",
)
TIMING_SOURCE = L10n("地方交付税法第15条第2項", "Local Allocation Tax Act, art. 15(2)")

# -- which rule a year uses ----------------------------------------------------------------


def rule_date_text(rule: SubsidyRule) -> L10n:
    """The rule's date as the plan prints it: the document's date (令和5年12月27日付け), or,
    where no document gives one, said to be an assumption (issue 18)."""
    try:
        day_ja = era_date_label(rule.date)
    except ValidationError:  # before Heisei: no era date
        day_ja = f"{rule.date.year}年{rule.date.month}月{rule.date.day}日"
    day_en = rule.date.isoformat()
    if rule.date_assumed:
        return L10n(
            f"文書の日付は不明（{day_ja}を仮定）",
            f"date of the document unknown ({day_en} assumed)",
        )
    return L10n(f"{day_ja}付け", f"dated {day_en}")


def rule_year_note(fiscal_year: int, rule: SubsidyRule | None, assumed: bool) -> L10n:
    """One line per year: the rule used, its source and date, and what is assumed."""
    label = era_year_label(fiscal_year)
    if rule is None:
        return L10n(
            f"{label}：措置の開始（令和2年度）より前のため、措置はないものとして見積もっています。",
            f"FY{fiscal_year}: before the measure began (FY2020); no subsidy is estimated.",
        )
    source = rule.source
    origin_ja = "" if rule.origin == "bundled" else f"（取り込んだルールファイル {rule.origin}）"
    origin_en = "" if rule.origin == "bundled" else f" (imported rule file {rule.origin})"
    day = rule_date_text(rule)
    if not assumed:
        return L10n(
            f"{label}：{era_year_label(rule.fiscal_year)}のルール — {source.ja}（{day.ja}）{origin_ja}",
            f"FY{fiscal_year}: the FY{rule.fiscal_year} rule — {source.en} ({day.en}){origin_en}",
        )
    return L10n(
        f"{label}：この年度の措置の通知は確認できていないため、{era_year_label(rule.fiscal_year)}のルール（{source.ja}、{day.ja}）{origin_ja}が続くものと仮定しています。",
        f"FY{fiscal_year}: no notice for this year has been found, so the FY{rule.fiscal_year} rule ({source.en}, {day.en}){origin_en} is assumed to continue.",
    )


def coverage_words(coverage: str) -> L10n:
    if coverage == "introduction_and_running":
        return L10n("導入経費と運用経費", "Introduction and running costs")
    return L10n(
        "導入経費のみ（一回限りの経費は発生年度、毎年の経費は初年度分）",
        "Introduction costs only (one-time costs in their year, annual costs in their first year)",
    )


SWITCH_SIGN = (
    "◆"  # beside every figure the plan's running-cost switch changes (※ marks assumed rules)
)
SWITCH_MARK = L10n(
    f"{SWITCH_SIGN}運用経費も対象とする設定による",
    f"{SWITCH_SIGN} counted by the plan's running-cost switch",
)


def switch_added_note(amount: int) -> L10n:
    """The remark beside a year whose eligible base the switch raised (screen and PDF)."""
    ja, en = format_yen(amount, "ja"), format_yen(amount, "en")
    return L10n(f"{SWITCH_SIGN}運用経費{ja}を含む", f"{SWITCH_SIGN} incl. running costs {en}")


def other_revenue_note(line: CostLine, amount: int) -> L10n | None:
    """A note when other revenue exceeds the line's whole cost (the excess is not used).
    ``amount``: ``costs.line_amount`` (a year's, or a lease's month's)."""
    whole = amount * periods(line)
    if line.other_revenue <= whole:
        return None
    return L10n(
        f"「{line.name}」の特定財源（{line.other_revenue:,}円）が経費の総額（{whole:,}円）を超えています。超える分は計算に用いません。",
        f"Other revenue of '{line.name}' (¥{line.other_revenue:,}) is more than its whole cost (¥{whole:,}); the excess is not used.",
    )


# -- rule files a user imports (read by planner/loading/rule_files.py) -----------------------


def merge_rules(
    bundled: Sequence[SubsidyRule], imported: Sequence[SubsidyRule]
) -> tuple[SubsidyRule, ...]:
    """Imported rules replace the bundled rule of the same fiscal year; sorted by year."""
    by_year = {r.fiscal_year: r for r in bundled}
    for r in imported:
        by_year[r.fiscal_year] = r
    return tuple(by_year[fy] for fy in sorted(by_year))
