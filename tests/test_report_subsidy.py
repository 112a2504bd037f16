"""Issue 15 on paper and in the CLI: what the council reads about the subsidy.

Hand-worked plan (bundled rules: FY2024's rule assumed for FY2025-27, rate 1/2,
rounded down to ¥1,000, multiplier 1.0; ict_equipment and licence are eligible):

  貸与PC         ict_equipment 150,000 × 10, one-time FY2025 = 1,500,000; other revenue 500,000
  VDIライセンス  licence        24,000 × 10, annual FY2025-27 =   240,000 a year

Introduction costs only (the default):
  FY2025  total 1,740,000  other 500,000  eligible 1,000,000 + 240,000 = 1,240,000
          subsidy 620,000  net 1,740,000 − 500,000 − 620,000 = 620,000
  FY2026  total 240,000  eligible 0  running costs left out 240,000  subsidy 0  net 240,000
  FY2027  as FY2026
  period  total 2,220,000  other 500,000  eligible 1,240,000  subsidy 620,000  net 1,100,000
With the running-cost switch on (and a reason): FY2026 and FY2027 eligible 240,000,
subsidy 120,000, net 120,000; period eligible 1,720,000, subsidy 860,000, net 860,000.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from planner.cli import run_cli
from planner.domain.builders import new_plan
from planner.domain.model import CostLine, Municipality, Unit
from planner.domain.rule_years import rule_hash
from planner.report import export_pdf
from planner.store.project import save_plan
from tests.store_plans import sample_twplan

from .test_report import pdf_text, squash

REASON = "県から運用経費も対象と文書で回答あり"


def _plan(catalog, switch: bool = False):
    mu = Municipality(
        name="ひばり町", prefecture="長野県", general_staff=60, all_staff=80, fiscal_year=2025,
        author="佐藤 一郎", department="総務課", fiscal_capacity_index=Decimal("0.41"),
    )  # fmt: skip
    p = new_plan(mu, catalog)
    p.units = [Unit(name="総務課", staff=20, teleworkers=10)]
    p.scenarios[0].lines = [
        CostLine("貸与PC", "ict_equipment", 150_000, 10, "fixed", "one_time", 2025, 2025,
                 other_revenue=500_000),
        CostLine("VDIライセンス", "licence", 24_000, 10, "fixed", "annual", 2025, 2027),
    ]  # fmt: skip
    if switch:
        p.running_costs_eligible = True
        p.running_costs_reason = REASON
    return p


def _pdf(plan, catalog, tmp_path) -> str:
    out = tmp_path / "plan.pdf"
    export_pdf(plan, out, lang="ja", catalog=catalog)
    return squash(pdf_text(out))


def test_the_town_sample_states_the_running_costs_left_out(catalog, tmp_path):
    from planner.store.project import open_plan

    text = _pdf(open_plan(sample_twplan("kawasemi-town")), catalog, tmp_path)
    assert "都道府県から示される" not in text
    assert (
        "実質負担額24,892,800円（概算）。運用経費12,780,000円は措置の対象外として見込んでいます"
        in text
    )
    assert "運用経費6,390,000円は対象外" in text  # the FY2026 row's remark (planner summary)
    assert "令和8年度6,390,000円、令和9年度6,390,000円（計12,780,000円）" in text
    assert "特別交付税に関する省令により、財政力指数" in text
    assert (
        "財政力指数（0.62）が入力されていますが、財政力補正の乗率は1.0（補正なし）のままです"
        in text
    )
    assert "特別交付税の額は、地方交付税法第15条第2項により12月と3月に決定されます" in text
    # the rule each year used: FY2024's notice, its source and date, assumed for FY2025-27
    assert text.count("この年度の措置の通知は確認できていないため、令和6年度のルール") == 3
    assert "総行女第31号・総行デ第155号）2(3)、令和5年12月27日付け）が続くものと仮定" in text
    assert "令和6年度の措置:総務省通知" in text and "（令和5年12月27日付け）" in text  # appendix C
    assert "テレワークセキュリティガイドライン（第5版）」（令和3年5月）" in text
    assert "（令和6年10月版）" in text
    # chapters 3 and 5: the network model, the allowance, the sensitive-data policy
    assert "αモデル文書・メール等の主な事務はLGWAN接続系で行う" in text
    assert "5人×月額3,000円×12か月＝年額180,000円" in text
    assert "給与条例の改正（議会の議決）が必要" in text
    assert "在宅等での要配慮個人情報の取扱い画面転送方式に限り可" in text
    # chapter 4: a task with sensitive personal data prints why
    assert "要配慮個人情報を扱います。" in text


def test_other_revenue_is_a_column_and_comes_off_the_net_burden(catalog, tmp_path):
    text = _pdf(_plan(catalog), catalog, tmp_path)
    assert "年度事業費特定財源うち対象経費特別交付税措置見込額実質負担額備考" in text
    # FY2025 row: total, other revenue, eligible, subsidy, net (= total − other − subsidy)
    assert "令和7年度（2025年度）1,740,000円500,000円1,240,000円620,000円620,000円" in text
    assert "計画期間計2,220,000円500,000円1,240,000円620,000円1,100,000円" in text
    assert "実質負担額＝事業費−特定財源−特別交付税措置見込額" in text
    # the chart stacks other revenue on subsidy and net: each bar is the year's cost (千円)
    assert "図年度別の事業費（特別交付税措置見込額・実質負担額・特定財源）" in text
    assert "千円1,740240240特別交付税措置見込額実質負担額特定財源" in text
    # the overview
    assert (
        "事業費2,220,000円、特定財源500,000円、特別交付税措置見込額620,000円、実質負担額1,100,000円"
        in text
    )
    # the thousand-yen table has the column too
    assert "計画期間計2,2205001,2406201,100" in text
    # §11.2: the line's other revenue, resolved quantity and eligibility with its basis
    assert "貸与PCICT機器導入に係る費用150,000円101,500,000円500,000円" in text
    assert "対象（区分による）2年度目以降は運用経費のため対象外" in text
    assert "運用経費240,000円は対象外" in text
    assert "◆" not in text
    # §11.3: the scenario's period with its other revenue
    assert (
        "J-LIS自治体テレワークシステム（採用）2,220,000円500,000円1,240,000円620,000円1,100,000円"
        in text
    )


def test_the_switch_prints_its_reason_and_marks_what_it_changes(catalog, tmp_path):
    text = _pdf(_plan(catalog, switch=True), catalog, tmp_path)
    assert f"も措置の対象となるものと見込んでいます（根拠:{REASON}）" in text  # issue 18
    assert (
        "◆運用経費も対象とする設定による:◆を付けた額はこの前提により変わるもので、運用経費480,000円を対象経費に含めています"
        in text
    )
    # FY2026: eligible, subsidy and net marked; the remark says what the switch added
    assert "令和8年度（2026年度）240,000円0円◆240,000円◆120,000円◆120,000円" in text
    assert "◆運用経費240,000円を含む" in text
    assert "計画期間計2,220,000円500,000円◆1,720,000円◆860,000円◆860,000円" in text
    assert "◆2年度目以降も対象（運用経費も対象とする設定による）" in text
    assert "運用経費240,000円は対象外" not in text


@pytest.mark.parametrize("switch", [False, True])
def test_summary_json_carries_the_new_keys(catalog, tmp_path, capsys, switch):
    path = tmp_path / "hibari.twplan"
    save_plan(_plan(catalog, switch), path, catalog=catalog)
    assert run_cli(["summary", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    years = {y["fiscal_year"]: y for y in data["years"]}
    assert years[2025]["other_revenue"] == 500_000 and years[2026]["other_revenue"] == 0
    assert years[2025]["net"] == 1_740_000 - 500_000 - 620_000
    assert data["period"] == (
        {"total": 2_220_000, "eligible": 1_720_000, "subsidy": 860_000, "net": 860_000}
        if switch
        else {"total": 2_220_000, "eligible": 1_240_000, "subsidy": 620_000, "net": 1_100_000}
    )
    assert data["running_costs_switch"] is switch
    for fy in (2026, 2027):
        assert years[fy]["running_excluded"] == (0 if switch else 240_000)
        assert years[fy]["switched"] == (
            [{"line_id": data["years"][1]["switched"][0]["line_id"], "name": "VDIライセンス",
              "amount": 240_000}] if switch else []
        )  # fmt: skip
    assert years[2025]["switched"] == [] and years[2025]["running_excluded"] == 0
    fy2024 = next(r for r in catalog.subsidy_rules if r.fiscal_year == 2024)
    assert data["rules_used"] == [
        {"fiscal_year": fy, "rule_fiscal_year": 2024, "date": "2023-12-27", "assumed": True,
         "source": "総務省通知「地方公共団体におけるテレワークの推進について」"
                   "（総行女第31号・総行デ第155号）2(3)",
         # issue 19: which rule exactly, and whether the plan's record or this PC's
         "date_assumed": False, "origin": "bundled", "rate": "1/2",
         "content_hash": rule_hash(fy2024), "from": "local", "differs": None}
        for fy in (2025, 2026, 2027)
    ]  # fmt: skip


def test_summary_text_shows_other_revenue_and_the_switch(catalog, tmp_path, capsys):
    path = tmp_path / "hibari.twplan"
    save_plan(_plan(catalog, switch=True), path, catalog=catalog)
    assert run_cli(["summary", str(path)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    head = next(ln for ln in lines if ln.startswith("年度"))
    assert head.split() == [
        "年度",
        "事業費",
        "特定財源",
        "対象経費",
        "特別交付税措置見込",
        "実質負担",
    ]
    fy26 = next(ln for ln in lines if ln.startswith("令和8年度"))
    assert fy26.split()[-4:] == ["0円", "◆240,000円", "◆120,000円", "◆120,000円"]
    assert f"◆ 運用経費も対象とする設定による（理由: {REASON}）" in out
    assert "財政力指数（0.41）が入力されていますが" in out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_network_model_and_data_policy_is_said_in_words(catalog, lang):
    from planner.loading import words
    from planner.report.chapters import build_document
    from planner.report.content import plain_texts

    plan = _plan(catalog)
    plan.home_allowance_staff = 3
    for model in ("alpha", "alpha_prime", "beta", "beta_prime"):
        for policy in ("screen_transfer_only", "not_allowed"):
            plan.network_model, plan.personal_data_at_home = model, policy
            text = "\n".join(plain_texts(build_document(plan, catalog, lang)))
            assert words.label("network_model", model, lang) in text
            assert words.label("personal_data_policy", policy, lang) in text
            beta = model.startswith("beta")
            assert (("インターネット接続系で行う" if lang == "ja" else "sit on the internet-connected")
                    in text) is beta  # fmt: skip
    assert ("3人 × 月額3,000円 × 12か月 ＝ 年額108,000円" if lang == "ja"
            else "3 staff × ¥3,000 a month × 12 = ¥108,000 a year") in text  # fmt: skip
