"""Units are told apart by name: two units of one plan never share a name.

Names are compared as people read them: full-width and half-width forms alike,
spaces ignored (「総務課」 and 「総務課 」 are one unit).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from . import model as m
from .errors import ValidationError


def name_key(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split()).casefold()


def unit_named(
    units: Iterable[m.Unit], name: str, *, other_than: m.Unit | None = None
) -> m.Unit | None:
    """The unit of that name (besides ``other_than``), if any."""
    key = name_key(name)
    return next((u for u in units if u is not other_than and name_key(u.name) == key), None)


def require_unique_name(units: Iterable[m.Unit], unit: m.Unit, field: str = "unit.name") -> None:
    """Refuse a unit whose name another unit of the plan already has."""
    if unit.name.strip() and unit_named(units, unit.name, other_than=unit) is not None:
        raise ValidationError(
            field,
            f"課「{unit.name.strip()}」はすでにあります。同じ名前の課は2つ作れません。",
            f"There is already a unit named '{unit.name.strip()}'. Two units cannot share a name.",
        )


def duplicate_unit_names(plan: m.Plan) -> list[str]:
    """The names that more than one unit of the plan has (for the save-time check)."""
    seen: dict[str, str] = {}
    dupes: list[str] = []
    for unit in plan.units:
        key = name_key(unit.name)
        if key in seen and seen[key] not in dupes:
            dupes.append(seen[key])
        seen.setdefault(key, unit.name)
    return dupes


def free_name(units: Iterable[m.Unit], name: str) -> str:
    """``name``, or the first of 「（新しい課2）」「（新しい課3）」… that no unit has yet."""
    units = list(units)
    if unit_named(units, name) is None:
        return name
    closing = name[-1] if name and name[-1] in "）)" else ""
    stem = name[: len(name) - len(closing)]
    gap = " " if closing == ")" or not closing else ""
    n = 2
    while unit_named(units, f"{stem}{gap}{n}{closing}") is not None:
        n += 1
    return f"{stem}{gap}{n}{closing}"
