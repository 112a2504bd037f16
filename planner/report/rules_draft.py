"""The implementing rules draft (テレワーク実施要綱（案）), from the plan (issue 21, 1).

The clauses are data: ``resources/templates/rules_draft.docx`` is a Word document with
docxtpl (Jinja) tags: ``{{ town }}``, paragraphs kept or left out by ``{%p if … %}``,
a paragraph per item by ``{%p for … %}``, the table of units by ``{%tr for … %}``. A
maintainer rewords the articles in Word; the code only says what the plan chose (step
5: who, where, how often, approval, attendance; step 7: devices; step 8: the
teleworkers' measures; the allowance, the date it comes into force).

Numbered items (（１）（２）…) are numbered here, so that an item left out leaves no gap.
Every value is plain text, cleaned (``textsafe.clean_plain``) and XML-escaped by the
template engine (``autoescape``): a town named ``<b>`` is printed as typed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..domain.catalog import Catalog
from ..domain.model import Plan
from ..resources import resource_path
from .chapters.amend import head_title
from .chapters.common import Context
from .papers.forms import places as form_places
from .papers.forms import teleworker_measures
from .textsafe import clean_plain

TEMPLATE = ("templates", "rules_draft.docx")
_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def item_no(n: int) -> str:
    return f"（{str(n).translate(_DIGITS)}）"


def numbered(keys: list[str]) -> dict[str, str]:
    """（１）（２）… for the items present, in order."""
    return {k: item_no(i) for i, k in enumerate(keys, 1)}


def _cap(ctx: Context, unit) -> str:  # noqa: ANN001 - a Unit
    f = unit.form
    if not f.max_days:
        return "上限なし"
    per = "1週" if f.cap_period == "week" else "1月"
    return f"{per}につき{f.max_days}日"


def _deadline(days: int) -> str:
    return "当日" if days == 0 else "前日" if days == 1 else f"{days}日前"


def _places_of(ctx: Context, unit) -> str:  # noqa: ANN001 - a Unit
    f = unit.form
    return "・".join(x for x, on in (("在宅", f.home), ("サテライト", f.satellite),
                                     ("モバイル", f.mobile)) if on) or "－"  # fmt: skip


def context(plan: Plan, catalog: Catalog) -> dict[str, Any]:
    """What the template is told: every text cleaned, lists already numbered."""
    ctx = Context(plan, catalog, "ja")
    units = [u for u in plan.units if u.teleworkers > 0] or list(plan.units)
    caps = {_cap(ctx, u) for u in units}
    unit_words = {ctx.word("time_unit", u.form.time_unit) for u in units}
    deadlines = {u.form.application_days for u in units}
    e = plan.eligibility
    excluded = [k for k, on in (("probation", e.exclude_probation), ("temporary", e.exclude_temporary),
                                ("fiscal_year", e.exclude_fiscal_year)) if on]  # fmt: skip
    satellite = any(u.form.satellite for u in plan.units)
    mobile = any(u.form.mobile for u in plan.units)
    defs = numbered(["home"] + (["satellite"] if satellite else []) + (["mobile"] if mobile else []))
    places = [p.replace("（　　　　　　）", "").replace("：　　　　　　", "") for p in form_places(ctx)]
    device = {"loaned": "{town}が貸与する端末", "own": "所属長が承認した私物の端末",
              "mixed": "{town}が貸与する端末又は所属長が承認した私物の端末"}[plan.device_policy]  # fmt: skip
    town = plan.municipality.name
    trial = next((p.start for p in plan.phases if p.kind in ("trial", "rollout") and p.start), None)
    values = {
        "town": town,
        "head": head_title(ctx),
        "hr": plan.municipality.department.split()[0] if plan.municipality.department.strip() else "人事担当課長",
        "relative_def": "（介護等のため所属長が認めた親族の住居を含む。）" if e.relative_home else "",
        "satellite": satellite, "mobile": mobile, "no": defs,
        "exclusions": bool(excluded), "ex": numbered(excluded),
        "places": [item_no(i) + p for i, p in enumerate(places, 1)],
        "cap": caps.pop() if len(caps) == 1 else "別表に定める日数",
        "time_unit": unit_words.pop() if len(unit_words) == 1 else "別表に定める時間単位",
        "by_unit": len({(_cap(ctx, u), u.form.time_unit, u.form.application_days,
                         _places_of(ctx, u)) for u in units}) > 1,  # fmt: skip
        "deadline": _deadline(max(deadlines, default=1)),
        "approver": e.approver,
        "attendance": e.attendance,
        "device_clause": device.format(town=town),
        "device_cost": f"ただし、貸与する端末及び通信機器に係る費用は、{town}が負担する。" if plan.device_policy != "own" else "",
        "personal_data": plan.personal_data_at_home,
        "measures": [item_no(i) + m for i, m in enumerate(teleworker_measures(ctx), 1)],
        "allowance": plan.home_allowance_staff > 0,
        "effective": ctx.date_label(trial) if trial else "令和　　年　　月　　日",
        "units": [{"name": u.name, "places": _places_of(ctx, u), "cap": _cap(ctx, u),
                   "time_unit": ctx.word("time_unit", u.form.time_unit),
                   "deadline": _deadline(u.form.application_days) + "まで"} for u in units],  # fmt: skip
    }
    return _cleaned(values)


def _cleaned(value: Any) -> Any:
    """Every string of the context as plain text (no control or invisible characters)."""
    if isinstance(value, str):
        return clean_plain(value)
    if isinstance(value, dict):
        return {k: _cleaned(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_cleaned(v) for v in value]
    return value


def write_rules_draft(plan: Plan, catalog: Catalog, path: Path) -> None:
    """Render the template with the plan's choices into ``path`` (a new, empty file)."""
    from docxtpl import DocxTemplate

    template = DocxTemplate(str(resource_path(*TEMPLATE)))
    template.render(context(plan, catalog), autoescape=True)
    template.save(str(path))
