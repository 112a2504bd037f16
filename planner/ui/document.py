"""The open plan: the plan itself, where it lives, and its undo history.

Every edit goes through ``apply(op)``: the domain operation runs (and is
validated) first; only a successful edit enters the undo stack. Views refresh
from the ``changed`` signal.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..domain.catalog import Catalog
from ..domain.errors import ValidationError
from ..domain.model import Plan
from ..domain.operations import Operation
from .i18n import tx


class _EditCommand(QUndoCommand):
    """One plan edit. Holds operations (paths and values), never live objects."""

    def __init__(self, doc: PlanDocument, undo_op: Operation, redo_op: Operation) -> None:
        super().__init__(tx(redo_op.label))
        self._doc = doc
        self._undo_op = undo_op
        self._redo_op = redo_op
        self._first = True

    def redo(self) -> None:
        if self._first:  # already applied by PlanDocument.apply
            self._first = False
            return
        self._undo_op = self._redo_op.apply(self._doc.plan)
        self._doc.changed.emit()

    def undo(self) -> None:
        self._redo_op = self._undo_op.apply(self._doc.plan)
        self._doc.changed.emit()


class PlanDocument(QObject):
    changed = Signal()
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

    def apply(self, op: Operation) -> ValidationError | None:
        """Run an edit; on a validation error nothing changes and the error is returned."""
        try:
            inverse = op.apply(self.plan)
        except ValidationError as err:
            self.error.emit(err)
            return err
        self.undo_stack.push(_EditCommand(self, inverse, op))
        self.changed.emit()
        return None

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
