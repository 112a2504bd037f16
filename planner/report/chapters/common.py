"""What every chapter builder uses: the plan, the language and small content helpers.

Every figure comes from the domain (``costs``, ``suitability``, ``benchmarks``,
``fiscal``), so the PDF, the screen and the CLI agree. The helpers return
content nodes (``..content``), never markup: the writer escapes the texts.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cached_property
from typing import TypeVar

from ...domain import costs
from ...domain.catalog import Catalog
from ...domain.errors import PlannerError
from ...domain.model import Plan
from ...domain.money import format_yen
from ...domain.plan_rules import rules_for
from ...domain.suitability import Assessment, Suitability, assess_in_plan
from ...loading import words
from .. import dates
from ..content import (
    Block,
    Column,
    Heading,
    Inline,
    Paragraph,
    Span,
    Table,
    Text,
    form,
    table,
    text,
)

ASSUMED_JA = "※仮定"
ASSUMED_EN = "*assumed"
FORM_LABEL = 42 / 165  # the label column of a form table: its share of the text width

R = TypeVar("R")


class Context:
    """The plan being written, in one language, with its suitability assessments cached."""

    def __init__(self, plan: Plan, catalog: Catalog, lang: str) -> None:
        self.plan = plan
        self.catalog = catalog
        self.lang = lang
        self._assessments: dict[str, Assessment] = {}
        self._adopted: tuple[costs.Estimate | None, str | None] | None = None
        # issue 19: this PC's subsidy rules, with the plan's recorded ones where it says so
        self.rules = rules_for(plan, catalog.subsidy_rules)

    @cached_property
    def counts(self) -> dict[str, int]:
        """What the cost lines' quantities count (teleworkers, devices): once per document."""
        return costs.basis_counts(self.plan)

    # -- words ------------------------------------------------------------------------

    def t(self, ja: str, en: str) -> str:
        return en if self.lang == "en" else ja

    def word(self, list_name: str, code: str | None) -> str:
        return words.label(list_name, code, self.lang)

    @property
    def empty(self) -> str:
        return words.not_entered().get(self.lang)

    def fy(self, fy: int) -> str:
        return dates.fy_long(fy, self.lang)

    def fy_short(self, fy: int) -> str:
        return dates.fy_short(fy, self.lang)

    def date_label(self, d: date | None) -> str:
        return dates.date_label(d, self.lang)

    def short_date(self, d: date | None) -> str:
        return dates.short_date(d, self.lang)

    def period(self, start: date | None, end: date | None) -> str:
        return dates.period(start, end, self.lang)

    def long_period(self, start: date | None, end: date | None) -> str:
        return dates.long_period(start, end, self.lang)

    def yen(self, amount: int) -> str:
        return format_yen(amount, self.lang)

    # -- content ----------------------------------------------------------------------

    def muted_empty(self) -> Span:
        return Span(self.empty, tone="muted")

    def value(self, value: object) -> Text:
        """A user text, or a grey 未記入 when there is nothing."""
        if value is None or not str(value).strip():
            return text(self.muted_empty())
        return text(str(value))

    def p(self, *parts: Inline, style: str = "body") -> Paragraph:
        return Paragraph(text(*parts), style)  # type: ignore[arg-type]

    def section(self, title: str) -> Heading:
        return Heading(title, 2)

    def subsection(self, title: str) -> Heading:
        return Heading(title, 3)

    def fields(self, rows: Sequence[tuple[str, Text | str]]) -> Table:
        """Label | value pairs, as in a form."""
        return form(rows, FORM_LABEL)

    def table(self, columns: Sequence[Column[R]], records: Sequence[R],
              totals: Sequence[R] = ()) -> list[Block]:  # fmt: skip
        """A row per record (and the total rows), or a grey 未記入 when there are no records."""
        if not records:
            return [Paragraph(text(self.muted_empty()))]
        return [table(columns, records, totals)]

    def total_label(self, label: str) -> Text:
        return text(Span(label, bold=True))

    # -- figures from the domain ------------------------------------------------------

    def assessment(self, task) -> Assessment:
        found = self._assessments.get(task.id)
        if found is None:
            found = assess_in_plan(self.plan, task, self.catalog)
            self._assessments[task.id] = found
        return found

    def mark(self, level: Suitability) -> str:
        return f"{level.mark} {self.word('suitability', level.key)}"

    def adopted(self) -> tuple[costs.Estimate | None, str | None]:
        """The adopted scenario's estimate, or the error that prevents it (once per document)."""
        if self._adopted is None:
            try:
                self._adopted = costs.adopted_estimate(self.plan, self.rules), None
            except PlannerError as e:
                self._adopted = None, e.text(self.lang)
        return self._adopted

    def purposes(self) -> list[Block]:
        """The plan's purposes, numbered (overview and chapter 2)."""
        names = {o.id: o.text.get(self.lang) for o in self.catalog.purposes}
        items = [names.get(pid, pid) for pid in self.plan.purposes]
        items += [c for c in self.plan.custom_purposes if c.strip()]
        if not items:
            return [Paragraph(text(self.muted_empty()))]
        return [self.p("\n".join(f"{i}. {x}" for i, x in enumerate(items, 1)))]
