"""KPIs measured against their targets (issue 23): the latest measured value, whether the
target is reached, how far from the baseline towards the target, and the one line of text
the summary, the CLI and the PDF print for each KPI (「未測定」 where nothing is measured).

The latest value is the one whose period ends last (a month, a fiscal quarter — 1 =
April–June — or a fiscal year, which ends in March); of two ending together, the one
entered later. A KPI is reached when its latest value is at or beyond its target in the
direction that is good (up: ≥ target; down: ≤ target). Progress is how much of the way
from the baseline to the target the latest value has come (it may be over 100% or below 0%).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .fiscal import calendar_month, era_date_label, month_label, short_fy_label
from .jsonvalues import decimal_text
from .model_kpis import Kpi, Measurement
from .text import L10n
from .words import Words

STATUSES = ("unmeasured", "no_target", "reached", "not_reached")
STATUS_WORDS = {
    "unmeasured": L10n("未測定", "not measured yet"),
    "no_target": L10n("目標未設定", "no target set"),
    "reached": L10n("達成", "reached"),
    "not_reached": L10n("未達成", "not reached"),
}


def period_end(row: Measurement) -> int:
    """The month the row's period ends in, counted as year × 12 + month − 1."""
    if row.period == "month":
        year, month = calendar_month(row.fiscal_year, row.part or 4)
    elif row.period == "quarter":
        year, month = calendar_month(row.fiscal_year, (3 * max(row.part, 1) + 3 - 1) % 12 + 1)
    else:
        year, month = row.fiscal_year + 1, 3
    return year * 12 + month - 1


def period_label(row: Measurement, lang: str = "ja") -> str:
    """令和7年6月 / 令和7年度 第2四半期 / 令和7年度 (Jun 2025 / FY2025 Q2 / FY2025)."""
    if row.period == "month":
        return month_label(row.fiscal_year, row.part or 4, lang)
    fy = short_fy_label(row.fiscal_year, lang)
    if row.period == "quarter":
        return f"{fy} Q{row.part}" if lang == "en" else f"{fy} 第{row.part}四半期"
    return fy


def latest(kpi: Kpi) -> Measurement | None:
    """The measured value whose period ends last (of two, the one entered later)."""
    if not kpi.measurements:
        return None
    return max(enumerate(kpi.measurements), key=lambda p: (period_end(p[1]), p[0]))[1]


@dataclass(frozen=True, slots=True)
class Progress:
    kpi: Kpi
    latest: Measurement | None
    status: str  # one of STATUSES
    share: Decimal | None  # of the way from baseline to target (1 = all of it), if computable

    @property
    def percent(self) -> int | None:
        return None if self.share is None else int((self.share * 100).to_integral_value())

    def as_dict(self) -> dict[str, Any]:
        """The form of ``summary --json``."""
        k, last = self.kpi, self.latest
        num = lambda v: None if v is None else decimal_text(v)  # noqa: E731
        return {
            "id": k.id, "name": k.name, "unit": k.unit, "direction": k.direction,
            "baseline": num(k.baseline),
            "baseline_date": k.baseline_date.isoformat() if k.baseline_date else None,
            "target": num(k.target), "target_fiscal_year": k.fiscal_year,
            "latest": None if last is None else {
                "value": num(last.value), "period": last.period,
                "fiscal_year": last.fiscal_year, "part": last.part,
                "label_ja": period_label(last, "ja"), "label_en": period_label(last, "en"),
            },
            "status": self.status, "progress_percent": self.percent,
            "measurements": len(k.measurements),
        }  # fmt: skip


def progress(kpi: Kpi) -> Progress:
    last = latest(kpi)
    share = None
    if last is not None and None not in (kpi.baseline, kpi.target) and kpi.target != kpi.baseline:
        share = (last.value - kpi.baseline) / (kpi.target - kpi.baseline)  # type: ignore[operator]
    if last is None:
        status = "unmeasured"
    elif kpi.target is None:
        status = "no_target"
    elif (last.value >= kpi.target) if kpi.direction == "up" else (last.value <= kpi.target):
        status = "reached"
    else:
        status = "not_reached"
    return Progress(kpi, last, status, share)


