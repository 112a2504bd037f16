"""The council summary (議会説明資料): two A4 pages, no personal names (issue 21, 3).

Content like the plan's chapters, rendered by the PDF writer and the Word writer alike:
the purpose and the town's related plans, the targets, the selected tasks by unit
(counted, with ◎/○), the cost per fiscal year with the estimated subsidy and the net
burden (the rule and its assumptions in one footnote), the schedule as one bar per
phase, and the town beside the national adoption figures of its size class. Names
of people (the author, the leader, the team) are never printed: only the town and
its department. A plan with many units shows the units with the most tasks and one
row for the rest, so the paper keeps to two pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...domain.benchmarks import benchmark_position
from ...domain.costs import Estimate
from ...domain.model import Plan
from ...domain.subsidy_text import rate_text
from ...domain.suitability import Suitability
from ..chapters import kpis
from ..chapters.common import Context
from ..content import Block, Chapter, Column, Document, Figure, GanttChart, GanttRow, Text, num
from ..figures import PHASE_ORDER, gantt_height

MAX_UNIT_ROWS = 10  # more units than this: the rest in one row


def council_document(ctx: Context) -> Document:
    plan, mu = ctx.plan, ctx.plan.municipality
    title = ctx.t(f"{mu.name}テレワーク導入実施計画（案）の概要",
                  f"{mu.name} telework implementation plan (draft): summary")  # fmt: skip
    blocks: list[Block] = [ctx.p(ctx.t(
        f"{ctx.date_label(plan.document_date or date.today())}　{mu.name}　{mu.department}",
        f"{ctx.date_label(plan.document_date or date.today())}, {mu.name}, {mu.department}"
    ).strip(" ,　"), style="note")]  # fmt: skip
    blocks += _purpose(ctx)
    blocks += _targets(ctx)
    blocks += _tasks(ctx)
    blocks += _costs(ctx)
    blocks += _schedule(ctx)
    blocks += _national(ctx)
    return Document(lang=ctx.lang, title=title,
                    subject=ctx.t("議会説明資料", "Summary for the council"),
                    author=mu.department or mu.name, cover=None, contents_title="",
                    chapters=[Chapter("council", title, blocks)])  # fmt: skip


def _purpose(ctx: Context) -> list[Block]:
    out: list[Block] = [ctx.section(ctx.t("1　目的と位置づけ", "1. Purpose and place"))]
    names = {o.id: o.text.get(ctx.lang) for o in ctx.catalog.purposes}
    items = [names.get(p, p) for p in ctx.plan.purposes]
    items += [c for c in ctx.plan.custom_purposes if c.strip()]
    out.append(ctx.p(ctx.t("目的: ", "Purposes: ") + (ctx.t("、", "; ").join(items) or ctx.empty)))
    rp = ctx.plan.related_plans
    related = [(ctx.t("総合計画", "Comprehensive plan"), rp.comprehensive),
               (ctx.t("特定事業主行動計画", "Employer's action plan"), rp.employer_action),
               (ctx.t("DX推進計画", "DX promotion plan"), rp.dx),
               (ctx.t("業務継続計画", "Business continuity plan"), rp.continuity)]  # fmt: skip
    named = [(label, name) for label, name in related if name.strip()]
    if named:
        out.append(ctx.p(ctx.t("本計画は、次の計画と連携して進めます。",
                               "This plan works together with the town's other plans:")))  # fmt: skip
        out.append(ctx.fields(named))
    return out


def _targets(ctx: Context) -> list[Block]:
    out: list[Block] = [ctx.section(ctx.t("2　目標（KPI）", "2. Targets (KPIs)"))]
    out += kpis.table(ctx, (55, 26, 34, 32, 18))  # issue 23: numbers, latest, status
    return out


@dataclass(frozen=True)
class _UnitCount:
    name: str | Text
    teleworkers: int
    suitable: int
    conditional: int

    @property
    def tasks(self) -> int:
        return self.suitable + self.conditional


def unit_counts(ctx: Context) -> list[_UnitCount]:
    """Each unit with selected tasks: its teleworkers and its ◎ and ○ tasks."""
    out = []
    for unit in ctx.plan.units:
        levels = [ctx.assessment(t).level for t in unit.tasks if t.selected]
        if levels:
            out.append(_UnitCount(unit.name, unit.teleworkers,
                                  levels.count(Suitability.SUITABLE),
                                  levels.count(Suitability.CONDITIONAL)))  # fmt: skip
    return out


def _tasks(ctx: Context) -> list[Block]:
    counts = unit_counts(ctx)
    shown = sorted(counts, key=lambda c: -c.tasks)[:MAX_UNIT_ROWS] if len(counts) > MAX_UNIT_ROWS + 1 else counts  # fmt: skip
    shown = [c for c in counts if c in shown]  # in the plan's order
    rest = [c for c in counts if c not in shown]
    rows = list(shown)
    if rest:
        rows.append(_UnitCount(ctx.t(f"その他 {len(rest)}課", f"{len(rest)} other units"),
                               sum(c.teleworkers for c in rest), sum(c.suitable for c in rest),
                               sum(c.conditional for c in rest)))  # fmt: skip
    total = _UnitCount(ctx.total_label(ctx.t("合計", "Total")), sum(c.teleworkers for c in counts),
                       sum(c.suitable for c in counts), sum(c.conditional for c in counts))  # fmt: skip
    selected = len(ctx.plan.selected_tasks())
    out: list[Block] = [ctx.section(ctx.t("3　対象業務", "3. Tasks chosen for telework")),
                        ctx.p(ctx.t(
                            f"{len(counts)}課で{selected}業務を選定しました（◎ 適、○ 条件付きで可）。",
                            f"{selected} tasks in {len(counts)} units (◎ suitable, ○ with conditions)."))]  # fmt: skip
    out += ctx.table([
        Column(ctx.t("課", "Unit"), 75, lambda c: c.name),
        Column(ctx.t("実施予定者", "Teleworkers"), 25, lambda c: num(f"{c.teleworkers:,}")),
        Column(ctx.t("選定業務", "Tasks"), 22, lambda c: num(f"{c.tasks:,}")),
        Column("◎", 20, lambda c: num(f"{c.suitable:,}")),
        Column("○", 20, lambda c: num(f"{c.conditional:,}")),
    ], rows, [total] if counts else [])  # fmt: skip
    return out


def _costs(ctx: Context) -> list[Block]:
    out: list[Block] = [ctx.section(ctx.t("4　経費と財源（概算）", "4. Cost and funding (estimate)"))]
    est, error = ctx.adopted()
    if est is None:
        out.append(ctx.p(error or ctx.empty))
        return out
    years = list(est.years)
    out += ctx.table([
        Column(ctx.t("年度", "Fiscal year"), 45,
               lambda y: ctx.fy(y.fiscal_year) if y else ctx.total_label(ctx.t("合計", "Total"))),
        Column(ctx.t("事業費", "Cost"), 35, lambda y: num(ctx.yen(y.total if y else est.period.total))),
        Column(ctx.t("特別交付税措置（見込み）", "Subsidy (estimate)"), 45,
               lambda y: num(ctx.yen(y.subsidy if y else est.period.subsidy))),
        Column(ctx.t("実質負担額", "Net burden"), 35, lambda y: num(ctx.yen(y.net if y else est.period.net))),
    ], years, [None])  # fmt: skip
    out.append(ctx.p(_footnote(ctx, est), style="note"))
    return out


def _footnote(ctx: Context, est: Estimate) -> str:
    """The rule and every assumption, in one note."""
    rules = sorted({(y.rule.fiscal_year, rate_text(y.rule.rate)) for y in est.years if y.rule})
    rule = ctx.t("、".join(f"{ctx.fy_short(fy)}の措置（措置率{r}）" for fy, r in rules),
                 ", ".join(f"the rule of FY{fy} (rate {r})" for fy, r in rules)) or ctx.t("措置なし", "no rule")  # fmt: skip
    assumed = ctx.t(f"{'・'.join(ctx.fy_short(fy) for fy in est.assumed_years)}は前年度までの措置が続くと仮定。",
                    f"Assumed for {', '.join(f'FY{fy}' for fy in est.assumed_years)}: the last known rule continues. ") if est.assumed_years else ""  # fmt: skip
    running = ctx.t("運用経費も対象と仮定。", "Running costs assumed eligible. ") if est.running_costs_switch else ctx.t("導入経費のみを対象として算定。", "Introduction costs only. ")  # fmt: skip
    return ctx.t(
        f"※ 採用シナリオ「{est.scenario_name}」。特別交付税措置額は 対象経費 × 措置率 × 財政力補正の乗率 "
        f"（{float(est.multiplier):.2f}）による見込みで、交付額を保証するものではありません。{rule}。{assumed}{running}",
        f"* Scenario '{est.scenario_name}'. The subsidy is an estimate (eligible cost × rate × fiscal "
        f"capacity multiplier {float(est.multiplier):.2f}), not a promise of the amount granted; {rule}. "
        f"{assumed}{running}").strip()  # fmt: skip


def _schedule(ctx: Context) -> list[Block]:
    out: list[Block] = [ctx.section(ctx.t("5　スケジュール", "5. Schedule"))]
    phases = ctx.plan.phases
    if not phases:
        return [*out, ctx.p(ctx.empty)]
    rows = [GanttRow(p.name, p.kind, p.start, p.end) for p in phases]
    legend = tuple((k, ctx.word("phase_kind", k)) for k in PHASE_ORDER if any(p.kind == k for p in phases))
    first, years = ctx.plan.municipality.fiscal_year, min(ctx.plan.plan_years, 5)
    labels = tuple(ctx.fy_short(y) for y in range(first, first + years))  # short: the text width
    out.append(Figure(GanttChart(tuple(rows), first, labels, legend), height_mm=gantt_height(len(rows))))
    return out


def _national(ctx: Context) -> list[Block]:
    out: list[Block] = [ctx.section(ctx.t("6　全国の導入状況との比較", "6. Compared with other bodies"))]
    bench = ctx.catalog.benchmarks
    out.append(ctx.p(benchmark_position(ctx.plan.municipality.general_staff, bench).text.get(ctx.lang)))
    return out


def council_plain_names(plan: Plan) -> list[str]:
    """Names of people in the plan, which the council summary must not print."""
    names = [plan.leader, plan.municipality.author, *(m.name for m in plan.members)]
    return [n.strip() for n in names if n.strip()]

