"""Autosave and recovery (UI-free): write, list after a crash, open, discard."""

from __future__ import annotations

import os
import subprocess
import sys
from copy import deepcopy
from datetime import datetime, timedelta
from pathlib import Path

from planner.store.interchange import import_json
from planner.store.recovery import (
    discard_recovery,
    list_recoveries,
    open_recovery,
    write_recovery,
)
from tests.store_plans import sample_json

CRASH = """
import os, sys
from planner.store.interchange import import_json
from planner.store.recovery import write_recovery
plan = import_json(sys.argv[1])
plan.municipality.author = "未保存の変更"
write_recovery(plan, sys.argv[2], sys.argv[3])
os._exit(1)  # a crash: no clean-up
"""


def test_a_crashed_session_leaves_a_recovery_that_the_next_start_offers(tmp_path):
    recovery = tmp_path / "recovery"
    source = tmp_path / "plans" / "village.twplan"
    subprocess.run(
        [sys.executable, "-c", CRASH, str(sample_json("yamanami-village")), str(recovery), str(source)],
        cwd=Path(__file__).resolve().parent.parent, check=False,
    )  # fmt: skip
    entries = list_recoveries(recovery)
    assert len(entries) == 1
    entry = entries[0]
    assert entry.source_path == source.absolute() and entry.source == entry.source_path
    assert entry.municipality == "やまなみ村"
    assert entry.saved_at.tzinfo is not None
    assert abs(datetime.now().astimezone() - entry.saved_at) < timedelta(minutes=5)
    assert not entry.running  # its process is gone: offer it
    plan = open_recovery(entry)
    assert plan.municipality.author == "未保存の変更"
    discard_recovery(entry)
    assert list_recoveries(recovery) == []


def test_one_recovery_file_per_plan_replaced_on_each_autosave(tmp_path):
    recovery = tmp_path / "rec"
    village = import_json(sample_json("yamanami-village"))
    town = import_json(sample_json("kawasemi-town"))
    first = write_recovery(village, recovery, tmp_path / "a.twplan")
    changed = deepcopy(village)
    changed.leader = "村長 山田 一郎"
    second = write_recovery(changed, recovery, tmp_path / "a.twplan")
    assert first == second
    write_recovery(town, recovery, None, key="untitled-1")
    entries = list_recoveries(recovery)
    assert sorted(e.municipality for e in entries) == ["かわせみ町", "やまなみ村"]
    assert {e.path.name for e in entries} == {first.name, "untitled-1.twplan"}
    untitled = next(e for e in entries if e.source_path is None)
    assert untitled.running and untitled.pid == os.getpid()  # this process: do not offer
    assert open_recovery(next(e for e in entries if e.source_path)).leader == "村長 山田 一郎"
    assert sorted(p.name for p in recovery.iterdir()) == sorted([first.name, "untitled-1.twplan"])


def test_unreadable_files_in_the_recovery_folder_are_skipped(tmp_path):
    recovery = tmp_path / "rec"
    recovery.mkdir()
    (recovery / "junk.twplan").write_bytes(b"not a plan")
    (recovery / "notes.txt").write_text("x")
    write_recovery(import_json(sample_json("yamanami-village")), recovery, None, key="k")
    assert [e.path.name for e in list_recoveries(recovery)] == ["k.twplan"]
    assert list_recoveries(tmp_path / "does-not-exist") == []
    discard_recovery(recovery / "junk.twplan")
    discard_recovery(recovery / "junk.twplan")  # twice is fine
    assert not (recovery / "junk.twplan").exists()
