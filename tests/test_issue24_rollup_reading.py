"""The roll-up reads each plan as Open does, faster (issue 24, speed): the private copy of
step 1 is kept in memory, not written to a temporary folder, and every check is the same.

Each test compares with Open itself: the same plan, the same refusal with the same words,
an old file migrated the same way; and the files named are left byte for byte as they were.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from planner.store import sqlfile
from planner.store.collect import collect, read_one
from planner.store.errors import ProjectFileError
from planner.store.project import open_plan_with_info
from tests.rollup_plans import save_three
from tests.test_store_hostile import base, corpus  # noqa: F401 - the hostile files, as fixtures

OLD = Path(__file__).parent / "data" / "plan-rev0001.twplan"


def outcome(path: Path, *, in_memory: bool) -> tuple[str, ...]:
    try:
        plan, info = sqlfile.open_file(path, in_memory=in_memory)
    except ProjectFileError as e:
        return ("refused", e.reason, e.text("ja"), e.text("en"))
    # a migration gives an old file's plan and rows fresh ids, each time it is read
    return ("opened", re.sub(r"id='[0-9a-f]{12}'", "id=…", repr(plan)), repr(sorted(info.items())))


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_a_plan_at_the_head_revision_is_read_without_a_temporary_copy(tmp_path, monkeypatch):
    [first, *_] = save_three(tmp_path)

    def no_temporary_folder(*args, **kwargs):  # noqa: ANN202
        raise AssertionError("a temporary copy was made")

    monkeypatch.setattr(tempfile, "mkdtemp", no_temporary_folder)
    result = read_one(first)
    assert result.municipality == "あおば町" and result.period.total == 1_572_000


def test_every_damaged_file_is_refused_as_open_refuses_it(corpus):  # noqa: F811
    different = [
        name for name, path, _reasons in corpus
        if outcome(path, in_memory=True) != outcome(path, in_memory=False)
    ]  # fmt: skip
    assert different == []


def test_a_plan_of_an_older_revision_is_migrated_and_rolled_up(tmp_path):
    old = tmp_path / "old.twplan"
    shutil.copy(OLD, old)
    plan, info = open_plan_with_info(old, in_memory=True)
    assert info["migrated_from"] == "0001"
    assert outcome(old, in_memory=True) == outcome(old, in_memory=False)
    save_three(tmp_path / "towns")
    rollup = collect([tmp_path])
    assert len(rollup.plans) == 4 and not rollup.refused
    [result] = [r for r in rollup.plans if r.path == str(old)]
    assert result.municipality == plan.municipality.name


def test_a_refused_file_is_listed_with_opens_reason(tmp_path):
    save_three(tmp_path)
    good = (tmp_path / "plan0.twplan").read_bytes()
    (tmp_path / "cut.twplan").write_bytes(good[: len(good) // 2])
    (tmp_path / "other.twplan").write_bytes(good[:68] + b"\x00\x00\x00\x01" + good[72:])
    rollup = collect([tmp_path])
    assert len(rollup.plans) == 3
    reasons = {Path(r.path).name: (r.ja, r.en) for r in rollup.refused}
    for name in ("cut.twplan", "other.twplan"):
        with pytest.raises(ProjectFileError) as e:
            open_plan_with_info(tmp_path / name)
        assert reasons[name] == (e.value.text("ja"), e.value.text("en"))


def test_the_files_rolled_up_are_left_as_they_were(tmp_path):
    for i in range(4):  # 12 files: read by the pool of processes
        save_three(tmp_path / f"pref{i}")
    shutil.copy(OLD, tmp_path / "pref0" / "old.twplan")
    before = {d.name: digests(d) for d in tmp_path.iterdir()}
    rollup = collect([tmp_path], processes=2)
    assert len(rollup.plans) == 13 and not rollup.refused
    after = {d.name: digests(d) for d in tmp_path.iterdir()}
    assert after == before  # not a byte changed, no file added beside them


def test_the_quick_look_at_a_tasks_factors_finds_what_rebuilding_them_finds(catalog):
    """The roll-up asks for every task whether its factors differ from its catalog task's
    (a warning of issue 18); the answer comes without rebuilding the factors, and is the
    one rebuilding them gives, for every catalog task and every factor changed."""
    from planner.domain import vocabularies as v
    from planner.domain.builders import catalog_factors
    from planner.domain.warnings import _FACTORS, _as_in_catalog

    values = {"personal_data": v.PERSONAL_DATA, "paper": v.PAPER, "counter": (True, False),
              "onsite": (True, False), "coordination": v.COORDINATION,
              "works_on": ("", *v.WORKS_ON)}  # fmt: skip
    checked = 0
    for found in (t for u in catalog.units for t in u.tasks):
        theirs = catalog_factors(found)
        for name, choices in values.items():
            for value in choices:
                ours = dataclasses.replace(found.factors, **{name: value})
                filled = (
                    ours if ours.works_on else dataclasses.replace(ours, works_on=theirs.works_on)
                )
                rebuilt = [n for n in _FACTORS if getattr(filled, n) != getattr(theirs, n)]
                assert _as_in_catalog(ours, found.factors, found.works_on) == (not rebuilt)
                checked += 1
    assert checked > 1000


def test_each_selected_task_is_judged_once_for_its_mark_and_its_warning(catalog, monkeypatch):
    from bench.generate import large_plan
    from planner.domain import rollup, suitability, warnings
    from planner.domain.rollup import plan_result
    from planner.domain.warnings import plan_warnings

    plan = large_plan(catalog, units=10, tasks=100, lines=20, seed=3)
    expected = [(w.text.ja, w.text.en) for w in plan_warnings(plan, catalog) if not w.is_note]
    assert any("不適と判定されていますが" in ja for ja, _en in expected)
    judged = []

    def counted(plan, task, catalog):  # noqa: ANN001, ANN202
        judged.append(task)
        return suitability.assess_in_plan(plan, task, catalog)

    monkeypatch.setattr(rollup, "assess_in_plan", counted)
    monkeypatch.setattr(warnings, "assess_in_plan", counted)
    result = plan_result(plan, catalog, path="x.twplan", saved_at="")
    assert list(result.warnings) == expected  # the same warnings, in the same order
    selected = [t for _u, t in plan.selected_tasks()]
    assert len(judged) == len(selected) and sum(result.selected) == len(selected)
