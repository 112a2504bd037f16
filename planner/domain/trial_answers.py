"""The trial survey's answers checked and made ready to keep (issue 23, section 2).

Pure, as the task survey's matching (``survey.py``): the edge (``planner/office/
trial_reply.py``) hands over each answer sheet — a workbook's sheet or a CSV — as the
text of its cells; here each cell is cleaned as people type it (``survey_values``),
matched to an option of its question in either language (or by its score, 「3」), and a
cell that names none is reported at its sheet, row and column in the words the task
survey uses. The respondent's other answers still count; the bad one counts as not
answered. A file imported again replaces what it gave before (matched by its name), so
a corrected file is not counted twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .model import Plan
from .model_trial import TrialAnswer, TrialResponse
from .operations import Batch, InsertRow, Operation, RemoveRow
from .survey_values import Message, Place, clean_text, key, not_a_choice
from .text import L10n, shown
from .trial import Audience, Question, Questionnaire


@dataclass(frozen=True, slots=True)
class AnswerSheet:
    """One sheet of answers as read: where it is, the group it says it is for (None: not
    said), its columns by question id (letter, header) and its rows (number, cells)."""

    file: str
    sheet: str
    audience: str | None
    columns: dict[str, tuple[str, str]]  # question id -> (column letter, header as written)
    rows: tuple[tuple[int, dict[str, str | None]], ...]
    lang: str = "ja"
    problems: tuple[Message, ...] = ()


@dataclass
class SheetAnswers:
    """What one sheet gives: its respondents (ready to keep) and what could not be taken."""

    source: str
    audience: Audience | None
    responses: list[TrialResponse] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    replaces: int = 0  # respondents of the same file already in the plan


@dataclass
class AnswerPreview:
    sheets: list[SheetAnswers]
    failures: list[Message]  # files that could not be read at all

    @property
    def messages(self) -> list[Message]:
        return self.failures + [m for s in self.sheets for m in s.messages]

    def operation(self, plan: Plan) -> Batch | None:
        """One undoable step: the answers of each file replace what the file gave before."""
        path = ("trial_responses",)
        taken = [s for s in self.sheets if s.audience is not None and s.responses]
        ops: list[Operation] = [RemoveRow(path, r.id) for r in plan.trial_responses
                                if r.source in {s.source for s in taken}]  # fmt: skip
        ops += [InsertRow(path, 10**9, r) for s in taken for r in s.responses]
        if not ops:
            return None
        n = sum(len(s.responses) for s in taken)
        return Batch(ops, L10n(f"試行アンケートの回答の取り込み（{n}人）",
                               f"Import trial survey answers ({n})"))  # fmt: skip


def audience_of(sheet: AnswerSheet, questionnaire: Questionnaire) -> Audience | None:
    """The group a sheet is for: as it says; else by words in its file name
    (「試行アンケート_上司.csv」); else the group whose questions its headers are."""
    if sheet.audience is not None:
        return questionnaire.audience(sheet.audience)
    name = key(sheet.file)
    by_name = [a for a in questionnaire.audiences if any(key(w) in name for w in a.file_words)]
    if len(by_name) == 1:
        return by_name[0]
    heads = {key(h) for _letter, h in sheet.columns.values()}
    fits = [a for a in questionnaire.audiences
            if all(key(q.label.ja) in heads or key(q.label.en) in heads or key(q.id) in heads
                   for q in a.questions)]  # fmt: skip
    return fits[0] if len(fits) == 1 else None


def match_option(raw: str, question: Question) -> str | None:
    """The code of the option a cleaned cell names (its words in either language, its
    code, or its score when the scale is points), or None."""
    k = key(raw)
    for o in question.options:
        if k in (key(o.label.ja), key(o.label.en), key(o.code)):
            return o.code
        if question.average and k == str(o.score):
            return o.code
    return None


def check_sheet(sheet: AnswerSheet, questionnaire: Questionnaire, plan: Plan) -> SheetAnswers:
    source = sheet.file if not sheet.sheet else f"{sheet.file}［{sheet.sheet}］"
    audience = audience_of(sheet, questionnaire)
    out = SheetAnswers(source, audience, messages=list(sheet.problems))
    where = Place(sheet.file, sheet.sheet)
    if audience is None:
        out.messages.append(Message(where, L10n(
            "どの回答者（テレワーク実施者・上司・同僚・窓口）の回答か分かりません。ファイル名に"
            "「テレワーク実施者」「上司」「同僚」「窓口」のいずれかを含めてください。",
            "whose answers these are is not clear. Put 'teleworker', 'supervisor', "
            "'colleague' or 'front' in the file name.")))  # fmt: skip
        return out
    out.replaces = sum(1 for r in plan.trial_responses if r.source == source)
    for q in audience.questions:
        if q.id not in sheet.columns:
            out.messages.append(Message(Place(sheet.file, sheet.sheet, None, "", q.label), L10n(
                "この見出しの列が見つかりません。この設問の回答は取り込みません。",
                "no column has this header: this question's answers are not imported.")))  # fmt: skip
    for number, cells in sheet.rows:
        answers: dict[str, TrialAnswer] = {}
        for q in audience.questions:
            if q.id not in sheet.columns:
                continue
            raw = clean_text(cells.get(q.id))
            if not raw:
                continue
            if q.is_comment:
                answers[q.id] = TrialAnswer(raw)
                continue
            code = match_option(raw, q)
            if code is None:
                letter, _head = sheet.columns[q.id]
                words = [o.label.get(sheet.lang) for o in q.options]
                place = Place(sheet.file, sheet.sheet, number, letter, q.label)
                out.messages.append(Message(place, not_a_choice(raw, words, sheet.lang)))
                continue
            answers[q.id] = TrialAnswer(code)
        if answers:
            out.responses.append(TrialResponse(audience.id, source, number, answers))
    return out


def preview_answers(plan: Plan, questionnaire: Questionnaire, sheets: Sequence[AnswerSheet],
                    failures: Sequence[Message] = ()) -> AnswerPreview:  # fmt: skip
    """What the answer sheets give (the plan is not changed yet)."""
    checked = [check_sheet(s, questionnaire, plan) for s in sheets]
    seen: dict[str, str] = {}
    for s in checked:  # a file given twice in one import counts once
        if s.source in seen:
            s.messages.append(Message(Place(s.source), L10n(
                f"同じ名前のファイルがすでに選ばれています（{shown(seen[s.source], 60)}）。取り込みません。",
                "a file of the same name is already chosen: not imported.")))  # fmt: skip
            s.audience = None
        seen.setdefault(s.source, s.source)
    return AnswerPreview(checked, list(failures))
