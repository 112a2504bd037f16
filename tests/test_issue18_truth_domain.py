"""Issue 18, section 4 (statements that are false): the domain's part.

Hand-worked values: each test states what the guideline, the law or the catalog
says and checks the program says the same."""

from __future__ import annotations

from dataclasses import replace

import pytest

from planner.domain.suitability import Suitability, assess

S, C, U = Suitability.SUITABLE, Suitability.CONDITIONAL, Suitability.UNSUITABLE


def _judge(catalog, task_id, method, model):
    t = catalog.task(task_id)
    return assess(
        replace(t.factors, works_on=t.works_on),
        catalog.access_method(method),
        words=catalog.words,
        network_model=model,
        never_remote=t.never_remote,
    )


# -- 1. β′ moves business systems and terminals to the internet side ---------------------


def test_beta_prime_puts_business_systems_on_the_internet_side():
    from planner.domain.network_model import layer_for

    # β: terminals only (documents); β′: business systems too; core systems never move
    assert [layer_for("business_systems", m) for m in ("alpha", "alpha_prime", "beta", "beta_prime")] == [
        "lgwan", "lgwan", "lgwan", "internet",
    ]  # fmt: skip
    assert layer_for("core_systems", "beta_prime") == "mynumber"


@pytest.mark.parametrize(
    ("task_id", "model", "level"),
    [
        # 支出命令の審査: personal data (creditors) and heavy paper → ○ once reachable
        ("kaikei.payment_review", "beta_prime", C),
        ("kaikei.payment_review", "beta", U),  # β: 財務会計 stays on LGWAN, a VPN does not reach it
        ("kaikei.payment_review", "alpha", U),
        # 給与の計算・支給: personal data → ○ under β′ with a VPN
        ("jinji.payroll", "beta_prime", C),
        ("jinji.payroll", "beta", U),
    ],
)
def test_business_systems_under_beta_prime_with_a_vpn(catalog, task_id, model, level):
    result = _judge(catalog, task_id, "internet_vpn", model)
    assert result.level == level, result.reason_text()


def test_beta_prime_says_why_a_business_system_is_reachable(catalog):
    result = _judge(catalog, "kaikei.payment_review", "internet_vpn", "beta_prime")
    text = result.reason_text("ja")
    assert "β′モデルでは業務システムもインターネット接続系" in text
    assert "LGWAN接続系の業務" not in text


# -- 3. the 千円 table adds up ----------------------------------------------------------------


def test_thousand_yen_totals_are_the_sums_of_the_printed_rows():
    from planner.domain.money import thousand_yen_table

    # 5,725,600 → 5,726; 685,600 → 686 (四捨五入). The exact total 7,096,800 would print
    # 7,097, but the rows a council member adds give 5,726 + 686 + 686 = 7,098.
    assert thousand_yen_table([[5_725_600, 2_862_000], [685_600, 0], [685_600, 0]]) == [
        [5_726, 2_862], [686, 0], [686, 0], [7_098, 2_862],
    ]  # fmt: skip
    assert thousand_yen_table([]) == [[]]


# -- 8. timing: the law sets the decision; the town reports through the prefecture ----------


def test_timing_says_what_the_law_says_and_no_payment_month():
    from planner.domain.subsidy_rules import TIMING

    assert "地方交付税法第15条第2項により12月と3月に決定されます" in TIMING.ja
    assert "都道府県を通じて国に報告します" in TIMING.ja
    assert "一般財源" in TIMING.ja
    for wrong in ("交付される", "同じ年度", "支払", "入金"):
        assert wrong not in TIMING.ja
    assert "decided in December and March (Local Allocation Tax Act, art. 15(2))" in TIMING.en
    assert "through the prefecture" in TIMING.en and "paid" not in TIMING.en


# -- 10. the plan's own date (作成日) ------------------------------------------------------------


def test_the_document_date_is_declared_once_and_new_plans_get_today(catalog, municipality):
    from datetime import date

    from planner.domain.builders import new_plan
    from planner.domain.declare import declaration_of
    from planner.domain.model import Plan

    field = next(f for f in declaration_of(Plan) if f.name == "document_date")
    assert (field.kind, field.label.ja, field.nullable) == ("date", "作成日", True)
    assert Plan(municipality=municipality).document_date is None  # an older file: not said
    assert new_plan(municipality, catalog).document_date == date.today()


def test_a_plan_without_its_date_is_warned_that_the_cover_shows_the_export_date(
    catalog, municipality
):
    from datetime import date

    from planner.domain.builders import new_plan
    from planner.domain.warnings import plan_warnings

    plan = new_plan(municipality, catalog)
    assert "document_date_missing" not in [w.code for w in plan_warnings(plan, catalog)]
    plan.document_date = None
    w = next(w for w in plan_warnings(plan, catalog) if w.code == "document_date_missing")
    assert (w.step, w.field, w.severity, w.for_council) == (1, "document_date", "warning", False)
    assert w.text.ja == (
        "作成日が未入力のため、表紙には書き出した日の日付を表示します。"
        "手順1の「作成日」に計画書の日付を入力してください。"
    )
    assert "cover shows the date of export" in w.text.en
    plan.document_date = date(2026, 1, 15)
    assert "document_date_missing" not in [w.code for w in plan_warnings(plan, catalog)]


