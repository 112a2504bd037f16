"""A fast first pass over a record's scalar fields, generated from their declaration.

A plan of thousands of rows is checked at every open and save. For each record
class one small function is generated (as ``dataclasses`` generates ``__init__``)
that tests every scalar field with plain comparisons and returns the index of
the first field that fails, or -1. ``checks.py`` then words the refusal with the
full check of that field; the generated test only decides *whether* to look.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from .declare import MAX_TEXT, Field
from .fiscal import MAX_FISCAL_YEAR, MIN_FISCAL_YEAR

FastTest = Callable[[Any, Any, int], int]  # (record, catalog choices, first index) -> index


def _condition(f: Field, i: int, env: dict[str, Any]) -> str:
    kind = f.kind
    if kind == "text":
        test = f"type(v) is str and len(v) <= {MAX_TEXT}"
        return test + (" and v.strip() != ''" if f.required else "")
    if kind in ("int", "money"):
        test = f"type(v) is int and {int(f.minimum)} <= v <= {int(f.upper or 0)}"
    elif kind == "fy":
        test = f"type(v) is int and {MIN_FISCAL_YEAR} <= v <= {MAX_FISCAL_YEAR}"
    elif kind == "bool":
        test = "type(v) is bool"
    elif kind == "date":
        test = "type(v) is date"
    elif kind == "decimal":
        env[f"low{i}"], env[f"high{i}"] = f.minimum, f.upper
        test = f"type(v) is Decimal and v.is_finite() and low{i} <= v <= high{i}"
    elif kind == "choice" and isinstance(f.choices, str):
        test = f"v in c.get({f.choices!r}, ())"
    elif kind == "choice":
        env[f"allowed{i}"] = frozenset(f.choices)
        test = f"v in allowed{i}"
    else:  # id, ref
        test = f"type(v) is str and len(v) <= {MAX_TEXT}"
    return f"v is None or ({test})" if f.nullable else test


def fast_test(fields: tuple[Field, ...]) -> FastTest:
    """The generated first pass over these scalar fields (in this order)."""
    env: dict[str, Any] = {"date": date, "Decimal": Decimal}
    lines = ["def fast(obj, c, start):"]
    for i, f in enumerate(fields):
        lines.append(f"    v = obj.{f.name}")
        lines.append(f"    if start <= {i} and not ({_condition(f, i, env)}): return {i}")
    lines.append("    return -1")
    exec("\n".join(lines), env)  # noqa: S102 - code built from our own declaration only
    return env["fast"]
