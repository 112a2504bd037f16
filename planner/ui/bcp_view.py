"""Step 7's business-continuity view (issue 23 §3): the staff needing remote access in an
emergency and the J-LIS terminal IDs applied for, the catalog's suggestion of priority
work, and per unit which priority tasks go on remotely under the chosen access method and
network model and which need presence and why, with the capacity check (``domain/bcp.py``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout

from ..domain.bcp import by_unit, capacity, priority_tasks
from ..domain.operations import Batch, SetValue
from ..domain.text import L10n
from .document import PlanDocument
from .i18n import lang, t
from .table_model import Column


def continuity_box(page) -> QGroupBox:  # noqa: ANN001 - a StepPage
    """The group box, added to the page; it refreshes itself when the plan changes."""
    doc: PlanDocument = page.doc
    box = page.section(
        "業務継続（非常時のテレワーク）", "Business continuity (telework in an emergency)"
    )
    layout = QVBoxLayout(box)
    form = QFormLayout()
    layout.addLayout(form)
    page.add_field(form, ("continuity",), Column("emergency_staff", L10n("非常時にリモートアクセスが必要な職員数", "Staff needing remote access in an emergency")))  # fmt: skip
    page.add_field(form, ("continuity",), Column("jlis_terminal_ids", L10n("申請したJ-LIS端末ID数", "J-LIS terminal IDs applied for")))  # fmt: skip
    suggest = QPushButton(
        t("業務カタログの例を非常時優先業務にする", "Mark the catalog's examples as priority work")
    )
    suggest.setObjectName("suggestPriority")
    suggest.setEnabled(not doc.read_only)
    suggest.clicked.connect(lambda: suggest_priority(doc))
    layout.addWidget(suggest)
    layout.addWidget(ContinuityView(doc))
    return box


class ContinuityView(QLabel):
    """Per unit, the priority tasks remote or not and why; the capacity check."""

    def __init__(self, doc: PlanDocument) -> None:
        super().__init__()
        self.doc = doc
        self.setObjectName("bcpView")
        self.setTextFormat(Qt.TextFormat.PlainText)  # unit and task names are data
        self.setWordWrap(True)
        doc.subscribe(self.refresh)
        self.refresh()

    def refresh(self, touched: tuple = ()) -> None:
        self.setText(continuity_text(self.doc))


def suggest_priority(doc: PlanDocument) -> None:
    """Mark each task the task catalog suggests as priority work (one undoable step)."""
    ops = [
        SetValue(("units", u.id, "tasks", task.id), "priority", True)
        for u in doc.plan.units
        for task in u.tasks
        if not task.priority
        and (found := doc.catalog.task(task.catalog_id)) is not None
        and found.priority
    ]
    if ops:
        doc.apply(
            Batch(ops, L10n("非常時優先業務（カタログの例）", "Priority work (catalog's examples)"))
        )


def continuity_text(doc: PlanDocument) -> str:
    plan, catalog, lg = doc.plan, doc.catalog, lang()
    tasks = priority_tasks(plan, catalog)
    if not tasks:
        return t("非常時優先業務はまだありません。手順4の「非常時優先」欄で印を付けるか、上のボタンで業務カタログの例を使ってください。",
                 "No priority work yet: tick 'BCP priority' in step 4, or use the catalog's examples above.")  # fmt: skip
    lines = []
    for unit, rows in by_unit(tasks):
        lines.append(f"■ {unit.name}")
        for p in rows:
            mark = (
                t("テレワークで継続できる", "can go on remotely")
                if p.remote
                else t("出勤が必要", "needs presence")
            )
            why = " ".join(w.get(lg) for w in p.why())
            lines.append(f"　{p.assessment.level.mark} {p.task.name}: {mark}" + (f"（{why}）" if why and lg == "ja" else f" ({why})" if why else ""))  # fmt: skip
    checks = capacity(plan, catalog)
    if checks:
        lines.append(t("■ 端末・ライセンスの過不足", "■ Devices and licences"))
        lines += [f"　{'⚠ ' if c.shortfall else ''}{c.line(lg)}" for c in checks]
    elif plan.continuity.emergency_staff <= 0:
        lines.append(t("非常時にリモートアクセスが必要な職員数を入力すると、端末・ライセンスの過不足を確認します。",
                       "Enter the staff needing remote access in an emergency to check devices and licences."))  # fmt: skip
    return "\n".join(lines)
