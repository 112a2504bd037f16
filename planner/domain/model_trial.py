"""The trial survey's answers and the plan's go/no-go criteria (issue 23, section 2;
docs/decisions/0019-trial-survey.md).

The answers are kept as given, one row per respondent (``TrialResponse``: the group
answering, the file and row it came from, each answer by question id); counts, shares,
averages and the judgement are computed from them (``trial.py``) and never stored. The
questions are data (``resources/trial/questions.toml``): an answer holds the code of
one of its question's options, or a comment's text.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .declare import declared, free_text, row_id
from .vocabularies import TRIAL_AUDIENCES, TRIAL_COMPARISONS, TRIAL_MEASURES


@dataclass
class TrialAnswer:
    value: str = free_text("回答", "Answer", doc="the code of one of the question's options, "
                           "or a comment's text")  # fmt: skip


@dataclass
class TrialResponse:
    audience: str = declared("choice", "回答者の区分", "Respondent group", default="teleworker",
                             choices=TRIAL_AUDIENCES, words="trial_audience")  # fmt: skip
    source: str = free_text("回答ファイル", "Answer file",
                            doc="the file (and sheet) the answer came from")  # fmt: skip
    source_row: int = declared("int", "行", "Row", default=0, doc="its row in that file")
    answers: dict[str, TrialAnswer] = declared(
        "keyed", "回答", "Answers", factory=dict, of=TrialAnswer, key="question",
        doc="by question id of resources/trial/questions.toml",
    )  # fmt: skip
    id: str = row_id()


@dataclass
class TrialCriterion:
    """A go/no-go criterion: 「テレワーク実施者の80%以上で生産性が低下していない」 is the share
    of teleworkers whose answer to ``productivity`` scores 3 to 5, at least 80 (%)."""

    name: str = declared("text", "判定基準", "Criterion", required=True)
    audience: str = declared("choice", "回答者の区分", "Respondent group", default="teleworker",
                             choices=TRIAL_AUDIENCES, words="trial_audience")  # fmt: skip
    question: str = declared("text", "設問", "Question", default="productivity", required=True,
                             doc="question id of resources/trial/questions.toml")  # fmt: skip
    measure: str = declared("choice", "指標", "Measure", default="share",
                            choices=TRIAL_MEASURES, words="trial_measure")  # fmt: skip
    lowest: int = declared("int", "対象の回答（下限の点）", "Answers from score", default=3,
                           maximum=10)  # fmt: skip
    highest: int = declared("int", "対象の回答（上限の点）", "Answers to score", default=5,
                            maximum=10)  # fmt: skip
    comparison: str = declared("choice", "比較", "Comparison", default="at_least",
                               choices=TRIAL_COMPARISONS, words="trial_comparison")  # fmt: skip
    threshold: Decimal = declared("decimal", "基準値", "Threshold", default=Decimal(80),
                                  maximum=Decimal(100),
                                  doc='percent for a share, points for an average, e.g. "80"')  # fmt: skip
    id: str = row_id()


def responses() -> Any:
    """``Plan.trial_responses``: every answer imported, one row per respondent."""
    return declared("rows", "試行アンケートの回答", "Trial survey answers", factory=list,
                    of=TrialResponse)  # fmt: skip


def criteria() -> Any:
    """``Plan.trial_criteria``: the go/no-go criteria the results are judged by."""
    return declared("rows", "本格導入の判定基準", "Go/no-go criteria", factory=list,
                    of=TrialCriterion)  # fmt: skip
