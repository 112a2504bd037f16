"""Japanese fiscal years (April–March) and era labels (令和7年度)."""

from __future__ import annotations

import re
import unicodedata
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


def short_fy_label(fy: int, lang: str = "ja") -> str:
    """令和7年度 / FY2025; a year outside the known eras as 2101年度."""
    if lang == "en":
        return f"FY{fy}"
    try:
        return era_year_label(fy)
    except ValidationError:
        return f"{fy}年度"


def _calendar_era(day: date) -> tuple[str, int]:
    """The calendar era of a day and its year in it (令和 from 2019-05-01)."""
    if day >= date(2019, 5, 1):
        return "令和", day.year - 2018
    if day >= date(1989, 1, 8):
        return "平成", day.year - 1988
    raise ValidationError(
        "date", "平成より前の日付は対応していません。", "Dates before Heisei are not supported."
    )


def era_date_label(day: date) -> str:
    """令和7年4月1日 (calendar era, switching on 2019-05-01)."""
    ja, n = _calendar_era(day)
    return f"{ja}{'元' if n == 1 else n}年{day.month}月{day.day}日"


def era_short_date_label(day: date) -> str:
    """R7.4.1, H31.4.30: the short era form for tables (parse_date reads it back)."""
    ja, n = _calendar_era(day)
    return f"{'R' if ja == '令和' else 'H'}{n}.{day.month}.{day.day}"


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


# The first and last day of each calendar era the date fields accept.
_CALENDAR_ERAS = {
    "令和": (date(2019, 5, 1), None),
    "平成": (date(1989, 1, 8), date(2019, 4, 30)),
}
_ERA_LETTERS = {"r": "令和", "h": "平成"}
_ERA_EN = {"令和": "Reiwa", "平成": "Heisei"}
_SEP = r"\s*[-/.年月]\s*"
_WESTERN_DATE = re.compile(rf"^(\d{{4}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}})\s*日?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_ERA_DATE = re.compile(
    rf"^(令和|平成|r|h)\s*(元|\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}})\s*日?$", re.IGNORECASE
)


def parse_date(text: str, field: str = "date") -> date | None:
    """A date as people write it; None for an empty text.

    Accepts 2025/11/5, 2025-11-05, 2025.11.5, 2025年11月5日, 20251105, 令和7年11月5日,
    令和元年5月1日, R7.11.5, H31/4/30 and full-width digits (２０２５／１１／５). An era
    date must lie inside its era: 令和 begins on 2019-05-01, 平成 ends on 2019-04-30.
    """
    normalised = unicodedata.normalize("NFKC", text or "").strip()  # full width, ㋿ → 令和
    if not normalised:
        return None
    m = _WESTERN_DATE.match(normalised) or _COMPACT_DATE.match(normalised)
    era = None
    if m:
        year, month, day = (int(g) for g in m.groups())
    else:
        m = _ERA_DATE.match(normalised)
        if not m:
            raise ValidationError(
                field,
                f"「{text}」は日付として読めません（例: 2025/11/5、令和7年11月5日、R7.11.5）。",
                f"'{text}' is not a date (e.g. 2025/11/5, 2025-11-05, R7.11.5).",
            )
        era = _ERA_LETTERS.get(m.group(1).lower(), m.group(1))
        n = 1 if m.group(2) == "元" else int(m.group(2))
        year = _CALENDAR_ERAS[era][0].year + n - 1
        month, day = int(m.group(3)), int(m.group(4))
        if n < 1:
            year = 0
    try:
        result = date(year, month, day)
    except ValueError:
        raise ValidationError(
            field, f"「{text}」という日付はありません。", f"There is no such date as '{text}'."
        ) from None
    if era is not None:
        first, last = _CALENDAR_ERAS[era]
        if result < first or (last is not None and result > last):
            raise ValidationError(
                field,
                f"「{text}」は{era}の期間外です（{era}は{_era_span(era)}）。",
                f"'{text}' lies outside the {_ERA_EN[era]} era ({_era_span(era)}).",
            )
    return result


def _era_span(era: str) -> str:
    first, last = _CALENDAR_ERAS[era]
    return f"{first.isoformat()}〜{last.isoformat() if last else ''}"


def fiscal_months(fy: int) -> list[tuple[int, int]]:
    """(year, month) of each month of a fiscal year, April first."""
    return [(fy, m) for m in range(4, 13)] + [(fy + 1, m) for m in range(1, 4)]


# -- leases (issue 20): months counted from a month of a fiscal year ---------------------------


def calendar_month(fy: int, month: int) -> tuple[int, int]:
    """(year, month) of a month of a fiscal year: January–March fall in the year after."""
    return (fy if month >= 4 else fy + 1), month


def lease_months_by_fiscal_year(start_fy: int, start_month: int, months: int) -> dict[int, int]:
    """How many of a lease's months fall in each fiscal year, from ``start_month`` of
    ``start_fy`` on: 60 months from October 2025 are 6, 12, 12, 12, 12 and 6."""
    left, fy = months, start_fy
    first = 12 - (start_month - 4) % 12  # the months left in the first year, its own included
    out: dict[int, int] = {}
    while left > 0:
        take = min(left, first if fy == start_fy else 12)
        out[fy] = take
        left -= take
        fy += 1
    return out


def lease_last_month(start_fy: int, start_month: int, months: int) -> tuple[int, int]:
    """(year, month) of a lease's last month: 60 months from October 2025 end in September 2030."""
    year, month = calendar_month(start_fy, start_month)
    last = year * 12 + (month - 1) + months - 1
    return last // 12, last % 12 + 1


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_label(fy: int, month: int, lang: str = "ja") -> str:
    """A month of a fiscal year as people write it: 令和7年10月 / Oct 2025."""
    return year_month_label(*calendar_month(fy, month), lang)


def year_month_label(year: int, month: int, lang: str = "ja") -> str:
    """A calendar month: 令和12年9月 / Sep 2030 (the calendar era of its first day)."""
    if lang == "en":
        return f"{_MONTHS_EN[month - 1]} {year}"
    try:
        ja, n = _calendar_era(date(year, month, 1))
    except ValidationError:
        return f"{year}年{month}月"
    return f"{ja}{'元' if n == 1 else n}年{month}月"
