from dataclasses import replace
from decimal import Decimal

import pytest

from planner.domain.builders import new_plan, unit_from_catalog
from planner.domain.errors import ValidationError
from planner.domain.model import Unit
from planner.domain.validation import validate_municipality, validate_plan, validate_unit


def field_of(call):
    with pytest.raises(ValidationError) as e:
        call()
    assert e.value.text("ja") and e.value.text("en")
    return e.value


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"name": "  "}, "municipality.name", "団体名を入力"),
        ({"general_staff": -3}, "municipality.general_staff", "負の値"),
        ({"all_staff": -1}, "municipality.all_staff", "負の値"),
        ({"general_staff": 200, "all_staff": 180}, "municipality.general_staff", "超えています"),
        ({"fiscal_year": 1999}, "municipality.fiscal_year", "範囲"),
        ({"fiscal_year": 2101}, "municipality.fiscal_year", "範囲"),
        ({"prefecture": "東京"}, "municipality.prefecture", "都道府県"),
        ({"general_staff": "40"}, "municipality.general_staff", "整数"),
        (
            {"fiscal_capacity_index": Decimal("-0.1")},
            "municipality.fiscal_capacity_index",
            "財政力指数",
        ),
    ],
)
def test_municipality_errors(municipality, changes, field, words):
    err = field_of(lambda: validate_municipality(replace(municipality, **changes)))
    assert err.field == field
    assert words in err.text("ja")


def test_teleworkers_above_staff_is_refused_not_clipped():
    unit = Unit(name="企画課", staff=40, teleworkers=45)
    err = field_of(lambda: validate_unit(unit, "units[0]"))
    assert err.field == "units[0].teleworkers"
    assert err.text("ja") == "テレワーク実施人数（45人）が課の職員数（40人）を超えています。"
    assert unit.teleworkers == 45  # nothing silently changed


def test_negative_staff_and_empty_unit_name():
    assert field_of(lambda: validate_unit(Unit(name="x", staff=-1), "u")).field == "u.staff"
    assert field_of(lambda: validate_unit(Unit(name=""), "u")).field == "u.name"


def test_unknown_unit(catalog, municipality):
    plan = new_plan(municipality, catalog)
    err = field_of(lambda: plan.unit("nope"))
    assert err.field == "unit" and "nope" in err.text("en")


def test_whole_plan_names_the_bad_row(catalog, municipality):
    plan = new_plan(municipality, catalog)
    plan.units = [unit_from_catalog(u) for u in catalog.units[:3]]
    for u in plan.units:
        u.staff = 10
    categories = catalog.category_ids()
    validate_plan(plan, categories)
    plan.units[2].teleworkers = 11
    assert field_of(lambda: validate_plan(plan, categories)).field == "units[2].teleworkers"
    plan.units[2].teleworkers = 2
    plan.units[1].tasks[0].name = ""
    assert field_of(lambda: validate_plan(plan, categories)).field == "units[1].tasks[0].name"
    plan.units[1].tasks[0].name = "x" * 10_001
    assert "長すぎます" in field_of(lambda: validate_plan(plan, categories)).text("ja")


def test_selected_tasks_and_teleworker_total(catalog, municipality):
    plan = new_plan(municipality, catalog)
    a, b = unit_from_catalog(catalog.units[0]), unit_from_catalog(catalog.units[2])
    a.staff, a.teleworkers, b.staff, b.teleworkers = 12, 5, 8, 3
    a.tasks[1].selected = b.tasks[0].selected = b.tasks[2].selected = True
    plan.units += [a, b]
    plan.existing_devices = 6
    assert [t.name for _, t in plan.selected_tasks()] == [
        a.tasks[1].name,
        b.tasks[0].name,
        b.tasks[2].name,
    ]
    assert plan.teleworkers() == 8
    assert plan.devices_needed() == 2
    plan.existing_devices = 20
    assert plan.devices_needed() == 0  # never below zero
