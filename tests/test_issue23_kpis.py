"""Issue 23 §1: KPIs as numbers — progress worked by hand, edits checked and undone, old
files (project files and JSON) migrated with their texts kept, ``summary --json``."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from planner.cli import run_cli
from planner.domain.builders import new_plan
from planner.domain.errors import ValidationError
from planner.domain.kpis import latest, period_label, progress, progress_line
from planner.domain.model import Kpi, Measurement
from planner.domain.operations import InsertRow, SetValue
from planner.store.interchange import export_json, import_json
from planner.store.project import open_plan_with_info, save_plan
from tests.store_plans import sample_json, sample_twplan

FIXTURE = Path(__file__).parent / "data" / "plan-rev0001.twplan"


def teleworkers() -> Kpi:
    return Kpi("テレワーク実施者数", Decimal("0"), Decimal("14"), 2027, "k1", "persons", "up",
               date(2025, 4, 1), measurements=[
                   Measurement("quarter", 2025, 2, Decimal("6"), id="m1"),
                   Measurement("quarter", 2025, 3, Decimal("9"), id="m2"),
               ])  # fmt: skip


def test_progress_from_baseline_to_target_worked_by_hand(catalog):
    p = progress(teleworkers())
    # 9 of the 14 persons the target adds to the baseline of 0: 9 / 14 = 64.3%
    assert p.latest.value == Decimal("9") and p.status == "not_reached" and p.percent == 64
    assert progress_line(p, catalog.words) == (
        "現状 0人（令和7年4月1日） → 最新 9人（令和7年度 第3四半期） → 目標 14人（令和9年度）：未達成（進捗64%）"
    )
    assert progress_line(p, catalog.words, "en") == (
        "baseline 0 persons (2025-04-01) → latest 9 persons (FY2025 Q3) → target 14 persons "
        "(FY2027): not reached (64% of the way)"
    )


def test_down_is_good_reached_below_the_target(catalog):
    k = Kpi("超過勤務時間", Decimal("12.6"), Decimal("10"), 2027, unit="hours", direction="down",
            measurements=[Measurement("month", 2025, 9, Decimal("9.8"))])  # fmt: skip
    p = progress(k)
    # (9.8 − 12.6) / (10 − 12.6) = −2.8 / −2.6 = 1.077: past the target
    assert p.status == "reached" and p.percent == 108
    assert progress_line(p, catalog.words).endswith(
        "→ 最新 9.8時間（令和7年9月） → 目標 10時間（令和9年度）：達成"
    )


def test_nothing_measured_says_mi_sokutei_once(catalog):
    k = Kpi(
        "紙の使用量", Decimal("120000"), Decimal("80000"), 2027, unit="sheets", direction="down"
    )
    line = progress_line(progress(k), catalog.words)
    assert line == "現状 120,000枚 → 最新 未測定 → 目標 80,000枚（令和9年度）"
    assert progress(k).status == "unmeasured"


def test_the_latest_value_is_the_one_whose_period_ends_last():
    april = Measurement("month", 2025, 4, Decimal("1"))  # April 2025
    q1 = Measurement("quarter", 2025, 1, Decimal("2"))  # April–June 2025
    march = Measurement("month", 2025, 3, Decimal("3"))  # March 2026, as the fiscal year ends
    year = Measurement("year", 2025, 0, Decimal("4"))  # FY2025, ends March 2026
    assert latest(Kpi("x", measurements=[q1, april])) is q1
    assert latest(Kpi("x", measurements=[year, march, q1])) is march  # a tie: entered later
    assert latest(Kpi("x", measurements=[march, year])) is year
    assert [period_label(m) for m in (april, q1, march, year)] == [
        "令和7年4月", "令和7年度 第1四半期", "令和8年3月", "令和7年度"]  # fmt: skip


def test_a_month_or_quarter_that_does_not_fit_is_refused_and_edits_undo(catalog, municipality):
    plan = new_plan(municipality, catalog)
    InsertRow(("kpis",), 0, teleworkers()).apply(plan, catalog)
    path = ("kpis", "k1", "measurements")
    october = InsertRow(path, 2, Measurement("month", 2025, 10, Decimal("11"), id="m3"))
    undo = october.apply(plan, catalog)
    assert latest(plan.kpis[0]).id == "m2"  # Q3 (October–December) ends after October
    SetValue((*path, "m3"), "part", 1).apply(plan, catalog)  # January 2026: after Q3
    assert latest(plan.kpis[0]).id == "m3"
    with pytest.raises(ValidationError) as e:
        SetValue((*path, "m2"), "part", 5).apply(plan, catalog)
    assert e.value.text("ja") == "四半期は1〜4で入力してください（入力値: 5）。"
    with pytest.raises(ValidationError):
        SetValue((*path, "m3"), "part", 0).apply(plan, catalog)
    with pytest.raises(ValidationError) as e:
        SetValue(("kpis", "k1"), "target", Decimal("-1")).apply(plan, catalog)
    assert "目標値" in e.value.text("ja")
    undo.apply(plan, catalog)
    assert [m.id for m in plan.kpis[0].measurements] == ["m1", "m2"]


def test_a_kpi_with_its_measurements_travels_through_json_and_the_project_file(tmp_path, catalog):
    plan = import_json(sample_json("yamanami-village"))
    plan.kpis = [teleworkers()]
    export_json(plan, tmp_path / "p.json")
    again = import_json(tmp_path / "p.json")
    assert again.kpis == plan.kpis
    save_plan(plan, tmp_path / "p.twplan")
    reopened, _ = open_plan_with_info(tmp_path / "p.twplan")
    assert reopened.kpis == plan.kpis


def test_an_old_json_file_keeps_its_kpi_texts(tmp_path):
    data = json.loads(sample_json("yamanami-village").read_text(encoding="utf-8"))
    data["plan"]["kpis"] = [
        {"id": "a", "name": "実施率", "baseline": "１２％", "target": "30%", "fiscal_year": 2027},
        {"id": "b", "name": "紙の使用量", "baseline": "12,000枚", "target": "8,000枚", "fiscal_year": None},
        {"id": "c", "name": "働きやすさ", "baseline": "", "target": "週1回以上", "fiscal_year": None},
    ]  # fmt: skip
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    kpis = import_json(path).kpis
    assert [(k.baseline, k.target, k.unit, k.direction, k.note) for k in kpis] == [
        (Decimal("12"), Decimal("30"), "percent", "up", "移行前の記載 — 現状値: １２％／目標値: 30%"),
        (Decimal("12000"), Decimal("8000"), "sheets", "down", "移行前の記載 — 現状値: 12,000枚／目標値: 8,000枚"),
        (None, None, "persons", "up", "移行前の記載 — 目標値: 週1回以上"),
    ]  # fmt: skip


def test_an_old_project_file_migrates_its_kpis(tmp_path):
    copy = tmp_path / "old.twplan"
    shutil.copy(FIXTURE, copy)
    with closing(sqlite3.connect(copy)) as conn:
        conn.execute("DELETE FROM kpi")
        conn.executemany("INSERT INTO kpi (pk, name, baseline, target, fiscal_year) VALUES (?, ?, ?, ?, ?)", [
            (1, "時間外勤務（月平均）", "13.5時間", "10時間", 2027),
            (2, "育児・介護を理由とする離職者", "3名（令和6年度）", "0名", 2027),
            (3, "職員の声", "アンケートで把握", "", None),
        ])  # fmt: skip
        conn.commit()
    plan, info = open_plan_with_info(copy)
    assert info["migrated_from"] == "0001"
    got = [
        (k.name, k.baseline, k.target, k.unit, k.direction, k.note, k.fiscal_year)
        for k in plan.kpis
    ]
    assert got == [
        ("時間外勤務（月平均）", Decimal("13.5"), Decimal("10"), "hours", "down",
         "移行前の記載 — 現状値: 13.5時間／目標値: 10時間", 2027),
        ("育児・介護を理由とする離職者", Decimal("3"), Decimal("0"), "persons", "down",
         "移行前の記載 — 現状値: 3名（令和6年度）／目標値: 0名", 2027),
        ("職員の声", None, None, "persons", "up", "移行前の記載 — 現状値: アンケートで把握", None),
    ]  # fmt: skip
    assert all(k.measurements == [] and k.baseline_date is None for k in plan.kpis)


def test_summary_json_has_each_kpis_progress(capsys):
    code = run_cli(["summary", str(sample_twplan("yamanami-village")), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    k = {x["name"]: x for x in out["kpis"]}
    first = k["テレワーク実施職員数"]
    assert (
        first["baseline"] == "0" and first["target"] == "14" and first["target_fiscal_year"] == 2027
    )
    assert first["latest"]["value"] == "9" and first["latest"]["label_ja"] == "令和7年度 第3四半期"
    assert first["status"] == "not_reached" and first["progress_percent"] == 64
    assert k["テレワーク実施延べ日数（年間）"]["status"] == "unmeasured"
    assert k["テレワーク実施延べ日数（年間）"]["latest"] is None


def test_typical_kpis_come_from_data(catalog):
    names = [k.name.ja for k in catalog.typical_kpis]
    for want in (
        "テレワーク実施者数",
        "実施率",
        "超過勤務時間",
        "紙の使用量",
        "満足度",
        "育児・介護を理由とする離職者数",
    ):
        assert any(want in n for n in names), want
    assert catalog.typical_kpi("overtime").direction == "down"
