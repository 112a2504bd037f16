"""The kinds of a subsidy rule's own values (issue 19, item 6): a rate, an exact fraction
such as 1/3, and a set of codes (a rule's eligible cost categories).

A plan records the rules its figures were computed with (``model_rules.py``); a rule
recorded in a file from elsewhere is checked as an imported rule file is: the rate and
the categories are refused with the rule file's own words (``rate_problem``,
``unknown_code``), which ``planner/loading/rule_files.py`` uses too.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from ..errors import ValidationError
from ..jsonvalues import JsonValue, NotOfForm
from ..text import L10n, shown
from .base import SCALAR_SPEC, Bind, Condition, Kind, clip, words

if TYPE_CHECKING:
    from ..declare import Field

# "1/2", "0.5": a short fraction or decimal, never an exponent (Fraction("1e-99999999") hangs)
RATE_PATTERN = r"\d{1,9}(?:\.\d{1,9}|/\d{1,9})?"
_RATE = re.compile(RATE_PATTERN)
MAX_CODES = 100  # a rule names a handful of categories; a longer list is refused


def _quoted(value: Any) -> str:
    """A value from a file, short and printable, in quotes (as the loader quotes it)."""
    return f"'{shown(value, 40)}'"


def parse_rate(text: Any) -> Fraction | None:
    """The rate a text states ("1/3", "0.5", "1"), or None if it states none."""
    if not isinstance(text, str) or not _RATE.fullmatch(text.strip()):
        return None
    try:
        return Fraction(text.strip())
    except ZeroDivisionError:
        return None


def rate_problem(value: Any) -> L10n:
    """The words of a refused rate: the same for a rule file and a rule recorded in a plan."""
    return L10n(
        f'{_quoted(value)} は措置率ではありません。"1/2" のように、0より大きく1以下の分数を文字列で書いてください',
        f'{_quoted(value)} is not a rate such as "1/2" (a fraction above 0 and at most 1, as text)',
    )


def unknown_code(code: Any, known: Any) -> L10n:
    """The words of an unknown cost category (rule file and recorded rule alike)."""
    listed = ", ".join(sorted(str(c) for c in known))
    return L10n(
        f"経費区分 {_quoted(code)} はありません（使える区分: {listed}）",
        f"unknown cost category {_quoted(code)} (known: {listed})",
    )


def rate_cell(rate: Fraction) -> str:
    """The one text form of a rate in files: "1/3", "1/2", "1/1"."""
    return f"{rate.numerator}/{rate.denominator}"


class _RateJson(JsonValue):
    name, ja, plain = "rate", '分数の文字列 (例 "1/2")', False

    def read(self, raw: Any) -> Any:
        rate = parse_rate(raw)
        if rate is None:  # the rule file's words, whatever the value was
            problem = rate_problem(raw)
            raise NotOfForm(problem.ja, problem.en)
        return rate

    def write(self, value: Any) -> Any:
        return rate_cell(value)

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": f"^{RATE_PATTERN}$"}


class _CodesJson(JsonValue):
    name, ja, plain = "codes", "文字列の配列", False

    def read(self, raw: Any) -> Any:
        if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
            raise NotOfForm("文字列の配列ではありません", "expected a list of texts")
        if len(raw) > MAX_CODES:
            raise NotOfForm(
                f"要素が多すぎます（{len(raw):,}、上限{MAX_CODES}）",
                f"too many items ({len(raw):,}, at most {MAX_CODES})",
            )
        return frozenset(raw)

    def write(self, value: Any) -> Any:
        return sorted(value)

    def schema(self) -> dict[str, Any]:
        return {"type": "array", "items": {"type": "string"}, "maxItems": MAX_CODES}


RATE, CODES = _RateJson(), _CodesJson()


class RateKind(Kind):
    """A subsidy rate: an exact fraction above 0 and at most 1 (1/3 stays 1/3), kept as
    text ("1/3") in the project file and in JSON, as a rule file writes it."""

    name, column, json, screen = "rate", "str", RATE, "text"
    converts_cell = True

    def conditions(self, f: Field, bind: Bind) -> tuple[Condition, ...]:
        return (Condition(f"type(v) is {bind(Fraction)} and 0 < v <= 1", rate_problem),)

    def to_cell(self, value: Any) -> Any:
        return None if value is None else rate_cell(value)

    def from_cell(self, value: Any) -> Any:
        if value is None:
            return None
        rate = parse_rate(value)
        if rate is None:
            raise ValueError(value)
        return rate

    def parse(self, text: Any, name: str, where: str) -> Any:
        rate = parse_rate(str(text))
        if rate is None:
            problem = rate_problem(text)
            raise ValidationError(where, problem.ja, problem.en)
        return rate

    def format(self, value: Any, lang: str) -> str:
        return "" if value is None else rate_cell(value)


class CodesKind(Kind):
    """A set of codes (a rule's eligible cost categories): ``choices`` names the codes
    allowed (a catalog list's name or a tuple). One text column, the codes sorted and
    separated by spaces; in JSON a list of texts."""

    name, column, json, screen = "codes", "str", CODES, "text"
    allows = SCALAR_SPEC | {"choices"}
    converts_cell = True

    def conditions(self, f: Field, bind: Bind) -> tuple[Condition, ...]:
        ja, en = f.label.ja, f.label.en
        shape = (
            f"type(v) is frozenset and len(v) <= {MAX_CODES} "
            "and all(type(x) is str and x.strip() == x != '' for x in v)"
        )
        out = [Condition(shape, words(f"{ja}の値が不正です。", f"The {en.lower()} is invalid."))]
        if f.choices:
            known = (
                f"c.get({f.choices!r}, ())"
                if isinstance(f.choices, str)
                else bind(frozenset(f.choices))
            )
            out.append(
                Condition(
                    f"v.issubset({known})",
                    lambda v, c: _first_unknown(v, f.choices, c),
                    with_choices=True,
                )
            )
        return tuple(out)

    def to_cell(self, value: Any) -> Any:
        return None if value is None else " ".join(sorted(value))

    def from_cell(self, value: Any) -> Any:
        return None if value is None else frozenset(value.split())

    def parse(self, text: Any, name: str, where: str) -> Any:
        return frozenset(str(text).replace(",", " ").split())

    def format(self, value: Any, lang: str) -> str:
        return "" if value is None else ", ".join(sorted(value))

    def show(self, f: Field, value: Any, lang: str) -> str:
        return "—" if value is None else clip(self.format(value, lang)) or "—"


def _first_unknown(value: Any, choices: Any, c: Any) -> L10n:
    known = tuple(c.get(choices, ())) if isinstance(choices, str) else tuple(choices)
    first = min(x for x in value if x not in known)
    return unknown_code(first, known)
