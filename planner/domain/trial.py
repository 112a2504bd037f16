"""The trial survey worked out (issue 23, section 2): its questions, the answers counted,
and the plan's go/no-go criteria judged against them.

Pure: the questions come in as a ``Questionnaire`` (read from
``resources/trial/questions.toml`` by ``planner/loading/trial_questions.py``), the
answers are the plan's ``trial_responses``. Shares and averages are exact fractions;
they are compared with a criterion's threshold exactly and rounded once, for display
only (``percent``: one decimal, ``points``: two, both half up).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from .model_trial import TrialCriterion, TrialResponse
from .text import L10n

COMMENT = "comment"  # the scale of a free comment


@dataclass(frozen=True, slots=True)
class Option:
    code: str
    score: int
    label: L10n


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    scale: str  # a scale's id, or COMMENT
    label: L10n  # the column's header
    text: L10n  # the question as asked
    options: tuple[Option, ...] = ()
    average: bool = False  # the scores are points on one scale

    @property
    def is_comment(self) -> bool:
        return self.scale == COMMENT

    def option(self, code: str) -> Option | None:
        return next((o for o in self.options if o.code == code), None)


@dataclass(frozen=True, slots=True)
class Audience:
    id: str
    questions: tuple[Question, ...]
    file_words: tuple[str, ...] = ()

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


@dataclass(frozen=True, slots=True)
class Questionnaire:
    audiences: tuple[Audience, ...]

    def audience(self, audience_id: str) -> Audience | None:
        return next((a for a in self.audiences if a.id == audience_id), None)


# -- the answers counted ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OptionCount:
    option: Option
    count: int
    share: Fraction  # of those who answered the question


@dataclass(frozen=True, slots=True)
class QuestionResult:
    question: Question
    answered: int  # respondents who chose an option (or wrote a comment)
    counts: tuple[OptionCount, ...] = ()
    average: Fraction | None = None  # of the scores, where the scale allows
    comments: tuple[str, ...] = ()

    def share_between(self, lowest: int, highest: int) -> tuple[int, Fraction | None]:
        """How many answers score from ``lowest`` to ``highest``, and their share."""
        n = sum(c.count for c in self.counts if lowest <= c.option.score <= highest)
        return n, (Fraction(n, self.answered) if self.answered else None)


@dataclass(frozen=True, slots=True)
class AudienceResult:
    audience: Audience
    respondents: int
    questions: tuple[QuestionResult, ...]

    def question(self, question_id: str) -> QuestionResult | None:
        return next((q for q in self.questions if q.question.id == question_id), None)


@dataclass(frozen=True, slots=True)
class Results:
    audiences: tuple[AudienceResult, ...]  # every group of the questionnaire, in its order

    @property
    def respondents(self) -> int:
        return sum(a.respondents for a in self.audiences)

    def audience(self, audience_id: str) -> AudienceResult | None:
        return next((a for a in self.audiences if a.audience.id == audience_id), None)


def _question_result(question: Question, values: list[str]) -> QuestionResult:
    if question.is_comment:
        comments = tuple(v for v in values if v.strip())
        return QuestionResult(question, len(comments), comments=comments)
    chosen = [o for o in (question.option(v) for v in values) if o is not None]
    answered = len(chosen)
    counts = tuple(
        OptionCount(o, n, Fraction(n, answered) if answered else Fraction(0))
        for o in question.options
        for n in [sum(1 for c in chosen if c.code == o.code)]
    )
    average = None
    if question.average and answered:
        average = Fraction(sum(o.score for o in chosen), answered)
    return QuestionResult(question, answered, counts, average)


def aggregate(responses: Sequence[TrialResponse], questionnaire: Questionnaire) -> Results:
    """Each group's respondents, and per question the count and share of each answer, the
    average score where the scale allows, the comments in the order answered. An answer
    that names no option of its question (a file edited by hand) is not counted."""
    out = []
    for audience in questionnaire.audiences:
        mine = [r for r in responses if r.audience == audience.id]
        results = []
        for q in audience.questions:
            values = [r.answers[q.id].value for r in mine if q.id in r.answers]
            results.append(_question_result(q, values))
        out.append(AudienceResult(audience, len(mine), tuple(results)))
    return Results(tuple(out))


# -- the criteria judged ---------------------------------------------------------------------

PASS, FAIL, NO_ANSWERS, UNKNOWN = "pass", "fail", "no_answers", "unknown"


@dataclass(frozen=True, slots=True)
class Verdict:
    criterion: TrialCriterion
    outcome: str  # PASS, FAIL, NO_ANSWERS (nobody answered yet), UNKNOWN (no such question)
    value: Fraction | None = None  # the share (0..1) or the average
    counted: int = 0  # answers within the scores (a share)
    answered: int = 0

    @property
    def shown_value(self) -> str:
        """「85.7%」「3.40点」, or 「—」."""
        if self.value is None:
            return "—"
        if self.criterion.measure == "share":
            return f"{percent(self.value)}%"
        return str(points(self.value))


def judge_one(criterion: TrialCriterion, results: Results) -> Verdict:
    group = results.audience(criterion.audience)
    found = group.question(criterion.question) if group is not None else None
    if found is None or found.question.is_comment:
        return Verdict(criterion, UNKNOWN)
    if criterion.measure == "average" and not found.question.average:
        return Verdict(criterion, UNKNOWN)
    if not found.answered:
        return Verdict(criterion, NO_ANSWERS)
    counted, share = found.share_between(criterion.lowest, criterion.highest)
    value = share if criterion.measure == "share" else found.average
    assert value is not None
    measured = value * 100 if criterion.measure == "share" else value
    limit = Fraction(criterion.threshold)
    ok = measured >= limit if criterion.comparison == "at_least" else measured <= limit
    return Verdict(criterion, PASS if ok else FAIL, value, counted, found.answered)


def judge(criteria: Sequence[TrialCriterion], results: Results) -> list[Verdict]:
    """Each criterion against the results, in the plan's order."""
    return [judge_one(c, results) for c in criteria]


def percent(share: Fraction) -> Decimal:
    """A share as a percentage with one decimal, rounded half up (6/7 → 85.7)."""
    return _round(share * 100, "0.1")


def points(average: Fraction) -> Decimal:
    """An average score with two decimals, rounded half up (17/5 → 3.40)."""
    return _round(average, "0.01")


def _round(value: Fraction, unit: str) -> Decimal:
    exact = Decimal(value.numerator) / Decimal(value.denominator)  # 28 digits: enough
    return exact.quantize(Decimal(unit), rounding=ROUND_HALF_UP)
