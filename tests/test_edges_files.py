"""Issue 14, items 1, 2 and 6: every failure to write a file is one clear line; anything
that is not a regular file is refused at once; smaller edges (newer files, PDF
temporaries, Windows-only branches through their seams).

The filesystem failures are made without root: the OS calls (``os.open``,
``os.replace``, ``os.link``, ``sqlite3.connect``) raise the errno a read-only or full
filesystem gives, for paths inside one folder only.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest

from planner.cli import run_cli
from planner.store import atomic
from planner.store.errors import ProjectFileError
from planner.store.interchange import export_json, import_json
from planner.store.lock import lock_path, pid_alive_windows, read_lock
from planner.store.project import open_plan, save_plan
from planner.store.recovery import list_recoveries, write_recovery
from tests.store_plans import sample_json, sample_twplan

VILLAGE_JSON = sample_json("yamanami-village")
VILLAGE = sample_twplan("yamanami-village")

READ_ONLY_JA = "保存先は読み取り専用です。別の場所に保存してください。"
READ_ONLY_EN = "the location is read-only. Save it somewhere else."
DISK_FULL_JA = "ディスクの空き容量が足りません。空きを作るか、別の場所に保存してください。"
DISK_FULL_EN = "the disk is full. Free some space or save it somewhere else."
TOO_LONG_JA = (
    "ファイルの名前かパスが長すぎます。短い名前にするか、浅いフォルダーに保存してください。"
)
TOO_LONG_EN = "the file name or path is too long. Use a shorter name or a folder nearer the top."
BUSY_JA = "ファイルが他のプログラムで使用中です。そのプログラムを閉じて、もう一度保存してください。"
BUSY_EN = "the file is in use by another program. Close that program and save again."


def run(capsys, *args) -> tuple[int, str, str]:
    code = run_cli([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _inside(path, folder: Path) -> bool:
    try:
        return Path(os.fsdecode(path)).resolve().parent == folder.resolve()
    except (TypeError, ValueError):
        return False


@pytest.fixture
def read_only_folder(tmp_path, monkeypatch) -> Path:
    """A folder on a read-only filesystem: every way of writing into it fails with EROFS."""
    folder = tmp_path / "ro"
    folder.mkdir()

    def erofs(path) -> OSError:
        return OSError(errno.EROFS, os.strerror(errno.EROFS), os.fsdecode(path))

    real_open, real_replace, real_link, real_connect = os.open, os.replace, os.link, sqlite3.connect

    def fake_open(path, flags, mode=0o777, *, dir_fd=None):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) and _inside(path, folder):
            raise erofs(path)
        return real_open(path, flags, mode, dir_fd=dir_fd)

    def fake_replace(src, dst, **kw):
        if _inside(dst, folder):
            raise erofs(src)
        return real_replace(src, dst, **kw)

    def fake_link(src, dst, **kw):
        if _inside(dst, folder):
            raise erofs(dst)
        return real_link(src, dst, **kw)

    def fake_connect(path, *a, **kw):
        if (
            isinstance(path, str | os.PathLike)
            and _inside(path, folder)
            and "mode=ro" not in str(path)
        ):
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(path, *a, **kw)

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "replace", fake_replace)
    monkeypatch.setattr(os, "link", fake_link)
    monkeypatch.setattr(sqlite3, "connect", fake_connect)
    return folder


@pytest.fixture
def full_folder(tmp_path, monkeypatch) -> Path:
    """A folder on a full disk: SQLite runs out of pages, os.write gives ENOSPC."""
    folder = tmp_path / "full"
    folder.mkdir()
    real_connect, real_write = sqlite3.connect, os.write
    fds: set[int] = set()

    def fake_connect(path, *a, **kw):
        conn = real_connect(path, *a, **kw)
        if isinstance(path, str | os.PathLike) and _inside(path, folder):
            conn.execute("PRAGMA max_page_count = 3")  # SQLite then fails as on a full disk
        return conn

    def fake_write(fd, data):
        target = os.readlink(f"/proc/self/fd/{fd}") if os.path.exists("/proc/self/fd") else ""
        if target and _inside(target, folder):
            fds.add(fd)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(sqlite3, "connect", fake_connect)
    monkeypatch.setattr(os, "write", fake_write)
    return folder


# -- 1. save failures: one line naming the cause ------------------------------------------


def test_save_into_a_read_only_folder(read_only_folder):
    plan = import_json(VILLAGE_JSON)
    with pytest.raises(ProjectFileError) as e:
        save_plan(plan, read_only_folder / "new.twplan")
    assert e.value.reason == "read_only"
    assert e.value.text("ja") == f"「new.twplan」を保存できませんでした。{READ_ONLY_JA}"
    assert e.value.text("en") == f"'new.twplan' could not be saved: {READ_ONLY_EN}"
    assert list(read_only_folder.iterdir()) == []


def test_save_onto_a_full_disk_keeps_the_old_file(full_folder):
    target = full_folder / "plan.twplan"
    target.write_bytes(VILLAGE.read_bytes())
    before = target.read_bytes()
    plan = import_json(VILLAGE_JSON)
    plan.leader = "変更後"
    with pytest.raises(ProjectFileError) as e:
        save_plan(plan, target)
    assert e.value.reason == "disk_full"
    assert e.value.text("ja") == f"「plan.twplan」を保存できませんでした。{DISK_FULL_JA}"
    assert e.value.text("en") == f"'plan.twplan' could not be saved: {DISK_FULL_EN}"
    assert target.read_bytes() == before
    assert sorted(p.name for p in full_folder.iterdir()) == ["plan.twplan"]


def test_save_with_a_name_too_long(tmp_path):
    # the name itself fits (247 bytes), the hidden temporary beside it does not: a real ENAMETOOLONG
    name = "長" * 80 + ".twplan"
    with pytest.raises(ProjectFileError) as e:
        save_plan(import_json(VILLAGE_JSON), tmp_path / name)
    assert e.value.reason == "path_too_long"
    assert e.value.text("ja").endswith(f"を保存できませんでした。{TOO_LONG_JA}")
    assert e.value.text("en").endswith(f"could not be saved: {TOO_LONG_EN}")
    assert list(tmp_path.iterdir()) == []


def test_cli_import_into_a_read_only_folder_is_one_line(capsys, read_only_folder):
    code, out, err = run(capsys, "import-json", VILLAGE_JSON, "-o", read_only_folder / "new.twplan")
    assert (code, out) == (1, "")
    assert err == f"planner: 「new.twplan」を保存できませんでした。{READ_ONLY_JA}\n"
    code, out, err = run(
        capsys, "import-json", VILLAGE_JSON, "-o", read_only_folder / "new.twplan", "--lang", "en"
    )
    assert err == f"planner: 'new.twplan' could not be saved: {READ_ONLY_EN}\n"


def test_cli_import_onto_a_full_disk_is_one_line(capsys, full_folder):
    code, out, err = run(capsys, "import-json", VILLAGE_JSON, "-o", full_folder / "new.twplan")
    assert (code, out) == (1, "")
    assert err == f"planner: 「new.twplan」を保存できませんでした。{DISK_FULL_JA}\n"
    assert list(full_folder.iterdir()) == []


def test_export_json_into_a_read_only_folder_names_no_temporary(capsys, read_only_folder):
    code, _out, err = run(capsys, "export-json", VILLAGE, "-o", read_only_folder / "plan.json")
    assert code == 1
    assert err == f"planner: 「plan.json」を保存できませんでした。{READ_ONLY_JA}\n"
    assert ".tmp" not in err
    _c, _o, err = run(
        capsys, "export-json", VILLAGE, "-o", read_only_folder / "plan.json", "--lang", "en"
    )
    assert err == f"planner: 'plan.json' could not be saved: {READ_ONLY_EN}\n"


@pytest.mark.skipif(not os.path.exists("/proc/self/fd"), reason="needs /proc to see the fd's file")
def test_export_json_onto_a_full_disk(full_folder):
    with pytest.raises(ProjectFileError) as e:
        export_json(import_json(VILLAGE_JSON), full_folder / "plan.json")
    assert e.value.text("ja") == f"「plan.json」を保存できませんでした。{DISK_FULL_JA}"
    assert list(full_folder.iterdir()) == []


def test_autosave_into_a_read_only_folder_says_why(read_only_folder):
    with pytest.raises(ProjectFileError) as e:
        write_recovery(import_json(VILLAGE_JSON), read_only_folder, None, key="k")
    assert e.value.cause.ja == READ_ONLY_JA and e.value.cause.en == READ_ONLY_EN


# -- 2. not a regular file: refused at once -----------------------------------------------


@pytest.fixture
def specials(tmp_path) -> dict[str, Path]:
    fifo_json, fifo_plan = tmp_path / "fifo.json", tmp_path / "fifo.twplan"
    os.mkfifo(fifo_json)
    os.mkfifo(fifo_plan)
    folder = tmp_path / "x.twplan"
    folder.mkdir()
    return {"fifo_json": fifo_json, "fifo_plan": fifo_plan, "folder": folder}


FIFO_JA = "は通常のファイルではありません（名前付きパイプ）。ファイルを指定してください。"
FOLDER_JA = "は通常のファイルではありません（フォルダー）。ファイルを指定してください。"


@pytest.mark.timeout(20)  # today's main blocks forever on the FIFO
@pytest.mark.parametrize("command", ["validate", "summary", "export-json", "export-pdf"])
def test_every_command_refuses_a_fifo_or_a_folder_at_once(capsys, specials, tmp_path, command):
    extra = {"export-json": ["-o", tmp_path / "o.json"], "export-pdf": ["-o", tmp_path / "o.pdf"]}
    for key, kind in (("fifo_json", FIFO_JA), ("fifo_plan", FIFO_JA), ("folder", FOLDER_JA)):
        path = specials[key]
        code, out, err = run(capsys, command, path, *extra.get(command, []))
        assert (code, out) == (1, "")
        assert err == f"planner: 「{path.name}」{kind}\n"
    _c, _o, err = run(
        capsys, command, specials["fifo_json"], *extra.get(command, []), "--lang", "en"
    )
    assert (
        err
        == "planner: 'fifo.json' is not a regular file (it is a named pipe (FIFO)). Name a file.\n"
    )
    assert not (tmp_path / "o.json").exists() and not (tmp_path / "o.pdf").exists()


@pytest.mark.timeout(20)
def test_import_json_refuses_special_input_and_output(capsys, specials, tmp_path):
    code, _o, err = run(capsys, "import-json", specials["fifo_json"], "-o", tmp_path / "o.twplan")
    assert code == 1 and err == f"planner: 「fifo.json」{FIFO_JA}\n"
    code, _o, err = run(capsys, "import-json", VILLAGE_JSON, "-o", specials["folder"])
    assert code == 1 and err == f"planner: 「x.twplan」{FOLDER_JA}\n"
    code, _o, err = run(capsys, "export-json", VILLAGE, "-o", specials["fifo_json"])
    assert code == 1 and err == f"planner: 「fifo.json」{FIFO_JA}\n"
    code, _o, err = run(capsys, "export-pdf", VILLAGE, "-o", specials["folder"])
    assert code == 1 and err == f"planner: 「x.twplan」{FOLDER_JA}\n"
    assert not (tmp_path / "o.twplan").exists()


@pytest.mark.timeout(20)
def test_store_functions_refuse_special_files(specials):
    for path in specials.values():
        with pytest.raises(ProjectFileError) as e:
            open_plan(path) if path.suffix == ".twplan" else import_json(path)
        assert e.value.reason == "not_regular"
    with pytest.raises(ProjectFileError) as e:
        save_plan(import_json(VILLAGE_JSON), specials["folder"])
    assert e.value.reason == "not_regular" and specials["folder"].is_dir()


@pytest.mark.timeout(20)
def test_a_fifo_as_lock_or_recovery_file_does_not_hang(tmp_path):
    plan_file = tmp_path / "plan.twplan"
    os.mkfifo(lock_path(plan_file))
    owner = read_lock(plan_file)
    assert owner is not None and not owner.readable  # an unknown owner, at once
    rec = tmp_path / "recovery"
    rec.mkdir()
    os.mkfifo(rec / "plan-0.twplan")
    assert list_recoveries(rec) == []


# -- 6. smaller edges ---------------------------------------------------------------------


def test_a_newer_file_names_its_revision_and_the_programs(tmp_path):
    from planner import version
    from planner.store.schema import HEAD_GENERATION

    path = tmp_path / "new.twplan"
    save_plan(import_json(VILLAGE_JSON), path)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA user_version = 999")
        conn.commit()
    with pytest.raises(ProjectFileError) as e:
        open_plan(path)
    assert e.value.text("ja") == (
        "計画ファイル「new.twplan」は新しいバージョンのプログラムで保存されているため開けません"
        f"（ファイルの形式の版 999。このプログラム {version()} が開けるのは版 {HEAD_GENERATION} まで）。"
        "プログラムを更新してから開いてください。"
    )
    assert e.value.text("en") == (
        "The plan file 'new.twplan' was saved by a newer version of the program (file format "
        f"revision 999; this program, version {version()}, opens revisions up to {HEAD_GENERATION}). "
        "Update the program to open it."
    )


def test_killed_pdf_exports_leave_no_temporaries(capsys, tmp_path):
    old = tmp_path / ".plan.pdf.k1ll3d.tmp"
    old.write_bytes(b"")
    hours_ago = time.time() - 2 * 3600
    os.utime(old, (hours_ago, hours_ago))
    running = tmp_path / ".plan.pdf.w0rk1n.tmp"  # another export, still writing
    running.write_bytes(b"")
    code, _o, _e = run(capsys, "export-pdf", VILLAGE, "-o", tmp_path / "plan.pdf")
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [".plan.pdf.w0rk1n.tmp", "plan.pdf"]


def test_replace_retries_permission_errors_then_succeeds(monkeypatch):
    waits: list[float] = []
    monkeypatch.setattr(atomic, "_sleep", waits.append)
    calls = []

    def flaky() -> None:
        calls.append(1)
        if len(calls) <= 2:
            raise PermissionError(errno.EACCES, "The process cannot access the file")

    atomic.retry(flaky)
    assert len(calls) == 3 and waits == [0.05, 0.1]


def test_a_replace_that_never_succeeds_is_one_line(tmp_path, monkeypatch):
    target = tmp_path / "plan.twplan"
    target.write_bytes(VILLAGE.read_bytes())
    before = target.read_bytes()
    waits: list[float] = []
    monkeypatch.setattr(atomic, "_sleep", waits.append)
    real_replace = os.replace

    def held(src, dst, **kw):  # antivirus holds the plan: Windows says "access denied"
        if Path(dst) == target:
            raise PermissionError(errno.EACCES, "Access is denied", os.fsdecode(dst))
        return real_replace(src, dst, **kw)

    monkeypatch.setattr(os, "replace", held)
    with pytest.raises(ProjectFileError) as e:
        save_plan(import_json(VILLAGE_JSON), target)
    assert e.value.reason == "busy"
    assert e.value.text("ja") == f"「plan.twplan」を保存できませんでした。{BUSY_JA}"
    assert e.value.text("en") == f"'plan.twplan' could not be saved: {BUSY_EN}"
    assert len(waits) == 7 and sum(waits) < 4  # eight attempts, about 3.5 s in all
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.twplan", "plan.twplan.bak"]


class FakeKernel32:
    """kernel32 as pid_alive_windows uses it: OpenProcess, GetLastError, GetExitCodeProcess."""

    def __init__(self, handle: int, last_error: int = 0, exit_code: int = 259) -> None:
        self.handle, self.last_error, self.exit_code = handle, last_error, exit_code
        self.closed: list[int] = []

    def OpenProcess(self, access, inherit, pid):  # noqa: N802
        assert access == 0x1000 and inherit is False
        return self.handle

    def GetLastError(self):  # noqa: N802
        return self.last_error

    def GetExitCodeProcess(self, handle, ref):  # noqa: N802
        ref._obj.value = self.exit_code
        return 1

    def CloseHandle(self, handle):  # noqa: N802
        self.closed.append(handle)


def test_the_windows_owner_check_through_its_seam():
    assert pid_alive_windows(42, FakeKernel32(handle=7, exit_code=259))  # STILL_ACTIVE
    ended = FakeKernel32(handle=7, exit_code=0)
    assert not pid_alive_windows(42, ended) and ended.closed == [7]
    assert pid_alive_windows(42, FakeKernel32(handle=0, last_error=5))  # access denied: it runs
    assert not pid_alive_windows(42, FakeKernel32(handle=0, last_error=87))  # no such process
