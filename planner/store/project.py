"""Open and save plan files (.twplan): the functions the GUI and the CLI call.

``open_plan`` reads a file defensively (see sqlfile.py, sqlcheck.py) and returns a validated
Plan or raises ProjectFileError with a ja/en message; it never changes the
file. ``save_plan`` writes atomically: a complete new file beside the target,
fsync, read back, keep the old file as ``NAME.twplan.bak``, then ``os.replace``.

This module imports no database library at import time; the work is done in
submodules imported when first needed, so the window appears fast.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from .. import APP_NAME, version
from ..domain.catalog import Catalog
from ..domain.model import Plan
from ..domain.validation import validate_plan
from ..loading import default_catalog
from . import schema
from .atomic import fsync_file, retry, temporary_name, write_atomically
from .errors import ProjectFileError, shown
from .files import check_output

__all__ = ["ProjectFileError", "open_plan", "open_plan_with_info", "save_plan", "backup_path"]

log = logging.getLogger(__name__)


def backup_path(path: str | os.PathLike[str]) -> Path:
    p = Path(path)
    return p.with_name(p.name + ".bak")


def open_plan(path: str | os.PathLike[str], catalog: Catalog | None = None) -> Plan:
    """Open a plan file; raises ProjectFileError (never anything else) if it cannot be used."""
    return open_plan_with_info(path, catalog)[0]


def open_plan_with_info(
    path: str | os.PathLike[str],
    catalog: Catalog | None = None,
    *,
    time_limit: float = schema.OPEN_TIME_LIMIT,
    in_memory: bool = False,
) -> tuple[Plan, dict[str, str]]:
    """The plan and the file's own record (``program_version``, ``saved_at``, …).

    ``info["migrated_from"]`` is set when the file had an older schema revision:
    the plan was upgraded in memory and the file changes only when saved.
    ``in_memory``: the private copy is kept in memory, not in a temporary file (the
    roll-up, which reads many files; the checks are the same).
    """
    p = Path(path)
    try:
        from . import sqlfile

        return sqlfile.open_file(p, catalog, time_limit, in_memory=in_memory)
    except ProjectFileError:
        raise
    except (Exception, RecursionError, MemoryError) as e:  # noqa: BLE001 - the program goes on
        log.exception("unexpected error while opening %s", p)
        raise ProjectFileError(
            "unreadable",
            f"計画ファイル「{shown(p.name, 80)}」を開けませんでした（{type(e).__name__}）。",
            f"The plan file '{shown(p.name, 80)}' could not be opened ({type(e).__name__}).",
        ) from None


def save_plan(
    plan: Plan,
    path: str | os.PathLike[str],
    *,
    catalog: Catalog | None = None,
    keep_backup: bool = True,
    extra_info: dict[str, str] | None = None,
) -> None:
    """Save atomically. A process killed at any moment leaves the old file or the new one.

    The plan is validated first (raises ValidationError: a plan that could not be
    opened again is never written). Other failures raise ProjectFileError.
    """
    target = Path(path)
    validate_plan(plan, (catalog or default_catalog()).category_ids())
    check_output(target)  # a folder or a FIFO under the plan's name: refused at once
    import sqlite3

    from . import sqlwrite

    name = shown(target.name, 80)
    info = {
        "format": "telework-planner-plan",
        "program": APP_NAME,
        "program_version": version(),
        "schema_revision": schema.HEAD_REVISION,
        "saved_at": sqlwrite.now_text(),
        **(extra_info or {}),
    }
    try:
        # the temporary database is made empty by the atomic write (the folder's own errno
        # if it cannot be: read-only, full, name too long), then filled by SQLite
        write_atomically(
            target,
            lambda tmp: sqlwrite.write_file(plan, tmp, info),
            check=lambda tmp: sqlwrite.verify_file(tmp, plan),
            before_replace=_make_backup if keep_backup else None,
            errors=(sqlite3.Error,),  # one line naming the cause (store/files.py)
        )
    except ProjectFileError:
        raise
    except Exception as e:  # noqa: BLE001
        log.exception("unexpected error while saving %s", target)
        raise ProjectFileError(
            "write_failed",
            f"「{name}」を保存できませんでした（{type(e).__name__}）。元のファイルは変更されていません。",
            f"'{name}' could not be saved ({type(e).__name__}). The original file is unchanged.",
        ) from None


def _make_backup(target: Path) -> None:
    """NAME.twplan.bak := the current file (if there is one), replaced atomically too."""
    if not target.is_file():
        return
    bak = backup_path(target)
    tmp = temporary_name(target, "bak")
    try:
        try:
            os.link(target, tmp)  # cheap: the old file keeps its data when the target is replaced
        except OSError:
            shutil.copyfile(target, tmp)
            fsync_file(tmp)
        retry(lambda: os.replace(tmp, bak))
    finally:
        tmp.unlink(missing_ok=True)