def format_value(value: Decimal | None, unit: str, words: Words, lang: str = "ja") -> str:
    """14人 / 30% / 12.5時間 / 1,200枚 (14 persons / 30% / 12.5 hours); — when None."""
    if value is None:
        return "—"
    number = format(value, ",f")
    word = words.label("kpi_unit", unit, lang)
    return f"{number}{word}" if lang == "ja" or unit == "percent" else f"{number} {word}"


def progress_line(p: Progress, words: Words, lang: str = "ja") -> str:
    """One line: 現状 0人（令和7年4月1日）→ 最新 8人（令和7年度 第2四半期）→ 目標 14人（令和9年度）: 未達成（進捗57%）."""
    k, en = p.kpi, lang == "en"
    value = lambda v: format_value(v, k.unit, words, lang)  # noqa: E731
    day = k.baseline_date
    base = value(k.baseline) + (f" ({day.isoformat()})" if en and day else
                                f"（{era_date_label(day)}）" if day else "")  # fmt: skip
    last = (
        STATUS_WORDS["unmeasured"].get(lang)
        if p.latest is None
        else value(p.latest.value) + (f" ({period_label(p.latest, lang)})" if en else f"（{period_label(p.latest, lang)}）")
    )  # fmt: skip
    fy = short_fy_label(k.fiscal_year, lang) if k.fiscal_year else ""
    target = value(k.target) + ((f" ({fy})" if en else f"（{fy}）") if fy else "")
    line = (f"baseline {base} → latest {last} → target {target}" if en
            else f"現状 {base} → 最新 {last} → 目標 {target}")  # fmt: skip
    if p.status == "unmeasured":
        return line  # 未測定 said once, where the latest value would be
    return f"{line}{': ' if en else '：'}{status_text(p, lang)}"


def kpi_line(kpi: Kpi, words: Words, lang: str = "ja") -> str:
    """A KPI's name and its progress line, as the summary, the CLI and the PDF list them."""
    return f"{kpi.name}: {progress_line(progress(kpi), words, lang)}"


def status_text(p: Progress, lang: str = "ja") -> str:
    """達成 / 未達成（進捗57%） / 目標未設定 / 未測定."""
    status = STATUS_WORDS[p.status].get(lang)
    if p.status == "not_reached" and p.percent is not None:
        status += f" ({p.percent}% of the way)" if lang == "en" else f"（進捗{p.percent}%）"
    return status


# -- files from before issue 23: a KPI's baseline and target were free text -----------------

_UNITS = {"人": "persons", "名": "persons", "%": "percent", "時間": "hours", "枚": "sheets",
          "日": "days"}  # fmt: skip
_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(人|名|%|時間|枚|日)?\s*(?:\(.*\))?")


def number_in(text: str) -> tuple[Decimal | None, str | None]:
    """The number an old KPI text is ("14人", "30%", "0人（令和6年度）") and its unit; (None,
    None) for a text that is no number ("週1回以上"). Migration 0012 does the same."""
    plain = unicodedata.normalize("NFKC", text or "").replace(",", "").strip()
    found = _NUMBER.fullmatch(plain)
    if found is None:
        return None, None
    return Decimal(found.group(1)), _UNITS.get(found.group(2) or "")


def from_old_text(values: dict[str, Any]) -> dict[str, Any]:
    """A KPI of a JSON file from before issue 23 (no ``unit``; text baseline and target)
    as a KPI of today: the text kept in its note, the number taken where the text is one."""
    texts = {k: values.get(k) for k in ("baseline", "target")}
    if "unit" in values or not any(isinstance(v, str) for v in texts.values()):
        return values
    if not all(v is None or isinstance(v, str) for v in texts.values()):
        return values  # refused as it is read
    baseline, unit_b = number_in(texts["baseline"] or "")
    target, unit_t = number_in(texts["target"] or "")
    said = [f"{w}: {x.strip()}" for w, x in (("現状値", texts["baseline"]), ("目標値", texts["target"]))
            if x and x.strip()]  # fmt: skip
    note = "／".join(filter(None, [values.get("note") if isinstance(values.get("note"), str) else "",
                                   f"移行前の記載 — {'／'.join(said)}" if said else ""]))  # fmt: skip
    down = baseline is not None and target is not None and target < baseline
    return {
        **values,
        "baseline": None if baseline is None else decimal_text(baseline),
        "target": None if target is None else decimal_text(target),
        "unit": unit_b or unit_t or "persons",
        "direction": "down" if down else "up",
        "note": note,
    }
