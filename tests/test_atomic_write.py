"""Issue 19, item 3: one atomic write for every file the program writes (plan, JSON, PDF, text).

Each writer gets the same guarantees from ``store/atomic.write_atomically``: a file
beside the target, fsync, a check, ``os.replace`` retried while another program holds
the target, the old file's mode kept, the old file untouched and no temporary file
left on any failure, and one ja/en line naming the cause.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from planner.report import ReportError, export_pdf
from planner.store import atomic
from planner.store.errors import ProjectFileError
from planner.store.interchange import export_json, import_json
from planner.store.project import save_plan
from tests.store_plans import sample_json

VILLAGE_JSON = sample_json("yamanami-village")
BUSY_JA = "ファイルが他のプログラムで使用中です。そのプログラムを閉じて、もう一度保存してください。"


@pytest.fixture(scope="module")
def village(catalog):
    return import_json(VILLAGE_JSON, catalog)


def _pdf(plan, out):
    export_pdf(plan, out)


def _json(plan, out):
    export_json(plan, out)


def _plan(plan, out):
    save_plan(plan, out, keep_backup=False)


WRITERS = {"plan.pdf": _pdf, "plan.json": _json, "plan.twplan": _plan}


@pytest.fixture
def held_twice(monkeypatch, tmp_path):
    """Another program (antivirus, a viewer) holds the target for the first two replaces."""
    waits: list[float] = []
    monkeypatch.setattr(atomic, "_sleep", waits.append)
    real_replace, held = os.replace, []

    def replace(src, dst, **kw):
        if Path(dst).name.startswith("plan.") and Path(dst).parent == tmp_path and len(held) < 2:
            held.append(dst)
            raise PermissionError(errno.EACCES, "Access is denied", os.fsdecode(dst))
        return real_replace(src, dst, **kw)

    monkeypatch.setattr(os, "replace", replace)
    return waits


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_every_writer_waits_for_a_target_another_program_holds(village, tmp_path, name, held_twice):
    out = tmp_path / name
    out.write_bytes(b"old")
    WRITERS[name](village, out)
    assert out.read_bytes() != b"old"
    assert held_twice == [0.05, 0.1]  # two short waits, then the replace went through
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.parametrize("name", sorted(WRITERS))
def test_every_writer_keeps_the_mode_of_the_file_it_replaces(village, tmp_path, name):
    umask = os.umask(0o022)
    try:
        fresh = tmp_path / ("fresh-" + name)
        WRITERS[name](village, fresh)
        assert fresh.stat().st_mode & 0o777 == 0o644  # a new file: the usual mode
        out = tmp_path / name
        out.write_bytes(b"old")
        out.chmod(0o640)  # shared with the department's group only
        WRITERS[name](village, out)
    finally:
        os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o640


def test_a_failed_check_keeps_the_old_file_and_leaves_nothing(tmp_path):
    out = tmp_path / "data.bin"
    out.write_bytes(b"old")

    def check(tmp: Path) -> None:
        assert tmp.read_bytes() == b"new"  # the complete file, before it replaces anything
        raise RuntimeError("read back wrong")

    with pytest.raises(RuntimeError):
        atomic.write_atomically(out, b"new", check=check)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.bin"]


def test_a_writer_that_writes_by_name_gets_an_empty_file_and_its_result_back(tmp_path):
    out = tmp_path / "data.bin"
    seen = []

    def write(tmp: Path) -> int:
        seen.append(tmp.read_bytes())
        tmp.write_bytes(b"12345")  # as reportlab or SQLite write: by the file's name
        return 5

    assert atomic.write_atomically(out, write) == 5
    assert seen == [b""] and out.read_bytes() == b"12345"


def test_a_write_that_fails_is_the_writers_one_line(tmp_path, village):
    out = tmp_path / "plan.pdf"
    out.write_bytes(b"old")

    def disk_full(tmp: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    from planner.report.result import write_error

    with pytest.raises(ReportError) as e:
        atomic.write_atomically(out, disk_full, failure=write_error)
    assert e.value.text("en") == (
        "The PDF 'plan.pdf' could not be written: "
        "the disk is full. Free some space or save it somewhere else."
    )
    with pytest.raises(ProjectFileError) as e2:
        atomic.write_atomically(out, disk_full)
    assert e2.value.reason == "disk_full"
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]


def test_a_target_held_for_good_is_said_to_be_in_use(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic, "_sleep", lambda s: None)

    def held(src, dst, **kw):
        raise PermissionError(errno.EACCES, "Access is denied", os.fsdecode(dst))

    monkeypatch.setattr(os, "replace", held)
    out = tmp_path / "plan.json"
    with pytest.raises(ProjectFileError) as e:
        atomic.write_atomically(out, b"{}")
    assert e.value.text("ja") == f"「plan.json」を保存できませんでした。{BUSY_JA}"
    assert not list(tmp_path.iterdir())
