"""Issue 18, section 4 (statements that are false): what the PDF says.

Each test reads the text extracted from an exported PDF (pypdf, as
tests/test_report.py does) and checks a statement a council member reads."""

from __future__ import annotations

import pytest

from planner.domain.builders import new_plan
from planner.domain.model import Municipality
from planner.report import export_pdf

from .test_report import pdf_text, squash


def _plan(catalog, **fields):
    mu = Municipality(
        name="ひばり町", prefecture="長野県", general_staff=60, all_staff=80, fiscal_year=2025,
        author="佐藤 一郎", department="総務課",
    )  # fmt: skip
    plan = new_plan(mu, catalog)
    for name, value in fields.items():
        setattr(plan, name, value)
    return plan


def _pdf(plan, catalog, tmp_path, lang="ja") -> str:
    out = tmp_path / "plan.pdf"
    export_pdf(plan, out, lang=lang, catalog=catalog)
    return squash(pdf_text(out))


# -- 1. β′: business systems move to the internet side too --------------------------------


def test_chapter_3_says_what_beta_prime_moves(catalog, tmp_path):
    text = _pdf(_plan(catalog, network_model="beta_prime"), catalog, tmp_path)
    assert "財務会計・人事給与等の業務システムもインターネット接続系" in text
    assert "業務システムはLGWAN接続系" not in text


def test_chapter_3_keeps_business_systems_on_lgwan_under_beta(catalog, tmp_path):
    text = _pdf(_plan(catalog, network_model="beta"), catalog, tmp_path)
    assert "財務会計・人事給与等の業務システムはLGWAN接続系" in text


# -- 2. the running-cost switch: the plan says what it assumes, and why ------------------


def _switched_plan(catalog, reason):
    from planner.domain.model import CostLine

    plan = _plan(catalog)
    plan.scenarios[0].lines = [
        CostLine("VDIライセンス", "licence", 24_000, 10, "fixed", "annual", 2025, 2027),
    ]
    plan.running_costs_eligible = True
    plan.running_costs_reason = reason
    return plan


def test_switched_on_the_plan_no_longer_says_it_counts_introduction_costs_only(catalog, tmp_path):
    reason = "県の回答（令和7年5月）<運用経費も対象> & 確認済"
    text = _pdf(_switched_plan(catalog, reason), catalog, tmp_path)
    assert "控えめに導入経費のみを見込んでいます" not in text
    assert (
        squash(
            f"本計画では、次の根拠により、運用経費（2年度目以降の毎年の経費）も措置の対象となるものと見込んでいます（根拠: {reason}）。"
        )
        in text
    )
    # the ◆ legend still explains the mark, without repeating the reason
    assert (
        "◆を付けた額はこの前提により変わるもので、運用経費480,000円を対象経費に含めています" in text
    )


def test_switched_off_the_plan_keeps_the_conservative_sentence(catalog, tmp_path):
    plan = _switched_plan(catalog, "")
    plan.running_costs_eligible = False
    text = _pdf(plan, catalog, tmp_path)
    assert "控えめに導入経費のみを見込んでいます" in text
    assert "本計画では、次の根拠により" not in text


# -- 3. the 千円 table adds up ----------------------------------------------------------------


def test_the_thousand_yen_table_adds_up(catalog, tmp_path):
    """Hand-worked (FY2024 rule assumed, rate 1/2, rounded down to ¥1,000, multiplier 1.0):

    FY2025  PC 504,000 × 10 = 5,040,000 + licence 68,560 × 10 = 685,600 → total 5,725,600,
            all eligible, subsidy 2,862,000, net 2,863,600
    FY2026/27  licence 685,600 (running: not eligible), net 685,600
    千円 rows: 5,726 / 5,726 / 2,862 / 2,864 and twice 686 / 0 / 0 / 686; the period row
    is their sum 7,098 / 5,726 / 2,862 / 4,236 (the exact 7,096,800 would print 7,097).
    """
    from planner.domain.model import CostLine

    plan = _plan(catalog)
    plan.scenarios[0].lines = [
        CostLine("貸与PC", "ict_equipment", 504_000, 10, "fixed", "one_time", 2025, 2025),
        CostLine("ライセンス", "licence", 68_560, 10, "fixed", "annual", 2025, 2027),
    ]
    text = _pdf(plan, catalog, tmp_path)
    assert "計画期間計7,096,800円5,725,600円2,862,000円4,234,800円" in text  # the yen table: exact
    assert "令和7年度（2025年度）5,7265,7262,8622,864" in text
    assert "令和8年度（2026年度）68600686" in text
    assert "計画期間計7,0985,7262,8624,236" in text
    assert squash(NOTE_K) in text


