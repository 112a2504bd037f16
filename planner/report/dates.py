"""Fiscal years and dates as the plan document writes them (ja / en)."""

from __future__ import annotations

from datetime import date

from ..domain.errors import PlannerError
from ..domain.fiscal import (
    era_date_label,
    era_short_date_label,
    era_year_label,
    fiscal_year_label,
    short_fy_label,
)
from ..loading import words


def fy_long(fy: int, lang: str) -> str:
    """令和7年度（2025年度） / FY2025 (Reiwa 7)."""
    if lang == "en":
        return fiscal_year_label(fy, "en")
    try:
        return f"{era_year_label(fy)}（{fy}年度）"
    except PlannerError:
        return f"{fy}年度"


def fy_short(fy: int, lang: str) -> str:
    """令和7年度 / FY2025."""
    return short_fy_label(fy, lang)


def date_label(d: date | None, lang: str) -> str:
    """令和7年4月1日 / 2025-04-01."""
    if d is None:
        return words.not_entered().get(lang)
    if lang == "en":
        return f"{d:%Y-%m-%d}"
    try:
        return era_date_label(d)
    except PlannerError:
        return f"{d.year}年{d.month}月{d.day}日"


def short_date(d: date | None, lang: str) -> str:
    """R7.4.1 / 2025-04-01: the plan's era dates, short enough for a table (issue 18)."""
    if d is None:
        return words.not_entered().get(lang)
    if lang == "en":
        return f"{d:%Y-%m-%d}"
    try:
        return era_short_date_label(d)
    except PlannerError:  # before Heisei
        return f"{d.year}/{d.month}/{d.day}"


def period(start: date | None, end: date | None, lang: str) -> str:
    """R7.4.1 – R7.9.30 (tables)."""
    if start is None and end is None:
        return words.not_entered().get(lang)
    return f"{short_date(start, lang)} – {short_date(end, lang)}"


def long_period(start: date | None, end: date | None, lang: str) -> str:
    """令和7年4月1日 – 令和7年9月30日 (running text)."""
    if start is None and end is None:
        return words.not_entered().get(lang)
    return f"{date_label(start, lang)} – {date_label(end, lang)}"