def test_short_era_dates():
    from datetime import date

    from planner.domain.fiscal import era_short_date_label

    assert era_short_date_label(date(2025, 4, 1)) == "R7.4.1"
    assert era_short_date_label(date(2019, 5, 1)) == "R1.5.1"
    assert era_short_date_label(date(2019, 4, 30)) == "H31.4.30"


# -- 6. 庁外では扱わない (the strictest choice, the default) counts as entered ----------------------


def test_step_8_can_be_done_with_the_strictest_policy(catalog, municipality):
    from planner.domain.builders import new_plan
    from planner.domain.progress import StepState, step_progress

    plan = new_plan(municipality, catalog)
    step8 = next(s for s in catalog.steps if s.number == 8)
    step5 = next(s for s in catalog.steps if s.number == 5)
    # a new plan: nothing done in steps 5 and 8, whatever the default policy
    assert step_progress(plan, step8).state == StepState.NOT_STARTED
    assert step_progress(plan, step5).state == StepState.NOT_STARTED
    assert plan.personal_data_at_home == "not_allowed"
    for entry in plan.steps[8].checklist.values():
        entry.done = True
    plan.security[0].status = "in_progress"
    progress = step_progress(plan, step8)
    assert progress.missing == ()
    assert progress.state == StepState.DONE
    assert "未入力" not in progress.detail().ja
    plan.personal_data_at_home = "screen_transfer_only"
    assert step_progress(plan, step8).state == StepState.DONE


# -- 11. catalog corrections ------------------------------------------------------------------


def _unit_of(catalog, task_id):
    return next(u for u in catalog.units for t in u.tasks if t.id == task_id)


def test_catalog_corrections(catalog):
    doc = catalog.task("somu.document_management")
    assert doc.factors.onsite  # 収受印, 公印: done in the office
    register = catalog.task("jumin.family_register")
    assert register.factors.personal_data == "personal"  # 戸籍法: no 個人番号 in 戸籍
    assert register.works_on == "core_systems"  # still on the core-systems side
    assert not catalog.task("kaigo.premium_levy").factors.counter
    assert catalog.task("zeimu.property_survey").factors.personal_data == "personal"
    # 健康管理 and 障害者福祉 are among the 20 standardized 基幹業務: core side
    assert catalog.task("kenko.checkup_reminders").works_on == "core_systems"
    assert catalog.task("fukushi.case_records").works_on == "core_systems"


def test_farmland_conversion_belongs_to_the_agricultural_committee(catalog):
    task = catalog.task("norin.farmland_conversion")  # the id is kept: saved plans keep it
    assert task.name.ja == "農地転用許可申請の受付・意見書の作成（許可は知事）"
    assert "governor" in task.name.en
    unit = _unit_of(catalog, "norin.farmland_conversion")
    assert (unit.id, unit.name.ja) == ("nogyo_iinkai", "農業委員会事務局")
    assert "norin.farmland_conversion" not in [
        t.id for t in _unit_of(catalog, "norin.wildlife_damage").tasks
    ]


def test_the_missing_units_are_in_the_catalog(catalog):
    names = {u.id: u.name.ja for u in catalog.units}
    assert names["nogyo_iinkai"] == "農業委員会事務局"
    assert names["kansa"] == "監査委員事務局"
    assert names["shisho"] == "支所"
    for uid in ("nogyo_iinkai", "kansa", "shisho"):
        unit = next(u for u in catalog.units if u.id == uid)
        assert len(unit.tasks) >= 4
        assert all(t.id.split(".")[0] in (uid, "norin") for t in unit.tasks)
    # a 支所's counter issues certificates from the core systems: ×, but its liaison work is not
    shisho = {t.id: t for t in next(u for u in catalog.units if u.id == "shisho").tasks}
    assert shisho["shisho.certificates"].factors.counter
    assert shisho["shisho.certificates"].works_on == "core_systems"
    assert not shisho["shisho.local_liaison"].factors.counter


@pytest.mark.parametrize(
    ("task_id", "method", "level"),
    [
        ("somu.document_management", "jlis_lgwan", U),  # was ○ (paper only)
        ("kaigo.premium_levy", "satellite_office", C),  # core work at a 支所 inside the network
        ("kenko.checkup_reminders", "vdi_lgwan", U),
        ("kenko.checkup_reminders", "satellite_office", C),
        ("norin.farmland_conversion", "jlis_lgwan", C),  # personal data, heavy paper
        ("kansa.settlement_opinion", "jlis_lgwan", S),
        ("shisho.certificates", "satellite_office", U),  # counter work
    ],
)
def test_corrected_tasks_are_judged_as_hand_worked(catalog, task_id, method, level):
    assert _judge(catalog, task_id, method, "alpha").level == level
