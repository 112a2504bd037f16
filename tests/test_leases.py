"""Leases, multi-year contracts (債務負担行為 / 長期継続契約) and 後年度負担, worked by hand (issue 20).

A lease is a monthly price × months from a month of a fiscal year; its amount falls in
the fiscal years it runs, month by month. It counts for the measure as any running cost
does: its first year only, unless the plan's switch (with its reason) says more.
"""

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.budget import commitments, later_burden
from planner.domain.builders import new_plan
from planner.domain.catalog import SubsidyRule
from planner.domain.checks import check_record
from planner.domain.costs import estimate, line_amounts
from planner.domain.errors import ValidationError
from planner.domain.fiscal import lease_months_by_fiscal_year, month_label
from planner.domain.model import CostLine, Municipality, Unit
from planner.domain.text import L10n


def rule(fy, eligible=("ict_equipment", "licence")):
    t = L10n("test", "test")
    return SubsidyRule(fy, Fraction(1, 2), frozenset(eligible), 1000, "down", t, date(fy, 4, 1), t)


RULES = (rule(2025),)


def lease(**changes) -> CostLine:
    """30 PCs at ¥3,000 a month for 60 months from October 2025."""
    line = CostLine("貸与PC（リース）", "ict_equipment", 3_000, 30, "fixed", "lease", 2025, 2025,
                    lease_start_month=10, lease_months=60)  # fmt: skip
    for k, v in changes.items():
        setattr(line, k, v)
    return line


@pytest.fixture
def plan(catalog, municipality):
    p = new_plan(municipality, catalog)  # FY2025, three years: FY2025–FY2027
    p.units = [Unit(name="企画課", staff=12, teleworkers=10)]
    p.existing_devices = 4  # 6 devices needed
    p.scenarios[0].lines = [lease()]
    return p


def test_months_of_a_lease_fall_in_the_fiscal_years_it_runs():
    # October is the 7th month of the fiscal year: 6 months are left in FY2025
    assert lease_months_by_fiscal_year(2025, 10, 60) == {
        2025: 6, 2026: 12, 2027: 12, 2028: 12, 2029: 12, 2030: 6,
    }  # fmt: skip
    # January of FY2025 is January 2026: 3 months left; April: a whole year
    assert lease_months_by_fiscal_year(2025, 1, 12) == {2025: 3, 2026: 9}
    assert lease_months_by_fiscal_year(2025, 4, 24) == {2025: 12, 2026: 12}
    assert lease_months_by_fiscal_year(2025, 3, 1) == {2025: 1}
    assert month_label(2025, 10) == "令和7年10月" and month_label(2025, 1) == "令和8年1月"
    assert month_label(2025, 10, "en") == "Oct 2025"


def test_thirty_pcs_leased_for_sixty_months_from_october_2025_by_hand(plan):
    line = plan.scenarios[0].lines[0]
    # 30 × ¥3,000 = ¥90,000 a month
    assert line_amounts(line, plan) == {
        2025: 540_000, 2026: 1_080_000, 2027: 1_080_000, 2028: 1_080_000, 2029: 1_080_000,
        2030: 540_000,
    }  # fmt: skip
    est = estimate(plan, plan.scenarios[0], RULES)
    assert [y.fiscal_year for y in est.years] == [2025, 2026, 2027, 2028, 2029, 2030]
    assert [y.total for y in est.years] == [540_000, *[1_080_000] * 4, 540_000]
    assert est.period.total == 5_400_000
    # the measure: its first year only (a running cost afterwards); ¥540,000 × 1/2
    assert [y.eligible for y in est.years] == [540_000, 0, 0, 0, 0, 0]
    assert [y.subsidy for y in est.years] == [270_000, 0, 0, 0, 0, 0]
    assert [y.running_excluded for y in est.years] == [0, *[1_080_000] * 4, 540_000]
    assert est.period.net == 5_400_000 - 270_000


def test_a_lease_counts_further_only_with_the_switch_and_its_reason(plan):
    plan.running_costs_eligible = True
    plan.running_costs_reason = "県から運用経費も対象と文書で回答あり"
    est = estimate(plan, plan.scenarios[0], RULES)  # FY2025's rule assumed after it
    assert [y.eligible for y in est.years] == [540_000, *[1_080_000] * 4, 540_000]
    assert [y.subsidy for y in est.years] == [270_000, *[540_000] * 4, 270_000]
    assert [[(s.name, s.amount) for s in y.switched] for y in est.years][1] == [
        ("貸与PC（リース）", 1_080_000)
    ]
    plan.running_costs_reason = ""  # no reason: the switch is not in force
    assert estimate(plan, plan.scenarios[0], RULES).period.eligible == 540_000


