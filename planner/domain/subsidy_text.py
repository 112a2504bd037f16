"""How the subsidy estimate is worked out, in words, from the rule file's values.

The screen (step 7), the PDF (chapter 11) and the CLI summary all say it with
these functions, so a new fiscal year's rule (another rate, another rounding)
is a change of ``resources/rules/special_allocation_tax.toml`` only.
"""

from __future__ import annotations

from fractions import Fraction

from .catalog import SubsidyRule
from .costs import rule_for
from .fiscal import era_year_label, short_fy_label
from .model import Plan
from .rule_years import Rules
from .text import L10n
from .words import Words

_ROUNDING_JA = {"down": "切り捨て", "half_up": "四捨五入", "up": "切り上げ"}
_ROUNDING_EN = {"down": "rounded down", "half_up": "rounded", "up": "rounded up"}


def rate_text(rate: Fraction) -> str:
    """0.5 for 1/2; a rate with no short decimal stays a fraction (1/3)."""
    d = rate.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d != 1:
        return f"{rate.numerator}/{rate.denominator}"
    text = f"{float(rate):.6f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def multiplier_text(plan: Plan) -> str:
    """The fiscal-capacity multiplier as entered: 1.0 (no correction), 0.85."""
    m = plan.fiscal_capacity_multiplier
    return f"{m:.1f}" if m == m.to_integral_value() else str(m)


def rounding_text(rule: SubsidyRule) -> L10n:
    """1,000円未満切り捨て / rounded down to ¥1,000."""
    unit, mode = rule.rounding_unit, rule.rounding_mode
    if unit == 1:
        return L10n(f"1円未満{_ROUNDING_JA[mode]}", f"{_ROUNDING_EN[mode]} to the yen")
    return L10n(f"{unit:,}円未満{_ROUNDING_JA[mode]}", f"{_ROUNDING_EN[mode]} to ¥{unit:,}")


def rules_applied(plan: Plan, rules: Rules) -> list[SubsidyRule]:
    """The rules the plan's fiscal years use (each once, oldest first)."""
    found = {}
    for fy in plan.fiscal_years:
        rule, _assumed = rule_for(fy, rules)
        if rule is not None:
            found[rule.fiscal_year] = rule
    return [found[k] for k in sorted(found)]


def _per_rule(applied: list[SubsidyRule], text, lang: str) -> str:
    """One text when every rule says the same, else each with the year it starts."""
    texts = [text(r) for r in applied]
    if len(set(texts)) == 1:
        return texts[0]
    sep = ", " if lang == "en" else "、"
    start = "from " if lang == "en" else ""
    end = "" if lang == "en" else "〜"
    return sep.join(
        f"{t} ({start}{short_fy_label(r.fiscal_year, lang)}{end})"
        for t, r in zip(texts, applied, strict=True)
    )


def subsidy_formula(plan: Plan, rules: Rules, words: Words) -> L10n:
    """措置見込額 = 対象経費 × 措置率0.5 × 財政力補正の乗率1.0（財政力指数: 0.45）。1,000円未満切り捨て。
    ``words``: the catalog's (an index not entered is 未記入)."""
    applied = rules_applied(plan, rules)
    mult = multiplier_text(plan)
    idx = plan.municipality.fiscal_capacity_index
    none = words.not_entered
    idx_ja = str(idx) if idx is not None else none.ja
    idx_en = str(idx) if idx is not None else none.en
    if not applied:
        return L10n(
            "計画期間には特別交付税措置がありません（措置の開始前）。",
            "No special allocation tax measure applies to the plan period (before it began).",
        )
    rate = {lang: _per_rule(applied, lambda r: rate_text(r.rate), lang) for lang in ("ja", "en")}
    rounding = {
        lang: _per_rule(applied, lambda r, lang=lang: rounding_text(r).get(lang), lang)
        for lang in ("ja", "en")
    }
    return L10n(
        f"措置見込額 ＝ 対象経費 × 措置率{rate['ja']} × 財政力補正の乗率{mult}"
        f"（財政力指数: {idx_ja}）。{rounding['ja']}。",
        f"Estimated subsidy = eligible cost × rate {rate['en']} × fiscal-capacity multiplier "
        f"{mult} (fiscal capacity index: {idx_en}), {rounding['en']}.",
    )


# -- which rule a year assumes, and what an imported rule replaces (issue 18) ------------


def assumed_rule_words(rule: SubsidyRule) -> L10n:
    """令和6年度のルールを仮定: what the cost strip and step 7's year table both say of a year
    without its own rule (the rule carried forward, named; imported ones said so)."""
    label = era_year_label(rule.fiscal_year)
    if rule.origin == "bundled":
        return L10n(f"{label}のルールを仮定", f"FY{rule.fiscal_year} rule assumed")
    return L10n(f"取り込んだ{label}のルールを仮定", f"imported FY{rule.fiscal_year} rule assumed")


def rule_origin(rule: SubsidyRule) -> L10n:
    """本プログラム同梱 / 取り込んだルールファイル fy2025.toml."""
    if rule.origin == "bundled":
        return L10n("本プログラム同梱", "bundled with the program")
    return L10n(f"取り込んだルールファイル {rule.origin}", f"imported rule file {rule.origin}")


def replaced_rule_note(old: SubsidyRule, new: SubsidyRule) -> L10n:
    """What importing ``new`` replaced: the year's rule before, with both rates and sources."""
    label = era_year_label(new.fiscal_year)
    was = rule_origin(old)
    return L10n(
        f"{label}のルールを置き換えました: 措置率{rate_text(old.rate)}（{old.source.ja}、"
        f"{old.date.isoformat()}、{was.ja}）→ 措置率{rate_text(new.rate)}（{new.source.ja}、"
        f"{new.date.isoformat()}）。",
        f"Replaced the FY{new.fiscal_year} rule: rate {rate_text(old.rate)} ({old.source.en}, "
        f"{old.date.isoformat()}, {was.en}) → rate {rate_text(new.rate)} ({new.source.en}, "
        f"{new.date.isoformat()}).",
    )
