"""Chapter 6: the rules to prepare and how far each has come."""

from __future__ import annotations

from ..content import Block, Column, centred
from .common import Context


def blocks(ctx: Context) -> list[Block]:
    rules = ctx.plan.rules
    done = sum(1 for r in rules if r.status == "done")
    done_word = ctx.word("rule_status", "done")
    out: list[Block] = [ctx.p(ctx.t(f"整備する規程・ルール {len(rules)}項目（うち{done_word} {done}項目）",
                                    f"{len(rules)} rules to prepare ({done} {done_word.lower()})"))]  # fmt: skip
    out += ctx.table([
        Column(ctx.t("規程・ルール", "Rule"), 100, lambda r: r.name),
        Column(ctx.t("状況", "Status"), 22, lambda r: centred(ctx.word("rule_status", r.status))),
        Column(ctx.t("担当", "Owner"), 43, lambda r: r.owner or ctx.empty),
    ], rules)  # fmt: skip
    return out
