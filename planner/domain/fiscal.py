"""Japanese fiscal years (April–March) and era labels (令和7年度)."""

from __future__ import annotations

import re
from datetime import date

from .errors import ValidationError

# (era name ja, era name en, first fiscal year labelled with it). A fiscal year
# takes the era in force for most of it: FY2019 is 令和元年度 by convention.
_ERAS = (("令和", "Reiwa", 2019), ("平成", "Heisei", 1989))

MIN_FISCAL_YEAR = 2000
MAX_FISCAL_YEAR = 2100


def fiscal_year_of(day: date) -> int:
    """The fiscal year a day belongs to: 2025-04-01 … 2026-03-31 is FY2025."""
    return day.year if day.month >= 4 else day.year - 1


def fiscal_year_start(fy: int) -> date:
    return date(fy, 4, 1)


def fiscal_year_end(fy: int) -> date:
    return date(fy + 1, 3, 31)


def check_fiscal_year(fy: int, field: str = "fiscal_year") -> int:
    if isinstance(fy, bool) or not isinstance(fy, int):
        raise ValidationError(
            field, "年度は数字で入力してください。", "Enter the fiscal year as a number."
        )
    if not MIN_FISCAL_YEAR <= fy <= MAX_FISCAL_YEAR:
        raise ValidationError(
            field,
            f"年度は{MIN_FISCAL_YEAR}年度から{MAX_FISCAL_YEAR}年度の範囲で入力してください（入力値: {fy}）。",
            f"The fiscal year must be between {MIN_FISCAL_YEAR} and {MAX_FISCAL_YEAR} (entered: {fy}).",
        )
    return fy


def _era(fy: int) -> tuple[str, str, int]:
    for ja, en, first in _ERAS:
        if fy >= first:
            return ja, en, fy - first + 1
    raise ValidationError(
        "fiscal_year", f"{fy}年度は対応していません。", f"FY{fy} is not supported."
    )


def era_year_label(fy: int) -> str:
    """令和7年度 for 2025; 令和元年度 for 2019."""
    ja, _en, n = _era(fy)
    return f"{ja}{'元' if n == 1 else n}年度"


def fiscal_year_label(fy: int, lang: str = "ja") -> str:
    """The label shown to users: 令和7年度 (2025) / FY2025 (Reiwa 7)."""
    if lang == "en":
        _ja, en, n = _era(fy)
        return f"FY{fy} ({en} {n})"
    return f"{era_year_label(fy)} ({fy})"


def era_date_label(day: date) -> str:
    """令和7年4月1日 (calendar era, switching on 2019-05-01)."""
    if day >= date(2019, 5, 1):
        ja, n = "令和", day.year - 2018
    elif day >= date(1989, 1, 8):
        ja, n = "平成", day.year - 1988
    else:
        raise ValidationError(
            "date", "平成より前の日付は対応していません。", "Dates before Heisei are not supported."
        )
    return f"{ja}{'元' if n == 1 else n}年{day.month}月{day.day}日"


_LABEL = re.compile(r"^\s*(令和|平成|R|H)\s*(元|\d+)\s*年?度?\s*$", re.IGNORECASE)


def parse_era_year(text: str) -> int:
    """The western fiscal year of a label such as 令和7年度, 令和元年度, R7 or ２０２５."""
    normalised = text.translate(str.maketrans("０１２３４５６７８９", "0123456789")).strip()
    if normalised.isdigit():
        return int(normalised)
    m = _LABEL.match(normalised)
    if not m:
        raise ValidationError(
            "fiscal_year",
            f"「{text}」は年度として読めません（例: 令和7年度、2025）。",
            f"'{text}' is not a fiscal year (e.g. 令和7年度, 2025).",
        )
    era = {"令和": 2019, "r": 2019, "平成": 1989, "h": 1989}[m.group(1).lower()]
    n = 1 if m.group(2) == "元" else int(m.group(2))
    if n < 1:
        raise ValidationError(
            "fiscal_year", f"「{text}」は年度として読めません。", f"'{text}' is not a fiscal year."
        )
    return era + n - 1


def fiscal_months(fy: int) -> list[tuple[int, int]]:
    """(year, month) of each month of a fiscal year, April first."""
    return [(fy, m) for m in range(4, 13)] + [(fy + 1, m) for m in range(1, 4)]
