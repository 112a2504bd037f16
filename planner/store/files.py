"""Paths the user names, checked before anything reads or writes them, and write failures named.

Every way in (CLI commands, the GUI's Open, drag-and-drop, JSON import, lock and
recovery files) reads through ``open_regular``: anything but a regular file —
a folder, a named pipe (FIFO), a device, a socket — is refused at once, and a
FIFO is never read (it is opened without blocking and checked first).

Every way out (save, autosave, JSON export, the CLI) turns an OS or SQLite
failure into one ja/en line through ``write_failure``: read-only, disk full,
path too long, in use by another program, no permission, no such folder.
"""

from __future__ import annotations

import errno
import glob
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

from ..domain.errors import PlannerError
from ..domain.text import L10n
from ..loading.datafile import file_kind
from .errors import ProjectFileError, shown
from .schema import APPLICATION_ID, MAGIC
from .schema import SUFFIX as PLAN_SUFFIX


class Failure(Protocol):
    """Builds the error a writer raises when its target cannot be written."""

    def __call__(
        self, path: str | os.PathLike[str], exc: OSError, *, replacing: bool = False
    ) -> PlannerError: ...



def not_regular(path: str | os.PathLike[str], mode: int) -> ProjectFileError:
    name = shown(Path(path).name or str(path), 80)
    kind = file_kind(mode)  # フォルダー / a folder, 名前付きパイプ / a named pipe (FIFO), …
    ja, en = kind.ja, kind.en
    return ProjectFileError(
        "not_regular",
        f"「{name}」は通常のファイルではありません（{ja}）。ファイルを指定してください。",
        f"'{name}' is not a regular file (it is {en}). Name a file.",
    )


def not_found(path: str | os.PathLike[str]) -> ProjectFileError:
    name = shown(Path(path).name or str(path), 80)
    return ProjectFileError(
        "not_found", f"ファイル「{name}」が見つかりません。", f"The file '{name}' was not found."
    )


def unreadable(path: str | os.PathLike[str], e: OSError) -> ProjectFileError:
    name = shown(Path(path).name or str(path), 80)
    detail = shown(e.strerror or type(e).__name__, 40)
    return ProjectFileError(
        "unreadable",
        f"ファイル「{name}」を読み込めません（{detail}）。",
        f"The file '{name}' cannot be read ({detail}).",
    )


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """Open a file for reading, or raise ProjectFileError (not found / not regular / unreadable).

    The file is opened without blocking and checked with fstat before a byte is
    read, so a FIFO cannot hang the program and nothing can swap in between.
    """
    p = Path(path)
    try:
        mode = os.stat(p).st_mode  # a folder on Windows cannot be opened at all: say so first
        if not stat.S_ISREG(mode):
            raise not_regular(p, mode)
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise not_found(p) from None
    except OSError as e:
        raise unreadable(p, e) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise not_regular(p, mode)
        if hasattr(os, "O_NONBLOCK"):  # POSIX only (Windows has no FIFOs to fear here)
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def check_output(path: str | os.PathLike[str], *, failure: Failure | None = None) -> None:
    """A file to be written: refuse at once if something other than a regular file is there,
    or if its name leaves no room for the temporary files written beside it.

    ``failure`` builds the error for a name too long (default: ``write_failure``).
    """
    if _name_too_long(Path(path)):
        too_long = OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG), str(path))
        raise (failure or write_failure)(path, too_long)
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # nothing there (or nothing we can see): the write itself says what fails
    if not stat.S_ISREG(mode):
        raise not_regular(path, mode)


# The longest name a write makes beside its target: save's temporary database's journal,
# ".NAME.<pid>-<8 hex>.tmp-journal" with a pid of up to 10 digits. Checked before anything
# is written, so a long name is refused as too long and never reported through one of these
# (nor through the lock file ".~lock.NAME#", which is shorter).
_SIBLING_EXTRA = len(".." + "9" * 10 + "-" + "f" * 8 + ".tmp-journal")
_NAME_MAX = 255  # NTFS and most POSIX file systems, when the system does not say


