from dataclasses import replace

import pytest

from planner.domain.model import TaskFactors
from planner.domain.suitability import Suitability, assess

S, C, U = Suitability.SUITABLE, Suitability.CONDITIONAL, Suitability.UNSUITABLE


@pytest.fixture
def task(catalog):
    index = {t.id: t for u in catalog.units for t in u.tasks}
    return lambda task_id: index[task_id]


def judge(catalog, task_def, method, tools=(), **plan_choices):
    return assess(
        replace(task_def.factors, works_on=task_def.works_on),
        catalog.access_method(method),
        frozenset(tools),
        words=catalog.words,
        never_remote=task_def.never_remote,
        **plan_choices,
    )


# Hand-worked: (task, access method, tools, expected level, a word the decisive reason must contain)
CASES = [
    # LGWAN-side, no personal data, some paper: needs a method that reaches LGWAN
    ("kikaku.comprehensive_plan", "jlis_lgwan", (), S, "LGWAN"),
    ("kikaku.comprehensive_plan", "internet_vpn", (), U, "LGWAN"),
    ("kikaku.comprehensive_plan", "none", (), C, "接続方式"),
    ("zaisei.fiscal_outlook", "vdi_lgwan", (), S, "LGWAN"),
    ("zaisei.fiscal_outlook", "cloud_internet", (), U, "届きません"),
    # internet-side: fine with any method that reaches the internet
    ("kikaku.website", "internet_vpn", (), S, "妨げ"),
    ("jinji.recruitment_publicity", "cloud_internet", (), S, "妨げ"),
    # My Number work is never remote, whatever the method
    ("zeimu.resident_tax", "jlis_lgwan", (), U, "マイナンバー"),
    ("jumin.family_register", "vdi_lgwan", (), U, "マイナンバー"),
    # counter work
    ("jumin.residence_certificates", "jlis_lgwan", (), U, "窓口"),
    # on-site work
    ("dx.infrastructure", "jlis_lgwan", (), U, "現場"),
    ("bosai.shelter_inspection", "jlis_lgwan", (), U, "現場"),
    # heavy paper: possible after going paperless
    ("somu.document_management", "jlis_lgwan", (), U, "現場"),  # 収受印・公印 (issue 18)
    ("zaisei.local_bonds", "vdi_lgwan", (), C, "ペーパーレス"),
    # personal data: conditional, the reason depends on screen transfer
    ("jinji.payroll", "jlis_lgwan", (), C, "画面転送"),
    ("kikaku.relocation_consultation", "internet_vpn", (), C, "暗号化"),
    # 要配慮個人情報 inside the closed network (a 支所): as at the main office
    ("fukushi.case_records", "satellite_office", (), C, "庁内ネットワークの内側"),
    # ... and away from the office under the default policy "not_allowed"
    ("fukushi.case_records", "jlis_lgwan", (), U, "庁外で扱わない方針"),
    ("kenko.checkup_reminders", "vdi_lgwan", (), U, "要配慮個人情報"),
    # 年末調整: the employer's handling of staff's My Numbers is 個人番号関係事務
    ("jinji.year_end_adjustment", "jlis_lgwan", (), U, "個人番号関係事務"),
    # statistics: questionnaires (個票) never remote; aggregated results can be
    ("somu.statistics_questionnaires", "jlis_lgwan", (), U, "統計法"),
    ("somu.statistics_surveys", "jlis_lgwan", (), S, "LGWAN"),
    # 基幹系 work at a satellite office on the closed network: possible, with conditions
    ("zeimu.resident_tax", "satellite_office", (), C, "閉域"),
    # high coordination: a condition unless chat or web meetings are in the plan
    ("zaisei.budget_materials", "jlis_lgwan", (), C, "チャット"),
    ("zaisei.budget_materials", "jlis_lgwan", ("web_meeting",), S, "補えます"),
]


@pytest.mark.parametrize(("task_id", "method", "tools", "level", "word"), CASES)
def test_hand_worked_suitability(catalog, task, task_id, method, tools, level, word):
    result = judge(catalog, task(task_id), method, tools)
    assert result.level == level
    decisive = [r for r in result.reasons if r.level == level]
    assert any(word in r.text.ja for r in decisive), result.reason_text()
    assert result.reasons[0].level == level  # the decisive reason comes first
    assert all(r.text.en for r in result.reasons)


def test_cases_cover_at_least_twelve_distinct_tasks():
    assert len({c[0] for c in CASES}) >= 12


def test_marks_and_labels(catalog):
    assert [s.mark for s in Suitability] == ["◎", "○", "×"]
    label = lambda level: catalog.words.word("suitability", level.key)  # noqa: E731
    assert label(U).ja == "不適" and label(C).en == "Possible with conditions"


def test_suitability_follows_the_plan(catalog, municipality):
    from planner.domain.builders import new_plan, unit_from_catalog
    from planner.domain.suitability import assess_in_plan

    plan = new_plan(municipality, catalog)
    plan.units.append(unit_from_catalog(catalog.units[0]))
    task_ = next(t for t in plan.units[0].tasks if t.catalog_id == "somu.ordinance_review")
    plan.access_method = "internet_vpn"
    assert assess_in_plan(plan, task_, catalog).level == U
    plan.access_method = "jlis_lgwan"
    assert assess_in_plan(plan, task_, catalog).level == S


# -- issue 15: the network model, sensitive data -------------------------------------------


