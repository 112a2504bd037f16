"""KPIs as numbers (issue 23): a KPI's unit, the way it improves, its baseline (with the
date it was measured), its target (with the fiscal year it is due) and the values measured
per month, quarter or fiscal year. Declared as every record of the plan is; ``model.py``
re-exports ``Kpi``. Progress (latest value, reached or not, 未測定) is ``kpis.py``.

Files from before issue 23 held a KPI's baseline and target as free text: migration 0012
(and the JSON reader) keep that text in ``note`` and take a number from it where the text
is one ("30%", "12人")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .declare import declared, free_text, row_id
from .vocabularies import KPI_DIRECTIONS, KPI_PERIODS, KPI_UNITS

MAX_KPI_VALUE = Decimal(1_000_000_000)  # a billion sheets, hours or persons: beyond any town


def _value(ja: str, en: str, doc: str) -> Decimal | None:  # a nullable KPI number
    return declared("decimal", ja, en, default=None, nullable=True, maximum=MAX_KPI_VALUE, doc=doc)


@dataclass
class Measurement:
    """One measured value of a KPI, for a month, a quarter or a fiscal year."""

    period: str = declared(
        "choice", "期間の単位", "Period", default="year", choices=KPI_PERIODS, words="kpi_period"
    )
    fiscal_year: int = declared("fy", "年度", "Fiscal year", default=2025)
    part: int = declared(
        "int", "月・四半期", "Month or quarter", default=0, maximum=12,
        doc="month (1–12) of a monthly value, fiscal quarter (1–4, 1 = April–June) of a "
        "quarterly one; not used for a fiscal year's value (0)",
    )  # fmt: skip
    value: Decimal = declared(
        "decimal", "測定値", "Measured value", default=Decimal(0), maximum=MAX_KPI_VALUE,
        doc='the value in the KPI\'s unit, e.g. "12" or "37.5"',
    )  # fmt: skip
    note: str = free_text("備考", "Note")
    id: str = row_id()


@dataclass
class Kpi:
    name: str = declared("text", "指標名", "KPI name", required=True)
    baseline: Decimal | None = _value("現状値", "Baseline", "the value before telework, in the KPI's unit; null: not known")  # fmt: skip
    target: Decimal | None = _value("目標値", "Target", "the value aimed at by fiscal_year; null: not set")  # fmt: skip
    fiscal_year: int | None = declared("fy", "目標年度", "Target year", default=None, nullable=True)
    id: str = row_id()  # issue 19
    unit: str = declared(
        "choice", "単位", "Unit", default="persons", choices=KPI_UNITS, words="kpi_unit"
    )
    direction: str = declared(
        "choice", "良い方向", "Better when", default="up", choices=KPI_DIRECTIONS,
        words="kpi_direction",
    )  # fmt: skip
    baseline_date: date | None = declared(
        "date", "現状値の時点", "Baseline measured on", default=None, nullable=True
    )
    note: str = free_text("備考", "Note", doc="free text; a file from before issue 23 keeps "
                          "its KPI's baseline and target texts here")  # fmt: skip
    catalog_id: str | None = declared(
        "ref", "典型的な指標のID", "Typical KPI id", default=None, nullable=True,
        doc="id in resources/catalog/kpis.toml, or null",
    )  # fmt: skip
    measurements: list[Measurement] = declared(
        "rows", "測定値", "Measured values", factory=list, of=Measurement
    )
