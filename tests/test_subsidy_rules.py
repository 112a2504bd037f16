"""Issue 15: the subsidy's coverage, other revenue, the words about the multiplier and the
timing, and the rule files a user imports. Figures worked by hand."""

from dataclasses import replace
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from planner.domain.builders import new_plan
from planner.domain.catalog import SubsidyRule
from planner.domain.checks import catalog_choices, check_record
from planner.domain.costs import estimate
from planner.domain.errors import ResourceError, ValidationError
from planner.domain.model import CostLine, Unit
from planner.domain.subsidy_rules import (
    TIMING,
    merge_rules,
    multiplier_note,
    multiplier_wording,
    other_revenue_note,
    plan_multiplier_note,
    rule_year_note,
)
from planner.domain.text import L10n
from planner.loading.rule_files import parse_rule_file


def rule(fy, coverage="introduction"):
    t = L10n("test", "test")
    cats = frozenset({"ict_equipment", "licence"})
    return SubsidyRule(
        fy, Fraction(1, 2), cats, 1000, "down", t, date(fy, 4, 1), t, coverage=coverage
    )


@pytest.fixture
def plan(catalog, municipality):
    """The issue's check: a laptop (one-time, FY2025) and a licence (annual, FY2025–27)."""
    p = new_plan(municipality, catalog)
    p.units = [Unit(name="企画課", staff=10, teleworkers=4)]
    p.scenarios[0].lines = [
        CostLine("ノートPC", "ict_equipment", 150_000, 4, "fixed", "one_time", 2025, 2025),
        CostLine("リモートアクセスライセンス", "licence", 20_000, 4, "fixed", "annual", 2025, 2027),
    ]  # fmt: skip
    return p


def _eligible(est):
    return [(y.fiscal_year, y.eligible, y.subsidy) for y in est.years]


def test_introduction_counts_the_licence_in_its_first_year_only(plan):
    est = estimate(plan, plan.scenarios[0], [rule(2025)])
    # FY2025: 600,000 + 80,000 = 680,000 × 1/2 = 340,000; FY2026–27: licence is running cost
    assert _eligible(est) == [(2025, 680_000, 340_000), (2026, 0, 0), (2027, 0, 0)]
    assert [y.running_excluded for y in est.years] == [0, 80_000, 80_000]
    assert est.period.subsidy == 340_000


def test_the_switch_counts_the_licence_every_year_and_says_so(plan):
    plan.running_costs_eligible = True
    plan.running_costs_reason = "県の回答（令和7年6月2日付け）"
    est = estimate(plan, plan.scenarios[0], [rule(2025)])
    assert _eligible(est) == [
        (2025, 680_000, 340_000),
        (2026, 80_000, 40_000),
        (2027, 80_000, 40_000),
    ]
    assert [[s.amount for s in y.switched] for y in est.years] == [[], [80_000], [80_000]]
    assert est.year(2026).switched[0].name == "リモートアクセスライセンス"
    assert est.period.subsidy == 420_000


def test_a_rule_that_covers_running_costs_needs_no_switch(plan):
    est = estimate(plan, plan.scenarios[0], [rule(2025, "introduction_and_running")])
    assert _eligible(est)[1:] == [(2026, 80_000, 40_000), (2027, 80_000, 40_000)]
    assert all(not y.switched for y in est.years)  # nothing to mark: the rule says so


def test_an_expansion_in_a_later_year_is_an_introduction(plan):
    plan.scenarios[0].lines.append(
        CostLine("増設PC", "ict_equipment", 150_000, 2, "fixed", "one_time", 2026, 2026)
    )
    est = estimate(plan, plan.scenarios[0], [rule(2025)])
    assert est.year(2026).eligible == 300_000 and est.year(2026).subsidy == 150_000


def test_switch_without_a_reason_is_refused(plan, catalog):
    plan.running_costs_eligible = True
    with pytest.raises(ValidationError) as e:
        check_record(plan, "", catalog_choices(catalog))
    assert e.value.field == "running_costs_reason" and "根拠" in e.value.text("ja")
    plan.running_costs_reason = "県の回答"
    check_record(plan, "", catalog_choices(catalog))


