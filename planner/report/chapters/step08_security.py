"""Chapter 8: security measures by role, after MIC's telework security guideline."""

from __future__ import annotations

from ...loading import words
from ..content import Block, Column, centred
from .common import Context


def blocks(ctx: Context) -> list[Block]:
    items = ctx.plan.security
    done = sum(1 for s in items if s.status in ("done", "not_applicable"))
    known = words.codes("role")
    roles = "、".join(ctx.word("role", r) for r in known)
    done_word, na_word = (
        ctx.word("measure_status", "done"),
        ctx.word("measure_status", "not_applicable"),
    )
    out: list[Block] = [ctx.p(ctx.t(
        f"総務省「テレワークセキュリティガイドライン（第5版）」（令和3年5月）の考え方に沿い、{roles}の役割ごとに対策を整理しました"
        f"（{len(items)}項目中 {done}項目が{done_word}または{na_word}）。",
        f"Measures are grouped by role ({roles.replace('、', ', ')}) following MIC's telework "
        f"security guideline, 5th ed., May 2021 ({done} of {len(items)} {done_word.lower()} or "
        f"{na_word.lower()})."))]  # fmt: skip
    policy = ctx.word("personal_data_policy", ctx.plan.personal_data_at_home)
    out.append(ctx.p(ctx.t(
        f"在宅等での要配慮個人情報の取扱い: {policy}（第5章）。",
        f"Sensitive personal data at home or on the move: {policy} (chapter 5).")))  # fmt: skip
    if not items:
        out.append(ctx.p(ctx.muted_empty()))
    for role in list(known) + sorted({s.role for s in items} - set(known)):
        measures = [s for s in items if s.role == role]
        if not measures:
            continue
        out.append(ctx.subsection(ctx.word("role", role)))
        out += ctx.table([
            Column(ctx.t("対策", "Measure"), 143, lambda s: s.text),
            Column(ctx.t("状況", "Status"), 22,
                   lambda s: centred(ctx.word("measure_status", s.status))),
        ], measures)  # fmt: skip
    return out
