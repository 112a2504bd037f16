import shutil

import pytest

from planner.domain.errors import ResourceError
from planner.loading import load_catalog
from planner.resources import resource_dir


def test_every_resource_file_loads(catalog):
    assert [s.number for s in catalog.steps] == list(range(1, 11))
    assert catalog.step(4).title.ja == "対象業務の選定"
    for step in catalog.steps:
        assert 5 <= len(step.checklist) <= 12, step.key
        assert step.guidance.ja.count("\n\n") >= 1 and step.guidance.en
    assert len(catalog.units) >= 14
    assert sum(len(u.tasks) for u in catalog.units) >= 80
    names = {u.name.ja for u in catalog.units}
    assert {"総務課", "税務課", "住民課", "議会事務局"} <= names
    assert catalog.cost_item("jlis_lgwan_telework").unit_price == 0
    assert catalog.access_methods[0].id == "none"
    assert {m.role for m in catalog.security_measures} == {
        "management",
        "administrator",
        "teleworker",
    }
    assert catalog.subsidy_rules[-1].fiscal_year == 2024
    assert len(catalog.purposes) >= 6 and len(catalog.rule_templates) >= 6


@pytest.fixture
def broken_root(tmp_path):
    root = tmp_path / "resources"
    shutil.copytree(resource_dir(), root, ignore=shutil.ignore_patterns("fonts", "samples"))
    return root


def _replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_bad_enum_names_file_and_field(broken_root):
    _replace(broken_root / "catalog" / "units.toml", 'paper = "heavy"', 'paper = "lots"')
    with pytest.raises(ResourceError) as e:
        load_catalog(broken_root)
    assert e.value.path.endswith("units.toml")
    assert e.value.field.startswith("units[0].tasks[") and e.value.field.endswith(".paper")
    assert "units.toml" in e.value.text("ja") and "'lots'" in e.value.text("en")


def test_missing_field_names_file_and_field(broken_root):
    _replace(broken_root / "catalog" / "costs.toml", "unit_price = ", "price = ")
    with pytest.raises(ResourceError) as e:
        load_catalog(broken_root)
    assert e.value.field == "items[0].unit_price"
    assert "missing" in e.value.text("en")


def test_invalid_toml_names_file(broken_root):
    (broken_root / "steps" / "steps.toml").write_text("schema = [", encoding="utf-8")
    with pytest.raises(ResourceError) as e:
        load_catalog(broken_root)
    assert "steps.toml" in e.value.text("en") and "TOML" in e.value.text("en")


def test_bad_rate_and_unknown_category(broken_root):
    rules = broken_root / "rules" / "special_allocation_tax.toml"
    _replace(rules, 'rate = "1/2"', 'rate = "half"')
    with pytest.raises(ResourceError) as e:
        load_catalog(broken_root)
    assert e.value.field == "rules[0].rate"
    _replace(rules, 'rate = "half"', 'rate = "1/2"')
    _replace(rules, '"ict_equipment"', '"ict_gadgets"')
    with pytest.raises(ResourceError) as e:
        load_catalog(broken_root)
    assert e.value.field == "rules[0].eligible_categories" and "ict_gadgets" in e.value.text("en")


# -- issue 15 -----------------------------------------------------------------------------


def test_issue_15_content(catalog):
    # every rule year covers introduction costs only, and says the coverage is unconfirmed
    assert {(r.coverage, r.coverage_source.split(":")[0]) for r in catalog.subsidy_rules} == {
        ("introduction", "unconfirmed")
    }
    # the telework allowance: ¥3,000 × 12 months per member of staff in that pattern
    item = catalog.cost_item("telework_allowance")
    assert (item.unit_price, item.unit, item.recurrence) == (
        36_000,
        "home_allowance_staff",
        "annual",
    )
    assert "月額3,000円" in item.basis.ja and "給与条例" in item.basis.ja
    # each access method names its type of the security guideline's 5th edition
    types = {m.id: m.telework_type for m in catalog.access_methods}
    assert types == {
        "none": "none", "jlis_lgwan": "remote_desktop", "vdi_lgwan": "vdi",
        "internet_vpn": "vpn", "cloud_internet": "cloud_service", "satellite_office": "on_premises",
    }  # fmt: skip
    jlis = catalog.access_method("jlis_lgwan").description
    assert "「庁外環境の端末」" in jlis.ja and "貸与PC" in jlis.ja and "loaned PC" in jlis.en
    assert "mynumber" in catalog.access_method("satellite_office").reaches
    # the new units and tasks of a typical town, each saying what it works on
    ids = {t.id: t for u in catalog.units for t in u.tasks}
    for new in ("kaigo.insurance_plan", "kaigo.premium_levy", "shakai_kyoiku.courses",
                "kensetsu.cadastral_plan", "kikaku.vacant_house_plan",
                "kikaku.okoshitai_recruitment", "bosai.fire_corps_admin"):  # fmt: skip
        assert new in ids, new
    assert ids["kaigo.premium_levy"].works_on == "core_systems"
    sensitive = {i for i, t in ids.items() if t.factors.personal_data == "sensitive"}
    assert {"fukushi.case_records", "kenko.checkup_reminders",
            "bosai.evacuation_support_register"} <= sensitive  # fmt: skip
    assert ids["somu.statistics_questionnaires"].never_remote is not None
    assert ids["somu.statistics_surveys"].never_remote is None
    # step texts
    staff = " ".join(c.text.ja for c in catalog.step(5).checklist)
    assert all(w in staff for w in ("条件付採用", "臨時的任用", "会計年度任用職員", "親族宅",
                                    "単身赴任", "週3〜4日"))  # fmt: skip
    rules = " ".join(c.text.ja for c in catalog.step(6).checklist) + catalog.step(6).guidance.ja
    assert all(w in rules for w in ("在宅勤務等手当", "給与条例", "議案", "議会"))
    assert "令和6年10月" in catalog.step(8).guidance.ja and "第5版" in catalog.step(8).guidance.ja


def test_bad_works_on_and_unreachable_mynumber_are_refused(broken_root):
    _replace(broken_root / "catalog" / "units.toml", 'works_on = "documents"', 'works_on = "paper"')
    with pytest.raises(ResourceError) as e:
        load_catalog(broken_root)
    assert e.value.field.endswith(".works_on") and "'paper'" in e.value.text("en")


def test_mynumber_only_inside_the_network(broken_root):
    methods = broken_root / "catalog" / "access_methods.toml"
    _replace(methods, 'reaches = ["internet", "lgwan"]', 'reaches = ["internet", "mynumber"]')
    with pytest.raises(ResourceError) as e:
        load_catalog(broken_root)
    assert e.value.field == "methods[1].reaches" and "from outside" in e.value.text("en")
