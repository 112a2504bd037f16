"""What the screen, the PDF and the CLI say about the rules a plan recorded (issue 19, item
6): which rule each year used and whether it came from the plan's record or this PC, and
where the two differ. ``words``: the catalog's (``[rules_from]`` of resources/words.toml).
"""

from __future__ import annotations

from .catalog import SubsidyRule
from .fiscal import era_year_label
from .plan_rules import RuleDifference
from .subsidy_rules import rule_date_text
from .subsidy_text import rate_text, rule_origin
from .text import L10n
from .words import Words

USE_RECORDED = L10n("計画に記録されたルールで計算する", "Use the rules recorded in the plan")
USE_LOCAL = L10n("このPCのルールで計算する", "Use this PC's rules")


def source_word(from_plan: bool, words: Words) -> L10n:
    """このPCのルール / 計画に記録されたルール."""
    return words.word("rules_from", "plan" if from_plan else "local")  # type: ignore[return-value]


def rule_words(rule: SubsidyRule | None) -> L10n:
    """令和6年度のルール、措置率0.5、出典、日付、本プログラム同梱 — a rule named in full."""
    if rule is None:
        return L10n("措置ルールなし", "no rule")
    label = era_year_label(rule.fiscal_year)
    rate, day, origin = rate_text(rule.rate), rule_date_text(rule), rule_origin(rule)
    return L10n(
        f"{label}のルール、措置率{rate}、{rule.source.ja}、{day.ja}、{origin.ja}",
        f"FY{rule.fiscal_year} rule, rate {rate}, {rule.source.en}, {day.en}, {origin.en}",
    )


def grouped(differences: list[RuleDifference]) -> list[list[RuleDifference]]:
    """Consecutive years with the same two rules (and the same one in use), together."""
    out: list[list[RuleDifference]] = []
    for d in differences:
        last = out[-1][-1] if out else None
        if last is not None and d.fiscal_year == last.fiscal_year + 1 and _key(d) == _key(last):
            out[-1].append(d)
        else:
            out.append([d])
    return out


def _key(d: RuleDifference) -> tuple[object, ...]:
    return d.recorded, d.local, d.from_plan


def _years(group: list[RuleDifference]) -> L10n:
    first, last = group[0].fiscal_year, group[-1].fiscal_year
    if first == last:
        return L10n(era_year_label(first), f"FY{first}")
    return L10n(f"{era_year_label(first)}〜{era_year_label(last)}", f"FY{first}–{last}")


def difference_note(group: list[RuleDifference], words: Words) -> L10n:
    """Both rules of these years named, and which one their figures use."""
    d = group[0]
    years, recorded, local = _years(group), rule_words(d.recorded), rule_words(d.local)
    used = source_word(d.from_plan, words)
    return L10n(
        f"{years.ja}：計画に記録されたルール（{recorded.ja}）と、このPCのルール（{local.ja}）が異なります。額は{used.ja}によるものです。",
        f"{years.en}: the rule recorded in the plan ({recorded.en}) and this PC's rule ({local.en}) differ. The figures use {used.en}.",
    )  # fmt: skip


def difference_cell(d: RuleDifference) -> L10n:
    """Beside a year's figures (step 7's and the summary page's year table, the cost strip)."""
    if d.from_plan:
        return L10n("計画に記録されたルール（このPCのルールと異なる）",
                    "rule recorded in the plan (differs from this PC's)")  # fmt: skip
    return L10n("このPCのルール（計画の記録と異なる）", "this PC's rule (differs from the plan's record)")


def banner_text(differences: list[RuleDifference], words: Words) -> L10n:
    """The paragraph above the year table when the plan's record and this PC disagree."""
    if any(d.from_plan for d in differences):
        head = L10n(
            "額は、計画に記録された措置ルール（この計画を保存したときに用いたルール）で計算しています。このPCのルールとは次の年度が異なります。",
            "The figures use the subsidy rules recorded in the plan (the rules used when it was saved). This PC's rules differ for these years:",
        )  # fmt: skip
    else:
        head = L10n(
            "この計画は、次の年度について、このPCとは異なる措置ルールで計算されて保存されています。現在の額はこのPCのルールによるものです。保存したときと同じ額にするには「計画に記録されたルールで計算する」を押してください。",
            "This plan was saved with other subsidy rules than this PC's for these years. The figures now use this PC's rules; to get the figures it was saved with, press 'Use the rules recorded in the plan'.",
        )  # fmt: skip
    notes = [difference_note(group, words) for group in grouped(differences)]
    return L10n("\n".join([head.ja, *(n.ja for n in notes)]),
                "\n".join([head.en, *(n.en for n in notes)]))  # fmt: skip


def used_suffix(from_plan: bool, words: Words) -> L10n:
    """（計画に記録されたルール） after a year's rule: where the rule came from."""
    word = source_word(from_plan, words)
    return L10n(f"（{word.ja}）", f" ({word.en})")