def test_other_revenue_pays_a_leases_earliest_months_first(plan):
    plan.scenarios[0].lines[0].other_revenue = 600_000
    est = estimate(plan, plan.scenarios[0], RULES)
    assert [y.other_revenue for y in est.years][:3] == [540_000, 60_000, 0]
    # FY2025's eligible base is what other revenue leaves: nothing
    assert (est.year(2025).eligible, est.year(2025).subsidy) == (0, 0)
    assert est.year(2026).net == 1_020_000


def test_lease_fields_are_checked(catalog):
    choices = {"cost_category": catalog.category_ids()}
    for field, value in (("lease_start_month", 13), ("lease_start_month", 0),
                         ("lease_months", 0), ("contract", "forever")):  # fmt: skip
        with pytest.raises(ValidationError) as e:
            check_record(lease(**{field: value}), "l", choices)
        assert e.value.field == f"l.{field}" and e.value.text("ja") and e.value.text("en")


def test_a_debt_burden_lease_states_its_period_and_limit(plan):
    line = plan.scenarios[0].lines[0]
    line.contract = "debt_burden"
    licence = CostLine("Web会議", "licence", 2_000, 1, "teleworker", "annual", 2025, 2027,
                       contract="long_term")  # fmt: skip
    plan.scenarios[0].lines += [licence, CostLine("PC", "ict_equipment", 1, 1)]
    rows = commitments(plan, plan.scenarios[0])
    assert [(r.name, r.contract) for r in rows] == [
        ("貸与PC（リース）", "debt_burden"), ("Web会議", "long_term"),
    ]  # fmt: skip
    pcs, web = rows
    # the first year's ¥540,000 is that year's budget; the later years are the limit
    assert (pcs.first_year, pcs.later, pcs.total, pcs.limit) == (
        540_000, 4_860_000, 5_400_000, 4_860_000,
    )  # fmt: skip
    assert pcs.period_text() == "令和8年度から令和12年度まで"
    assert pcs.contract_text() == "令和7年10月〜令和12年9月（60か月）"
    # a 長期継続契約 needs no 債務負担行為: no limit (10 teleworkers × ¥2,000)
    assert (web.first_year, web.later, web.limit) == (20_000, 40_000, None)
    assert web.contract_text() == "令和7年度〜令和9年度"


def test_later_burden_worked_by_hand(plan):
    plan.device_life_years = 5
    plan.scenarios[0].lines += [
        # 6 devices needed × ¥150,000, bought in FY2025: replaced in FY2030
        CostLine("貸与PC", "ict_equipment", 150_000, 1, "device_needed", "one_time", 2025, 2025),
        # 10 teleworkers × ¥26,400 a year, to the plan's last year: keeps running
        CostLine("VDIライセンス", "licence", 26_400, 1, "teleworker", "annual", 2025, 2027),
        # ends before the plan's last year: nothing after it
        CostLine("導入支援", "support", 500_000, 1, "fixed", "annual", 2025, 2026),
    ]
    burden = later_burden(plan, plan.scenarios[0])
    # after the plan's last year (FY2027), for one device life
    assert burden.years == (2028, 2029, 2030, 2031, 2032)
    rows = [(r.kind, r.name, r.amounts) for r in burden.rows]
    assert rows == [
        ("lease", "貸与PC（リース）", (1_080_000, 1_080_000, 540_000, 0, 0)),
        ("running", "VDIライセンス", (264_000,) * 5),
        ("replacement", "貸与PC", (0, 0, 900_000, 0, 0)),
    ]
    assert burden.rows[0].months == 30  # remaining lease months after FY2027
    assert burden.totals == (1_344_000, 1_344_000, 1_704_000, 264_000, 264_000)
    assert burden.total == 4_920_000
    plan.device_life_years = 2  # replaced in FY2027 (inside the plan), FY2029 and FY2031
    burden = later_burden(plan, plan.scenarios[0])
    assert burden.years == (2028, 2029, 2030)  # the lease runs longest
    assert burden.rows[-1].amounts == (0, 900_000, 0)


