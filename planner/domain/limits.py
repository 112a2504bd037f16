"""Limits on any one value or list of a plan (a leaf module: it imports nothing)."""

from __future__ import annotations

MAX_TEXT = 10_000  # characters in any one name or note
MAX_STAFF = 100_000
MAX_YEN = 10**12
MAX_QUANTITY = 1_000_000
MAX_PLAN_YEARS = 10
MAX_ITEMS = 20_000  # rows in any one list of a plan