def test_other_revenue_comes_off_the_eligible_base_first_year_first(plan):
    # a prefectural subsidy of ¥700,000 for the laptops (¥600,000): it covers them all
    # and the excess is not used; ¥50,000 of national grant on the licence (FY2025 first)
    plan.scenarios[0].lines[0].other_revenue = 700_000
    plan.scenarios[0].lines[1].other_revenue = 100_000
    est = estimate(plan, plan.scenarios[0], [rule(2025)])
    y25, y26, y27 = est.years
    # FY2025: laptops 600,000 − 600,000 = 0; licence 80,000 − 80,000 = 0
    assert (y25.total, y25.other_revenue, y25.eligible, y25.subsidy, y25.net) == (
        680_000, 680_000, 0, 0, 0,
    )  # fmt: skip
    # FY2026: the licence's last 20,000 of grant; a running cost, so the base stays 0
    assert (y26.total, y26.other_revenue, y26.eligible, y26.net) == (80_000, 20_000, 0, 60_000)
    assert (y27.other_revenue, y27.net) == (0, 80_000)
    assert est.period.other_revenue == 700_000
    note = other_revenue_note(plan.scenarios[0].lines[0], 600_000)
    assert note is not None and "700,000円" in note.ja and "600,000円" in note.ja


def test_partial_other_revenue(plan):
    plan.scenarios[0].lines[0].other_revenue = 200_000  # of the laptops' 600,000
    est = estimate(plan, plan.scenarios[0], [rule(2025)])
    # 400,000 + 80,000 = 480,000 × 1/2 = 240,000; net 680,000 − 200,000 − 240,000
    assert (est.year(2025).eligible, est.year(2025).subsidy, est.year(2025).net) == (
        480_000, 240_000, 240_000,
    )  # fmt: skip


@pytest.mark.parametrize("bad", [-1, 10**12 + 1, True, "100"])
def test_other_revenue_is_checked(bad):
    line = CostLine("PC", "ict_equipment", 1, other_revenue=bad)
    with pytest.raises(ValidationError) as e:
        check_record(line, "", {"cost_category": ("ict_equipment",)})
    assert e.value.field == "other_revenue"


# -- words ---------------------------------------------------------------------------------


def test_multiplier_is_said_to_come_from_the_ordinance():
    words = multiplier_wording()
    assert "特別交付税に関する省令" in words.ja and "財政力指数" in words.ja
    assert "都道府県から示される" not in words.ja
    assert "ordinance" in words.en


@pytest.mark.parametrize("index", ["0.18", "0.62"])  # the two samples
def test_index_entered_but_multiplier_one_gives_a_note(index):
    note = multiplier_note(Decimal(index), Decimal(1))
    assert note is not None and f"財政力指数（{index}）" in note.ja and "1.0" in note.ja
    assert multiplier_note(Decimal(index), Decimal("0.85")) is None
    assert multiplier_note(None, Decimal(1)) is None


def test_both_samples_get_the_multiplier_note():
    from planner.store.interchange import import_json
    from tests.store_plans import SAMPLE_NAMES, sample_json

    for name in SAMPLE_NAMES:
        assert plan_multiplier_note(import_json(sample_json(name))) is not None, name


def test_timing_sentence():
    assert "12月と3月" in TIMING.ja and "一般財源" in TIMING.ja
    assert "December and March" in TIMING.en and "general revenue" in TIMING.en


def test_each_year_says_which_rule_it_assumes(plan, catalog):
    est = estimate(plan, plan.scenarios[0], catalog.subsidy_rules)
    notes = [rule_year_note(fy, r, assumed) for fy, r, assumed in est.rules_used()]
    assert notes[0].ja.startswith("令和7年度：この年度の措置の通知は確認できていないため、")
    assert "令和6年度のルール" in notes[0].ja and "令和5年12月27日付け" in notes[0].ja
    assert "no notice for this year has been found" in notes[2].en and "FY2024 rule" in notes[2].en
    own = rule_year_note(2024, catalog.subsidy_rules[-1], False)
    assert own.ja.startswith("令和6年度：令和6年度のルール — 総務省通知")


# -- rule files ------------------------------------------------------------------------------

FY2025 = """schema = 1
[[rules]]
fiscal_year = 2025
rate = "1/2"
eligible_categories = ["ict_equipment", "licence"]
rounding = { unit = 1000, mode = "down" }
coverage = "introduction_and_running"
coverage_source = "県からの回答（例）"
source.ja = "総務省通知（例）"
source.en = "MIC notice (example)"
date = "2025-01-10"
note.ja = "例"
note.en = "example"
"""


