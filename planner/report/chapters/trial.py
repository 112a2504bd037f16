"""Chapter 13: 試行結果報告 — the trial survey's results and the go/no-go criteria judged
(issue 23, section 2). Only when the plan holds answers or criteria.

Every figure comes from ``domain/trial.py`` (exact fractions, rounded once for the text):
who answered, each criterion's outcome, per group a chart of each question's answers and
a table of the counts, shares and averages, and the comments as written.
"""

from __future__ import annotations

from ...domain.trial import FAIL, PASS, AudienceResult, aggregate, judge, percent, points
from ...domain.trial_text import criterion_text, outcome_word
from ...loading.trial_questions import default_questions
from ..content import Block, Chapter, Column, Figure, ShareChart, ShareRow, Span, centred, num
from ..content import text as rich
from .common import Context


def chapters(ctx: Context) -> list[Chapter]:
    """The chapter, or none when the plan has no answers and no criteria yet."""
    plan = ctx.plan
    if not plan.trial_responses and not plan.trial_criteria:
        return []
    questions = default_questions()
    results = aggregate(plan.trial_responses, questions)
    ch = Chapter("trial", ctx.t("第13章　試行結果報告", "Chapter 13. Trial results"))
    ch.blocks.append(ctx.p(ctx.t(
        f"試行に参加した職員と、その上司・同僚・窓口の職員へのアンケートの結果です（回答 {results.respondents}人）。"
        "割合は各設問に答えた人に対するもので、小数第1位で四捨五入しています。",
        f"The answers to the trial survey of the teleworkers, their supervisors, colleagues and "
        f"counter staff ({results.respondents} answered). Shares are of those who answered "
        "each question, rounded to one decimal.")))  # fmt: skip
    ch.blocks += ctx.table([
        Column(ctx.t("回答者", "Group"), 60, lambda a: ctx.word("trial_audience", a.audience.id)),
        Column(ctx.t("回答数", "Answered"), 25, lambda a: num(ctx.t(f"{a.respondents}人",
                                                                 str(a.respondents)))),
    ], list(results.audiences))  # fmt: skip
    verdicts = judge(plan.trial_criteria, results)
    ch.blocks.append(ctx.section(ctx.t("本格導入の判定", "Go/no-go criteria")))
    if verdicts:
        met = sum(1 for v in verdicts if v.outcome == PASS)
        ch.blocks.append(ctx.p(ctx.t(f"判定基準 {len(verdicts)}項目のうち {met}項目を達成しました。",
                                     f"{met} of {len(verdicts)} criteria are met.")))  # fmt: skip

    def outcome(v):  # noqa: ANN001, ANN202
        word = outcome_word(v, ctx.lang)
        if v.outcome == FAIL:
            return rich(Span(word, bold=True, tone="alert"))
        return centred(word) if v.outcome == PASS else rich(Span(word, tone="muted"))

    ch.blocks += ctx.table([
        Column(ctx.t("判定基準", "Criterion"), 45, lambda v: v.criterion.name),
        Column(ctx.t("対象・基準", "Measured as"), 70,
               lambda v: criterion_text(v, questions, ctx.catalog.words, ctx.lang)),
        Column(ctx.t("結果", "Result"), 22, lambda v: num(v.shown_value)),
        Column(ctx.t("判定", "Outcome"), 18, outcome),
    ], verdicts)  # fmt: skip
    for group in results.audiences:
        if group.respondents:
            ch.blocks += _group(ctx, group)
    return [ch]


def _group(ctx: Context, group: AudienceResult) -> list[Block]:
    name = ctx.word("trial_audience", group.audience.id)
    out: list[Block] = [ctx.section(ctx.t(f"{name}の回答（{group.respondents}人）",
                                          f"{name} ({group.respondents} answered)"))]  # fmt: skip
    scored = [q for q in group.questions if not q.question.is_comment and q.answered]
    if scored:
        rows = tuple(ShareRow(f"{q.question.label.get(ctx.lang)}（n={q.answered}）",
                              tuple((c.option.label.get(ctx.lang), float(percent(c.share)))
                                    for c in q.counts))
                     for q in scored)  # fmt: skip
        chart = ShareChart(rows, ctx.t("回答の割合（%）", "Share of answers (%)"))
        out.append(Figure(chart, height_mm=18 + 9 * len(rows), caption=ctx.t(
            f"図: {name}の回答の内訳（左ほど低い評価、右ほど高い評価）",
            f"Figure: {name}'s answers (lower scores left, higher right)")))  # fmt: skip
    out += ctx.table([
        Column(ctx.t("設問", "Question"), 50, lambda q: q.question.text.get(ctx.lang)),
        Column(ctx.t("回答の内訳", "Answers"), 85, lambda q: "\n".join(
            f"{c.option.label.get(ctx.lang)} {c.count}（{percent(c.share)}%）" for c in q.counts)),
        Column(ctx.t("平均点", "Average"), 18, lambda q: num(
            str(points(q.average)) if q.average is not None else "—")),
    ], [q for q in group.questions if not q.question.is_comment])  # fmt: skip
    for q in group.questions:
        if q.question.is_comment and q.comments:
            out.append(ctx.subsection(ctx.t(f"{q.question.label.get(ctx.lang)}（{len(q.comments)}件）",
                                            f"{q.question.label.get(ctx.lang)} ({len(q.comments)})")))  # fmt: skip
            out.append(ctx.p("\n".join(f"・{c}" for c in q.comments)))
    return out
