"""Money: integer yen, exact rates, and the one place where rounding happens."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from .errors import ValidationError


def round_yen(amount: Fraction, unit: int = 1, mode: str = "down") -> int:
    """Round an exact amount to a multiple of ``unit`` yen.

    The only rounding in the program. ``mode`` is down (切り捨て), up (切り上げ)
    or half_up (四捨五入), as the subsidy rule file says.
    """
    if unit < 1:
        raise ValidationError(
            "rounding.unit", "端数処理の単位が不正です。", "Invalid rounding unit."
        )
    steps = Fraction(amount) / unit
    if mode == "down":
        whole = steps.numerator // steps.denominator
    elif mode == "up":
        whole = -((-steps.numerator) // steps.denominator)
    elif mode == "half_up":  # away from zero at exactly .5; amounts here are never negative
        whole = (steps + Fraction(1, 2)).numerator // (steps + Fraction(1, 2)).denominator
    else:
        raise ValidationError(
            "rounding.mode", f"端数処理「{mode}」は不明です。", f"Unknown rounding mode '{mode}'."
        )
    return int(whole) * unit


def format_yen(amount: int, lang: str = "ja") -> str:
    """1,234,000円 / ¥1,234,000."""
    return f"¥{amount:,}" if lang == "en" else f"{amount:,}円"


def thousand_yen(amount: int) -> int:
    """An amount in 千円 for tables (四捨五入, as is usual in budget documents)."""
    return round_yen(Fraction(amount), 1000, "half_up") // 1000


def format_thousand_yen(amount: int) -> str:
    return f"{thousand_yen(amount):,}"


def thousand_yen_table(rows: Sequence[Sequence[int]]) -> list[list[int]]:
    """Rows of yen amounts in 千円, and a last row of the column sums of those figures.

    Each amount is rounded once (``thousand_yen``); the totals are the sums of the
    printed figures, not the rounded exact totals, so that the printed columns add
    up (council members add them). The cost: a total may differ from the exact
    total in yen by less than ¥1,000 per row, which the table's note says (issue 18).
    """
    printed = [[thousand_yen(v) for v in row] for row in rows]
    width = len(printed[0]) if printed else 0
    return [*printed, [sum(row[i] for row in printed) for i in range(width)]]
