import shutil

import pytest

from planner.domain.catalog import load_catalog
from planner.domain.errors import ResourceError
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
