"""Lock files beside plans on shared folders (who has the plan open, since when).

While a plan is open the program keeps ``.~lock.NAME.twplan#`` beside it (the
name office suites use, so people recognise it), a small JSON record::

    {"user": "yamada", "host": "PC-SOUMU-01", "pid": 4242,
     "since": "2025-06-02T09:14:03+00:00", "program": "Telework Planner 0.1.0",
     "token": "…"}

A second person who opens the plan gets ``PlanLockedError`` carrying the owner
and may open it read-only (a read-only plan is saved only under a new name).
A lock is *stale* when its process is gone on the same computer, or when it is
older than a day; the UI may then offer ``take_over`` after asking.

Standard library only. Creating the lock uses O_CREAT|O_EXCL, which is atomic
on local disks and on SMB shares.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .. import APP_NAME, version
from ..domain.text import L10n
from .errors import ProjectFileError, shown

STALE_AFTER = timedelta(days=1)
GARBLED_GRACE = timedelta(minutes=1)  # a lock file being written right now looks empty
MAX_LOCK_BYTES = 4096


@dataclass(frozen=True)
class LockInfo:
    user: str
    host: str
    pid: int
    since: datetime  # timezone-aware (local time when read from a lock file)
    program: str = ""
    token: str = ""
    # what stands at the lock path when it is no regular file (フォルダー / a folder, …):
    # no program of ours made it, so it holds nobody's lock, and no lock can be made there
    not_a_file: L10n | None = None

    @property
    def readable(self) -> bool:
        """False for an empty or garbled lock file (user and host unknown)."""
        return bool(self.user or self.host)

    def describe(self, lang: str = "ja") -> str:
        since = _local(self.since).strftime("%Y-%m-%d %H:%M")
        user, host = shown(self.user or "?", 40), shown(self.host or "?", 40)
        if lang == "en":
            return f"{user} on {host} since {since}"
        return f"{user}（{host}）が {since} から"


class PlanLockedError(ProjectFileError):
    """Someone else has the plan open. ``owner`` says who; ``stale`` whether it may be taken over."""

    def __init__(self, path: Path, owner: LockInfo, stale: bool) -> None:
        name = shown(path.name, 80)
        extra_ja = "（このロックは古いため、引き継ぐこともできます）" if stale else ""
        extra_en = " (the lock is stale and may be taken over)" if stale else ""
        super().__init__(
            "locked",
            f"計画「{name}」は {owner.describe('ja')}開いています。読み取り専用で開くことができます{extra_ja}。",
            f"The plan '{name}' is open by {owner.describe('en')}. You can open it read-only{extra_en}.",
        )
        self.path = path
        self.owner = owner
        self.stale = stale


def lock_path(path: str | os.PathLike[str]) -> Path:
    p = Path(path)
    return p.with_name(f".~lock.{p.name}#")


# getpass, socket, secrets and json are imported where used: the window asks this module
# about recovery files at start-up, and those imports cost ~10 ms that no start needs.


def current_user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in the environment
        return "?"


def current_host() -> str:
    import socket

    return socket.gethostname() or "?"


def _record(token: str) -> LockInfo:
    return LockInfo(
        user=current_user(),
        host=current_host(),
        pid=os.getpid(),
        since=datetime.now(UTC).replace(microsecond=0),
        program=f"{APP_NAME} {version()}",
        token=token,
    )


def _token(nbytes: int) -> str:
    import secrets

    return secrets.token_hex(nbytes)


def _encode(info: LockInfo) -> bytes:
    data = {
        "user": info.user, "host": info.host, "pid": info.pid,
        "since": info.since.isoformat(), "program": info.program, "token": info.token,
    }  # fmt: skip
    import json

    return json.dumps(data, ensure_ascii=False).encode("utf-8")


class Lock:
    """A lock this process holds on a plan. Release it when the plan is closed."""

    def __init__(self, plan_path: Path, info: LockInfo) -> None:
        self.plan_path = plan_path
        self.path = lock_path(plan_path)
        self.info = info

    def is_held(self) -> bool:
        """Whether the lock file is still ours (nobody has taken it over)."""
        current = read_lock(self.plan_path)
        return current is not None and current.token == self.info.token

    def release(self) -> None:
        """Remove the lock file if it is still ours; never raises."""
        try:
            if self.is_held():
                self.path.unlink()
        except OSError:
            pass

    def __enter__(self) -> Lock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _local(when: datetime) -> datetime:
    """``when`` in local time, or as it is where that would leave the calendar (year 1, 9999)."""
    try:
        return when.astimezone()
    except (OverflowError, ValueError):
        return when


def read_lock(path: str | os.PathLike[str]) -> LockInfo | None:
    """The lock of a plan, or None if there is none. A garbled lock reads as unknown owner."""
    lp = lock_path(path)
    from .files import open_regular

    try:
        with open_regular(lp) as f:  # a FIFO or folder in its place must not hang us
            raw = f.read(MAX_LOCK_BYTES + 1)
            mtime = datetime.fromtimestamp(os.fstat(f.fileno()).st_mtime, UTC)
    except ProjectFileError as e:
        if e.reason == "not_found":
            return None
        if e.reason == "not_regular":
            return LockInfo("", "", 0, datetime.now(UTC), not_a_file=_what_is_there(lp))
        return LockInfo("", "", 0, datetime.now(UTC))
    except (OSError, OverflowError, ValueError):  # an mtime beyond the calendar, too
        return LockInfo("", "", 0, datetime.now(UTC))
    try:
        if len(raw) > MAX_LOCK_BYTES:
            raise ValueError("too long")
        import json

        d = json.loads(raw.decode("utf-8"))
        since = datetime.fromisoformat(d["since"])
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        info = LockInfo(
            user=d["user"], host=d["host"], pid=d["pid"], since=_local(since),
            program=d.get("program", ""), token=d.get("token", ""),
        )  # fmt: skip
        if not all(isinstance(x, str) for x in (info.user, info.host, info.program, info.token)):
            raise ValueError("types")
        if type(info.pid) is not int:
            raise ValueError("pid")
        return info
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError, RecursionError):
        return LockInfo("", "", 0, _local(mtime))


def _what_is_there(lp: Path) -> L10n:
    from ..loading.datafile import file_kind

    try:
        return file_kind(os.stat(lp).st_mode)
    except OSError:
        return file_kind(0)


# no process id reaches this on Windows or POSIX (pid_t); larger ones overflow os.kill
MAX_PID = 2**31 - 1


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer."""
    if not 0 < pid <= MAX_PID:
        return False
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        import ctypes

        return pid_alive_windows(pid, ctypes.windll.kernel32)  # type: ignore[attr-defined]
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except (OSError, OverflowError):
        return False
    return True


