"""Text forms of decimals and dates in files (shared by the SQLite and JSON formats).

They belong to the kinds of field that use them: ``planner/domain/jsonvalues.py``."""

from __future__ import annotations

from ..domain.jsonvalues import decimal_text, parse_date, parse_decimal

__all__ = ["decimal_text", "parse_date", "parse_decimal"]
