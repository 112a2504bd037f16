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
    assert squash(
        f"本計画では、次の根拠により、運用経費（2年度目以降の毎年の経費）も措置の対象となるものと見込んでいます（根拠: {reason}）。"
    ) in text
    # the ◆ legend still explains the mark, without repeating the reason
    assert "◆を付けた額はこの前提により変わるもので、運用経費480,000円を対象経費に含めています" in text


def test_switched_off_the_plan_keeps_the_conservative_sentence(catalog, tmp_path):
    plan = _switched_plan(catalog, "")
    plan.running_costs_eligible = False
    text = _pdf(plan, catalog, tmp_path)
    assert "控えめに導入経費のみを見込んでいます" in text
    assert "本計画では、次の根拠により" not in text
