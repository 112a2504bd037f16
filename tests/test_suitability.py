import pytest

from planner.domain.suitability import Suitability, assess

S, C, U = Suitability.SUITABLE, Suitability.CONDITIONAL, Suitability.UNSUITABLE


@pytest.fixture
def task(catalog):
    index = {t.id: t for u in catalog.units for t in u.tasks}
    return lambda task_id: index[task_id]


def judge(catalog, task_def, method, tools=()):
    return assess(task_def.factors, catalog.access_method(method), frozenset(tools))


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
    ("somu.document_management", "jlis_lgwan", (), C, "ペーパーレス"),
    ("zaisei.local_bonds", "vdi_lgwan", (), C, "ペーパーレス"),
    # personal data: conditional, the reason depends on screen transfer
    ("jinji.payroll", "jlis_lgwan", (), C, "画面転送"),
    ("fukushi.case_records", "satellite_office", (), C, "暗号化"),
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


def test_marks_and_labels():
    assert [s.mark for s in Suitability] == ["◎", "○", "×"]
    assert U.label.ja == "不適" and C.label.en == "Possible with conditions"


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
