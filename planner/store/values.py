"""Text forms of decimals and dates in files (shared by the SQLite and JSON formats)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DECIMAL = re.compile(r"[0-9]{1,6}(\.[0-9]{1,12})?")


def decimal_text(value: Decimal) -> str:
    """The one text form of a Decimal in files: plain notation, as entered (0.90 stays 0.90)."""
    return format(value, "f")


def parse_decimal(text: str) -> Decimal | None:
    if not _DECIMAL.fullmatch(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        return None


def parse_date(text: str) -> date | None:
    if not _DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
