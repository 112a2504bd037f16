"""The open plan driven through random edits, undo, redo, save and reopen (issue 13, guard rails).

Invariants: undoing everything gives back the opened plan and redoing everything the
final one (as equal canonical JSON); what was saved reopens equal.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from planner.domain.model import CostLine, Kpi, Member
from planner.domain.operations import InsertRow, RemoveRow, SetValue, resolve
from planner.domain.text import L10n
from planner.loading import default_catalog
from planner.store.interchange import dumps, import_json
from planner.store.project import open_plan, save_plan
from planner.ui.document import PlanDocument
from planner.ui.table_model import Column, RowTableModel
from tests.store_plans import sample_json

CATALOG = default_catalog()
TEXT = st.text(alphabet="総務課ab 1", max_size=6)
NUMBER = st.integers(min_value=-5, max_value=300)

# (list path, field, values): cells a user can type into, valid or not
CELLS = {
    "unit": (("units",), ("name", "staff", "teleworkers")),
    "member": (("members",), ("name", "role", "department")),
    "kpi": (("kpis",), ("name", "baseline", "note")),
    "line": (None, ("name", "unit_price", "quantity")),
}


class DocumentMachine(RuleBasedStateMachine):
    @initialize(sample=st.sampled_from(("kawasemi-town", "yamanami-village")))
    def open(self, sample: str) -> None:
        self.doc = PlanDocument(import_json(sample_json(sample), CATALOG), CATALOG)
        self.opened = dumps(self.doc.plan)
        self.folder = Path(tempfile.mkdtemp(prefix="twplan-machine-"))
        self.saves = 0
        name = Column("name", L10n("名前", "Name"))
        sid = self.doc.plan.scenarios[0].id
        self.models = [  # tables follow the edits row by row: they must always show the plan
            RowTableModel(self.doc, path, [name])
            for path in (("members",), ("kpis",), ("units",), ("scenarios", sid, "lines"))
        ]

    # -- edits -----------------------------------------------------------------------------

    def _rows(self, kind: str) -> tuple[tuple, list]:
        path, _fields = CELLS[kind]
        if path is None:
            scenario = self.doc.plan.scenarios[0]
            path = ("scenarios", scenario.id, "lines")
            return path, scenario.lines
        return path, getattr(self.doc.plan, path[0])

    @rule(kind=st.sampled_from(sorted(CELLS)), pick=st.integers(0, 99), data=st.data())
    def set_cell(self, kind: str, pick: int, data) -> None:
        path, rows = self._rows(kind)
        if not rows:
            return
        index = pick % len(rows)
        row = rows[index]
        field = data.draw(st.sampled_from(CELLS[kind][1]))
        value = data.draw(NUMBER if isinstance(getattr(row, field), int) else TEXT)
        self.doc.apply(SetValue((*path, row.id), field, value))

    @rule(kind=st.sampled_from(("member", "kpi", "line")), at=st.integers(0, 99), name=TEXT)
    def add_row(self, kind: str, at: int, name: str) -> None:
        path, rows = self._rows(kind)
        fy = self.doc.plan.fiscal_years[0]
        row = {
            "member": lambda: Member(name),
            "kpi": lambda: Kpi(name, fiscal_year=fy),
            "line": lambda: CostLine(name, "ict_equipment", 1000, start_fy=fy, end_fy=fy),
        }[kind]()
        self.doc.apply(InsertRow(path, at % (len(rows) + 1), row))

    @rule(kind=st.sampled_from(sorted(CELLS)), at=st.integers(0, 99))
    def remove_row(self, kind: str, at: int) -> None:
        path, rows = self._rows(kind)
        if rows:
            self.doc.apply(RemoveRow(path, rows[at % len(rows)].id))

    @rule(kind=st.sampled_from(sorted(CELLS)), rows=st.lists(st.integers(0, 99), max_size=4))
    def remove_rows_through_a_table(self, kind: str, rows: list[int]) -> None:
        path, plan_rows = self._rows(kind)
        model = next(m for m in self.models if m.list_path == path)
        if plan_rows:
            model.remove_rows([r % len(plan_rows) for r in rows])

    @rule()
    def undo(self) -> None:
        self.doc.undo_stack.undo()

    @rule()
    def redo(self) -> None:
        self.doc.undo_stack.redo()

    # -- file ------------------------------------------------------------------------------

    @rule()
    def save_and_reopen(self) -> None:
        self.saves += 1
        path = self.folder / f"plan{self.saves}.twplan"
        save_plan(self.doc.plan, path, catalog=CATALOG, keep_backup=False)
        self.doc.mark_saved(path)
        assert dumps(open_plan(path, CATALOG)) == dumps(self.doc.plan)

    # -- the history -----------------------------------------------------------------------

    @rule()
    def undo_everything_then_redo_everything(self) -> None:
        stack = self.doc.undo_stack
        final, where = dumps(self.doc.plan), stack.index()
        stack.setIndex(0)
        assert dumps(self.doc.plan) == self.opened
        stack.setIndex(stack.count())
        if where == stack.count():
            assert dumps(self.doc.plan) == final
        stack.setIndex(where)
        assert dumps(self.doc.plan) == final

    @invariant()
    def tables_show_the_plan(self) -> None:
        for model in getattr(self, "models", ()):
            rows = resolve(self.doc.plan, model.list_path)
            assert model.rowCount() == len(rows)
            assert all(model.row_object(i) is row for i, row in enumerate(rows))

    @invariant()
    def estimates_follow_the_plan(self) -> None:
        from planner.domain.costs import compare_scenarios
        from planner.domain.errors import PlannerError

        if not hasattr(self, "doc"):
            return
        try:
            fresh = compare_scenarios(self.doc.plan, CATALOG.subsidy_rules)
        except PlannerError:
            return
        assert self.doc.all_estimates() == fresh  # the shared cache is never stale


def test_document_history_and_files(qapp):
    machine = DocumentMachine.TestCase
    machine.settings = settings(
        max_examples=40,
        stateful_step_count=25,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    machine("runTest").runTest()
