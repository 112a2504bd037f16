"""Large generated plans for the benchmarks (and for anyone who needs a big plan)."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from planner.domain.builders import cost_line_from_item, new_plan, unit_from_catalog
from planner.domain.catalog import Catalog
from planner.domain.model import (
    CostLine,
    Kpi,
    Member,
    Municipality,
    Phase,
    Plan,
    Scenario,
    Task,
    TrainingEvent,
)


def large_plan(catalog: Catalog, units: int = 40, tasks: int = 2000, lines: int = 2000, seed: int = 1) -> Plan:
    """``units`` units with ``tasks`` tasks in all, and ``lines`` cost lines over two scenarios."""
    rnd = random.Random(seed)
    plan = new_plan(Municipality("ベンチ市", "長野県", 900, 1200, 2025, "性能 計測", "総務課"), catalog)
    plan.plan_years = 5
    plan.access_method = "jlis_lgwan"
    plan.leader = "副市長"
    plan.members = [Member(f"委員{i}", "委員", "各課") for i in range(12)]
    plan.kpis = [Kpi(f"指標{i}", Decimal(0), Decimal(10), 2027) for i in range(6)]
    catalog_tasks = [t for u in catalog.units for t in u.tasks]
    per_unit = tasks // units
    for i in range(units):
        unit = unit_from_catalog(catalog.units[i % len(catalog.units)])
        unit.name = f"{unit.name}{i // len(catalog.units) + 1}"
        unit.tasks = [
            Task(name=f"{d.name.ja}（{i}-{k}）", factors=d.factors, catalog_id=d.id, selected=rnd.random() < 0.4)
            for k, d in enumerate(rnd.choices(catalog_tasks, k=per_unit))
        ]
        unit.staff = 30
        unit.teleworkers = rnd.randint(0, 20)
        plan.units.append(unit)
    plan.existing_devices = 50
    items = catalog.cost_items
    plan.scenarios = [Scenario(name="VDI"), Scenario(name="J-LIS")]
    plan.adopted_scenario_id = plan.scenarios[0].id
    for n in range(lines):
        line = cost_line_from_item(items[n % len(items)], 2025, 2029)
        if n % 7 == 0:
            line.eligible_override, line.override_reason = False, "県に確認済み"
        plan.scenarios[n % 2].lines.append(line)
    plan.training = [TrainingEvent(f"研修{i}", date(2025, 5 + i % 8, 10)) for i in range(10)]
    plan.phases = [Phase("第1次試行", "trial", date(2025, 10, 1), date(2025, 12, 26))]
    return plan


def recompute_plan(catalog: Catalog) -> Plan:
    """The issue's recompute case: 300 tasks and 1,000 cost lines."""
    plan = large_plan(catalog, units=15, tasks=300, lines=1000)
    plan.scenarios[0].lines += plan.scenarios[1].lines
    plan.scenarios[1].lines = [CostLine("保守", "licence", 10_000, 1, "fixed", "annual", 2025, 2029)]
    return plan
