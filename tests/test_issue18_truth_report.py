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
