"""The municipality a plan is for, and its checks: what the welcome screen's form needs to
make and check one, importable without the whole plan's declaration (issue 25).

``check_municipality`` refuses exactly what ``checks.check_record`` refuses for this record
(its fields in the declared order, each by its kind's rule, then the rule across fields);
``tests/test_startup_imports.py`` checks that they agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .declare import declaration_of, declared
from .declare import free_text as _text
from .errors import ValidationError
from .kinds import refusal
from .text import L10n
from .vocabularies import PREFECTURES


@dataclass
class Municipality:
    name: str = declared(
        "text", "団体名", "Municipality name", required=True, column="municipality_name"
    )
    prefecture: str = declared(
        "choice",
        "都道府県",
        "Prefecture",
        required=True,
        choices=PREFECTURES,
        hint=L10n("都道府県を一覧から選んでください。", "Choose the prefecture from the list."),
        doc="one of the 47 prefectures, e.g. 長野県",
    )
    general_staff: int = declared(
        "int", "一般行政職員数", "General administrative staff", required=True
    )
    all_staff: int = declared("int", "全職員数", "All staff", required=True)
    fiscal_year: int = declared("fy", "計画の初年度", "First fiscal year", required=True)
    author: str = _text("作成者", "Author")
    department: str = _text("担当部署", "Department")
    fiscal_capacity_index: Decimal | None = declared(
        "decimal",
        "財政力指数",
        "Fiscal capacity index",
        default=None,
        nullable=True,
        maximum=Decimal(5),
        hint=L10n(
            "財政力指数は0以上5以下の数値で入力してください（例: 0.35）。",
            "The fiscal capacity index must be a number from 0 to 5 (e.g. 0.35).",
        ),
        doc='財政力指数 (3-year average), e.g. "0.35"',
    )


def staff_within_all_staff(mu: Municipality, where: str) -> None:
    """The rule across fields of a municipality (named in ``records.py``)."""
    if mu.general_staff > mu.all_staff:
        raise ValidationError(
            f"{where}.general_staff" if where else "general_staff",
            f"一般行政職員数（{mu.general_staff}人）が全職員数（{mu.all_staff}人）を超えています。",
            f"General administrative staff ({mu.general_staff}) exceed all staff ({mu.all_staff}).",
        )


def check_municipality(mu: Municipality, where: str = "municipality") -> None:
    """Raise the first problem of a municipality, as ``checks.check_record`` does."""
    for f in declaration_of(Municipality):  # all scalars: none chooses from the catalog
        err = refusal(f, getattr(mu, f.name), f"{where}.{f.name}" if where else f.name, {})
        if err is not None:
            raise err
    staff_within_all_staff(mu, where)
