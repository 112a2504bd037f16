"""Three small plans whose roll-up is worked by hand (issue 24), saved as .twplan files.

あおば町 (長野県, 80 general staff, ≤100):
  貸与PC, ict_equipment, 150,000 × 10, one time in FY2025      → 1,500,000 eligible
  在宅勤務手当, allowance, 3,000 × 12, each year FY2025–2026  →    36,000 a year, not eligible
  FY2025: cost 1,536,000, eligible 1,500,000, subsidy 750,000, net 786,000
  FY2026: cost    36,000, eligible         0, subsidy       0, net  36,000
しらかば町 (長野県, 250 general staff, 101–300):
  VPN装置, connection_system, 1,234,500 × 1, one time in FY2026
  FY2026: eligible 1,234,500; subsidy 617,250 rounded down to the 1,000 → 617,000; net 617,500
おおぞら市 (静岡県, 450 general staff, >300):
  会議ライセンス, licence, 2,000 × 100, each year FY2025–2026 (running costs count in their
  first year only): FY2025 cost 200,000, eligible 200,000, subsidy 100,000, net 100,000;
  FY2026 cost 200,000, eligible 0, net 200,000

Totals: FY2025 cost 1,736,000, eligible 1,700,000, subsidy 850,000, net 886,000;
        FY2026 cost 1,470,500, eligible 1,234,500, subsidy 617,000, net 853,500;
        period cost 3,206,500, eligible 2,934,500, subsidy 1,467,000, net 1,739,500.
"""

from __future__ import annotations

from pathlib import Path

from planner.domain.builders import new_plan
from planner.domain.model import CostLine, Municipality, Plan
from planner.loading import default_catalog
from planner.store.project import save_plan

FY2025 = {"total": 1_736_000, "eligible": 1_700_000, "subsidy": 850_000, "net": 886_000}
FY2026 = {"total": 1_470_500, "eligible": 1_234_500, "subsidy": 617_000, "net": 853_500}
PERIOD = {"total": 3_206_500, "eligible": 2_934_500, "subsidy": 1_467_000, "net": 1_739_500}


def plan(name: str, prefecture: str, staff: int, lines: list[CostLine]) -> Plan:
    p = new_plan(Municipality(name, prefecture, staff, staff + 20, 2025), default_catalog())
    p.plan_years = 2
    p.scenarios[0].lines = lines
    return p


def three_plans() -> list[Plan]:
    return [
        plan("あおば町", "長野県", 80, [
            CostLine("貸与PC", "ict_equipment", 150_000, 10, "fixed", "one_time", 2025, 2025),
            CostLine("在宅勤務手当", "allowance", 3_000, 12, "fixed", "annual", 2025, 2026),
        ]),
        plan("しらかば町", "長野県", 250, [
            CostLine("VPN装置", "connection_system", 1_234_500, 1, "fixed", "one_time", 2026, 2026),
        ]),
        plan("おおぞら市", "静岡県", 450, [
            CostLine("会議ライセンス", "licence", 2_000, 100, "fixed", "annual", 2025, 2026),
        ]),
    ]  # fmt: skip


def save_three(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, p in enumerate(three_plans()):
        path = folder / f"plan{i}.twplan"
        save_plan(p, path, keep_backup=False)
        paths.append(path)
    return paths
