"""Autosave and recovery, without any UI.

The UI passes the recovery folder (QStandardPaths' AppDataLocation +
"/recovery"), calls ``write_recovery`` every few minutes and after significant
edits, ``discard_recovery`` after a successful save or a clean close, and at
start ``list_recoveries`` to offer what a crashed session left behind
(leaving out entries whose process still runs: ``entry.running``).

A recovery file is a complete .twplan written atomically (no .bak), its
``file_info`` records the source path, the time and the writing process, so a
recovery is one file and cannot be half-written.
"""

from __future__ import annotations

import logging
import os
import time
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from . import schema
from .files import write_failure
from .lock import current_host, pid_alive

if TYPE_CHECKING:  # names of types only: listing the recoveries at start-up needs neither
    from ..domain.catalog import Catalog
    from ..domain.model import Plan

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RecoveryEntry:
    path: Path  # the recovery file
    source_path: Path | None  # the plan it belongs to; None for a plan never saved
    saved_at: datetime  # timezone-aware, in local time
    municipality: str
    program_version: str
    pid: int
    host: str

    @property
    def source(self) -> Path | None:
        """Alias of ``source_path``."""
        return self.source_path

    @property
    def running(self) -> bool:
        """True while the process that wrote it still runs (do not offer it then)."""
        if self.host.casefold() != current_host().casefold():
            return False
        return self.pid == os.getpid() or pid_alive(self.pid)


def recovery_key(source_path: str | os.PathLike[str] | None, plan: Plan | None = None) -> str:
    if source_path is not None:
        import hashlib

        text = os.path.normcase(os.path.abspath(source_path))
        return "plan-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"untitled-{os.getpid()}-{id(plan):x}"


def write_recovery(
    plan: Plan,
    recovery_dir: str | os.PathLike[str],
    source_path: str | os.PathLike[str] | None = None,
    *,
    key: str | None = None,
    catalog: Catalog | None = None,
) -> Path:
    """Autosave ``plan``; one recovery file per source path (or per ``key``). Returns its path.

    Raises ValidationError for an invalid plan and ProjectFileError if it cannot be written.
    """
    from .project import save_plan

    folder = Path(recovery_dir)
    path = folder / f"{key or recovery_key(source_path, plan)}{schema.SUFFIX}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise write_failure(path, e) from None
    save_plan(
        plan,
        path,
        catalog=catalog,
        keep_backup=False,
        extra_info={
            "recovery_source": "" if source_path is None else os.path.abspath(source_path),
            "recovery_pid": str(os.getpid()),
            "recovery_host": current_host(),
        },
    )
    return path


def _entry(path: Path) -> RecoveryEntry | None:
    from .files import open_regular
    from .sqlcheck import check_header, connect_readonly

    try:
        with open_regular(path) as f:  # a FIFO in the folder must not hang the start
            check_header(f.read(100), os.fstat(f.fileno()).st_size, path.name)
        with closing(connect_readonly(path, time.monotonic() + 5)) as conn:
            info = dict(conn.execute("SELECT key, value FROM file_info LIMIT 100").fetchall())
            (name,) = conn.execute("SELECT municipality_name FROM plan LIMIT 1").fetchone()
        saved_at = datetime.fromisoformat(info["saved_at"])
        source = info.get("recovery_source", "")
        return RecoveryEntry(
            path=path,
            source_path=Path(source) if source else None,
            saved_at=(saved_at if saved_at.tzinfo else saved_at.replace(tzinfo=UTC)).astimezone(),
            municipality=str(name),
            program_version=str(info.get("program_version", "")),
            pid=int(info.get("recovery_pid", "0")),
            host=str(info.get("recovery_host", "")),
        )
    except Exception:  # noqa: BLE001 - an unreadable recovery file is skipped, not fatal
        log.warning("skipping unreadable recovery file %s", path, exc_info=True)
        return None


def list_recoveries(recovery_dir: str | os.PathLike[str]) -> list[RecoveryEntry]:
    """Recovery files in the folder, newest first (unreadable ones are skipped)."""
    folder = Path(recovery_dir)
    if not folder.is_dir():
        return []
    entries = [e for p in folder.glob(f"*{schema.SUFFIX}") if (e := _entry(p)) is not None]
    return sorted(entries, key=lambda e: e.saved_at, reverse=True)


def open_recovery(entry: RecoveryEntry, catalog: Catalog | None = None) -> Plan:
    from .project import open_plan

    return open_plan(entry.path, catalog)


def discard_recovery(entry: RecoveryEntry | str | os.PathLike[str]) -> None:
    path = entry.path if isinstance(entry, RecoveryEntry) else Path(entry)
    try:
        path.unlink(missing_ok=True)
    except OSError:
        log.warning("could not remove recovery file %s", path, exc_info=True)


__all__ = [
    "RecoveryEntry", "write_recovery", "list_recoveries", "open_recovery", "discard_recovery",
    "recovery_key",
]  # fmt: skip
