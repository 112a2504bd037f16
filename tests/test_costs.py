"""Cost estimate: hand-worked examples, properties, and refused input."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.builders import cost_line_from_item, new_plan
from planner.domain.catalog import SubsidyRule
from planner.domain.checks import check_record
from planner.domain.costs import compare_scenarios, estimate, rule_for
from planner.domain.errors import ValidationError
from planner.domain.model import CostLine, Municipality, Scenario, Unit
from planner.domain.money import format_thousand_yen, format_yen, round_yen
from planner.domain.text import L10n


def rule(fy, eligible=("ict_equipment", "licence")):
    t = L10n("test", "test")
    return SubsidyRule(fy, Fraction(1, 2), frozenset(eligible), 1000, "down", t, date(fy, 4, 1), t)


RULES = (rule(2025), rule(2026))


@pytest.fixture
def plan(catalog, municipality):
    p = new_plan(municipality, catalog)  # FY2025, three years
    p.units = [
        Unit(name="企画課", staff=12, teleworkers=6),
        Unit(name="財政課", staff=8, teleworkers=4),
    ]
    p.existing_devices = 4  # 10 teleworkers → 6 devices needed
    p.fiscal_capacity_multiplier = Decimal("0.9")
    p.scenarios[0].lines = [
        CostLine("貸与PC", "ict_equipment", 150_000, 1, "device_needed", "one_time", 2025, 2025),
        CostLine("VDIライセンス", "licence", 26_400, 1, "teleworker", "annual", 2025, 2027),
        CostLine("在宅勤務手当", "allowance", 9_600, 1, "teleworker", "annual", 2025, 2027),
        CostLine("導入支援", "support", 550_000, 1, "fixed", "one_time", 2026, 2026,
                 eligible_override=True, override_reason="県に対象と確認済み"),
        CostLine("モニター", "ict_equipment", 22_333, 3, "fixed", "one_time", 2025, 2025,
                 eligible_override=False, override_reason="既存モニター流用分"),
    ]  # fmt: skip
    return p


def test_three_years_worked_by_hand(plan):
    # coverage "introduction" (the default): the licence counts in FY2025 only
    est = estimate(plan, plan.scenarios[0], RULES)
    rows = [(y.fiscal_year, y.total, y.eligible, y.subsidy, y.net, y.assumed) for y in est.years]
    assert rows == [
        # 900,000 + 264,000 + 96,000 + 66,999; eligible 1,164,000 × 1/2 × 0.9 = 523,800 → 523,000
        (2025, 1_326_999, 1_164_000, 523_000, 803_999, False),
        # 264,000 + 96,000 + 550,000 (override); the licence's second year is a running
        # cost: eligible 550,000 × 0.45 = 247,500 → 247,000
        (2026, 910_000, 550_000, 247_000, 663_000, False),
        # no FY2027 rule: FY2026's is assumed; only the licence's running cost is eligible
        (2027, 360_000, 0, 0, 360_000, True),
    ]
    assert [y.running_excluded for y in est.years] == [0, 264_000, 264_000]
    assert (est.period.total, est.period.eligible, est.period.subsidy, est.period.net) == (
        2_596_999, 1_714_000, 770_000, 1_826_999,
    )  # fmt: skip
    assert est.assumed_years == [2027]
    assert est.year(2027).rule.fiscal_year == 2026


def test_running_costs_switch_worked_by_hand(plan):
    plan.running_costs_eligible = True
    plan.running_costs_reason = "県から運用経費も対象と文書で回答あり"
    est = estimate(plan, plan.scenarios[0], RULES)
    rows = [(y.fiscal_year, y.eligible, y.subsidy, y.net) for y in est.years]
    assert rows == [
        (2025, 1_164_000, 523_000, 803_999),
        # 264,000 + 550,000 = 814,000 × 0.45 = 366,300 → 366,000
        (2026, 814_000, 366_000, 544_000),
        # 264,000 × 0.45 = 118,800 → 118,000
        (2027, 264_000, 118_000, 242_000),
    ]
    # what the switch changed, per year, for the screen and the PDF to mark
    assert [[(s.name, s.amount) for s in y.switched] for y in est.years] == [
        [], [("VDIライセンス", 264_000)], [("VDIライセンス", 264_000)],
    ]  # fmt: skip
    assert est.running_costs_switch and est.year(2026).switch_added == 264_000
    # without a reason the switch is not in force
    plan.running_costs_reason = "  "
    assert estimate(plan, plan.scenarios[0], RULES).year(2026).eligible == 550_000


def test_multiplier_one_and_bundled_rules(plan, catalog):
    plan.fiscal_capacity_multiplier = Decimal(1)
    est = estimate(plan, plan.scenarios[0], catalog.subsidy_rules)
    # bundled rules end with FY2024: every plan year is assumed
    assert est.assumed_years == [2025, 2026, 2027]
    y = est.year(2025)
    # ict_equipment and licence are eligible, allowance not, monitor overridden off
    assert (y.eligible, y.subsidy) == (1_164_000, 582_000)
    # every bundled year says "introduction": the licence's later years do not count
    assert {r.coverage for r in catalog.subsidy_rules} == {"introduction"}
    assert est.year(2026).eligible == 550_000 and est.year(2026).running_excluded == 264_000


def test_year_before_any_rule_has_no_subsidy():
    assert rule_for(2019, RULES) == (None, False)
    assert rule_for(2025, RULES) == (RULES[0], False)
    assert rule_for(2030, RULES) == (RULES[1], True)


def test_estimate_widens_to_lines_outside_the_period(plan):
    plan.scenarios[0].lines.append(
        CostLine("保守", "licence", 1_000, 1, "fixed", "annual", 2027, 2029)
    )
    est = estimate(plan, plan.scenarios[0], RULES)
    assert [y.fiscal_year for y in est.years] == [2025, 2026, 2027, 2028, 2029]
    assert est.year(2029).total == 1_000


def test_scenarios_side_by_side(plan, catalog):
    cheap = Scenario(name="J-LIS")
    cheap.lines = [cost_line_from_item(catalog.cost_item("jlis_lgwan_telework"), 2025, 2027)]
    plan.scenarios.append(cheap)
    results = compare_scenarios(plan, RULES)
    assert [r.scenario_name for r in results] == ["J-LIS 自治体テレワークシステム", "J-LIS"]
    assert results[1].period.total == 0 and results[0].period.total == 2_596_999


def test_catalog_line_defaults(catalog):
    line = cost_line_from_item(catalog.cost_item("web_meeting_licence"), 2025, 2027)
    assert (line.recurrence, line.start_fy, line.end_fy, line.quantity_basis) == (
        "annual",
        2025,
        2027,
        "teleworker",
    )
    one = cost_line_from_item(catalog.cost_item("laptop_pc"), 2025, 2027)
    assert (one.start_fy, one.end_fy) == (2025, 2025)


@pytest.mark.parametrize(
    ("amount", "unit", "mode", "expected"),
    [
        (Fraction(523_800), 1000, "down", 523_000),
        (Fraction(523_800), 1000, "up", 524_000),
        (Fraction(523_500), 1000, "half_up", 524_000),
        (Fraction(523_499), 1000, "half_up", 523_000),
        (Fraction(1001, 2), 1, "down", 500),
        (Fraction(0), 1000, "down", 0),
    ],
)
def test_rounding(amount, unit, mode, expected):
    assert round_yen(amount, unit, mode) == expected


def test_formatting():
    assert format_yen(7_916_000) == "7,916,000円"
    assert format_yen(7_916_000, "en") == "¥7,916,000"
    assert format_thousand_yen(7_916_499) == "7,916"
    assert format_thousand_yen(7_916_500) == "7,917"


CATS = ["ict_equipment", "connection_system", "software", "licence", "security", "server",
        "support", "allowance", "communication_reimbursement", "furniture", "training_internal", "other"]  # fmt: skip

lines_st = st.lists(
    st.builds(
        lambda cat, price, qty, basis, rec, start, span, override: CostLine(
            "x",
            cat,
            price,
            qty,
            basis,
            rec,
            start,
            start + span,
            override,
            "理由" if override is not None else "",
        ),
        st.sampled_from(CATS),
        st.integers(0, 5_000_000),
        st.integers(0, 500),
        st.sampled_from(["fixed", "teleworker", "device_needed", "organisation"]),
        st.sampled_from(["one_time", "annual"]),
        st.integers(2023, 2028),
        st.integers(0, 3),
        st.sampled_from([None, None, True, False]),
    ),
    max_size=25,
)
multiplier_st = st.decimals(min_value=0, max_value=2, places=2)


def _plan_with(catalog, lines, multiplier, teleworkers=7, devices=3):
    p = new_plan(Municipality("村", "長野県", 40, 60, 2025), catalog)
    p.units = [Unit(name="課", staff=10, teleworkers=teleworkers)]
    p.existing_devices = devices
    p.fiscal_capacity_multiplier = multiplier
    p.scenarios[0].lines = lines
    return p


@settings(max_examples=150, deadline=None)
@given(lines=lines_st, multiplier=multiplier_st)
def test_properties(catalog, lines, multiplier):
    p = _plan_with(catalog, lines, multiplier)
    est = estimate(p, p.scenarios[0], catalog.subsidy_rules)
    for y in est.years:
        assert y.net == y.total - y.other_revenue - y.subsidy
        assert 0 <= y.subsidy
        if y.rule is not None:
            assert y.subsidy <= y.eligible * y.rule.rate * Fraction(multiplier)
        if y.eligible == 0:
            assert y.subsidy == 0
    assert est.period.total == sum(y.total for y in est.years)
    assert est.period.subsidy == sum(y.subsidy for y in est.years)
    assert est.period.net == sum(y.net for y in est.years)
    assert est.period.eligible == sum(y.eligible for y in est.years)


@settings(max_examples=100, deadline=None)
@given(
    lines=lines_st,
    multiplier=multiplier_st,
    price=st.integers(0, 10_000_000),
    start=st.integers(2023, 2028),
)
def test_adding_a_non_eligible_line_never_changes_the_subsidy(
    catalog, lines, multiplier, price, start
):
    p = _plan_with(catalog, lines, multiplier)
    before = estimate(p, p.scenarios[0], catalog.subsidy_rules)
    p.scenarios[0].lines = [
        *lines,
        CostLine("手当", "allowance", price, 1, "teleworker", "annual", start, start + 1),
    ]
    after = estimate(p, p.scenarios[0], catalog.subsidy_rules)
    subsidy_before = {y.fiscal_year: y.subsidy for y in before.years}
    for y in after.years:
        assert y.subsidy == subsidy_before.get(y.fiscal_year, 0)


@settings(max_examples=50, deadline=None)
@given(lines=lines_st)
def test_nothing_eligible_means_no_subsidy(catalog, lines):
    for line in lines:
        line.eligible_override, line.category = None, "furniture"
    p = _plan_with(catalog, lines, Decimal(1))
    est = estimate(p, p.scenarios[0], catalog.subsidy_rules)
    assert est.period.subsidy == 0 and est.period.net == est.period.total


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"unit_price": -1}, "l.unit_price"),
        ({"quantity": -2}, "l.quantity"),
        ({"unit_price": 10**12 + 1}, "l.unit_price"),
        ({"category": "gadgets"}, "l.category"),
        ({"start_fy": 2026, "end_fy": 2025}, "l.end_fy"),
        ({"name": ""}, "l.name"),
    ],
)
def test_invalid_lines_are_refused(catalog, changes, field):
    line = CostLine("PC", "ict_equipment", 100_000, 1, "fixed", "annual", 2025, 2026)
    for k, v in changes.items():
        setattr(line, k, v)
    with pytest.raises(ValidationError) as e:
        check_record(line, "l", {"cost_category": catalog.category_ids()})
    assert e.value.field == field and e.value.text("ja") and e.value.text("en")


def test_amount_over_a_trillion_yen_is_refused(plan):
    plan.scenarios[0].lines = [
        CostLine("PC", "ict_equipment", 10**12, 2, "fixed", "one_time", 2025, 2025)
    ]
    with pytest.raises(ValidationError) as e:
        estimate(plan, plan.scenarios[0], RULES)
    assert "1兆円" in e.value.text("ja")
