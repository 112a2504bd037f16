"""The trial survey's results in words and as data (issue 23): the lines ``planner trial
results`` prints (and the import's preview), and what ``summary --json`` and
``trial results --json`` give. Pure; the words of a group come from ``Words``."""

from __future__ import annotations

from typing import Any

from .model import Plan
from .text import shown
from .trial import (
    NO_ANSWERS,
    PASS,
    UNKNOWN,
    Questionnaire,
    Results,
    Verdict,
    aggregate,
    judge,
    percent,
    points,
)
from .trial_answers import AnswerPreview
from .words import Words

OUTCOME = {PASS: ("達成", "met"), "fail": ("未達成", "not met"),
           NO_ANSWERS: ("回答なし", "no answers"), UNKNOWN: ("判定できない設問", "no such question")}  # fmt: skip


def _t(lang: str, ja: str, en: str) -> str:
    return en if lang == "en" else ja


def outcome_word(verdict: Verdict, lang: str) -> str:
    return OUTCOME[verdict.outcome][lang == "en"]


def criterion_text(verdict: Verdict, questionnaire: Questionnaire, words: Words, lang: str) -> str:
    """「テレワーク実施者・業務の生産性: 3〜5点の回答の割合 80%以上」."""
    c = verdict.criterion
    group = words.label("trial_audience", c.audience, lang)
    a = questionnaire.audience(c.audience)
    q = a.question(c.question) if a is not None else None
    asked = q.label.get(lang) if q is not None else c.question
    than = words.label("trial_comparison", c.comparison, lang)
    if c.measure == "share":
        counted = [o.label.get(lang) for o in (q.options if q is not None else ())
                   if c.lowest <= o.score <= c.highest]  # fmt: skip
        if not counted:
            named = _t(lang, f"{c.lowest}〜{c.highest}点", f"scores {c.lowest}–{c.highest}")
        elif len(counted) == 1:
            named = _t(lang, f"「{counted[0]}」", f"'{counted[0]}'")
        else:
            named = _t(
                lang, f"「{counted[0]}」〜「{counted[-1]}」", f"'{counted[0]}'–'{counted[-1]}'"
            )
        span = _t(
            lang, f"{named}の割合 {c.threshold}%{than}", f"share {named} {than} {c.threshold}%"
        )
    else:
        span = _t(lang, f"平均点 {c.threshold}点{than}", f"average {than} {c.threshold}")
    return f"{group}・{shown(asked, 40)}: {span}" if lang != "en" else f"{group}, {asked}: {span}"


def result_lines(plan: Plan, questionnaire: Questionnaire, words: Words, lang: str) -> list[str]:
    results = aggregate(plan.trial_responses, questionnaire)
    out = [_t(lang, f"試行アンケートの回答: {results.respondents}人",
              f"Trial survey answers: {results.respondents}")]  # fmt: skip
    for a in results.audiences:
        group = words.label("trial_audience", a.audience.id, lang)
        out.append(f"■ {group}: " + _t(lang, f"{a.respondents}人", f"{a.respondents}"))
        if not a.respondents:
            continue
        for q in a.questions:
            if q.question.is_comment:
                out.append(
                    f"  {q.question.label.get(lang)}: "
                    + _t(lang, f"{q.answered}件", f"{q.answered}")
                )
                out += [f"    ・{shown(c, 200)}" for c in q.comments]
                continue
            shares = "  ".join(f"{c.option.label.get(lang)} {c.count}（{percent(c.share)}%）"
                               for c in q.counts)  # fmt: skip
            avg = (
                ""
                if q.average is None
                else _t(lang, f"  平均 {points(q.average)}点", f"  average {points(q.average)}")
            )
            out.append(f"  {q.question.label.get(lang)}（n={q.answered}）: {shares}{avg}")
    verdicts = judge(plan.trial_criteria, results)
    if verdicts:
        out.append(_t(lang, "■ 本格導入の判定基準", "■ Go/no-go criteria"))
        for v in verdicts:
            out.append(
                f"  [{outcome_word(v, lang)}] {shown(v.criterion.name, 60)} — "
                f"{criterion_text(v, questionnaire, words, lang)}: {v.shown_value}"
            )
    return out


def results_data(plan: Plan, questionnaire: Questionnaire) -> dict[str, Any]:
    """The results as data: shares as exact fractions ("6/7") beside their rounded percent."""
    results: Results = aggregate(plan.trial_responses, questionnaire)
    groups = []
    for a in results.audiences:
        questions = []
        for q in a.questions:
            item: dict[str, Any] = {"question": q.question.id, "answered": q.answered}
            if q.question.is_comment:
                item["comments"] = list(q.comments)
            else:
                item["answers"] = [{"option": c.option.code, "score": c.option.score,
                                    "count": c.count, "share": str(c.share),
                                    "percent": str(percent(c.share))} for c in q.counts]  # fmt: skip
                item["average"] = None if q.average is None else str(points(q.average))
            questions.append(item)
        groups.append({"audience": a.audience.id, "respondents": a.respondents,
                       "questions": questions})  # fmt: skip
    criteria = [{"name": v.criterion.name, "audience": v.criterion.audience,
                 "question": v.criterion.question, "measure": v.criterion.measure,
                 "outcome": v.outcome, "value": None if v.value is None else str(v.value),
                 "shown": v.shown_value, "counted": v.counted, "answered": v.answered}
                for v in judge(plan.trial_criteria, results)]  # fmt: skip
    return {"respondents": results.respondents, "audiences": groups, "criteria": criteria}


def preview_lines(preview: AnswerPreview, words: Words, lang: str) -> list[str]:
    """Per file: the group, the respondents taken (and replaced), then each message."""
    out = []
    for s in preview.sheets:
        if s.audience is None:
            continue
        group = words.label("trial_audience", s.audience.id, lang)
        line = f"{shown(s.source, 80)}: {group} " + _t(
            lang, f"{len(s.responses)}人", f"{len(s.responses)} respondents"
        )
        if s.replaces:
            line += _t(
                lang,
                f"（前回の取り込み{s.replaces}人を置き換えます）",
                f" (replacing the {s.replaces} imported before)",
            )
        out.append(line)
    out += [m.line(lang) for m in preview.messages]
    return out
