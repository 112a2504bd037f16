"""Chapter 4: the tasks chosen for telework, with their suitability and its reasons."""

from __future__ import annotations

from ...domain.suitability import Suitability
from ..content import Block, Column, Span, centred
from .common import Context


def blocks(ctx: Context) -> list[Block]:
    plan = ctx.plan
    total = sum(len(u.tasks) for u in plan.units)
    selected = plan.selected_tasks()
    out: list[Block] = [ctx.p(ctx.t(
        f"登録した業務 {total}件のうち、{len(selected)}件をテレワークの対象とします。"
        "適性は業務ごとに、扱う情報、ネットワーク（三層分離）、紙への依存、窓口・現場の有無、"
        "連携の必要性と、第7章の接続方式・ツールから判定しています（◎適／○条件付き／×不適）。"
        "全業務の一覧は付録Aにあります。",
        f"Of {total} tasks listed, {len(selected)} are chosen for telework. Suitability is "
        "judged task by task from the information used, the network segment, paper, counter "
        "or on-site work and coordination, under the access method and tools of chapter 7 "
        "(◎ suitable / ○ possible with conditions / × not suitable). Appendix A lists all "
        "tasks."))]  # fmt: skip
    unsuitable = [t.name for _u, t in selected
                  if ctx.assessment(t).level is Suitability.UNSUITABLE]  # fmt: skip
    if unsuitable:
        out.append(ctx.p(Span(ctx.t("※ 不適（×）と判定された業務が対象に含まれています: ",
                                    "Note: tasks judged not suitable (×) are included: ")
                              + "、".join(unsuitable), tone="alert"), style="small"))  # fmt: skip
    if not selected:
        out.append(ctx.p(ctx.muted_empty()))
    for unit in plan.units:
        tasks = [t for t in unit.tasks if t.selected]
        if not tasks:
            continue
        out.append(ctx.subsection(ctx.t(f"{unit.name}（対象 {len(tasks)}件／{len(unit.tasks)}件）",
                                        f"{unit.name} ({len(tasks)} of {len(unit.tasks)} tasks)")))  # fmt: skip
        out += ctx.table([
            Column(ctx.t("業務", "Task"), 50, lambda t: t.name),
            Column(ctx.t("適性", "Suitability"), 22,
                   lambda t: centred(ctx.mark(ctx.assessment(t).level))),
            Column(ctx.t("判定の理由", "Reasons"), 93, lambda t: _reasons(ctx, t)),
        ], tasks)  # fmt: skip
    return out


def _reasons(ctx: Context, task) -> str:
    reasons = "\n".join("・" + r.text.get(ctx.lang) for r in ctx.assessment(task).reasons)
    if task.note.strip():
        reasons += "\n" + ctx.t("備考: ", "Note: ") + task.note
    return reasons
