"""How far each step is (the warnings that matter before council: warnings.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum

from .catalog import StepDef
from .model import Plan, WorkForm
from .text import L10n
from .vocabularies import NETWORK_LAYERS, PERSONAL_DATA_POLICIES


class StepState(IntEnum):
    NOT_STARTED = 0
    IN_PROGRESS = 1
    DONE = 2

    @property
    def mark(self) -> str:
        return ("○", "◐", "●")[self]

    @property
    def label(self) -> L10n:
        return (L10n("未着手", "Not started"), L10n("作業中", "In progress"), L10n("完了", "Done"))[
            self
        ]


@dataclass(frozen=True, slots=True)
class Record:
    """Something a step records in the plan, as named in ``steps.toml``'s ``records``.

    ``filled``: entered, as "done" needs it. ``started`` (default: ``filled``): a sign of
    work that puts the step in progress — different where the default is itself a valid
    decision (issue 18: 庁外では扱わない, the strictest policy, is the default)."""

    label: L10n
    filled: Callable[[Plan], bool]
    started: Callable[[Plan], bool] | None = None

    def shows_work(self, plan: Plan) -> bool:
        return (self.started or self.filled)(plan)


def _form_changed(attr: str) -> Callable[[Plan], bool]:
    default = getattr(WorkForm(), attr)
    return lambda p: any(getattr(u.form, attr) != default for u in p.units)


# Every name a step may declare in ``records``. A name ending in "?" in steps.toml is
# optional: filling it puts the step in progress, but it is not needed for "done".
RECORDS: dict[str, Record] = {
    "leader": Record(L10n("推進責任者", "person responsible"), lambda p: bool(p.leader.strip())),
    "members": Record(L10n("推進チームの構成員", "team members"), lambda p: bool(p.members)),
    "meeting_plan": Record(
        L10n("会議の進め方", "meeting plan"), lambda p: bool(p.meeting_plan.strip())
    ),
    "purposes": Record(
        L10n("導入目的", "purposes"), lambda p: bool(p.purposes or p.custom_purposes)
    ),
    "kpis": Record(L10n("指標（KPI）", "KPIs"), lambda p: bool(p.kpis)),
    "unit_staff": Record(
        L10n("課ごとの職員数", "staff per unit"), lambda p: any(u.staff for u in p.units)
    ),
    "existing_devices": Record(
        L10n("既存の利用可能端末数", "existing devices"), lambda p: p.existing_devices > 0
    ),
    "network_layers": Record(
        L10n("利用中のネットワーク", "network layers"),
        lambda p: p.network_layers != list(NETWORK_LAYERS),
    ),
    "existing_rules": Record(
        L10n("既存の規程・制度", "existing rules"), lambda p: bool(p.existing_rules.strip())
    ),
    "current_notes": Record(
        L10n("現状のメモ", "notes on the current state"), lambda p: bool(p.current_notes.strip())
    ),
    "units": Record(L10n("課", "units"), lambda p: bool(p.units)),
    "tasks": Record(L10n("業務", "tasks"), lambda p: any(u.tasks for u in p.units)),
    "selection": Record(
        L10n("テレワークの対象業務の選択", "tasks chosen for telework"),
        lambda p: bool(p.selected_tasks()),
    ),
    "teleworkers": Record(
        L10n("テレワーク実施人数", "number of teleworkers"), lambda p: p.teleworkers() > 0
    ),
    "forms": Record(
        L10n("実施形態", "forms of telework"),
        lambda p: any(
            (u.form.home, u.form.satellite, u.form.mobile) != (True, False, False) for u in p.units
        ),
    ),
    "frequency": Record(L10n("上限日数", "day cap"), _form_changed("max_days")),
    "time_unit": Record(L10n("時間単位", "time unit"), _form_changed("time_unit")),
    "application_deadline": Record(
        L10n("申請期限", "application deadline"), _form_changed("application_days")
    ),
    "rules": Record(
        L10n("規程の整備状況（着手済みの規程1件以上）", "rules (at least one under way)"),
        lambda p: any(r.status != "todo" for r in p.rules),
    ),
    "access_method": Record(
        L10n("リモートアクセスの方式", "remote access method"), lambda p: p.access_method != "none"
    ),
    "devices": Record(
        L10n("端末の方針", "device policy"), lambda p: p.device_policy != Plan.device_policy
    ),
    "tools": Record(L10n("利用するツール", "tools"), lambda p: bool(p.tools)),
    "costs": Record(L10n("経費の明細", "cost lines"), lambda p: any(s.lines for s in p.scenarios)),
    "security_measures": Record(
        L10n(
            "セキュリティ対策の状況（着手済みの対策1件以上）", "security measures (one under way)"
        ),
        lambda p: any(s.status != "todo" for s in p.security),
    ),
    "training_events": Record(
        L10n("研修・周知の予定", "training events"), lambda p: bool(p.training)
    ),
    "phases": Record(L10n("試行・導入の段階", "phases"), lambda p: bool(p.phases)),
    # issue 15
    "network_model": Record(
        L10n("ネットワークのモデル", "network model"),
        lambda p: p.network_model != Plan.network_model,
    ),
    "home_allowance_staff": Record(
        L10n("在宅勤務等手当の対象職員数", "staff paid the telework allowance"),
        lambda p: p.home_allowance_staff > 0,
    ),
    "personal_data_at_home": Record(
        L10n("要配慮個人情報の取扱い", "sensitive personal data policy"),
        # either policy is a decision; the default 庁外では扱わない is the strictest (issue 18)
        lambda p: p.personal_data_at_home in PERSONAL_DATA_POLICIES,
        started=lambda p: p.personal_data_at_home != Plan.personal_data_at_home,
    ),
    "running_costs_eligible": Record(
        L10n("運用経費の扱い", "running costs"), lambda p: p.running_costs_eligible
    ),
    "other_revenue": Record(
        L10n("特定財源", "other revenue"),
        lambda p: any(line.other_revenue for s in p.scenarios for line in s.lines),
    ),
}


def declared_records(step: StepDef) -> tuple[tuple[str, bool], ...]:
    """(record name, required) for each record the step declares in steps.toml."""
    out = []
    for name in step.records:
        key = name.removesuffix("?")
        if key not in RECORDS:
            raise KeyError(f"steps.toml: step {step.number} declares unknown record '{name}'")
        out.append((key, not name.endswith("?")))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class StepProgress:
    """A step's state, how it is reached, and what is still missing."""

    number: int
    state: StepState
    ticked: int
    total: int
    required: tuple[L10n, ...]  # records needed for "done"
    missing: tuple[L10n, ...]  # of those, the ones not filled yet

    def detail(self) -> L10n:
        """What is done and what is missing: 「チェックリスト 8/11・未入力: 推進チームの構成員」."""
        ja = f"チェックリスト {self.ticked}/{self.total}"
        en = f"checklist {self.ticked}/{self.total}"
        if self.missing:
            ja += "・未入力: " + "、".join(m.ja for m in self.missing)
            en += "; not entered: " + ", ".join(m.en for m in self.missing)
        return L10n(ja, en)

    def condition(self) -> L10n:
        """How the step is reached: its required records and every checklist item."""
        return L10n(
            "完了の条件: " + "、".join(r.ja for r in self.required)
            + f"を入力し、チェックリストの{self.total}項目をすべて確認する",
            "Done when: " + ", ".join(r.en for r in self.required)
            + f" entered and all {self.total} checklist items ticked",
        )  # fmt: skip


def step_progress(plan: Plan, step: StepDef) -> StepProgress:
    """The step's state from what steps.toml declares it records, and its checklist."""
    records = declared_records(step)
    entries = plan.steps[step.number].checklist.values()
    ticked, total = sum(e.done for e in entries), len(entries)
    required = [RECORDS[name] for name, needed in records if needed]
    missing = tuple(r.label for r in required if not r.filled(plan))
    if not missing and total and ticked == total:
        state = StepState.DONE
    elif (
        ticked
        or any(RECORDS[name].shows_work(plan) for name, _needed in records)
        or plan.steps[step.number].notes.strip()
    ):
        state = StepState.IN_PROGRESS
    else:
        state = StepState.NOT_STARTED
    return StepProgress(
        step.number, state, ticked, total, tuple(r.label for r in required), missing
    )


def step_state(plan: Plan, step: StepDef) -> StepState:
    return step_progress(plan, step).state
