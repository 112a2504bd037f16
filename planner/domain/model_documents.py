"""What the documents a town files need beyond the plan itself (issue 21): the town's
related plans (step 2), who may telework and how it is approved and recorded (step 5).

Records held in the plan's own row (``record`` fields of ``Plan`` with a prefix), so
each field is a column of the plan table and a key of the plan's JSON. The rules
draft, the forms and the council summary (``planner/report/papers``) read them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .declare import declared
from .declare import free_text as _text
from .vocabularies import APPROVERS, ATTENDANCE_REPORTS


@dataclass
class RelatedPlans:
    """Step 2: the town's other plans this plan sits beside (names as the town uses them)."""

    comprehensive: str = _text("総合計画", "Comprehensive plan")
    employer_action: str = _text("特定事業主行動計画", "Employer's action plan")
    dx: str = _text("DX推進計画", "DX promotion plan")
    continuity: str = _text("業務継続計画", "Business continuity plan")


@dataclass
class Eligibility:
    """Step 5: who may telework, the extra place allowed, who approves, how hours are reported."""

    exclude_probation: bool = declared(
        "bool", "条件付採用期間中の職員を除く", "Exclude staff on probation", default=True
    )
    exclude_temporary: bool = declared(
        "bool", "臨時的任用職員を除く", "Exclude temporary appointees", default=True
    )
    exclude_fiscal_year: bool = declared(
        "bool", "会計年度任用職員を除く", "Exclude fiscal-year appointees", default=False
    )
    relative_home: bool = declared(
        "bool", "介護等のための親族宅での実施を認める", "Allow a relative's home (care)",
        default=False,
    )  # fmt: skip
    approver: str = declared(
        "choice", "承認者", "Approved by", default="unit_head", choices=APPROVERS,
        words="approver",
    )  # fmt: skip
    attendance: str = declared(
        "choice", "始業・終業の報告", "Start and end of work reported by", default="email_phone",
        choices=ATTENDANCE_REPORTS, words="attendance_report",
    )  # fmt: skip


def plan_record(of: type, ja: str, en: str, prefix: str):  # noqa: ANN201 - a declared field
    """One of these records as a field of the plan, its columns in the plan's row."""
    return declared("record", ja, en, factory=of, of=of, prefix=prefix)