def test_a_rule_file_is_parsed_and_merged_over_the_bundled_year(catalog):
    r = parse_rule_file(FY2025.encode(), "r7.toml", catalog.category_ids())
    assert (r.fiscal_year, r.coverage, r.origin, r.date) == (
        2025, "introduction_and_running", "r7.toml", date(2025, 1, 10),
    )  # fmt: skip
    merged = merge_rules(catalog.subsidy_rules, [r])
    assert [x.fiscal_year for x in merged][-2:] == [2024, 2025]
    newer = replace(r, note=L10n("差替え", "replaced"))
    assert merge_rules(merged, [newer])[-1].note.ja == "差替え"
    note = rule_year_note(2025, r, False)
    assert "取り込んだルールファイル r7.toml" in note.ja


@pytest.mark.parametrize(
    ("change", "field", "word"),
    [
        (
            ('coverage = "introduction_and_running"', 'coverage = "all"'),
            "rules[0].coverage",
            "'all'",
        ),
        (('rate = "1/2"', 'rate = "half"'), "rules[0].rate", "half"),
        (('"licence"]', '"gadgets"]'), "rules[0].eligible_categories", "gadgets"),
        (('date = "2025-01-10"\n', ""), "rules[0].date", "missing"),
        (("source.en", "source.fr"), "rules[0].source.en", "missing"),
    ],
)
def test_a_bad_rule_file_names_file_and_field(catalog, change, field, word):
    text = FY2025.replace(*change)
    with pytest.raises(ResourceError) as e:
        parse_rule_file(text.encode(), "r7.toml", catalog.category_ids())
    assert e.value.path == "r7.toml" and e.value.field == field
    assert "r7.toml" in e.value.text("ja") and word in e.value.text("en")


def test_a_rule_file_holds_one_year(catalog):
    text = FY2025 + FY2025.split("schema = 1\n")[1].replace("2025", "2026")
    with pytest.raises(ResourceError) as e:
        parse_rule_file(text.encode(), "two.toml", catalog.category_ids())
    assert e.value.field == "rules" and "one fiscal year" in e.value.text("en")


def test_store_imports_lists_and_the_catalog_merges(tmp_path, catalog):
    from planner.loading import with_user_rules
    from planner.store.rules_store import import_rule_file, list_rules

    src = tmp_path / "r7.toml"
    src.write_text(FY2025, encoding="utf-8")
    folder = tmp_path / "rules"
    stored = import_rule_file(src, folder)
    assert stored.path == folder / "fy2025.toml" and stored.rule.fiscal_year == 2025
    (folder / "broken.toml").write_text("schema = [", encoding="utf-8")
    rules, problems = list_rules(folder)
    assert [r.rule.fiscal_year for r in rules] == [2025]
    assert len(problems) == 1 and "broken.toml" in problems[0].ja
    merged = with_user_rules(catalog, folder)
    assert merged.subsidy_rules[-1].origin == "fy2025.toml"
    assert merged.subsidy_rules[-1].coverage == "introduction_and_running"
    assert merged.rule_problems == tuple(problems)
    assert with_user_rules(catalog, None) is catalog


def test_cli_rules_import_and_list(tmp_path, monkeypatch, capsys):
    from planner.cli import run_cli

    monkeypatch.setenv("TELEWORK_PLANNER_RULES_DIR", str(tmp_path / "rules"))
    src = tmp_path / "r7.toml"
    src.write_text(FY2025, encoding="utf-8")
    assert run_cli(["rules", "import", str(src)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2025年度: 総務省通知（例）（2025-01-10）→ ") and "fy2025.toml" in out
    assert run_cli(["rules", "list", "--lang", "en"]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[-1].startswith("FY2025\t2025-01-10\tfy2025.toml\tIntroduction and running costs")
    assert lines[-2].startswith("FY2024\t2023-12-27\tbundled\tIntroduction costs only")
    assert "Years after FY2025 assume the FY2025 rule" in captured.err
    bad = tmp_path / "bad.toml"
    bad.write_text(FY2025.replace('rate = "1/2"', 'rate = "2"'), encoding="utf-8")
    assert run_cli(["rules", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.toml" in err and "rules[0].rate" in err
