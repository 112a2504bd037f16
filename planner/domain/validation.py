"""Checking a plan: the entry points the store, the builders and the screens call.

The checks themselves are derived from the plan's declaration (``records.py``)
in ``checks.py``: an edit and a save are checked by the same per-record function.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import model as m
from .checks import NO_CATALOG_LISTS, check_plan, check_record
from .model_municipality import check_municipality
from .vocabularies import PREFECTURES

__all__ = ["PREFECTURES", "validate_municipality", "validate_plan", "validate_unit"]


def validate_plan(plan: m.Plan, categories: Iterable[str]) -> None:
    """Check a whole plan (after loading a file, before saving). Raises the first problem.
    ``categories``: the cost category ids allowed (``Catalog.category_ids()``)."""
    check_plan(plan, {"cost_category": tuple(categories)})


def validate_municipality(mu: m.Municipality) -> None:
    """A municipality's fields and staff numbers (what the welcome screen's form checks)."""
    check_municipality(mu)


def validate_unit(unit: m.Unit, where: str) -> None:
    """A unit with its work form and its tasks."""
    check_record(unit, where, NO_CATALOG_LISTS)
    for i, task in enumerate(unit.tasks):
        check_record(task, f"{where}.tasks[{i}]", NO_CATALOG_LISTS)
