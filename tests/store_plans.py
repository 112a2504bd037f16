"""Plans for the store tests: hypothesis strategies, a large plan, the samples."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import strategies as st

from planner.domain import model as m
from planner.domain.costs import line_quantity
from planner.domain.model import TaskFactors
from planner.domain.validation import PREFECTURES
from planner.domain.vocabularies import (
    CONTRACTS,
    COORDINATION,
    NETWORKS,
    PAPER,
    PERSONAL_DATA,
    QUANTITY_BASES,
    RECURRENCES,
    ROLES,
)
from planner.loading import load_catalog
from planner.resources import resource_path

SAMPLES = resource_path("samples")
SAMPLE_NAMES = ("yamanami-village", "kawasemi-town")
# no cache_dir: collection must not write a catalog cache into the real home directory
CATALOG = load_catalog()
CATEGORIES = sorted(CATALOG.category_ids())
# issue 18: a JSON import refuses access methods and checklist items the catalog does not know
ACCESS_METHODS = [a.id for a in CATALOG.access_methods]
CHECKLISTS = {s.number: [c.id for c in s.checklist] for s in CATALOG.steps}


def sample_json(name: str) -> Path:
    return SAMPLES / f"{name}.json"


def sample_twplan(name: str) -> Path:
    return SAMPLES / f"{name}.twplan"


# -- strategies ---------------------------------------------------------------------------

text = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
name = text.filter(lambda s: s.strip() != "")
ids = st.text("0123456789abcdef", min_size=1, max_size=12)
optional_id = st.none() | ids
days = st.none() | st.dates(date(2000, 1, 1), date(2100, 12, 31))
fy = st.integers(2000, 2100)
count = st.integers(0, 100_000)


def dec(lo: int, hi: int):
    return st.builds(
        lambda n, places: Decimal(n).scaleb(-places),
        st.integers(lo * 1000, hi * 1000),
        st.sampled_from([3]),
    ) | st.sampled_from([Decimal(lo), Decimal("0.5"), Decimal("1.25")])


@st.composite
def municipalities(draw):
    all_staff = draw(st.integers(0, 100_000))
    return m.Municipality(
        name=draw(name), prefecture=draw(st.sampled_from(PREFECTURES)),
        general_staff=draw(st.integers(0, all_staff)), all_staff=all_staff,
        fiscal_year=draw(st.integers(2000, 2091)), author=draw(text), department=draw(text),
        fiscal_capacity_index=draw(st.none() | dec(0, 5)),
    )  # fmt: skip


factors = st.builds(
    TaskFactors,
    personal_data=st.sampled_from(PERSONAL_DATA), network=st.sampled_from(NETWORKS),
    paper=st.sampled_from(PAPER), counter=st.booleans(), onsite=st.booleans(),
    coordination=st.sampled_from(COORDINATION),
)  # fmt: skip

forms = st.builds(
    m.WorkForm,
    home=st.booleans(), satellite=st.booleans(), mobile=st.booleans(),
    max_days=st.integers(0, 31), cap_period=st.sampled_from(m.CAP_PERIODS),
    time_unit=st.sampled_from(m.TIME_UNITS), application_days=st.integers(0, 60),
)  # fmt: skip


@st.composite
def kpis(draw, kid: str):
    """Issue 23: a KPI with numbers, and its measured values per month, quarter or year."""
    rows = []
    for i in range(draw(st.integers(0, 3))):
        period = draw(st.sampled_from(("month", "quarter", "year")))
        part = {"month": draw(st.integers(1, 12)), "quarter": draw(st.integers(1, 4))}.get(period, 0)
        rows.append(m.Measurement(period, draw(fy), part, draw(dec(0, 1000)), draw(text), f"{kid}m{i}"))
    return m.Kpi(
        draw(name), draw(st.none() | dec(0, 1000)), draw(st.none() | dec(0, 1000)),
        draw(st.none() | fy), kid, draw(st.sampled_from(("persons", "percent", "hours", "sheets", "days"))),
        draw(st.sampled_from(("up", "down"))), draw(days), draw(text), draw(optional_id), rows,
    )  # fmt: skip


@st.composite
def units(draw, uid: str):
    staff = draw(st.integers(0, 500))
    tasks = [
        m.Task(name=draw(name), factors=draw(factors), selected=draw(st.booleans()),
               catalog_id=draw(optional_id), note=draw(text), id=f"{uid}t{i}",
               priority=draw(st.booleans()))
        for i in range(draw(st.integers(0, 4)))
    ]  # fmt: skip
    return m.Unit(
        name=draw(name), staff=staff, teleworkers=draw(st.integers(0, staff)), tasks=tasks,
        form=draw(forms), catalog_id=draw(optional_id), id=uid,
    )  # fmt: skip


@st.composite
def cost_lines(draw):
    start = draw(fy)
    return m.CostLine(
        name=draw(name), category=draw(st.sampled_from(CATEGORIES)),
        unit_price=draw(st.integers(0, 10**12)), quantity=draw(st.integers(0, 1_000_000)),
        quantity_basis=draw(st.sampled_from(QUANTITY_BASES)),
        recurrence=draw(st.sampled_from(RECURRENCES)), start_fy=start,
        end_fy=draw(st.integers(start, 2100)), eligible_override=draw(st.none() | st.booleans()),
        override_reason=draw(text), item_id=draw(optional_id), note=draw(text), id=draw(ids),
        lease_start_month=draw(st.integers(1, 12)), lease_months=draw(st.integers(1, 120)),
        contract=draw(st.sampled_from((None, *CONTRACTS))),  # issue 20
    )  # fmt: skip


@st.composite
def plans(draw) -> m.Plan:
    steps = {}
    for n in m.STEP_NUMBERS:
        start = draw(days)
        end = draw(days)
        if start and end and end < start:
            start, end = end, start
        keys = draw(st.lists(st.sampled_from(CHECKLISTS[n]), max_size=3, unique=True))
        steps[n] = m.StepRecord(
            checklist={k: m.ChecklistEntry(draw(st.booleans()), draw(text)) for k in keys},
            notes=draw(text), start=start, end=end,
        )  # fmt: skip
    phases = []
    for i in range(draw(st.integers(0, 3))):
        a, b = draw(days), draw(days)
        if a and b and b < a:
            a, b = b, a
        phases.append(
            m.Phase(draw(name), draw(st.sampled_from(m.PHASE_KINDS)), a, b, draw(text), f"p{i}")
        )
    scenarios = [
        m.Scenario(name=draw(name), lines=draw(st.lists(cost_lines(), max_size=3, unique_by=lambda c: c.id)), note=draw(text), id=f"s{i}")
        for i in range(draw(st.integers(0, 3)))
    ]  # fmt: skip
    plan = m.Plan(
        municipality=draw(municipalities()),
        plan_years=draw(st.integers(1, 10)),
        steps=steps,
        leader=draw(text),
        members=[m.Member(draw(name), draw(text), draw(text)) for _ in range(draw(st.integers(0, 2)))],
        meeting_plan=draw(text),
        purposes=draw(st.lists(ids, max_size=3)),
        custom_purposes=draw(st.lists(text, max_size=2)),
        kpis=[draw(kpis(f"k{i}")) for i in range(draw(st.integers(0, 2)))],  # issue 23: numbers
        existing_devices=draw(count),
        network_layers=draw(st.lists(st.sampled_from(m.NETWORK_LAYERS), max_size=3)),
        existing_rules=draw(text),
        current_notes=draw(text),
        units=[draw(units(f"u{i}")) for i in range(draw(st.integers(0, 3)))],
        rules=[m.RuleItem(draw(name), draw(st.sampled_from(m.RULE_STATUSES)), draw(text), draw(optional_id), f"{draw(ids)}-{i}")
               for i in range(draw(st.integers(0, 2)))],
        access_method=draw(st.sampled_from(ACCESS_METHODS)),
        device_policy=draw(st.sampled_from(m.DEVICE_POLICIES)),
        tools=draw(st.lists(st.sampled_from(m.TOOLS), max_size=3)),
        security=[m.SecurityItem(draw(st.sampled_from(ROLES)), draw(name), draw(st.sampled_from(m.MEASURE_STATUSES)), draw(optional_id), f"{draw(ids)}-{i}")
                  for i in range(draw(st.integers(0, 2)))],
        training=[m.TrainingEvent(draw(name), draw(days), draw(text), draw(text), f"{draw(ids)}-{i}") for i in range(draw(st.integers(0, 2)))],
        phases=phases,
        scenarios=scenarios,
        adopted_scenario_id=draw(st.sampled_from([s.id for s in scenarios])) if scenarios else draw(st.none() | ids),
        fiscal_capacity_multiplier=draw(dec(0, 2)),
        device_life_years=draw(st.integers(1, 15)),  # issue 20
        continuity=m.Continuity(draw(count), draw(count)),  # issue 23
    )  # fmt: skip
    # a valid plan can be estimated: no line over ¥1 trillion, no year over it (3 lines at most)
    for sc in scenarios:
        for line in sc.lines:
            most = 10**12 // 3 // (12 if line.recurrence == "lease" else 1)  # a lease: 12 months
            if line.unit_price * line_quantity(line, plan) > most:
                line.unit_price = most // max(1, line_quantity(line, plan))
    return plan


# -- a large plan -------------------------------------------------------------------------


def large_plan(tasks: int = 2000, lines: int = 2000, tag: str = "") -> m.Plan:
    """A valid plan with ``tasks`` tasks in 40 units and ``lines`` cost lines in 4 scenarios."""
    mu = m.Municipality(name=f"大きな町{tag}", prefecture="北海道", general_staff=900,
                        all_staff=1200, fiscal_year=2025, author="試験", department="総務課")  # fmt: skip
    plan = m.Plan(municipality=mu)
    for n, rec in plan.steps.items():
        rec.notes = f"手順{n}のメモ{tag}" * 20
        rec.checklist = {
            c: m.ChecklistEntry(i % 2 == 0, "確認済み") for i, c in enumerate(CHECKLISTS[n])
        }
    per_unit = tasks // 40
    for u in range(40):
        unit = m.Unit(name=f"第{u}課", staff=50, teleworkers=10, id=f"u{u}")
        unit.tasks = [
            m.Task(
                name=f"業務{u}-{i}（{tag}）", selected=i % 3 == 0, note="備考" * 10, id=f"u{u}t{i}"
            )
            for i in range(per_unit)
        ]
        plan.units.append(unit)
    for s in range(4):
        sc = m.Scenario(name=f"案{s}", id=f"s{s}")
        sc.lines = [
            m.CostLine(f"経費{s}-{i}", CATEGORIES[i % len(CATEGORIES)], 1000 + i, 1 + i % 5,
                       "fixed", "annual" if i % 2 else "one_time", 2025, 2027,
                       eligible_override=(None, True, False)[i % 3], override_reason="理由" if i % 3 else "")
            for i in range(lines // 4)
        ]  # fmt: skip
        plan.scenarios.append(sc)
    plan.adopted_scenario_id = "s0"
    return plan
