"""A unit's tasks (step 4) and the factors that decide a task's suitability — also the
factors of a catalog task (``catalog.TaskDef``). Declared as every record of the plan is;
``model.py`` re-exports these with the plan's other records."""

from __future__ import annotations

from dataclasses import dataclass

from .declare import catalog_ref as _ref
from .declare import declared
from .declare import free_text as _text
from .declare import row_id as _id
from .vocabularies import COORDINATION, NETWORKS, PAPER, PERSONAL_DATA, WORKS_ON


@dataclass(frozen=True, slots=True)
class TaskFactors:
    """What decides a task's suitability; part of a plan's task (declared as its fields)
    and of a catalog task (``catalog.TaskDef``)."""

    personal_data: str = declared(
        "choice",
        "個人情報",
        "Personal data",
        default="none",
        choices=PERSONAL_DATA,
        words="personal_data",
    )
    network: str = declared(
        "choice", "ネットワーク", "Network", default="lgwan", choices=NETWORKS, words="network"
    )
    paper: str = declared(
        "choice", "紙への依存", "Paper dependence", default="none", choices=PAPER, words="paper"
    )
    counter: bool = declared("bool", "窓口業務", "Counter work", default=False)
    onsite: bool = declared("bool", "現地業務", "On-site work", default=False)
    coordination: str = declared(
        "choice",
        "連携の必要性",
        "Coordination",
        default="low",
        choices=COORDINATION,
        words="coordination",
    )
    works_on: str = declared(
        "choice",
        "業務の対象",
        "Works on",
        default="",
        choices=("", *WORKS_ON),
        words="works_on",
        doc='what the task works on (with the plan\'s network model it gives the layer); "" = not said: network decides',
    )  # issue 15


@dataclass
class Task:
    name: str = declared("text", "業務名", "Task name", required=True)
    selected: bool = declared("bool", "対象", "Selected", default=False)
    catalog_id: str | None = _ref("業務カタログID", "Catalog task id")
    note: str = _text("備考", "Note")
    factors: TaskFactors = declared(
        "record", "業務の性質", "Task factors", factory=TaskFactors, of=TaskFactors
    )
    id: str = _id()
    priority: bool = declared("bool", "非常時優先業務", "Emergency priority work", default=False,
                              doc="priority work in an emergency (BCP, issue 23: bcp.py)")  # fmt: skip
