"""How a diff names what it compares (issue 24 §2): the step a field belongs to, a row's
name, and a value shown by its kind with the catalog's words.

Everything here is read from the plan's one declaration (``records.py``): a field is
labelled with its declared label; a value is shown by its kind (``Field.show``), a choice
by its word in ``resources/words.toml`` (``words=``) or the catalog's list it names. The
only statement of our own is which step a field of the plan itself belongs to:
``_STEP_STARTS`` names the first field of each step in ``model.Plan``'s order, and a field
takes the step of the last start before it, so a field declared later beside its step's
fields (a step's new list) is put in that step without a change here.
"""

from __future__ import annotations

from typing import Any

from .catalog import Catalog
from .declare import Field
from .kinds.base import clip
from .records import PLAN, Record
from .text import L10n

BASICS = 0  # the plan's basics (municipality, period): before step 1
COSTS = 7  # cost scenarios and lines, subsidy settings: step 7 (ICT環境・経費)

# The first field of each step, in the order ``model.Plan`` declares them.
_STEP_STARTS = {"leader": 1, "purposes": 2, "existing_devices": 3, "units": 4,
                "home_allowance_staff": 5, "rules": 6, "access_method": 7, "security": 8,
                "training": 9, "phases": 10, "scenarios": COSTS}  # fmt: skip
# A unit is step 4's row, but its staff is counted in step 3 and its teleworkers and work
# form are decided in step 5 (steps.toml: unit_staff, teleworkers, forms).
_ROW_FIELD_STEPS = {("Unit", "staff"): 3, ("Unit", "teleworkers"): 5, ("Unit", "form"): 5}


def _plan_field_steps() -> dict[str, int]:
    steps, step = {}, BASICS
    for f in PLAN.fields:
        step = _STEP_STARTS.get(f.name, step)
        steps[f.name] = step
    return steps


PLAN_FIELD_STEPS = _plan_field_steps()


def step_of_plan_field(name: str) -> int:
    return PLAN_FIELD_STEPS.get(name, BASICS)


def step_of_row_field(record: Record, name: str, step: int) -> int:
    """The step of a field of a row (within the step of the list that holds it)."""
    return _ROW_FIELD_STEPS.get((record.cls.__name__, name), step)


def step_title(step: int, catalog: Catalog | None) -> L10n:
    if step == BASICS:
        return L10n("計画の基本情報", "Plan basics")
    title = None
    if catalog is not None:
        found = next((s for s in catalog.steps if s.number == step), None)
        title = found.title if found else None
    ja, en = (title.ja, title.en) if title else ("", "")
    return L10n(f"手順{step} {ja}".strip(), f"Step {step} {en}".strip())


# -- a row's name --------------------------------------------------------------------------------

_NAME_FIELDS = ("name", "text", "title")


def name_field(record: Record) -> Field | None:
    """The field that names a row of this record to a reader (its name, a measure's text)."""
    for wanted in _NAME_FIELDS:
        for f in record.fields:
            if f.name == wanted and f.kind == "text":
                return f
    return None


def row_name(record: Record, row: Any) -> str:
    """How a row is named in the list: its name, else its id."""
    f = name_field(record)
    value = getattr(row, f.name) if f is not None else ""
    return (
        value.strip() if isinstance(value, str) and value.strip() else str(getattr(row, "id", ""))
    )


def keyed_name(field: Field, key: Any, catalog: Catalog | None, step: int) -> L10n:
    """How an entry of a dict by key is named: a step by its title, a checklist item by its text."""
    if field.name == "steps" and isinstance(key, int):
        return step_title(key, catalog)
    if field.name == "checklist" and catalog is not None:
        for s in catalog.steps:
            if s.number == step:
                item = next((c for c in s.checklist if c.id == key), None)
                if item is not None:
                    return item.text
    return L10n(str(key), str(key))


# -- a value, shown by its kind ------------------------------------------------------------------


def _catalog_word(field: Field, code: Any, catalog: Catalog, lang: str) -> str | None:
    if field.words:
        return catalog.words.label(field.words, code, lang)
    if field.choices == "cost_category":
        return catalog.category_name(code).get(lang)
    if field.name == "access_method":
        try:
            return catalog.access_method(code).name.get(lang)
        except (KeyError, LookupError, ValueError):
            return None
    return None


BLANK = L10n("（空欄）", "(blank)")


def _item_word(field: Field, code: str, catalog: Catalog, lang: str) -> str:
    if field.words:
        return catalog.words.label(field.words, code, lang)
    if field.name == "purposes":  # the purposes offered in step 2 (steps.toml)
        found = next((o for o in catalog.purposes if o.id == code), None)
        return found.text.get(lang) if found is not None else code
    return code


def show(field: Field, value: Any, catalog: Catalog | None, lang: str) -> str:
    """A value as a reader knows it: a code by its word, else as its kind shows it; a blank
    text as 「（空欄）」."""
    if value is None:
        return field.show(value, lang)
    if catalog is not None:
        try:
            if field.kind in ("choice", "ref"):
                word = _catalog_word(field, value, catalog, lang)
                if word:
                    return word
            elif field.kind == "strings":
                if not value:
                    return "—"
                sep = ", " if lang == "en" else "、"
                return clip(sep.join(_item_word(field, v, catalog, lang) for v in value), 60)
        except (KeyError, LookupError, ValueError, TypeError):
            pass  # an unknown code: shown as its kind shows it
    out = field.show(value, lang)
    return out if out.strip() else BLANK.get(lang)


def shown(field: Field, value: Any, catalog: Catalog | None) -> L10n:
    return L10n(show(field, value, catalog, "ja"), show(field, value, catalog, "en"))


def json_value(field: Field, value: Any) -> Any:
    """The value as the plan's JSON keeps it (a date as ISO text, a decimal as text)."""
    if value is None:
        return None
    if field.kind == "strings":
        return list(value)
    try:
        return field.type.to_json(field, value, lambda _r, _v: None)
    except (TypeError, ValueError, AttributeError):
        return str(value)