def pid_alive_windows(pid: int, kernel32) -> bool:  # noqa: ANN001 - ctypes' kernel32 (a seam)
    """Windows: whether process ``pid`` runs, asked through kernel32 (tests pass a fake)."""
    import ctypes

    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return kernel32.GetLastError() == 5  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def is_stale(info: LockInfo, *, now: datetime | None = None) -> bool:
    """Stale: its process is gone on this computer, or it is older than a day (or dated more
    than a day ahead: no clock is that wrong), or it is no file at all (not_a_file)."""
    if info.not_a_file is not None:
        return True
    now = now or datetime.now(UTC)
    age = now - info.since
    if abs(age) > STALE_AFTER:
        return True
    if not info.readable:
        return age > GARBLED_GRACE
    same_host = info.host.casefold() == current_host().casefold()
    return same_host and info.pid != os.getpid() and not pid_alive(info.pid)


class LockUnavailableError(ProjectFileError, OSError):
    """No lock file can be made (read-only folder, permissions): open the plan read-only.

    Also an OSError, so callers that treat any OS failure as "open read-only" catch it.
    """

    def __str__(self) -> str:
        return self.message.en


def _lock_error(path: Path, e: OSError) -> ProjectFileError:
    name = shown(path.name, 80)
    return LockUnavailableError(
        "lock_failed",
        f"計画「{name}」のフォルダーにロックファイルを作れません（{shown(e.strerror or e, 40)}）。読み取り専用で開いてください。",
        f"Cannot create a lock file beside '{name}' ({shown(e.strerror or e, 40)}). Open it read-only.",
    )


def _not_a_file_error(path: Path, kind: L10n) -> ProjectFileError:
    """Something other than a file where the lock belongs: left alone, the plan opens read-only."""
    name, lock = shown(path.name, 80), shown(lock_path(path).name, 80)
    return LockUnavailableError(
        "lock_not_a_file",
        f"計画「{name}」のロックファイルの場所（{lock}）に{kind.ja}があります。このプログラムのロックではないため、"
        "誰も計画を開いていませんが、ロックを作れません。取り除くまでは読み取り専用で開いてください。",
        f"Where the lock file of '{name}' belongs ({lock}) there is {kind.en}. It is no lock of this "
        "program, so nobody has the plan open, but no lock can be made. Open it read-only until it is removed.",
    )


def acquire_lock(path: str | os.PathLike[str]) -> Lock:
    """Lock a plan for this process, or raise PlanLockedError naming who has it."""
    p = Path(path)
    info = _record(_token(8))
    lp = lock_path(p)
    try:
        fd = os.open(lp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    except FileExistsError:
        owner = read_lock(p) or LockInfo("", "", 0, datetime.now(UTC))
        if owner.not_a_file is not None:
            raise _not_a_file_error(p, owner.not_a_file) from None
        raise PlanLockedError(p, owner, is_stale(owner)) from None
    except OSError as e:
        raise _lock_error(p, e) from None
    try:
        os.write(fd, _encode(info))
        os.fsync(fd)
    finally:
        os.close(fd)
    return Lock(p, info)


def take_over(path: str | os.PathLike[str]) -> Lock:
    """Replace someone's (stale) lock by ours. The caller asks the user first."""
    p = Path(path)
    info = _record(_token(8))
    lp = lock_path(p)
    tmp = lp.with_name(f"{lp.name}.{os.getpid()}-{_token(4)}.tmp")
    try:
        with tmp.open("wb") as f:
            f.write(_encode(info))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, lp)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise _lock_error(p, e) from None
    return Lock(p, info)


# -- writers ------------------------------------------------------------------------------


class TargetLockedError(PlanLockedError):
    """A writer's target is a plan someone has open: it is not replaced (nor offered read-only)."""

    def __init__(self, path: Path, owner: LockInfo) -> None:
        name = shown(path.name, 80)
        ProjectFileError.__init__(
            self,
            "locked",
            f"計画「{name}」は {owner.describe('ja')}開いています。開いている間は上書きできません。"
            "閉じてから実行するか、別の名前を指定してください。",
            f"The plan '{name}' is open by {owner.describe('en')}. It cannot be replaced while "
            "open: close it first, or name another file.",
        )
        self.path, self.owner, self.stale = path, owner, False


def check_not_locked(path: str | os.PathLike[str]) -> None:
    """Every writer's lock check (store/files.check_target): a live lock refuses the target.

    A stale lock (its process gone, or a day old) does not: nobody has the plan open.
    """
    p = Path(path)
    owner = read_lock(p)
    if owner is not None and not is_stale(owner):
        raise TargetLockedError(p, owner)