NOTE_K = (
    "※ 千円の表は、千円未満を年度ごとに四捨五入し、実質負担額は表示した事業費から特定財源と措置見込額を"
    "差し引いた額、計画期間計は各年度の表示額の合計としています（表示単位未満四捨五入のため、"
    "11.1の円単位の額とは一致しない場合があります）。"
)


def test_the_thousand_yen_rows_add_up_with_other_revenue(catalog, tmp_path):
    """1,000,500 − 300,400 other revenue; eligible base 700,100, subsidy 350,000 (down to ¥1,000),
    net 350,100. In 千円: 1,001 − 300 − 350 = 351 (not 350, the net rounded on its own)."""
    from planner.domain.model import CostLine

    plan = _plan(catalog)
    plan.scenarios[0].lines = [
        CostLine("サーバ", "ict_equipment", 1_000_500, 1, "fixed", "one_time", 2025, 2025,
                 other_revenue=300_400),
    ]  # fmt: skip
    text = _pdf(plan, catalog, tmp_path)
    assert "令和7年度（2025年度）1,000,500円300,400円700,100円350,000円350,100円" in text
    assert "令和7年度（2025年度）1,001300700350351" in text
    assert "計画期間計1,001300700350351" in text
    assert squash(NOTE_K) in text


# -- 4. the plan speaks as the town, not as a program ----------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_plan_never_speaks_as_the_program(catalog, tmp_path, lang):
    """A plan with every text that used to say 本プログラム: the multiplier's wording and its
    warning (index entered, multiplier 1.0), assumed years, appendix C, and the statistics
    questionnaires' reason (appendix A lists every task)."""
    from decimal import Decimal

    from planner.domain.builders import unit_from_catalog
    from planner.domain.model import CostLine

    plan = _plan(catalog)
    plan.municipality.fiscal_capacity_index = Decimal("0.41")
    plan.units = [unit_from_catalog(next(u for u in catalog.units if u.id == "somu"))]
    plan.scenarios[0].lines = [
        CostLine("貸与PC", "ict_equipment", 150_000, 10, "fixed", "one_time", 2025, 2025),
    ]
    text = _pdf(plan, catalog, tmp_path, lang)
    assert "統計法" in text or "StatisticsAct" in text  # the questionnaires' reason is printed
    if lang == "ja":
        assert "本プログラム" not in text and "このプログラム" not in text
        assert "本計画では、乗率を計算せず" in text
        assert "本計画では個票の取扱いはテレワークの対象外とします" in text
    else:
        assert "program" not in text.lower()


# -- 7. appendix C: only the rules the plan uses; each date known or assumed -----------------


def _appendix_c(text: str) -> str:
    return text[text.rindex("付録C") :]


def test_appendix_c_lists_only_the_rules_the_plan_uses(catalog, tmp_path):
    # FY2025-27 use the FY2024 rule (assumed to continue): its date is the notice's own
    text = _pdf(_plan(catalog), catalog, tmp_path)
    c = _appendix_c(text)
    assert "令和6年度の措置:総務省通知「地方公共団体におけるテレワークの推進について」" in c
    assert "令和5年12月27日付け" in c
    for fy in ("令和2年度の措置", "令和3年度の措置", "令和4年度の措置", "令和5年度の措置"):
        assert fy not in c
    assert (
        "令和7年度以降の措置の通知は確認できていないため、令和6年度のルールが続くものと仮定しています"
        in c
    )
    assert "Q&A" not in text  # no claim about a Q&A nobody read
    assert "2020-04-01" not in text and "2023-12-27" not in text


def test_appendix_c_marks_assumed_dates(catalog, tmp_path):
    plan = _plan(catalog)
    plan.municipality.fiscal_year = 2021  # a plan of FY2021-23 (the default three years)
    text = _pdf(plan, catalog, tmp_path)
    c = _appendix_c(text)
    assert [fy in c for fy in ("令和2年度の措置", "令和3年度の措置", "令和4年度の措置",
                               "令和5年度の措置", "令和6年度の措置")] == [False, True, True, True, False]  # fmt: skip
    assert "文書の日付は不明（令和3年4月1日を仮定）" in c
    assert "文書の日付は不明（令和5年4月1日を仮定）" in c
    assert "以降の措置の通知は確認できていない" not in c  # no year of the plan is assumed
    assert "Q&A" not in text


