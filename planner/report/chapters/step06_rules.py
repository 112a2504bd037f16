"""Chapter 6: the rules to prepare and how far each has come; the rules to make or amend,
with the union's consultation and the decision (issue 21), hours, health and accidents."""

from __future__ import annotations

from ..content import Block, Column, centred, num
from .amend import amend_blocks
from .common import Context


def blocks(ctx: Context) -> list[Block]:
    rules = ctx.plan.rules
    done = sum(1 for r in rules if r.status == "done")
    done_word = ctx.word("rule_status", "done")
    out: list[Block] = [ctx.p(ctx.t(f"整備する規程・ルール {len(rules)}項目（うち{done_word} {done}項目）",
                                    f"{len(rules)} rules to prepare ({done} {done_word.lower()})"))]  # fmt: skip
    out += ctx.table([
        Column(ctx.t("規程・ルール", "Rule"), 70, lambda r: r.name),
        Column(ctx.t("状況", "Status"), 18, lambda r: centred(ctx.word("rule_status", r.status))),
        Column(ctx.t("担当", "Owner"), 32, lambda r: r.owner or ctx.empty),
        Column(ctx.t("職員団体との交渉", "Union consulted"), 20,
               lambda r: num(ctx.short_date(r.union_date)) if r.union_date else ""),
        Column(ctx.t("議決・決定の時期", "Decided"), 25, lambda r: r.decided_when),
    ], rules)  # fmt: skip
    out += amend_blocks(ctx)
    return out
