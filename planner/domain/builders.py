"""Making new plan content from the catalog (a new plan, a unit, a cost line)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from .catalog import Catalog, CostItemDef, TaskDef, UnitDef
from .model import (
    ChecklistEntry,
    CostLine,
    Municipality,
    Plan,
    RuleItem,
    Scenario,
    SecurityItem,
    StepRecord,
    Task,
    TaskFactors,
    Unit,
)
from .validation import validate_municipality


def new_plan(municipality: Municipality, catalog: Catalog, lang: str = "ja") -> Plan:
    """An empty plan with every step's checklist, the rule templates and security measures."""
    validate_municipality(municipality)
    plan = Plan(
        municipality=municipality,
        document_date=date.today(),  # the user sets the plan's own date (step 1)
        steps={
            s.number: StepRecord(checklist={c.id: ChecklistEntry() for c in s.checklist})
            for s in catalog.steps
        },
        rules=[RuleItem(name=t.text.get(lang), template_id=t.id) for t in catalog.rule_templates],
        security=[
            SecurityItem(role=d.role, text=d.text.get(lang), measure_id=d.id)
            for d in catalog.security_measures
        ],
    )
    first = Scenario(
        name="J-LIS 自治体テレワークシステム" if lang == "ja" else "J-LIS LGWAN telework"
    )
    plan.scenarios.append(first)
    plan.adopted_scenario_id = first.id
    return plan


def catalog_factors(task_def: TaskDef) -> TaskFactors:
    """A catalog task's factors as a plan's task holds them: what it works on, said."""
    return replace(task_def.factors, works_on=task_def.works_on)


def plan_language(plan: Plan, catalog: Catalog) -> str:
    """The language of the plan's own texts, in which texts from the catalog join it.

    Japanese, unless the plan was made in English: the rules and security measures
    ``new_plan`` took from the catalog still read in English. Not the UI's language: a
    Japanese plan edited with the English UI stays Japanese (its PDF for the council too).
    """
    texts = {t.id: t.text for t in catalog.rule_templates}
    measures = {d.id: d.text for d in catalog.security_measures}
    pairs = [(r.name, texts.get(r.template_id)) for r in plan.rules]
    pairs += [(m.text, measures.get(m.measure_id)) for m in plan.security]
    english = sum(1 for text, known in pairs if known and text == known.en != known.ja)
    japanese = sum(1 for text, known in pairs if known and text == known.ja)
    return "en" if english > japanese else "ja"


def unit_from_catalog(unit_def: UnitDef, lang: str = "ja") -> Unit:
    return Unit(
        name=unit_def.name.get(lang),
        catalog_id=unit_def.id,
        tasks=[
            Task(
                name=t.name.get(lang),
                factors=catalog_factors(t),
                catalog_id=t.id,
                priority=t.priority,
            )  # fmt: skip
            for t in unit_def.tasks
        ],
    )


def cost_line_from_item(
    item: CostItemDef, first_fy: int, last_fy: int, lang: str = "ja"
) -> CostLine:
    """A cost line with the catalog's defaults: one-time in the first year, or annual over the plan."""
    return CostLine(
        name=item.name.get(lang),
        category=item.category,
        unit_price=item.unit_price,
        quantity=item.default_quantity,
        quantity_basis=item.unit,
        recurrence=item.recurrence,
        start_fy=first_fy,
        end_fy=first_fy if item.recurrence == "one_time" else last_fy,
        item_id=item.id,
    )
