"""Issue 19, item 6: the record of the rules a plan used, in the domain and the files. The
record is what the figures used, and stays what it recorded while the plan uses it; a
recorded rule survives JSON and the project file; a recorded rule from a file is untrusted
input, checked as an imported rule file is (the same bounds, the rule file's words for a bad
rate or an unknown category), and refused naming the field."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.catalog import SubsidyRule
from planner.domain.costs import adopted_estimate
from planner.domain.plan_rules import recorded_rules_used, rules_for, with_rules_recorded
from planner.domain.rule_years import row_of
from planner.domain.text import L10n
from planner.store.interchange import dumps, loads, plan_from_dict
from planner.store.project import open_plan, save_plan
from tests.test_rules_travel import _plan, run
from tests.test_store_hostile import reseal

# -- the domain: one place for the rules; the record is what was used -------------------------


def test_an_older_file_has_no_record_and_uses_this_pc_until_saved(catalog):
    plan = _plan()
    assert plan.recorded_rules == [] and plan.subsidy_rules_from == "local"
    plan.subsidy_rules_from = "plan"  # nothing recorded: every year is this PC's
    est = adopted_estimate(plan, rules_for(plan, catalog.subsidy_rules))
    assert [y.subsidy for y in est.years] == [675_000, 300_000, 0]
    assert [r.rule_year for r in recorded_rules_used(plan, catalog.subsidy_rules)] == [2024] * 3


def test_the_record_of_a_plan_in_plan_mode_stays_what_it_recorded(catalog):
    imported = SubsidyRule(2025, Fraction(1, 3), frozenset({"ict_equipment"}), 1000, "down",
                           L10n("出典", "Source"), _date(2025, 1, 20), L10n("注", "Note"),
                           origin="fy2025.toml")  # fmt: skip
    plan = with_rules_recorded(_plan(), [*catalog.subsidy_rules, imported])
    plan.subsidy_rules_from = "plan"
    again = with_rules_recorded(plan, catalog.subsidy_rules)  # saved on PC B
    assert again.recorded_rules == plan.recorded_rules
    plan.subsidy_rules_from = "local"
    mine = with_rules_recorded(plan, catalog.subsidy_rules)
    assert {r.rule_year for r in mine.recorded_rules} == {2024}


def _date(y, m, d):
    return date(y, m, d)


rules = st.builds(
    SubsidyRule,
    fiscal_year=st.integers(2000, 2025),
    rate=st.fractions(Fraction(1, 10**6), 1).filter(lambda r: r.denominator < 10**9),
    eligible_categories=st.frozensets(st.sampled_from(["ict_equipment", "licence", "support"])),
    rounding_unit=st.integers(1, 10**12),
    rounding_mode=st.sampled_from(["down", "half_up", "up"]),
    source=st.builds(L10n, st.text(min_size=1).filter(str.strip), st.just("s")),
    date=st.dates(),
    note=st.builds(L10n, st.just("注"), st.text(min_size=1).filter(str.strip)),
    coverage=st.sampled_from(["introduction", "introduction_and_running"]),
    coverage_source=st.just("unconfirmed"),
    origin=st.sampled_from(["bundled", "fy2025.toml"]),
    date_assumed=st.booleans(),
)


@settings(max_examples=40, deadline=None)
@given(rule=rules.filter(lambda r: "\x00" not in r.source.ja + r.note.en and not any(
    0xD800 <= ord(c) <= 0xDFFF for c in r.source.ja + r.note.en)))
def test_a_recorded_rule_survives_json_and_the_project_file(rule, tmp_path_factory):
    plan = _plan()
    plan.recorded_rules = [row_of(2025, rule)]
    assert plan_from_dict(loads(dumps(plan))) == plan
    path = tmp_path_factory.mktemp("rec") / "p.twplan"
    save_plan(plan, path)
    assert open_plan(path) == plan


# -- a recorded rule from a file is untrusted input -------------------------------------------


@pytest.fixture
def recorded_json(tmp_path, catalog):
    """A plan JSON with a record (the FY2025 rule at 1/3, as PC A would write it)."""
    imported = SubsidyRule(2025, Fraction(1, 3), frozenset({"ict_equipment"}), 1000, "down",
                           L10n("出典", "Source"), _date(2025, 1, 20), L10n("注", "Note"),
                           origin="fy2025.toml")  # fmt: skip
    plan = with_rules_recorded(_plan(), [*catalog.subsidy_rules, imported])
    return json.loads(dumps(plan))


def _refused(capsys, tmp_path, data, raw: str | None = None) -> str:
    path = tmp_path / "hostile.json"
    path.write_text(raw if raw is not None else json.dumps(data, ensure_ascii=False),
                    encoding="utf-8")  # fmt: skip
    code, out, err = run(capsys, "validate", path)
    assert code == 1 and out == "" and err.count("\n") == 1 and "Traceback" not in err, err
    return err


def _with(data, **changes):
    copy = json.loads(json.dumps(data))
    copy["plan"]["recorded_rules"][0].update(changes)
    return copy


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"rate": "5"}, "recorded_rules[0].rate",
     "'5' は措置率ではありません。\"1/2\" のように、0より大きく1以下の分数を文字列で書いてください"),
    ({"rate": 5}, "recorded_rules[0].rate", "'5' は措置率ではありません。"),
    ({"rate": "0"}, "recorded_rules[0].rate", "'0' は措置率ではありません。"),
    ({"rate": "1e-99999999"}, "recorded_rules[0].rate", "は措置率ではありません。"),
    ({"fiscal_year": 99999}, "recorded_rules[0].fiscal_year",
     "年度は2000年度から2100年度の範囲で入力してください（入力値: 99999）。"),
    ({"rule_year": 99999}, "recorded_rules[0].rule_year", "2100年度の範囲で入力してください"),
    ({"date": "2025-01-20T09:00:00"}, "recorded_rules[0].date", "日付 (YYYY-MM-DD)ではありません"),
    ({"eligible_categories": ["licence"] * 100_000}, "recorded_rules[0].eligible_categories",
     "要素が多すぎます（100,000、上限100）"),
    ({"eligible_categories": ["cloud"]}, "recorded_rules[0].eligible_categories",
     "経費区分 'cloud' はありません（使える区分: allowance, communication_reimbursement,"),
    ({"eligible_categories": "ict_equipment"}, "recorded_rules[0].eligible_categories",
     "文字列の配列ではありません"),
    ({"rounding_unit": 0}, "recorded_rules[0].rounding_unit", "1以上で入力してください"),
    ({"rounding_mode": "floor"}, "recorded_rules[0].rounding_mode", "選択肢にありません"),
    ({"rate": "1/4"}, "recorded_rules[0].content_hash",
     "記録された2025年度の措置ルールの内容が、記録されたハッシュと一致しません（書き換えられたおそれがあります）。"),
    ({"content_hash": "0" * 64}, "recorded_rules[0].content_hash", "ハッシュと一致しません"),
    ({"fiscal_year": 2024}, "recorded_rules[0].rule_year",
     "記録された措置ルールは2025年度のもので、それより前の2024年度には使えません。"),
    ({"source": {"ja": "出典"}}, "recorded_rules[0].source.en", "必須の項目がありません"),
    ({"origin": "   "}, "recorded_rules[0].origin", "ルールの出所を入力してください。"),
])  # fmt: skip
def test_a_hostile_recorded_rule_is_refused_naming_the_field(
    capsys, tmp_path, recorded_json, changes, field, words
):
    err = _refused(capsys, tmp_path, _with(recorded_json, **changes))
    assert field in err and words in err, err


def test_a_surrogate_a_huge_record_and_two_rules_for_a_year_are_refused(
    capsys, tmp_path, recorded_json
):
    text = json.dumps(recorded_json, ensure_ascii=True).replace("\\u51fa\\u5178", "\\ud800", 1)
    err = _refused(capsys, tmp_path, None, raw=text)
    assert "U+D800" in err and "recorded_rules[0].source.ja" in err
    huge = json.loads(json.dumps(recorded_json))
    huge["plan"]["recorded_rules"] *= 7_000
    err = _refused(capsys, tmp_path, huge)
    assert "要素が多すぎます（21,000）" in err and "recorded_rules" in err
    twice = json.loads(json.dumps(recorded_json))
    twice["plan"]["recorded_rules"][1]["fiscal_year"] = 2025
    twice["plan"]["recorded_rules"][1]["id"] = "x"
    err = _refused(capsys, tmp_path, twice)
    assert "2025年度の措置ルールが2つ記録されています（recorded_rules[0] と recorded_rules[1]）" in err
    bad = json.loads(json.dumps(recorded_json))
    bad["plan"]["subsidy_rules_from"] = "prefecture"
    err = _refused(capsys, tmp_path, bad)
    assert "subsidy_rules_from" in err
    code, _o, err = run(capsys, "summary", tmp_path / "hostile.json", "--lang", "en")
    assert code == 1 and "not a valid subsidy rules used" in err


def test_a_hostile_record_in_a_project_file_is_refused_naming_the_field(
    capsys, tmp_path, recorded_json
):
    good = tmp_path / "good.twplan"
    save_plan(plan_from_dict(recorded_json), good)
    cases = {
        "UPDATE recorded_rule SET rate = '5' WHERE pk = 1": ("recorded_rules[0].rate",
                                                            "'5' は措置率ではありません。"),
        "UPDATE recorded_rule SET fiscal_year = 99999 WHERE pk = 1": (
            "recorded_rules[0].fiscal_year", "（入力値: 99999）"),
        "UPDATE recorded_rule SET date = '2025-01-20 09:00:00' WHERE pk = 1": (
            "「recorded_rule」の1行目、列「date」", "日付ではありません"),
        "UPDATE recorded_rule SET eligible_categories = 'cloud' WHERE pk = 1": (
            "recorded_rules[0].eligible_categories", "経費区分 'cloud' はありません"),
        "UPDATE recorded_rule SET note_en = 'changed' WHERE pk = 1": (
            "recorded_rules[0].content_hash", "ハッシュと一致しません"),
    }  # fmt: skip
    for i, (sql, (field, words)) in enumerate(cases.items()):
        path = tmp_path / f"hostile{i}.twplan"
        shutil.copy(good, path)
        with closing(sqlite3.connect(path)) as conn:
            conn.execute(sql)
            conn.commit()
        if "date" not in sql:  # a cell that is no date is refused before any checksum
            reseal(path)
        code, out, err = run(capsys, "validate", path)
        assert code == 1 and "Traceback" not in err and field in err and words in err, (sql, err)


def test_an_edit_of_a_recorded_rule_is_refused_as_a_save_refuses_it(catalog, recorded_json):
    """The record is read-only: changing what a rule says breaks its hash, whether the
    value is the row's own or one of the texts it keeps in its row (its source)."""
    from planner.domain.errors import ValidationError
    from planner.domain.operations import SetValue

    plan = plan_from_dict(recorded_json)
    before = dumps(plan)
    for op in (SetValue(("recorded_rules", "fy2025", "source"), "ja", "別の出典"),
               SetValue(("recorded_rules", "fy2025"), "rate", Fraction(1, 4))):  # fmt: skip
        with pytest.raises(ValidationError) as e:
            op.apply(plan, catalog)
        assert e.value.field == "recorded_rules[0].content_hash"
        assert "記録されたハッシュと一致しません" in e.value.text("ja")
        assert dumps(plan) == before
    SetValue((), "subsidy_rules_from", "plan").apply(plan, catalog)  # the choice is the user's
    assert plan.subsidy_rules_from == "plan"
