"""A small evaluator for the formulas the budget workbook writes (issue 20), for the tests.

Reads a workbook with openpyxl (``data_only=False``: the formulas) and recomputes any cell:
numbers, texts, cell references (``A1``, ``$A$1``, ``'sheet'!A1``), ranges, ``+ - * /``,
unary minus, and the functions SUM, SUMIFS (exact, case-insensitive equality), ROUNDDOWN,
ROUNDUP and ROUND. Arithmetic is exact (each number as the decimal it is written as), so a
recomputed figure is what the formula means, to the yen. Anything else raises: a formula
the workbook should not contain fails the test that meets it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

TOKEN = re.compile(
    r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<str>\"(?:[^\"]|\"\")*\")"
    r"|(?P<ref>(?:'(?:[^']|'')+'!|[A-Za-z_][\w.]*!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)"
    r"|(?P<fn>[A-Z]+)\(|(?P<op>[-+*/(),]))"
)


def number(value: Any) -> Fraction:
    if value is None:
        return Fraction(0)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"not a number: {value!r}")
    return Fraction(Decimal(repr(value)))


def _cell_address(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"\$?([A-Z]+)\$?(\d+)", text)
    assert m, text
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


class Evaluator:
    def __init__(self, workbook) -> None:  # noqa: ANN001 - an openpyxl Workbook (formulas)
        self.wb = workbook
        self.cache: dict[tuple[str, int, int], Any] = {}

    def value(self, sheet: str, row: int, col: int) -> Any:
        """A cell's value: its constant, or its formula recomputed (rows and columns from 1)."""
        key = (sheet, row, col)
        if key not in self.cache:
            raw = self.wb[sheet].cell(row=row, column=col).value
            if isinstance(raw, str) and raw.startswith("="):
                raw = _Parser(self, sheet, raw[1:]).formula()
            elif isinstance(raw, int | float) and not isinstance(raw, bool):
                raw = number(raw)
            self.cache[key] = raw
        return self.cache[key]


class _Parser:
    def __init__(self, ev: Evaluator, sheet: str, text: str) -> None:
        self.ev, self.sheet = ev, sheet
        self.tokens = []
        pos = 0
        while pos < len(text):
            m = TOKEN.match(text, pos)
            if not m or m.end() == pos:
                raise ValueError(f"cannot read {text[pos:]!r} in ={text}")
            kind = m.lastgroup
            self.tokens.append((kind, m.group(kind)))
            pos = m.end()
        self.i = 0

    def formula(self) -> Any:
        value = self.expr()
        if self.i != len(self.tokens):
            raise ValueError(f"left over: {self.tokens[self.i:]}")
        return value

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self, op: str | None = None) -> tuple[str, str]:
        tok = self.tokens[self.i]
        if op is not None and tok != ("op", op):
            raise ValueError(f"expected {op}, got {tok}")
        self.i += 1
        return tok

    def expr(self) -> Any:
        value = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            right = self.term()
            value = number_of(value) + number_of(right) if op == "+" else number_of(value) - number_of(right)
        return value

    def term(self) -> Any:
        value = self.unary()
        while self.peek() in (("op", "*"), ("op", "/")):
            op = self.take()[1]
            right = self.unary()
            value = number_of(value) * number_of(right) if op == "*" else number_of(value) / number_of(right)
        return value

    def unary(self) -> Any:
        if self.peek() == ("op", "-"):
            self.take()
            return -number_of(self.unary())
        return self.atom()

    def atom(self) -> Any:
        kind, text = self.take()
        if kind == "num":
            return Fraction(Decimal(text))
        if kind == "str":
            return text[1:-1].replace('""', '"')
        if kind == "ref":
            cells = self.cells(text)
            return cells if ":" in text else cells[0]
        if kind == "fn":
            args = []
            if self.peek() != ("op", ")"):
                args.append(self.expr())
                while self.peek() == ("op", ","):
                    self.take()
                    args.append(self.expr())
            self.take(")")
            return FUNCTIONS[text](*args)
        if (kind, text) == ("op", "("):
            value = self.expr()
            self.take(")")
            return value
        raise ValueError(f"unexpected {text!r}")

    def cells(self, text: str) -> list[Any]:
        sheet = self.sheet
        if "!" in text:
            name, text = text.rsplit("!", 1)
            sheet = name[1:-1].replace("''", "'") if name.startswith("'") else name
        first, _, last = text.partition(":")
        (r1, c1), (r2, c2) = _cell_address(first), _cell_address(last or first)
        return [self.ev.value(sheet, r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]


def number_of(value: Any) -> Fraction:
    if isinstance(value, Fraction):
        return value
    if value is None or value == "":
        return Fraction(0)
    raise TypeError(f"not a number: {value!r}")


def _flat(args: tuple[Any, ...]) -> list[Any]:
    out = []
    for a in args:
        out.extend(a if isinstance(a, list) else [a])
    return out


def _sum(*args: Any) -> Fraction:
    return sum((v for v in _flat(args) if isinstance(v, Fraction)), Fraction(0))


def _sumifs(values: list[Any], *pairs: Any) -> Fraction:
    total = Fraction(0)
    for k, v in enumerate(values):
        ok = all(_same(rng[k], crit) for rng, crit in zip(pairs[::2], pairs[1::2], strict=True))
        if ok and isinstance(v, Fraction):
            total += v
    return total


def _same(cell: Any, criterion: Any) -> bool:
    if isinstance(criterion, str):
        assert not any(c in criterion for c in "*?~<>="), criterion  # plain equality only
        return isinstance(cell, str) and cell.lower() == criterion.lower()
    return cell == criterion


def _rounding(mode: str):  # noqa: ANN202
    def fn(x: Any, digits: Any) -> Fraction:
        x, d = number_of(x), int(number_of(digits))
        assert x >= 0, x  # amounts here are never negative
        unit = Fraction(10) ** -d
        steps = x / unit
        if mode == "down":
            whole = steps.numerator // steps.denominator
        elif mode == "up":
            whole = -(-steps.numerator // steps.denominator)
        else:  # ROUND: half away from zero
            half = steps + Fraction(1, 2)
            whole = half.numerator // half.denominator
        return whole * unit

    return fn


FUNCTIONS = {
    "SUM": _sum,
    "SUMIFS": _sumifs,
    "ROUNDDOWN": _rounding("down"),
    "ROUNDUP": _rounding("up"),
    "ROUND": _rounding("half_up"),
}
