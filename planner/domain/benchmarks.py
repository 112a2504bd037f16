"""The municipality against the national adoption survey (size class and its rate)."""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import Benchmarks, SizeClass
from .text import L10n


@dataclass(frozen=True, slots=True)
class BenchmarkPosition:
    size_class: SizeClass | None
    text: L10n


def benchmark_position(general_staff: int, bench: Benchmarks) -> BenchmarkPosition:
    size = next(
        (c for c in bench.size_classes if c.min_staff <= general_staff <= c.max_staff), None
    )
    as_of = bench.as_of
    if size is None:
        return BenchmarkPosition(
            None,
            L10n(
                f"一般行政職員{general_staff}人の団体規模について、調査（{as_of.year}年{as_of.month}月{as_of.day}日現在）に比較できる区分はありません。",
                f"The survey (as of {as_of:%Y-%m-%d}) has no size class for bodies with {general_staff} general administrative staff.",
            ),
        )
    pct = f"{size.adoption_rate * 100:.1f}%"
    return BenchmarkPosition(
        size,
        L10n(
            f"本団体（一般行政職員{general_staff}人）は「{size.label.ja}」に当たり、この区分の導入率は{pct}です（{bench.source.ja}）。",
            f"With {general_staff} general administrative staff this body is among {size.label.en}, of which {pct} have introduced telework ({bench.source.en}).",
        ),
    )
