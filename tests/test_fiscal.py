from datetime import date

import pytest

from planner.domain.errors import ValidationError
from planner.domain.fiscal import (
    era_date_label,
    era_year_label,
    fiscal_months,
    fiscal_year_label,
    fiscal_year_of,
    parse_date,
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


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2025/11/5", date(2025, 11, 5)),
        ("2025-11-05", date(2025, 11, 5)),
        ("2025.11.5", date(2025, 11, 5)),
        ("2025年11月5日", date(2025, 11, 5)),
        ("20251105", date(2025, 11, 5)),
        ("令和7年11月5日", date(2025, 11, 5)),  # 令和1 = 2019, so 令和7 = 2019 + 6
        ("R7.11.5", date(2025, 11, 5)),
        ("r7/11/5", date(2025, 11, 5)),
        ("２０２５／１１／５", date(2025, 11, 5)),  # full-width digits and slash
        ("令和７年１１月５日", date(2025, 11, 5)),
        ("令和元年5月1日", date(2019, 5, 1)),  # 元年 = the first year; the era's first day
        ("R1.5.1", date(2019, 5, 1)),
        ("平成31年4月30日", date(2019, 4, 30)),  # the last day of 平成
        ("H31.4.30", date(2019, 4, 30)),
        ("平成元年1月8日", date(1989, 1, 8)),
        ("  2026/3/31  ", date(2026, 3, 31)),
    ],
)
def test_parse_date_as_people_write_it(text, day):
    assert parse_date(text) == day


def test_parse_date_empty_is_none():
    assert parse_date("") is None
    assert parse_date("   ") is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("令和7年2月30日", "「令和7年2月30日」という日付はありません。"),  # 2025 is no leap year
        ("2025/2/29", "「2025/2/29」という日付はありません。"),
        ("2025/13/1", "「2025/13/1」という日付はありません。"),
        ("令和元年4月30日", "「令和元年4月30日」は令和の期間外です（令和は2019-05-01〜）。"),
        (
            "平成31年5月1日",
            "「平成31年5月1日」は平成の期間外です（平成は1989-01-08〜2019-04-30）。",
        ),
        ("R0.1.1", "「R0.1.1」という日付はありません。"),
        (
            "来週",
            "「来週」は日付として読めません（例: 2025/11/5、令和7年11月5日、R7.11.5）。",
        ),
    ],
)
def test_parse_date_refuses_with_a_message(text, message):
    with pytest.raises(ValidationError) as err:
        parse_date(text, "start")
    assert err.value.message.ja == message
    assert err.value.field == "start"


def test_parse_date_leap_day():
    assert parse_date("令和6年2月29日") == date(2024, 2, 29)
