"""The plain-data forms of a field's value: JSON values, and the text forms files keep.

Each kind of field (``kinds.py``) names the JSON value it is written as. Reading a
value that is not of its form raises ``NotOfForm`` with the words of the problem;
the JSON reader (``planner/store/interchange.py``) adds the JSON path. The text forms
of decimals and dates are shared by the project file and the JSON format.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from .limits import MAX_TEXT

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
    """An ISO date ``YYYY-MM-DD`` as files keep it; None if it is not one."""
    if not _DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


class NotOfForm(Exception):
    """A JSON value of the wrong form; the reader names where it is."""

    def __init__(self, ja: str, en: str) -> None:
        super().__init__(en)
        self.ja, self.en = ja, en


class JsonValue:
    """One form of JSON value: how it is read, written and described in the schema."""

    name = ""  # in messages: "expected int"
    ja = ""  # in messages: "整数ではありません"
    plain = True  # written as the value itself

    def read(self, raw: Any) -> Any:
        value = self._read(raw)
        if value is None:
            raise NotOfForm(f"{self.ja}ではありません", f"expected {self.name}")
        return value

    def _read(self, raw: Any) -> Any:
        raise NotImplementedError

    def write(self, value: Any) -> Any:
        return value

    def schema(self) -> dict[str, Any]:
        raise NotImplementedError


class _Str(JsonValue):
    name, ja = "str", "文字列"

    def _read(self, raw: Any) -> Any:
        if not isinstance(raw, str):
            return None
        if len(raw) > MAX_TEXT:
            raise NotOfForm(
                f"文字数が多すぎます（{len(raw):,}文字）", f"text too long ({len(raw):,})"
            )
        return raw

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "maxLength": MAX_TEXT}


class _Text(_Str):
    name = "text"


class _Int(JsonValue):
    name, ja = "int", "整数"

    def _read(self, raw: Any) -> Any:
        return raw if type(raw) is int else None

    def schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": 0}


class _Bool(JsonValue):
    name, ja = "bool", "真偽値 (true/false)"

    def _read(self, raw: Any) -> Any:
        return raw if isinstance(raw, bool) else None

    def schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


class _Date(JsonValue):
    name, ja, plain = "date", "日付 (YYYY-MM-DD)", False

    def _read(self, raw: Any) -> Any:
        return parse_date(raw) if isinstance(raw, str) else None

    def write(self, value: Any) -> Any:
        return value.isoformat()

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}


class _Decimal(JsonValue):
    name, ja, plain = "decimal", '数値の文字列 (例 "0.35")', False

    def _read(self, raw: Any) -> Any:
        return parse_decimal(raw) if isinstance(raw, str) else None

    def write(self, value: Any) -> Any:
        return decimal_text(value)

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": r"^[0-9]{1,6}(\.[0-9]{1,12})?$"}


STR, TEXT, INT, BOOL, DATE, DECIMAL = _Str(), _Text(), _Int(), _Bool(), _Date(), _Decimal()