@pytest.mark.parametrize(
    ("model", "level", "word"),
    [
        # α: documents sit on the LGWAN side, which a VPN to the internet side does not reach
        ("alpha", U, "LGWAN"),
        ("alpha_prime", U, "LGWAN"),
        # β′: documents sit on the internet side, which the VPN reaches
        ("beta_prime", S, "β′モデル"),
        ("beta", S, "βモデル"),
    ],
)
def test_documents_task_follows_the_network_model(catalog, task, model, level, word):
    t = task("kikaku.comprehensive_plan")
    assert t.works_on == "documents"
    result = judge(catalog, t, "internet_vpn", network_model=model)
    assert result.level == level
    assert word in result.reasons[0].text.ja, result.reason_text()


def test_business_systems_stay_on_lgwan_under_beta_only(catalog, task):
    # 財務会計 (支出命令の審査) stays on the LGWAN side in β (the VPN does not reach it);
    # β′ moves the business systems to the internet side too (issue 18)
    t = task("kaikei.payment_review")
    assert t.works_on == "business_systems"
    assert judge(catalog, t, "internet_vpn", network_model="beta").level == U
    assert judge(catalog, t, "internet_vpn", network_model="beta_prime").level == C


def test_own_task_keeps_its_network_field(catalog):
    from planner.domain.model import TaskFactors

    own = TaskFactors(network="lgwan")  # no works_on: the user said where its data sits
    vpn = catalog.access_method("internet_vpn")
    words = catalog.words
    assert assess(own, vpn, words=words, network_model="beta_prime").level == U
    assert (
        assess(TaskFactors(network="internet"), vpn, words=words, network_model="alpha").level == S
    )


@pytest.mark.parametrize(
    ("method", "policy", "level", "word"),
    [
        ("jlis_lgwan", "not_allowed", U, "庁外で扱わない方針"),
        ("jlis_lgwan", "screen_transfer_only", C, "画面転送方式（J-LIS"),
        ("vdi_lgwan", "screen_transfer_only", C, "画面転送方式"),
        # a VPN leaves data on the device: not screen transfer
        ("internet_vpn", "screen_transfer_only", U, "画面転送方式ではありません"),
        ("satellite_office", "not_allowed", C, "庁内ネットワークの内側"),
    ],
)
def test_sensitive_data_follows_the_policy(catalog, task, method, policy, level, word):
    t = task("bosai.evacuation_support_register")
    assert t.factors.personal_data == "sensitive"
    result = judge(catalog, t, method, personal_policy=policy, network_model="beta")
    assert result.level == level
    assert any(word in r.text.ja for r in result.reasons if r.level == level), result.reason_text()


def test_plan_tasks_saved_before_issue_15_follow_the_catalog(catalog, municipality):
    """A plan task from the catalog without works_on (old files) takes the catalog's, and
    its old level "personal" for 要配慮個人情報 tasks becomes "sensitive"."""
    from planner.domain.builders import new_plan
    from planner.domain.model import Task, Unit
    from planner.domain.suitability import assess_in_plan

    plan = new_plan(municipality, catalog)
    # a 要配慮 task off the core side (issue 18 moved the case records to the core side)
    old = replace(
        task_def(catalog, "bosai.evacuation_support_register").factors,
        works_on="",
        personal_data="personal",
    )
    t = Task(name="要支援者名簿", factors=old, catalog_id="bosai.evacuation_support_register",
             selected=True)  # fmt: skip
    plan.units = [Unit(name="危機管理室", tasks=[t])]
    plan.access_method = "jlis_lgwan"
    assert assess_in_plan(plan, t, catalog).level == U  # policy "not_allowed" by default
    plan.personal_data_at_home = "screen_transfer_only"
    assert assess_in_plan(plan, t, catalog).level == C
    docs = Task(name="総合計画", factors=replace(old, personal_data="none"),
                catalog_id="kikaku.comprehensive_plan")  # fmt: skip
    plan.access_method, plan.network_model = "internet_vpn", "beta_prime"
    assert assess_in_plan(plan, docs, catalog).level == S
    plan.network_model = "alpha"
    assert assess_in_plan(plan, docs, catalog).level == U


def task_def(catalog, task_id):
    return catalog.task(task_id)


def test_value_checks_of_the_new_plan_fields(catalog, municipality):
    from planner.domain.builders import new_plan
    from planner.domain.checks import catalog_choices, check_record
    from planner.domain.errors import ValidationError
    from planner.domain.network_model import layer_for
    from planner.loading.words import label

    assert [label("network_model", m, "ja") for m in ("alpha", "alpha_prime", "beta", "beta_prime")] == [
        "αモデル", "α′モデル", "βモデル", "β′モデル",
    ]  # fmt: skip
    assert [layer_for("documents", m) for m in ("alpha", "alpha_prime", "beta", "beta_prime")] == [
        "lgwan", "lgwan", "internet", "internet",
    ]  # fmt: skip
    plan = new_plan(municipality, catalog)
    plan.network_model, plan.personal_data_at_home, plan.home_allowance_staff = (
        "beta_prime",
        "screen_transfer_only",
        5,
    )
    choices = catalog_choices(catalog)
    check_record(plan, "", choices)
    for name, bad in (
        ("network_model", "gamma"),
        ("personal_data_at_home", "yes"),
        ("home_allowance_staff", -1),
    ):
        with pytest.raises(ValidationError) as e:
            check_record(replace(plan, **{name: bad}), "", choices)
        assert e.value.field == name and e.value.text("ja") and e.value.text("en")
    with pytest.raises(ValidationError) as e:
        check_record(TaskFactors(works_on="paper"), "factors", choices)
    assert e.value.field == "factors.works_on"
