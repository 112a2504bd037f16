"""What a cost line rests on (issue 13 item 10), and units told apart by name (item 4)."""

from datetime import date
from fractions import Fraction

import pytest

from planner.domain.builders import new_plan
from planner.domain.catalog import SubsidyRule
from planner.domain.costs import eligible_categories, line_basis
from planner.domain.errors import ValidationError
from planner.domain.model import CostLine, Unit
from planner.domain.operations import InsertRow, SetValue
from planner.domain.text import L10n
from planner.domain.unit_rules import duplicate_unit_names, free_name
from planner.report.line_basis import line_basis_cells

T = L10n("test", "test")
RULES = (
    SubsidyRule(2025, Fraction(1, 2), frozenset({"ict_equipment"}), 1000, "down", T, date(2025, 4, 1), T),
)  # fmt: skip


@pytest.fixture
def plan(catalog, municipality):
    p = new_plan(municipality, catalog)
    p.units = [Unit("企画課", staff=50, teleworkers=30), Unit("財政課", staff=20, teleworkers=10)]
    p.existing_devices = 10  # 40 teleworkers, 30 devices needed
    return p


def _line(basis, quantity=1, category="ict_equipment", override=None, reason=""):
    return CostLine("x", category, 1000, quantity, basis, "one_time", 2025, 2025, override, reason)


@pytest.mark.parametrize(
    ("basis", "quantity", "ja", "en"),
    [
        ("device_needed", 1, "30台", "30 devices"),
        ("teleworker", 1, "40人", "40 people"),
        ("organisation", 1, "1式", "1 set"),
        ("fixed", 1, "1式", "1 set"),
        ("fixed", 25, "25", "25"),
        ("teleworker", 2, "80（40人×2）", "80 (40 people × 2)"),
    ],
)
def test_the_resolved_quantity_in_words(plan, basis, quantity, ja, en):
    basis_ = line_basis(_line(basis, quantity), plan, RULES)
    assert (basis_.quantity_text("ja"), basis_.quantity_text("en")) == (ja, en)


def test_eligibility_says_where_it_comes_from(plan):
    assert line_basis(_line("fixed"), plan, RULES).eligibility_text() == "対象（区分による）"
    furniture = line_basis(_line("fixed", category="furniture"), plan, RULES)
    assert (furniture.eligible, furniture.source) == (False, "category")
    assert furniture.eligibility_text() == "対象外（区分による）"
    over = line_basis(_line("fixed", override=False, reason="既存端末を流用"), plan, RULES)
    assert over.eligibility_text() == "対象外（個別に変更：既存端末を流用）"
    assert over.eligibility_text("en") == "not eligible (overridden: 既存端末を流用)"
    assert line_basis(_line("fixed"), plan, ()).eligibility_text() == "対象外（措置ルールなし）"
    assert eligible_categories(2027, RULES) == {"ict_equipment"}
    assert eligible_categories(2020, RULES) == frozenset()


def test_the_report_cells_are_the_screens_words(plan):
    assert line_basis_cells(_line("device_needed"), plan, RULES) == ("30台", "対象（区分による）")
    assert line_basis_cells(_line("teleworker"), plan, RULES, "en") == (
        "40 people",
        "eligible (by category)",
    )


def test_two_units_never_share_a_name(plan, catalog):
    with pytest.raises(ValidationError) as err:
        InsertRow(("units",), 2, Unit("企画課 ")).apply(plan, catalog)
    assert err.value.text("ja") == "課「企画課」はすでにあります。同じ名前の課は2つ作れません。"
    with pytest.raises(ValidationError):
        SetValue(("units", plan.units[1].id), "name", "企画課").apply(plan, catalog)
    assert [u.name for u in plan.units] == ["企画課", "財政課"]
    SetValue(("units", plan.units[1].id), "name", "財政課").apply(
        plan, catalog
    )  # its own name again
    assert free_name(plan.units, "企画課") == "企画課 2"
    assert free_name(plan.units, "（新しい課）") == "（新しい課）"
    plan.units.append(Unit("企画課"))  # e.g. an old file
    assert duplicate_unit_names(plan) == ["企画課"]


def test_a_plan_with_two_units_of_one_name_opens_with_a_warning(catalog, municipality):
    """v0.1 let a catalog unit be added beside a typed one of the same name: such a file
    still opens, and every way out says what to fix."""
    from planner.domain.builders import new_plan
    from planner.domain.model import Unit
    from planner.domain.validation import validate_plan
    from planner.domain.warnings import plan_warnings

    plan = new_plan(municipality, catalog)
    plan.units = [Unit("総務課", staff=30), Unit("総務課 ", staff=0)]
    validate_plan(plan, catalog.category_ids())  # not refused
    found = [w for w in plan_warnings(plan, catalog) if w.code == "duplicate_unit_name"]
    assert [(w.step, w.for_council, w.text.ja) for w in found] == [(4, True,
        "課「総務課」が2つ以上あります。1つにまとめてください（業務と人数は課ごとに集計されます）。")]  # fmt: skip