# -- 8. timing, printed once under the yen table ---------------------------------------------


def test_the_timing_sentence_in_the_pdf(catalog, tmp_path):
    from planner.domain.model import CostLine

    plan = _plan(catalog)
    plan.scenarios[0].lines = [
        CostLine("貸与PC", "ict_equipment", 150_000, 10, "fixed", "one_time", 2025, 2025),
    ]
    text = _pdf(plan, catalog, tmp_path)
    assert "決定・交付" not in text
    assert (
        squash(
            "※ 特別交付税の額は、地方交付税法第15条第2項により12月と3月に決定されます。"
            "市町村は、措置の対象となる経費を都道府県を通じて国に報告します。"
        )
        in text
    )


# -- 9. other revenue comes off the net burden, not off the total cost ----------------------


def test_other_revenue_note_says_what_the_table_does(catalog, tmp_path):
    """貸与PC 1,500,000 with 500,000 other revenue: 事業費 stays 1,500,000 in the table; the
    eligible base is 1,000,000 (the line counts in FY2025), the subsidy 500,000, and the net
    burden 1,500,000 − 500,000 − 500,000 = 500,000."""
    from planner.domain.model import CostLine

    plan = _plan(catalog)
    plan.scenarios[0].lines = [
        CostLine("貸与PC", "ict_equipment", 150_000, 10, "fixed", "one_time", 2025, 2025,
                 other_revenue=500_000),
    ]  # fmt: skip
    text = _pdf(plan, catalog, tmp_path)
    assert "令和7年度（2025年度）1,500,000円500,000円1,000,000円500,000円500,000円" in text
    assert "事業費から差し引き" not in text
    assert (
        squash(
            "※ 特定財源（国庫補助金・県補助金など）500,000円は、事業費には含めたまま実質負担額から差し引き、"
            "措置の対象となる年度には対象経費からも差し引いています。"
            "実質負担額 ＝ 事業費 − 特定財源 − 特別交付税措置見込額。"
        )
        in text
    )


# -- 10. the cover carries the plan's own date; body dates in 和暦 -----------------------------


def _cover(text: str) -> str:
    return text[: text.index("目次")] if "目次" in text else text[:300]


def test_the_cover_shows_the_plans_date_in_era_form(catalog, tmp_path):
    from datetime import date

    plan = _plan(catalog, document_date=date(2026, 1, 15))
    text = _pdf(plan, catalog, tmp_path)
    assert "令和8年1月15日" in _cover(text)


def test_without_a_date_the_cover_shows_the_export_day(catalog, tmp_path):
    from datetime import date

    from planner.domain.fiscal import era_date_label

    text = _pdf(_plan(catalog, document_date=None), catalog, tmp_path)
    assert era_date_label(date.today()) in _cover(text)


def test_no_western_dates_in_the_body(catalog, tmp_path):
    import re

    from .report_fixtures import full_plan

    plan = full_plan(catalog)
    text = _pdf(plan, catalog, tmp_path)
    for western in (r"\d{4}/\d{1,2}/\d{1,2}", r"\d{4}-\d{2}-\d{2}", r"(19|20)\d\d年\d{1,2}月"):
        assert not re.search(western, text), re.search(western, text).group(0)
    # step 1 of the fixture: 2025-04-01 to 2025-05-31; periods in tables: R7.4.1 – R7.5.31
    assert "実施期間:令和7年4月1日–令和7年5月31日" in text
    assert "R7.4.1–R7.5.31" in text
    assert "「テレワークセキュリティガイドライン（第5版）」（令和3年5月）" in text


# -- 5. the samples: security coherent with the access method; one citation ------------------

SAMPLES = ("kawasemi-town", "yamanami-village")


@pytest.fixture(scope="module", params=SAMPLES)
def sample(request, catalog, tmp_path_factory):
    from planner.store.interchange import import_json
    from tests.store_plans import sample_json

    plan = import_json(sample_json(request.param), catalog)
    out = tmp_path_factory.mktemp("sample") / f"{request.param}.pdf"
    export_pdf(plan, out, lang="ja", catalog=catalog)
    return plan, squash(pdf_text(out))


