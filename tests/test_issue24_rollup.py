"""Issue 24, section 1: the roll-up of many plans — reading, per-plan records and totals.

The figures are worked by hand in tests/rollup_plans.py.
"""

from __future__ import annotations

import dataclasses
import shutil
from fractions import Fraction

from planner.domain.plan_rules import with_rules_recorded
from planner.domain.rollup import plan_result
from planner.domain.rollup_totals import by_size, by_year
from planner.store.collect import collect, read_one
from planner.store.project import open_plan, save_plan
from tests.rollup_plans import FY2025, FY2026, PERIOD, save_three, three_plans
from tests.store_plans import sample_twplan


def figures(m) -> dict[str, int]:
    return {"total": m.total, "eligible": m.eligible, "subsidy": m.subsidy, "net": m.net}


def test_totals_by_fiscal_year_and_size_class_are_the_hand_worked_ones(tmp_path, catalog):
    save_three(tmp_path / "towns")
    rollup = collect([tmp_path / "towns"])
    assert [p.municipality for p in rollup.plans] == ["あおば町", "しらかば町", "おおぞら市"]
    years = by_year(rollup)
    assert [(y.fiscal_year, y.plans) for y in years] == [(2025, 3), (2026, 3)]
    assert [figures(y.money) for y in years] == [FY2025, FY2026]
    assert figures(rollup.period) == PERIOD
    sizes = {r.code: r for r in by_size(rollup, catalog.benchmarks)}
    assert [(r.code, r.plans, r.general_staff) for r in sizes.values()] == [
        ("0_100", 1, 80), ("101_300", 1, 250), ("301_", 1, 450)]  # fmt: skip
    assert figures(sizes["0_100"].period) == {"total": 1_572_000, "eligible": 1_500_000,
                                              "subsidy": 750_000, "net": 822_000}  # fmt: skip
    assert figures(sizes["101_300"].period)["subsidy"] == 617_000  # 617,250 rounded down
    # the survey's adoption rates beside the classes; it has none for more than 300 staff
    assert [r.national_rate for r in sizes.values()] == [
        catalog.benchmarks.size_classes[0].adoption_rate,
        catalog.benchmarks.size_classes[1].adoption_rate, None]  # fmt: skip
    assert str(sizes["0_100"].national_rate) == "0.342"


def test_each_plan_says_where_it_stands(tmp_path):
    sample = sample_twplan("kawasemi-town")
    result = read_one(sample)
    plan = open_plan(sample)
    assert (result.municipality, result.prefecture) == ("かわせみ町", "静岡県")
    assert (result.general_staff, result.size_class) == (250, "101_300")
    assert result.steps == "●●●●◐◐◐●●●" and result.steps_done == 7
    assert result.network_model == "alpha" and "VDI" in result.access_method
    assert result.teleworkers == plan.teleworkers() == 84
    assert sum(result.selected) == len(plan.selected_tasks()) == 63
    assert result.selected == (52, 11, 0)
    assert figures(result.period) == {"total": 34_206_800, "eligible": 18_629_200,
                                      "subsidy": 9_314_000, "net": 24_892_800}  # fmt: skip
    assert [r.fiscal_year for r in result.rules] == [2025, 2026, 2027]
    assert all(r.from_plan and r.rate == "1/2" for r in result.rules)  # the recorded rules
    assert result.gaps == ()
    from planner.domain.warnings import plan_warnings
    from planner.loading import default_catalog

    shown = [w.text.ja for w in plan_warnings(plan, default_catalog()) if not w.is_note]
    assert [ja for ja, _en in result.warnings] == shown and shown  # the summary page's