def _name_too_long(path: Path) -> bool:
    if os.name == "nt":  # pragma: no cover - exercised on Windows only (UTF-16 units)
        return len(path.name.encode("utf-16-le")) // 2 + _SIBLING_EXTRA > _NAME_MAX
    try:
        limit = os.pathconf(path.parent, "PC_NAME_MAX")
    except (OSError, ValueError):  # no such folder (yet), or the system does not say
        limit = _NAME_MAX
    return limit > 0 and len(os.fsencode(path.name)) + _SIBLING_EXTRA > limit


def check_target(
    path: str | os.PathLike[str],
    *,
    suffix: str,
    inputs: tuple[str | os.PathLike[str], ...] = (),
    failure: Failure | None = None,
) -> None:
    """The one check of every writer's target (import, exports), before anything is written.

    ``suffix`` is what the writer writes (``.twplan`` for a plan, ``.json``, ``.pdf``);
    ``inputs`` are the files it reads. Refused, in this order: something other than a
    regular file, a name too long (``check_output``); a plan someone has open (its lock
    file: the same refusal for every writer); one of the inputs under any name (same
    device and inode: a hard link, a symbolic link, ``./``); a plan, by its name or its
    content, for anything but a plan.
    """
    check_output(path, failure=failure)
    p = Path(path)
    from .lock import check_not_locked  # lock.py reads through this module: imported here

    check_not_locked(p)
    for source in inputs:
        if _same_file(source, p):
            raise _output_is_input(p)
    if suffix != PLAN_SUFFIX:
        _refuse_a_plan(p, suffix)


def _same_file(a: str | os.PathLike[str], b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):  # one of them is not there: they are not one file
        return False


def _output_is_input(path: Path) -> ProjectFileError:
    name = shown(path.name, 80)
    return ProjectFileError(
        "output_is_input",
        f"出力先「{name}」は読み込むファイルそのものです。別の名前を指定してください。",
        f"The output '{name}' is the input file itself. Name another file.",
    )


def _refuse_a_plan(path: Path, suffix: str) -> None:
    """Only a plan is ever written over a plan: by its name (.twplan), or by its header."""
    name = shown(path.name, 80)
    if path.suffix.lower() == PLAN_SUFFIX:
        raise ProjectFileError(
            "output_is_plan",
            f"出力先「{name}」は計画ファイルの名前（{PLAN_SUFFIX}）です。"
            f"計画を上書きしないよう、「{suffix}」で終わる名前を指定してください。",
            f"The output '{name}' has a plan file's name ({PLAN_SUFFIX}). "
            f"So that no plan is replaced, name a file ending in {suffix}.",
        )
    if _is_a_plan(path):
        raise ProjectFileError(
            "output_is_plan",
            f"出力先「{name}」は計画ファイルです。計画を上書きしないよう、別のファイルを指定してください。",
            f"The output '{name}' is a plan file. So that no plan is replaced, name another file.",
        )


def _is_a_plan(path: Path) -> bool:
    """Whether a plan file of ours is there: SQLite's header with our application_id."""
    try:
        with open_regular(path) as f:
            header = f.read(72)
    except (ProjectFileError, OSError):
        return False
    return header.startswith(MAGIC) and int.from_bytes(header[68:72], "big") == APPLICATION_ID


STALE_TEMP_SECONDS = 3600


def remove_stale_temporaries(target: str | os.PathLike[str]) -> None:
    """Remove the hidden ``.NAME.*.tmp`` files that writes killed long ago left beside ``target``.

    Saves, JSON and PDF exports write ``.NAME.<random>.tmp`` first; one an hour old
    belongs to no running write. Never raises.
    """
    p = Path(target)
    limit = time.time() - STALE_TEMP_SECONDS
    try:
        for tmp in p.parent.glob(f".{glob.escape(p.name)}.*.tmp*"):
            try:
                if tmp.lstat().st_mtime < limit:
                    tmp.unlink()
            except OSError:
                pass
    except OSError:
        pass


# -- write failures -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Cause:
    reason: str
    ja: str
    en: str