def _chapter_8(text: str) -> str:
    """Chapter 8's body: from its opening sentence to the next chapter."""
    start = text.index("の考え方に沿い、経営者")
    return text[start : text.index("第9章", start)]


def test_sample_security_agrees_with_its_access_method(sample, catalog):
    plan, text = sample
    status = {s.measure_id: s.status for s in plan.security}
    method = catalog.access_method(plan.access_method)
    assert method.screen_transfer  # both samples adopt a screen-transfer method (VDI, J-LIS)
    assert status["admin.screen_transfer"] in ("done", "in_progress")
    if plan.device_policy == "loaned":  # no own PCs: their check does not apply
        assert status["admin.own_pc_check"] == "not_applicable"
    else:
        assert status["admin.own_pc_check"] != "not_applicable"
    screen = next(d for d in catalog.security_measures if d.id == "admin.screen_transfer")
    ch8 = _chapter_8(text)
    assert squash(screen.text.ja) + "未対応" not in ch8
    assert squash(screen.text.ja) + ("対応済み" if status["admin.screen_transfer"] == "done"
                                     else "対応中") in ch8  # fmt: skip


def test_sample_security_patterns_differ(catalog):
    from planner.store.interchange import import_json
    from tests.store_plans import sample_json

    town, village = (import_json(sample_json(n), catalog) for n in SAMPLES)
    assert [s.status for s in town.security] != [s.status for s in village.security]


def test_the_policy_guideline_is_cited_once_and_right(sample, catalog):
    plan, text = sample
    assert "令和5年3月" not in text
    assert (
        "「地方公共団体における情報セキュリティポリシーに関するガイドライン」（令和6年10月版）"
        in _chapter_8(text)
    )
    policy = next(s for s in plan.security if s.measure_id == "mgmt.policy")
    assert (
        policy.text == next(d for d in catalog.security_measures if d.id == "mgmt.policy").text.ja
    )


# -- 10 and 11 in the samples ------------------------------------------------------------------


def test_sample_cover_carries_its_own_date(sample):
    from planner.domain.fiscal import era_date_label

    plan, text = sample
    assert plan.document_date is not None
    assert era_date_label(plan.document_date) in _cover(text)


def test_sample_tasks_agree_with_the_catalog(sample, catalog):
    plan, _text = sample
    for unit in plan.units:
        for task in unit.tasks:
            found = catalog.task(task.catalog_id)
            if found is None:
                continue
            assert task.name == found.name.ja, task.name
            mine = task.factors
            assert (mine.personal_data, mine.network, mine.paper, mine.counter, mine.onsite,
                    mine.coordination) == (found.factors.personal_data, found.factors.network,
                                           found.factors.paper, found.factors.counter,
                                           found.factors.onsite, found.factors.coordination), task.name  # fmt: skip


def test_sample_selects_no_task_judged_unsuitable(sample, catalog):
    from planner.domain.suitability import Suitability, assess_in_plan

    plan, text = sample
    for _unit, task in plan.selected_tasks():
        assert assess_in_plan(plan, task, catalog).level != Suitability.UNSUITABLE, task.name
    assert "対象に選ばれています" not in text


def test_a_year_before_the_measure_is_named_in_era_form(catalog, tmp_path):
    from planner.domain.model import CostLine

    plan = _plan(catalog)
    plan.municipality.fiscal_year = 2019  # before the measure (FY2020)
    plan.scenarios[0].lines = [
        CostLine("貸与PC", "ict_equipment", 150_000, 10, "fixed", "one_time", 2019, 2019),
    ]
    text = _pdf(plan, catalog, tmp_path)
    assert "令和元年度には特別交付税措置のルールがありません" in text
    assert "2019年度" not in text.replace("（2019年度）", "")


def test_the_switch_is_stated_even_for_years_without_a_rule(catalog, tmp_path):
    plan = _switched_plan(catalog, "県の回答")
    plan.municipality.fiscal_year, plan.plan_years = 2019, 1  # before the measure began
    plan.scenarios[0].lines[0].start_fy = plan.scenarios[0].lines[0].end_fy = 2019
    text = _pdf(plan, catalog, tmp_path)
    assert "も措置の対象となるものと見込んでいます（根拠:県の回答）" in text
