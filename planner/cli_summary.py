"""``planner summary FILE [--json]``: the plan's key figures, from the domain.

Issue 15: per year the other revenue (特定財源), the running costs the coverage
rule leaves out, what the plan's running-cost switch adds, and the rule each
year used (its source and date; assumed years said so). Every figure comes from
planner.domain.costs, as on the summary page and in the PDF.
"""

from __future__ import annotations

from typing import Any

from .cli_summary_kpis import issue23_data, issue23_lines
from .domain.subsidy_rules import SWITCH_SIGN
from .terminal import terminal_safe as safe


def summary_data(plan: Any, warnings: list) -> dict[str, Any]:
    """The figures of ``planner summary --json`` (integers in yen)."""
    from .domain.costs import adopted_estimate
    from .domain.plan_rules import rules_for
    from .loading import default_catalog

    # this PC's rules (with imported ones), or the plan's recorded ones where it says so
    rules = rules_for(plan, default_catalog().subsidy_rules)
    est = adopted_estimate(plan, rules)
    mu = plan.municipality
    scenario = plan.adopted_scenario()

    def figures(f: Any) -> dict[str, int]:
        return {"total": f.total, "eligible": f.eligible, "subsidy": f.subsidy, "net": f.net}

    def issue15(f: Any) -> dict[str, int]:  # other revenue, and running costs left out
        return {"other_revenue": f.other_revenue, "running_excluded": f.running_excluded}

    return {
        "municipality": {
            "name": mu.name, "prefecture": mu.prefecture,
            "general_staff": mu.general_staff, "all_staff": mu.all_staff,
        },
        "fiscal_years": plan.fiscal_years,
        "units": len(plan.units),
        "selected_tasks": [{"unit": u.name, "task": t.name} for u, t in plan.selected_tasks()],
        "teleworkers": plan.teleworkers(),
        "devices_needed": plan.devices_needed(),
        "adopted_scenario": None if scenario is None else {"id": scenario.id, "name": scenario.name},
        "years": []
        if est is None
        else [{"fiscal_year": y.fiscal_year, **figures(y), "assumed_rule": y.assumed,
               **issue15(y),
               "switched": [{"line_id": s.line_id, "name": s.name, "amount": s.amount}
                            for s in y.switched]}
              for y in est.years],
        "period": None if est is None else figures(est.period),
        "running_costs_switch": False if est is None else est.running_costs_switch,
        "subsidy_rules_from": plan.subsidy_rules_from,  # issue 19
        "rules_used": [] if est is None else _rules_used(plan, est, rules),
        **issue23_data(plan),  # issue 23: kpis, continuity
        "warnings": [w.as_dict() for w in warnings],
        "trial": _trial(plan),  # issue 23: the trial survey's results and criteria
    }  # fmt: skip


def _trial(plan: Any) -> dict[str, Any]:
    from .domain.trial_text import results_data
    from .loading.trial_questions import default_questions

    return results_data(plan, default_questions())


def _rule_data(rule: Any) -> dict[str, Any]:
    """A rule as ``rules_used`` names it (issue 19: origin, rate and content hash too)."""
    from .domain.rule_years import rule_hash

    if rule is None:
        return dict.fromkeys(("rule_fiscal_year", "source", "date", "date_assumed", "origin",
                              "rate", "content_hash"))  # fmt: skip
    return {"rule_fiscal_year": rule.fiscal_year, "source": rule.source.ja,
            "date": rule.date.isoformat(), "date_assumed": rule.date_assumed,
            "origin": rule.origin, "rate": f"{rule.rate.numerator}/{rule.rate.denominator}",
            "content_hash": rule_hash(rule)}  # fmt: skip