def test_device_life_is_a_plan_field_of_one_to_fifteen_years(plan, catalog):
    from planner.domain.checks import catalog_choices, check_plan

    assert new_plan(plan.municipality, catalog).device_life_years == 5
    plan.device_life_years = 0
    with pytest.raises(ValidationError) as e:
        check_plan(plan, catalog_choices(catalog))
    assert e.value.field == "device_life_years"


def test_the_rows_of_a_year_add_up_to_the_estimates_year(plan, catalog):
    from planner.domain.budget import line_rows

    plan.scenarios[0].lines[0].other_revenue = 600_000
    plan.scenarios[0].lines.append(
        CostLine("VDIライセンス", "licence", 26_400, 1, "teleworker", "annual", 2025, 2027)
    )
    rows = line_rows(plan, plan.scenarios[0], RULES)
    assert [(r.fiscal_year, r.line.name, r.months, r.amount, r.other_revenue, r.status, r.eligible)
            for r in rows[:4]] == [
        (2025, "貸与PC（リース）", 6, 540_000, 540_000, "eligible", 0),
        (2025, "VDIライセンス", 0, 264_000, 0, "eligible", 264_000),
        (2026, "貸与PC（リース）", 12, 1_080_000, 60_000, "running", 0),
        (2026, "VDIライセンス", 0, 264_000, 0, "running", 0),
    ]  # fmt: skip
    est = estimate(plan, plan.scenarios[0], RULES)
    for y in est.years:
        mine = [r for r in rows if r.fiscal_year == y.fiscal_year]
        assert sum(r.amount for r in mine) == y.total
        assert sum(r.other_revenue for r in mine) == y.other_revenue
        assert sum(r.eligible for r in mine) == y.eligible


def test_the_pdf_shows_a_lease_and_its_debt_burden_act(plan, catalog, tmp_path):
    """Chapter 11: the lease's month and months in the line table; the contracts' table."""
    from planner.report import export_pdf
    from tests.test_report import pdf_text, squash

    plan.scenarios[0].lines[0].contract = "debt_burden"
    plan.scenarios[0].lines.append(CostLine("Web会議", "licence", 2_000, 1, "teleworker",
                                            "annual", 2025, 2027, contract="long_term"))  # fmt: skip
    out = tmp_path / "plan.pdf"
    export_pdf(plan, out, lang="ja", catalog=catalog)
    text = squash(pdf_text(out))
    assert "月額90,000円" in text and "令和7年10月〜令和12年9月（60か月）" in text
    assert "（60か月）対象（区分による）2年度目以降は運用経費のため対象外" in text  # coverage rule
    # 事項 | 区分 | 契約期間 | 債務負担行為の期間 | 限度額
    assert ("貸与PC（リース）債務負担行為令和7年10月〜令和12年9月（60か月）令和8年度から令和12年度まで"
            "4,860,000円") in text  # fmt: skip
    assert "Web会議長期継続契約令和7年度〜令和9年度—（不要）—（不要）" in text
    export_pdf(plan, out, lang="en", catalog=catalog)
    text = squash(pdf_text(out))
    assert "FY2026toFY2030" in text and "¥4,860,000" in text and "¥90,000/month" in text


@settings(max_examples=200, deadline=None)
@given(start_fy=st.integers(2025, 2030), month=st.integers(1, 12), months=st.integers(1, 120),
       price=st.integers(0, 100_000), quantity=st.integers(0, 50))  # fmt: skip
def test_a_lease_spreads_exactly_its_months(catalog, start_fy, month, months, price, quantity):
    p = new_plan(Municipality("村", "長野県", 40, 60, 2025), catalog)
    line = lease(start_fy=start_fy, lease_start_month=month, lease_months=months,
                 unit_price=price, quantity=quantity)  # fmt: skip
    p.scenarios[0].lines = [line]
    by_year = line_amounts(line, p)
    assert sum(by_year.values()) == price * quantity * months  # nothing lost, nothing rounded
    assert list(by_year) == list(range(start_fy, max(by_year) + 1))
    assert all(m <= 12 for m in lease_months_by_fiscal_year(start_fy, month, months).values())
    est = estimate(p, p.scenarios[0], RULES)
    assert est.period.total == price * quantity * months
    first = est.year(start_fy)
    assert first.eligible == by_year[start_fy] and est.period.eligible == by_year[start_fy]
