"""Lock files on shared folders: who has the plan open, read-only for the second, stale locks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from planner.store.lock import (
    LockInfo,
    LockUnavailableError,
    PlanLockedError,
    acquire_lock,
    current_host,
    current_user,
    is_stale,
    lock_path,
    read_lock,
    take_over,
)
from planner.store.project import open_plan, save_plan
from tests.store_plans import sample_twplan

HOLDER = """
import sys
from planner.store.lock import acquire_lock
lock = acquire_lock(sys.argv[1])
print("locked", flush=True)
sys.stdin.readline()
lock.release()
"""


@pytest.fixture
def plan_path(tmp_path) -> Path:
    path = tmp_path / "shared" / "village.twplan"
    path.parent.mkdir()
    path.write_bytes(sample_twplan("yamanami-village").read_bytes())
    return path


def write_lock(plan_path: Path, **fields) -> None:
    record = {"user": "tanaka", "host": "PC-KIKAKU-02", "pid": 99999999,
              "since": datetime.now(UTC).isoformat(), "program": "Telework Planner 0.1.0",
              "token": "abc"} | fields  # fmt: skip
    lock_path(plan_path).write_text(json.dumps(record), encoding="utf-8")


def test_lock_file_records_owner_and_is_removed_on_release(plan_path):
    lock = acquire_lock(plan_path)
    lp = lock_path(plan_path)
    assert lp.name == ".~lock.village.twplan#" and lp.parent == plan_path.parent
    info = read_lock(plan_path)
    assert (info.user, info.host, info.pid) == (current_user(), current_host(), os.getpid())
    assert abs(datetime.now(UTC) - info.since) < timedelta(minutes=1)
    assert lock.is_held()
    lock.release()
    assert not lp.exists()
    acquire_lock(plan_path).release()  # free again


def test_a_second_opener_is_told_who_has_it_and_can_read(plan_path):
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(plan_path)], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parent.parent,
    )  # fmt: skip
    try:
        assert child.stdout.readline().strip() == "locked"
        with pytest.raises(PlanLockedError) as e:
            acquire_lock(plan_path)
        owner = e.value.owner
        assert owner.pid == child.pid and owner.user == current_user()
        assert not e.value.stale
        assert f"{current_user()}（{current_host()}）が" in e.value.text("ja")
        assert "読み取り専用で開くことができます" in e.value.text("ja")
        assert "read-only" in e.value.text("en")
        assert open_plan(plan_path).municipality.name == "やまなみ村"  # read-only open works
    finally:
        child.stdin.write("\n")
        child.stdin.flush()
        child.wait(10)
    assert read_lock(plan_path) is None


def test_lock_of_a_process_that_is_gone_is_stale_and_can_be_taken_over(plan_path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    write_lock(plan_path, host=current_host(), pid=int(gone.stdout))
    with pytest.raises(PlanLockedError) as e:
        acquire_lock(plan_path)
    assert e.value.stale
    assert "引き継ぐこともできます" in e.value.text("ja")
    lock = take_over(plan_path)
    assert lock.is_held() and read_lock(plan_path).pid == os.getpid()
    lock.release()
    assert read_lock(plan_path) is None


def test_stale_rules():
    now = datetime.now(UTC)
    other = LockInfo("tanaka", "PC-OTHER", 99999999, now - timedelta(hours=3))
    assert not is_stale(other)  # another computer's process cannot be checked: wait a day
    assert is_stale(LockInfo("tanaka", "PC-OTHER", 1, now - timedelta(days=1, minutes=1)))
    mine_alive = LockInfo("me", current_host(), os.getpid(), now)
    assert not is_stale(mine_alive)
    assert is_stale(LockInfo("me", current_host().upper(), 99999999, now))
    garbled = LockInfo("", "", 0, now)
    assert not is_stale(garbled)  # maybe being written right now
    assert is_stale(LockInfo("", "", 0, now - timedelta(minutes=5)))


def test_garbled_lock_file_reads_as_unknown_owner(plan_path):
    lock_path(plan_path).write_bytes(b"\x00\xffnot json")
    info = read_lock(plan_path)
    assert not info.readable and info.pid == 0
    with pytest.raises(PlanLockedError) as e:
        acquire_lock(plan_path)
    assert "?（?）が" in e.value.text("ja")


def test_release_does_not_remove_a_lock_taken_over_by_someone_else(plan_path):
    mine = acquire_lock(plan_path)
    theirs = take_over(plan_path)  # e.g. a colleague took over after asking
    assert not mine.is_held()
    mine.release()
    assert lock_path(plan_path).exists()
    theirs.release()
    assert not lock_path(plan_path).exists()


def test_no_lock_possible_in_a_missing_or_read_only_folder(tmp_path):
    with pytest.raises(LockUnavailableError) as e:
        acquire_lock(tmp_path / "missing" / "x.twplan")
    assert isinstance(e.value, OSError)  # callers may open read-only on any OS error
    assert "読み取り専用で開いてください" in e.value.text("ja")


def test_saving_keeps_the_lock(plan_path):
    lock = acquire_lock(plan_path)
    save_plan(open_plan(plan_path), plan_path)
    assert lock.is_held()
    lock.release()