def _rules_used(plan: Any, est: Any, rules: Any) -> list[dict[str, Any]]:
    """Each year's rule, whether it is the plan's recorded rule ("plan") or this PC's
    ("local"), and, where the two differ, the other one (``differs``; else null)."""
    from .domain.plan_rules import rule_differences

    differ = {d.fiscal_year: d for d in rule_differences(plan, rules)}
    out = []
    for fy, r, assumed in est.rules_used():
        d = differ.get(fy)
        other = None if d is None else (d.local, d.local_assumed) if d.from_plan else (
            d.recorded, d.recorded_assumed)  # fmt: skip
        out.append({"fiscal_year": fy, **_rule_data(r), "assumed": assumed,
                    "from": "plan" if rules.from_plan(fy) else "local",
                    "differs": None if other is None else {
                        "from": "local" if d.from_plan else "plan", **_rule_data(other[0]),
                        "assumed": other[1]}})  # fmt: skip
    return out


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, left: bool = False) -> str:
    fill = " " * (width - _width(text))
    return text + fill if left else fill + text


def summary_text(plan: Any, lang: str, warnings: list) -> str:
    from .domain.fiscal import fiscal_year_label

    d = summary_data(plan, warnings)
    en = lang == "en"
    mu = {k: safe(v) if isinstance(v, str) else v for k, v in d["municipality"].items()}
    years = d["fiscal_years"]
    lines = []
    if en:
        lines.append(
            f"Municipality: {mu['name']} ({mu['prefecture']}), "
            f"{mu['general_staff']:,} general administrative staff"
        )
        lines.append(
            f"Plan period: {fiscal_year_label(years[0], 'en')} – {fiscal_year_label(years[-1], 'en')}"
        )
        lines.append(f"Selected tasks: {len(d['selected_tasks'])} in {d['units']} units")
        lines.append(
            f"Teleworkers: {d['teleworkers']:,}; devices to procure: {d['devices_needed']:,}"
        )
    else:
        lines.append(
            f"団体: {mu['name']}（{mu['prefecture']}） 一般行政職員 {mu['general_staff']:,}人"
        )
        lines.append(f"計画期間: {fiscal_year_label(years[0])} 〜 {fiscal_year_label(years[-1])}")
        lines.append(f"選定業務: {len(d['selected_tasks'])}件（課 {d['units']}）")
        lines.append(
            f"テレワーク実施人数: {d['teleworkers']:,}人　新たに必要な端末: {d['devices_needed']:,}台"
        )
    for unit_name in dict.fromkeys(x["unit"] for x in d["selected_tasks"]):
        names = [safe(x["task"]) for x in d["selected_tasks"] if x["unit"] == unit_name]
        lines.append(f"  {safe(unit_name)}: " + ("; " if en else "、").join(names))
    lines += issue23_lines(plan, lang)
    if d["adopted_scenario"] is None:
        lines.append("No cost scenario." if en else "経費シナリオがありません。")
        return "\n".join(lines)
    lines.append(
        ("Adopted scenario: " if en else "採用シナリオ: ") + safe(d["adopted_scenario"]["name"])
    )
    lines += _table(d, lang)
    lines += _notes(plan, d, lang)
    return "\n".join(lines)


def _table(d: dict[str, Any], lang: str) -> list[str]:
    from .domain.fiscal import fiscal_year_label
    from .domain.money import format_yen

    en = lang == "en"
    other = any(y["other_revenue"] for y in d["years"])
    left_out = any(y["running_excluded"] for y in d["years"])
    switched = any(y["switched"] for y in d["years"])
    keys = ["total", *(["other_revenue"] if other else []), "eligible", "subsidy", "net",
            *(["running_excluded"] if left_out else [])]  # fmt: skip
    names = {
        "total": ("Total", "事業費"), "other_revenue": ("Other revenue", "特定財源"),
        "eligible": ("Eligible", "対象経費"), "subsidy": ("Subsidy (est.)", "特別交付税措置見込"),
        "net": ("Net burden", "実質負担"),
        "running_excluded": ("Running costs left out", "対象外の運用経費"),
    }  # fmt: skip
    marked = ("eligible", "subsidy", "net")
    rows = [("Fiscal year" if en else "年度", *(names[k][0 if en else 1] for k in keys))]
    for y in d["years"]:
        label = fiscal_year_label(y["fiscal_year"], lang) + (" *" if y["assumed_rule"] else "")
        sign = SWITCH_SIGN if y["switched"] else ""
        rows.append((label, *((sign if k in marked else "") + format_yen(y[k], lang)
                              for k in keys)))  # fmt: skip
    p = {
        **d["period"],
        **{k: sum(y[k] for y in d["years"]) for k in ("other_revenue", "running_excluded")},
    }
    sign = SWITCH_SIGN if switched else ""
    rows.append(("Plan period" if en else "計画期間合計",
                 *((sign if k in marked else "") + format_yen(p[k], lang) for k in keys)))  # fmt: skip
    widths = [max(_width(r[i]) for r in rows) for i in range(len(keys) + 1)]
    out = []
    for r in rows:
        cells = [_pad(r[0], widths[0], left=True)] + [
            _pad(c, w) for c, w in zip(r[1:], widths[1:], strict=True)
        ]
        out.append("  ".join(cells).rstrip())
    return out


