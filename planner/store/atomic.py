"""The one atomic write: every file the program writes (plan, JSON, PDF, text) goes through here.

``write_atomically(target, write)`` makes a new hidden file beside the target
(``.NAME.<pid>-<random>.tmp``, so that a rename never crosses a file system), lets
``write`` fill it (bytes, or a whole SQLite database, or a PDF that reportlab writes
by name), fsyncs it, lets ``check`` read it back, gives it the mode of the file it
replaces, and only then replaces the target with ``os.replace`` (retried while
Windows' antivirus or indexer holds the file). A process killed at any moment
leaves the old file or the new one, and on any failure the old file is as it was
and the temporary file is gone. OS (and, for the plan, SQLite) failures become one
ja/en line through the writer's ``failure`` (store/files.py names the cause).
"""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, overload

from .files import Failure, remove_stale_temporaries, write_failure

T = TypeVar("T")


def temporary_name(target: Path, tag: str = "") -> Path:
    """``.NAME[.tag].<pid>-<8 hex>.tmp`` beside ``target``: hidden, unique, and matched by
    ``remove_stale_temporaries`` once a killed writer has left it for an hour."""
    middle = f".{tag}" if tag else ""
    return target.with_name(f".{target.name}{middle}.{os.getpid()}-{secrets.token_hex(4)}.tmp")


@overload
def write_atomically(
    target: str | os.PathLike[str],
    write: Callable[[Path], T],
    *,
    check: Callable[[Path], None] | None = None,
    before_replace: Callable[[Path], None] | None = None,
    failure: Failure = write_failure,
    errors: tuple[type[BaseException], ...] = (),
) -> T: ...


@overload
def write_atomically(
    target: str | os.PathLike[str],
    write: bytes,
    *,
    check: Callable[[Path], None] | None = None,
    before_replace: Callable[[Path], None] | None = None,
    failure: Failure = write_failure,
    errors: tuple[type[BaseException], ...] = (),
) -> None: ...


def write_atomically(
    target: str | os.PathLike[str],
    write: Callable[[Path], T] | bytes,
    *,
    check: Callable[[Path], None] | None = None,
    before_replace: Callable[[Path], None] | None = None,
    failure: Failure = write_failure,
    errors: tuple[type[BaseException], ...] = (),
) -> T | None:
    """Write ``target`` whole or not at all; return what ``write`` returned.

    ``write`` fills the temporary file at the path it is given (it exists and is
    empty), or is the bytes to write. ``check`` reads the written file back and raises
    if it is wrong. ``before_replace`` runs just before the target is replaced (a
    plan keeps its ``.bak``). An OSError, or one of ``errors`` (sqlite3.Error for the
    plan), is raised as ``failure(target, exc, replacing=…)``; any other exception goes
    through as it is. Either way the old file is left unchanged.
    """
    path = Path(target)
    tmp = temporary_name(path)
    replacing = False
    try:
        remove_stale_temporaries(path)  # ones a killed write left behind
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        try:
            if isinstance(write, bytes | bytearray | memoryview):
                _write_all(fd, write)
        finally:
            os.close(fd)
        result = None if isinstance(write, bytes | bytearray | memoryview) else write(tmp)
        fsync_file(tmp)
        _keep_mode(tmp, path)
        if check is not None:
            check(tmp)
        replacing = True
        if before_replace is not None:
            before_replace(path)
        retry(lambda: os.replace(tmp, path))
        fsync_dir(path.parent)
        return result
    except (OSError, *errors) as e:
        raise failure(path, e, replacing=replacing) from None
    finally:
        # a SQLite writer may leave its journal beside the temporary file
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            try:
                leftover.unlink(missing_ok=True)
            except OSError:  # a read-only place refuses even this: the write's own error counts
                pass


def _write_all(fd: int, data: bytes | bytearray | memoryview) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _keep_mode(tmp: Path, target: Path) -> None:
    """The new file keeps the mode of the one it replaces (a new one has the usual
    0666 & ~umask, from ``os.open``). Set after the write: a read-only mode would
    keep a writer that opens the file by name out of it."""
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
        return
    try:
        os.chmod(tmp, mode)
    except OSError:
        pass


def fsync_file(path: Path) -> None:
    """Flush a written file to the disk (opened for writing: Windows refuses a read-only one)."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Flush a folder's entries (the rename), where the system allows it."""
    if os.name != "posix":
        return  # Windows has no directory handles to fsync; NTFS journals the rename
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _sleep(seconds: float) -> None:  # the seam tests replace: retries without waiting
    time.sleep(seconds)


def retry(action: Callable[[], None], attempts: int = 8, first_delay: float = 0.05) -> None:
    """Run an os.replace-like action, retrying PermissionError (Windows: AV, indexer).

    About 3.5 s in all; the last PermissionError is raised (write_failure names it
    "in use by another program").
    """
    delay = first_delay
    for i in range(attempts):
        try:
            action()
            return
        except PermissionError:
            if i == attempts - 1:
                raise
            _sleep(delay)
            delay = min(delay * 2, 1.0)