READ_ONLY = _Cause(
    "read_only",
    "保存先は読み取り専用です。別の場所に保存してください。",
    "the location is read-only. Save it somewhere else.",
)
DISK_FULL = _Cause(
    "disk_full",
    "ディスクの空き容量が足りません。空きを作るか、別の場所に保存してください。",
    "the disk is full. Free some space or save it somewhere else.",
)
PATH_TOO_LONG = _Cause(
    "path_too_long",
    "ファイルの名前かパスが長すぎます。短い名前にするか、浅いフォルダーに保存してください。",
    "the file name or path is too long. Use a shorter name or a folder nearer the top.",
)
BUSY = _Cause(
    "busy",
    "ファイルが他のプログラムで使用中です。そのプログラムを閉じて、もう一度保存してください。",
    "the file is in use by another program. Close that program and save again.",
)
NO_PERMISSION = _Cause(
    "no_permission",
    "このフォルダーに書き込む権限がありません。別の場所に保存してください。",
    "you have no permission to write to this folder. Save it somewhere else.",
)
NO_FOLDER = _Cause(
    "no_folder",
    "保存先のフォルダーがありません。既存のフォルダーを選んでください。",
    "the folder does not exist. Choose an existing folder.",
)

_ERRNO = {
    getattr(errno, "EROFS", -1): READ_ONLY,
    errno.ENOSPC: DISK_FULL,
    getattr(errno, "EDQUOT", errno.ENOSPC): DISK_FULL,
    errno.ENAMETOOLONG: PATH_TOO_LONG,
    errno.EBUSY: BUSY,
    getattr(errno, "ETXTBSY", errno.EBUSY): BUSY,
    errno.EACCES: NO_PERMISSION,
    errno.EPERM: NO_PERMISSION,
    errno.ENOENT: NO_FOLDER,
    errno.ENOTDIR: NO_FOLDER,
}
_WINERROR = {32: BUSY, 33: BUSY, 206: PATH_TOO_LONG, 112: DISK_FULL, 19: READ_ONLY}
_SQLITE = {
    "SQLITE_FULL": DISK_FULL,
    "SQLITE_READONLY": READ_ONLY,
    "SQLITE_BUSY": BUSY,
    "SQLITE_LOCKED": BUSY,
    "SQLITE_PERM": NO_PERMISSION,
}


def _cause(exc: BaseException, replacing: bool) -> _Cause:
    if isinstance(exc, OSError):
        known = _WINERROR.get(getattr(exc, "winerror", None) or 0)
        if known is None and replacing and isinstance(exc, PermissionError):
            known = BUSY  # the target is held open (Windows: antivirus, the indexer, a viewer)
        known = known or _ERRNO.get(exc.errno or 0)
        if known is not None:
            return known
        return _failed(exc.strerror or type(exc).__name__)
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    for prefix, known in _SQLITE.items():
        if name.startswith(prefix):
            return known
    return _failed(name or type(exc).__name__)


def _failed(detail: str) -> _Cause:
    d = shown(detail, 60)
    return _Cause("write_failed", f"書き込みに失敗しました（{d}）。", f"the write failed ({d}).")


def write_cause(exc: BaseException, *, replacing: bool = False) -> L10n:
    """Why a write failed, as one ja/en sentence with what to do (no file names, no OS text)."""
    c = _cause(exc, replacing)
    return L10n(c.ja, c.en)


def write_failure(
    path: str | os.PathLike[str], exc: BaseException, *, replacing: bool = False
) -> ProjectFileError:
    """The one message for a file that could not be written (save, autosave, export, CLI).

    ``exc`` is an OSError (errno / winerror) or an sqlite3.Error (its error name);
    ``replacing``: it came from replacing the target, where a PermissionError means
    that another program holds the file. The error's ``cause`` is the sentence alone.
    """
    name = shown(Path(path).name, 80)
    c = _cause(exc, replacing)
    err = ProjectFileError(
        c.reason,
        f"「{name}」を保存できませんでした。{c.ja}",
        f"'{name}' could not be saved: {c.en}",
    )
    err.cause = L10n(c.ja, c.en)  # type: ignore[attr-defined]
    return err