def _notes(plan: Any, d: dict[str, Any], lang: str) -> list[str]:
    from .domain.costs import rule_for
    from .domain.plan_rules import rules_for
    from .domain.subsidy_rules import SWITCH_MARK, TIMING, plan_multiplier_note, rule_year_note
    from .domain.subsidy_text import subsidy_formula
    from .loading import default_catalog

    en = lang == "en"
    catalog = default_catalog()
    rules = rules_for(plan, catalog.subsidy_rules)  # issue 19: the record where the plan says
    out = [subsidy_formula(plan, rules, catalog.words).get(lang)]
    note = plan_multiplier_note(plan)
    if note is not None:
        out.append(note.get(lang))
    out.append(TIMING.get(lang))
    if any(y["switched"] for y in d["years"]):
        reason = safe(plan.running_costs_reason.strip())
        mark = SWITCH_MARK.get(lang).removeprefix(SWITCH_SIGN).strip()
        out.append(f"{SWITCH_SIGN} {mark} (reason: {reason})" if en
                   else f"{SWITCH_SIGN} {mark}（理由: {reason}）")  # fmt: skip
    if any(y["assumed_rule"] for y in d["years"]):
        out.append("* the rule of an earlier fiscal year is assumed." if en
                   else "* 前年度までのルールを仮定した見込み。")  # fmt: skip
    out.append("Rule used per year:" if en else "年度ごとの措置ルール:")
    for y in d["years"]:
        rule, assumed = rule_for(y["fiscal_year"], rules)
        star = "* " if assumed else ""
        note = rule_year_note(y["fiscal_year"], rule, assumed).get(lang)
        where = _source(rules.from_plan(y["fiscal_year"]), lang) if rule is not None else ""
        out.append(f"  {star}{safe(note)}{where}")
    return out + _differences(plan, rules, lang)


def _source(from_plan: bool, lang: str) -> str:
    from .domain.rules_text import used_suffix
    from .loading.words import default_words

    return used_suffix(from_plan, default_words()).get(lang)


def _differences(plan: Any, rules: Any, lang: str) -> list[str]:
    """Issue 19: where the plan's recorded rule and this PC's differ, both named, and how to
    compute with the other ones (``--rules``)."""
    from .domain.plan_rules import rule_differences
    from .domain.rules_text import difference_note, grouped
    from .loading.words import default_words

    found = rule_differences(plan, rules)
    if not found:
        return []
    out = ["The rules recorded in the plan and this PC's differ:" if lang == "en"
           else "計画に記録された措置ルールとこのPCのルールが異なります:"]  # fmt: skip
    out += [f"  ! {safe(difference_note(g, default_words()).get(lang))}" for g in grouped(found)]
    other = "local" if any(x.from_plan for x in found) else "plan"
    word = _source(other == "plan", lang).strip(" ()（）")
    out.append(f"  (with --rules {other}, the figures use {word})" if lang == "en"
               else f"  （--rules {other} を付けると、{word}で計算します）")  # fmt: skip
    return out
