"""The open plan: the plan itself, where it lives, and its undo history.

Every edit goes through ``apply(op)``: the domain operation runs (and is
validated) first; only a successful edit enters the undo stack. Views refresh
from the ``changed`` signal, which carries where the plan changed (a tuple of
``Touch``), so a view refreshes only what concerns it. Subscribers are methods
of live QObjects, connected through ``subscribe`` (twice is once).
The cost estimates are computed once per edit here and shared by every view.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..domain import costs
from ..domain.catalog import Catalog
from ..domain.errors import PlannerError, ValidationError
from ..domain.model import Plan
from ..domain.model_rules import RecordedRule
from ..domain.operations import Operation, Touch
from ..domain.plan_rules import RuleDifference, rule_differences, rules_for
from ..domain.rule_years import YearRules
from .i18n import tx


class _EditCommand(QUndoCommand):
    """One plan edit. Holds operations (paths and values), never live objects."""

    def __init__(self, doc: PlanDocument, undo_op: Operation, redo_op: Operation) -> None:
        super().__init__(tx(redo_op.label))
        self._doc = doc
        self._undo_op = undo_op
        self._redo_op = redo_op
        self._first = True
        self.forget = False  # set by PlanDocument.retract: the next undo also drops it

    def redo(self) -> None:
        if self._first:  # already applied by PlanDocument.apply
            self._first = False
            return
        change = self._redo_op.run(self._doc.plan, self._doc.catalog)
        self._undo_op = change.inverse
        self._doc.emit_changed(change.touched)

    def undo(self) -> None:
        change = self._undo_op.run(self._doc.plan, self._doc.catalog)
        self._redo_op = change.inverse
        if self.forget:
            self.setObsolete(True)  # QUndoStack deletes it after this undo: no redo, no trace
        self._doc.emit_changed(change.touched)


class PlanDocument(QObject):
    changed = Signal(object)  # tuple[Touch, ...]: where the plan changed
    error = Signal(object)  # ValidationError

    def __init__(
        self, plan: Plan, catalog: Catalog, path: Path | None = None, read_only: bool = False
    ) -> None:
        super().__init__()
        self.plan = plan
        self.catalog = catalog
        self.path = path
        self.read_only = read_only
        self.lock = None  # the store's lock while the file is open for writing
        self.lock_owner: str | None = None
        self.suggested_path: Path | None = None  # for Save As of a plan with no file yet
        self.undo_stack = QUndoStack(self)
        self._estimates: dict[str, costs.Estimate | PlannerError] = {}
        self._rules: YearRules | None = None

    def apply(self, op: Operation) -> ValidationError | None:
        """Run an edit; on a validation error nothing changes and the error is returned."""
        try:
            change = op.run(self.plan, self.catalog)
        except ValidationError as err:
            self.error.emit(err)
            return err
        self.undo_stack.push(_EditCommand(self, change.inverse, op))
        self.emit_changed(change.touched)
        return None

    def retract(self) -> None:
        """Take the last edit back and out of the history, as if it had never been made
        (a row added for a name that was then refused). The undo stack is as before it."""
        index = self.undo_stack.index()
        command = self.undo_stack.command(index - 1) if index > 0 else None
        if isinstance(command, _EditCommand):
            command.forget = True
            self.undo_stack.undo()

    def emit_changed(self, touched: tuple[Touch, ...]) -> None:
        self._rules = None  # the record, the plan's choice or the years may have changed
        self._forget_estimates(touched)
        self.changed.emit(touched)

    def subscribe(self, slot: Callable[..., Any]) -> None:
        """Connect a method of a live QObject to ``changed``; subscribing twice is once.

        A method (not a lambda) is disconnected by Qt when its object is deleted.
        """
        if not isinstance(getattr(slot, "__self__", None), QObject):
            raise TypeError("subscribe a method of a QObject, not a function or lambda")
        self.changed.connect(slot, Qt.ConnectionType.UniqueConnection)

    def unsubscribe(self, slot: Callable[..., Any]) -> None:
        try:
            self.changed.disconnect(slot)
        except (RuntimeError, TypeError):
            pass  # not connected

    # -- estimates, computed once per edit and shared ------------------------------------------

    def _forget_estimates(self, touched: tuple[Touch, ...]) -> None:
        """An edit inside one scenario changes only that scenario's estimate."""
        ids = set()
        for touch in touched:
            p = touch.path
            if len(p) >= 3 and p[0] == "scenarios" and isinstance(p[1], str):
                ids.add(p[1])
            else:
                self._estimates.clear()
                return
        for sid in ids:
            self._estimates.pop(sid, None)

    def estimate(self, scenario_id: str) -> costs.Estimate | None:
        """The estimate of one scenario (None if there is no such scenario).

        Raises the PlannerError the estimate raised (e.g. an amount over the limit).
        """
        scenario = next((s for s in self.plan.scenarios if s.id == scenario_id), None)
        if scenario is None:
            return None
        if scenario_id not in self._estimates:
            try:
                self._estimates[scenario_id] = costs.estimate(self.plan, scenario, self.rules())
            except PlannerError as err:
                self._estimates[scenario_id] = err
        result = self._estimates[scenario_id]
        if isinstance(result, PlannerError):
            raise result
        return result

    def use_catalog(self, catalog: Catalog) -> None:
        """Estimate with another catalog from now on (e.g. a subsidy rule file was imported).

        Not an edit of the plan: no undo step. Every estimate is recomputed and every view
        refreshes (a touch outside every list: computed cells follow).
        """
        self.catalog = catalog
        self.emit_changed((Touch("set", ("catalog",)),))

    # -- the subsidy rules the figures use (issue 19) --------------------------------------------

    def rules(self) -> YearRules:
        """This PC's rules, with the plan's recorded ones where it says to use them."""
        if self._rules is None:
            self._rules = rules_for(self.plan, self.catalog.subsidy_rules)
        return self._rules

    def rule_differences(self) -> list[RuleDifference]:
        """The years whose rule on this PC is not the one the plan recorded."""
        return rule_differences(self.plan, self.rules())

    def record_rules(self, rows: list[RecordedRule]) -> None:
        """After a save: the plan's record is what the file now holds (not an edit: no undo
        step; the views that name the record refresh)."""
        self.plan.recorded_rules = rows
        self.emit_changed((Touch("set", ("recorded_rules",)),))

    def adopted_estimate(self) -> costs.Estimate | None:
        scenario = self.plan.adopted_scenario()
        return self.estimate(scenario.id) if scenario else None

    def all_estimates(self) -> list[costs.Estimate]:
        """Every scenario's estimate in the plan's order (as ``costs.compare_scenarios``)."""
        return [e for s in self.plan.scenarios if (e := self.estimate(s.id)) is not None]

    @property
    def dirty(self) -> bool:
        return not self.undo_stack.isClean()

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self.undo_stack.setClean()

    def display_name(self) -> str:
        return self.path.name if self.path else self.plan.title

    def close(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None
