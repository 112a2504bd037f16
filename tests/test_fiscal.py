from datetime import date

import pytest

from planner.domain.errors import ValidationError
from planner.domain.fiscal import (
    era_date_label,
    era_year_label,
    fiscal_months,
    fiscal_year_label,
    fiscal_year_of,
    parse_era_year,
)


@pytest.mark.parametrize(
    ("day", "fy"),
    [
        (date(2025, 3, 31), 2024),
        (date(2025, 4, 1), 2025),
        (date(2025, 12, 31), 2025),
        (date(2026, 1, 1), 2025),
        (date(2026, 3, 31), 2025),
        (date(2026, 4, 1), 2026),
    ],
)
def test_fiscal_year_turns_on_april_first(day, fy):
    assert fiscal_year_of(day) == fy


@pytest.mark.parametrize(
    ("fy", "label"),
    [
        (2025, "令和7年度"),
        (2019, "令和元年度"),
        (2020, "令和2年度"),
        (2018, "平成30年度"),
        (1989, "平成元年度"),
    ],
)
def test_era_labels_and_back(fy, label):
    assert era_year_label(fy) == label
    assert parse_era_year(label) == fy


def test_user_facing_labels():
    assert fiscal_year_label(2025) == "令和7年度 (2025)"
    assert fiscal_year_label(2025, "en") == "FY2025 (Reiwa 7)"


@pytest.mark.parametrize("text", ["R7", "令和７年度", "２０２５", "2025", " 令和7年 "])
def test_parse_variants(text):
    assert parse_era_year(text) == 2025


@pytest.mark.parametrize("text", ["", "昭和50年度", "令和0年度", "next year"])
def test_parse_rejects_with_message(text):
    with pytest.raises(ValidationError) as e:
        parse_era_year(text)
    assert e.value.field == "fiscal_year"
    assert "年度" in e.value.text("ja")


def test_era_date_switches_on_1_may_2019():
    assert era_date_label(date(2019, 4, 30)) == "平成31年4月30日"
    assert era_date_label(date(2019, 5, 1)) == "令和元年5月1日"
    assert era_date_label(date(2025, 4, 1)) == "令和7年4月1日"


def test_fiscal_months_run_april_to_march():
    months = fiscal_months(2025)
    assert months[0] == (2025, 4) and months[-1] == (2026, 3) and len(months) == 12
