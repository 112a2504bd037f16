"""Issue 23 in ``planner summary``: each KPI's progress (baseline → latest → target, or
未測定) and the business-continuity view (priority work remote or not, and the capacity
of devices, licences and J-LIS terminal IDs against the staff needing access)."""

from __future__ import annotations

from typing import Any

from .terminal import terminal_safe as safe


def issue23_data(plan: Any) -> dict[str, Any]:
    """``summary --json``'s ``kpis`` and ``continuity``."""
    from .domain.bcp import summary_dict
    from .domain.kpis import progress
    from .loading import default_catalog

    return {
        "kpis": [progress(k).as_dict() for k in plan.kpis],
        "continuity": summary_dict(plan, default_catalog()),
    }


def issue23_lines(plan: Any, lang: str) -> list[str]:
    """The text summary's lines: one per KPI, then the BCP view and its capacity."""
    from .domain.bcp import by_unit, capacity, priority_tasks
    from .domain.kpis import kpi_line
    from .loading import default_catalog

    catalog = default_catalog()
    en = lang == "en"
    out = []
    if plan.kpis:
        out.append("KPIs:" if en else "目標（KPI）:")
        for k in plan.kpis:
            out.append(f"  {safe(kpi_line(k, catalog.words, lang))}")
    tasks = priority_tasks(plan, catalog)
    if tasks or plan.continuity.emergency_staff:
        out.append("Business continuity (priority work in an emergency):" if en
                   else "業務継続（非常時優先業務）:")  # fmt: skip
        for unit, rows in by_unit(tasks):
            for p in rows:
                mark = (
                    ("remote" if en else "テレワーク可")
                    if p.remote
                    else ("needs presence" if en else "要出勤")
                )
                why = " ".join(w.get(lang) for w in p.why()[:1])
                out.append(f"  {safe(unit.name)} {safe(p.task.name)}: {mark}" + (f" — {safe(why)}" if why and not p.remote else ""))  # fmt: skip
        staff = plan.continuity.emergency_staff
        if staff:
            out.append(f"  Staff needing remote access in an emergency: {staff}" if en
                       else f"  非常時にリモートアクセスが必要な職員: {staff}人")  # fmt: skip
        for c in capacity(plan, catalog):
            out.append(f"  {'! ' if c.shortfall else ''}{c.line(lang)}")
    return out
