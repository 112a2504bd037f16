"""Chapter 6: the rules to prepare and how far each has come."""

from __future__ import annotations

from ..content import Block, Center
from .common import Context


def blocks(ctx: Context) -> list[Block]:
    rules = ctx.plan.rules
    rows = [[r.name, Center(ctx.word("rule_status", r.status)), r.owner or ctx.empty]
            for r in rules]  # fmt: skip
    done = sum(1 for r in rules if r.status == "done")
    done_word = ctx.word("rule_status", "done")
    out: list[Block] = [ctx.p(ctx.t(f"整備する規程・ルール {len(rows)}項目（うち{done_word} {done}項目）",
                                    f"{len(rows)} rules to prepare ({done} {done_word.lower()})"))]  # fmt: skip
    out += ctx.table([ctx.t("規程・ルール", "Rule"), ctx.t("状況", "Status"), ctx.t("担当", "Owner")],
                     rows, [100, 22, 43])  # fmt: skip
    return out