def test_a_refused_file_is_listed_with_its_reason_and_the_rollup_goes_on(tmp_path):
    folder = tmp_path / "towns"
    save_three(folder)
    (folder / "broken.twplan").write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    (folder / "notes.json").write_text('{"hello": 1}', "utf-8")
    (folder / "readme.txt").write_text("not read: not a plan's name", "utf-8")
    rollup = collect([folder, tmp_path / "missing.twplan"])
    assert len(rollup.plans) == 3
    reasons = {r.path.rsplit("/", 1)[-1]: r.ja for r in rollup.refused}
    assert set(reasons) == {"broken.twplan", "notes.json", "missing.twplan"}
    assert reasons["missing.twplan"] == "ファイル「missing.twplan」が見つかりません。"
    try:
        open_plan(folder / "broken.twplan")
    except Exception as e:  # noqa: BLE001 - Open's own words
        assert reasons["broken.twplan"] == e.text("ja")
    assert all("\n" not in r.ja and r.en for r in rollup.refused)  # one line, both languages


def test_duplicates_of_one_plan_are_reported_and_the_newest_is_used(tmp_path):
    first = three_plans()[0]
    save_plan(first, tmp_path / "v1.twplan", extra_info={"saved_at": "2026-01-10T09:00:00+00:00"})
    first.scenarios[0].lines[0].quantity = 20  # the second version: 20 PCs
    save_plan(first, tmp_path / "v2.twplan", extra_info={"saved_at": "2026-02-01T09:00:00+00:00"})
    shutil.copy(tmp_path / "v1.twplan", tmp_path / "a-copy-of-v1.twplan")
    rollup = collect([tmp_path])
    assert len(rollup.plans) == 1 and rollup.plans[0].path.endswith("v2.twplan")
    assert rollup.plans[0].period.total == 3_000_000 + 72_000
    [dup] = rollup.duplicates
    assert dup.plan_id == first.plan_id and dup.municipality == "あおば町"
    assert sorted(p.rsplit("/", 1)[-1] for p in dup.left_out) == ["a-copy-of-v1.twplan",
                                                                  "v1.twplan"]  # fmt: skip
    assert rollup.not_read == 0 and not rollup.cancelled


def test_where_the_prefectures_rule_differs_both_figures_are_shown(catalog):
    plan = with_rules_recorded(three_plans()[0], catalog.subsidy_rules)  # saved with 1/2
    prefecture = dataclasses.replace(catalog, subsidy_rules=tuple(
        dataclasses.replace(r, rate=Fraction(1, 3), origin="県の措置ルール.toml")
        for r in catalog.subsidy_rules))  # fmt: skip
    result = plan_result(plan, prefecture, path="x.twplan", saved_at="")
    assert figures(result.period)["subsidy"] == 750_000  # the plan's own figures
    [gap] = [g for g in result.gaps if g.fiscal_year == 2025]
    assert (gap.subsidy_recorded, gap.subsidy_local) == (750_000, 500_000)  # 1,500,000 × 1/3
    assert (gap.net_recorded, gap.net_local) == (786_000, 1_036_000)
    assert result.period_local.subsidy == 500_000 and result.period_local.net == 1_072_000
    same = plan_result(plan, catalog, path="x.twplan", saved_at="")
    assert same.gaps == ()


def test_cancelling_keeps_what_was_read(tmp_path):
    save_three(tmp_path)
    seen = []
    rollup = collect([tmp_path], progress=lambda done, total: seen.append((done, total)),
                     cancelled=lambda: len(seen) >= 2)  # fmt: skip
    assert rollup.cancelled and len(rollup.plans) == 2 and rollup.not_read == 1
    assert seen == [(1, 3), (2, 3)]


def test_a_pool_of_processes_gives_the_rollup_one_process_gives(tmp_path):
    for i in range(12):  # 36 files: the pool sends them in chunks of two
        save_three(tmp_path / f"pref{i:02}")
    one = collect([tmp_path], processes=1)
    two = collect([tmp_path], processes=2)
    assert len(one.plans) == 36 and one == two
    assert figures(two.period) == {k: 12 * v for k, v in PERIOD.items()}


def test_the_record_of_a_plan_is_small_and_survives_json(tmp_path):
    import json

    from planner.domain.rollup import PlanResult

    result = read_one(save_three(tmp_path)[0])
    text = json.dumps(result.as_data(), ensure_ascii=False)
    assert PlanResult.from_data(json.loads(text)) == result
    assert len(text.encode()) < 4000  # a record, not a plan
