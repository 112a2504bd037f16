"""The roll-up as a whole (issue 24, section 1): the plans used, the files refused, the
duplicates, and the totals by size class and by fiscal year (integer yen).

``assemble`` takes the per-plan records in any order (a process pool returns them as they
are done) and keeps, of the files that hold the same plan (the same ``plan_id``), the
newest; the others are reported as duplicates. The national adoption figures beside the
size classes are the survey's (resources/rules/benchmarks.toml, through the catalog).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from .catalog import Benchmarks
from .rollup import SIZE_CLASSES, Money, PlanResult
from .vocabularies import PREFECTURES


@dataclass(frozen=True, slots=True)
class Refusal:
    """A file the roll-up could not use, with the one-line reason Open gives."""

    path: str
    ja: str
    en: str


@dataclass(frozen=True, slots=True)
class Duplicate:
    """Files holding the same plan: the newest is used, the others are left out."""

    plan_id: str
    municipality: str
    used: str
    left_out: tuple[str, ...]


@dataclass(frozen=True)
class Rollup:
    plans: tuple[PlanResult, ...]  # one a plan, by prefecture then municipality
    refused: tuple[Refusal, ...]
    duplicates: tuple[Duplicate, ...]
    files: int  # files named (read or not)
    cancelled: bool = False  # the user stopped the reading: ``plans`` is what was read

    @property
    def not_read(self) -> int:
        return (
            self.files
            - len(self.plans)
            - len(self.refused)
            - sum(len(d.left_out) for d in self.duplicates)
        )

    @property
    def fiscal_years(self) -> list[int]:
        return sorted({y.fiscal_year for p in self.plans for y in p.years})

    @property
    def period(self) -> Money:
        return sum((p.period for p in self.plans), Money())


def _order(p: PlanResult) -> tuple[int, str, str]:
    where = PREFECTURES.index(p.prefecture) if p.prefecture in PREFECTURES else len(PREFECTURES)
    return where, p.municipality, p.path


def assemble(results: Iterable[PlanResult], refused: Iterable[Refusal], files: int, *,
             cancelled: bool = False) -> Rollup:  # fmt: skip
    """The roll-up of the records read: the newest file of each plan id, the others named."""
    by_id: dict[str, list[PlanResult]] = {}
    for r in results:
        by_id.setdefault(r.plan_id, []).append(r)
    plans, duplicates = [], []
    for plan_id, found in by_id.items():
        found.sort(key=lambda r: (r.saved_at, r.path), reverse=True)
        plans.append(found[0])
        if len(found) > 1:
            duplicates.append(Duplicate(plan_id, found[0].municipality, found[0].path,
                                        tuple(r.path for r in found[1:])))  # fmt: skip
    plans.sort(key=_order)
    duplicates.sort(key=lambda d: d.used)
    return Rollup(tuple(plans), tuple(sorted(refused, key=lambda r: r.path)),
                  tuple(duplicates), files, cancelled)  # fmt: skip


@dataclass(frozen=True, slots=True)
class SizeRow:
    """A size class: its plans and their totals, beside the national adoption rate."""

    code: str
    ja: str
    en: str
    plans: int
    general_staff: int
    teleworkers: int
    selected_tasks: int
    period: Money
    national_rate: Decimal | None  # adoption in the survey; None: the survey has no figure


def by_size(rollup: Rollup, bench: Benchmarks) -> list[SizeRow]:
    """One row a size class (≤100, 101–300, >300 general staff), every class shown."""
    rows = []
    for code, low, high, ja, en in SIZE_CLASSES:
        mine = [p for p in rollup.plans if p.size_class == code]
        survey = next((c for c in bench.size_classes
                       if c.min_staff == low and c.max_staff == high), None)  # fmt: skip
        rows.append(SizeRow(
            code, ja, en, len(mine), sum(p.general_staff for p in mine),
            sum(p.teleworkers for p in mine), sum(sum(p.selected) for p in mine),
            sum((p.period for p in mine), Money()),
            None if survey is None else survey.adoption_rate,
        ))  # fmt: skip
    return rows


@dataclass(frozen=True, slots=True)
class YearRow:
    """A fiscal year: the plans with figures in it and their totals; ``subsidy_local``: the
    subsidy with this PC's (the prefecture's) rule where a plan's recorded rule differs."""

    fiscal_year: int
    plans: int
    money: Money
    subsidy_local: int


def by_year(rollup: Rollup) -> list[YearRow]:
    rows = []
    for fy in rollup.fiscal_years:
        having = [p for p in rollup.plans if any(y.fiscal_year == fy for y in p.years)]
        money = sum((p.year(fy) for p in having), Money())
        gap = sum(g.subsidy_local - g.subsidy_recorded
                  for p in having for g in p.gaps if g.fiscal_year == fy)  # fmt: skip
        rows.append(YearRow(fy, len(having), money, money.subsidy + gap))
    return rows
