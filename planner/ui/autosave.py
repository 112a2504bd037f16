"""Autosave to the recovery folder every few minutes and after a burst of edits."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal

from ..domain.errors import PlannerError
from .i18n import lang, t

if TYPE_CHECKING:
    from .document import PlanDocument

INTERVAL_MS = 3 * 60 * 1000
EDITS_BEFORE_SAVE = 25


def default_recovery_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


class Autosave(QObject):
    failed = Signal(str)  # one line saying why the recovery copy could not be written

    def __init__(self, recovery_dir: Path) -> None:
        super().__init__()
        self.error: str | None = None
        self.recovery_dir = recovery_dir
        self.doc: PlanDocument | None = None
        self.file: Path | None = None
        self._edits = 0
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.save_now)

    def watch(self, doc: PlanDocument | None) -> None:
        """Follow one document; watching the same document again counts its edits once."""
        if self.doc is not None and self.doc is not doc:
            self.doc.unsubscribe(self._count)
        self.doc = doc
        self._edits = 0
        if doc is None:
            self.timer.stop()
            return
        doc.subscribe(self._count)
        self.timer.start()

    @property
    def edits(self) -> int:
        """Edits since the last recovery copy."""
        return self._edits

    def _count(self) -> None:
        self._edits += 1
        if self._edits >= EDITS_BEFORE_SAVE:
            self.save_now()

    def save_now(self) -> Path | None:
        """Write the recovery copy if there is anything unsaved."""
        doc = self.doc
        if doc is None or not doc.dirty:
            return None
        from ..store.recovery import write_recovery

        self._edits = 0
        try:
            self.file = write_recovery(doc.plan, self.recovery_dir, doc.path)
        except (OSError, PlannerError) as err:
            # the next attempt may succeed; the user's own file is untouched. Say why, once a try.
            cause = getattr(err, "cause", None)
            if cause is not None:
                why = cause.get(lang())
            else:
                why = (
                    err.text(lang()) if isinstance(err, PlannerError) else str(err.strerror or err)
                )
            self.error = t("自動保存できませんでした: ", "Autosave failed: ") + why
            self.failed.emit(self.error)
            return None
        self.error = None
        return self.file

    def discard(self) -> None:
        """The work is saved or deliberately dropped: remove its recovery copy."""
        if self.file is not None:
            self.file.unlink(missing_ok=True)
            self.file = None
        self._edits = 0
