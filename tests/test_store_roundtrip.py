"""Save → open and JSON round trips keep every field; saving is atomic and keeps a .bak."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from copy import deepcopy

import pytest
from hypothesis import HealthCheck, given, settings

from planner.domain.errors import ValidationError
from planner.resources import resource_path
from planner.store.errors import ProjectFileError
from planner.store.interchange import (
    dumps,
    export_json,
    import_json,
    json_schema,
    plan_from_dict,
    plan_to_dict,
)
from planner.store.project import backup_path, open_plan, open_plan_with_info, save_plan
from planner.store.schema import APPLICATION_ID, HEAD_GENERATION, HEAD_REVISION
from tests.store_plans import SAMPLE_NAMES, large_plan, plans, sample_json, sample_twplan

jsonschema = pytest.importorskip("jsonschema")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans())
def test_every_field_survives_save_and_open(tmp_path_factory, plan):
    path = tmp_path_factory.mktemp("rt") / "plan.twplan"
    save_plan(plan, path)
    back = open_plan(path)
    assert back == plan
    assert plan_to_dict(back) == plan_to_dict(plan)


@settings(max_examples=60, deadline=None)
@given(plan=plans())
def test_every_field_survives_json(plan):
    data = json.loads(dumps(plan))
    assert plan_from_dict(data) == plan
    jsonschema.validate(data, json_schema())


def test_twplan_json_twplan_json_is_identical(tmp_path):
    for name in SAMPLE_NAMES:
        first = tmp_path / f"{name}-1.json"
        second = tmp_path / f"{name}-2.json"
        export_json(open_plan(sample_twplan(name)), first)
        save_plan(import_json(first), tmp_path / f"{name}.twplan")
        export_json(open_plan(tmp_path / f"{name}.twplan"), second)
        assert first.read_bytes() == second.read_bytes()
        # the samples are what the program writes: tests/test_regenerate.py (issue 19)


def test_samples_are_complete(catalog):
    """Each sample's .twplan is its JSON saved: tests/test_regenerate.py (issue 19)."""
    from planner.domain.costs import adopted_estimate

    for name in SAMPLE_NAMES:
        plan = import_json(sample_json(name))
        assert all(r.notes and r.start and r.end and r.checklist for r in plan.steps.values())
        assert len(plan.units) >= 5 and all(u.staff and u.teleworkers for u in plan.units)
        assert len(plan.selected_tasks()) >= 10
        assert plan.kpis and plan.rules and plan.security and plan.members
        assert all(e.day for e in plan.training) and all(p.start and p.end for p in plan.phases)
        assert len(plan.scenarios) >= 2
        lines = [ln for s in plan.scenarios for ln in s.lines]
        assert all(catalog.cost_item(ln.item_id) for ln in lines)
        assert any(ln.eligible_override is not None and ln.override_reason for ln in lines)
        assert adopted_estimate(plan, catalog.subsidy_rules).period.subsidy > 0
    village = import_json(sample_json("yamanami-village"))
    town = import_json(sample_json("kawasemi-town"))
    assert village.municipality.general_staff == 40 and "村" in village.municipality.name
    assert town.municipality.general_staff == 250 and "町" in town.municipality.name


def test_shipped_schema_is_valid_and_samples_follow_it():
    """The shipped schema is the generated one: tests/test_regenerate.py (issue 19)."""
    shipped = json.loads(resource_path("schema", "plan-1.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(shipped)
    for name in SAMPLE_NAMES:
        jsonschema.validate(json.loads(sample_json(name).read_text(encoding="utf-8")), shipped)


def test_saved_sample_passes_integrity_check_and_is_marked_as_ours(tmp_path):
    path = tmp_path / "town.twplan"
    save_plan(import_json(sample_json("kawasemi-town")), path)
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == HEAD_GENERATION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (HEAD_REVISION,)
        ]
        info = dict(conn.execute("SELECT key, value FROM file_info"))
        assert info["program_version"] and info["saved_at"]
        assert conn.execute("SELECT municipality_name FROM plan").fetchone()[0] == "かわせみ町"
    assert path.read_bytes()[68:72] == b"TWPL"
    for name in SAMPLE_NAMES:  # the shipped samples too
        with closing(sqlite3.connect(f"{sample_twplan(name).as_uri()}?mode=ro", uri=True)) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert [p.name for p in tmp_path.iterdir()] == ["town.twplan"]  # no journal, no temporaries


def test_save_keeps_the_previous_version_as_bak(tmp_path):
    path = tmp_path / "village.twplan"
    first = import_json(sample_json("yamanami-village"))
    save_plan(first, path)
    assert not backup_path(path).exists()
    second = deepcopy(first)
    second.municipality.author = "別の作成者"
    save_plan(second, path)
    assert open_plan(path).municipality.author == "別の作成者"
    assert open_plan(backup_path(path)).municipality.author == "佐藤 美咲"
    assert backup_path(path).name == "village.twplan.bak"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["village.twplan", "village.twplan.bak"]


def test_an_invalid_plan_is_not_written(tmp_path):
    plan = import_json(sample_json("yamanami-village"))
    plan.units[0].teleworkers = plan.units[0].staff + 1
    with pytest.raises(ValidationError) as e:
        save_plan(plan, tmp_path / "x.twplan")
    assert "超えています" in e.value.text("ja")
    assert list(tmp_path.iterdir()) == []


def test_a_plan_with_unstorable_text_gives_a_clean_error(tmp_path):
    plan = import_json(sample_json("yamanami-village"))
    plan.leader = "\ud800"  # a lone surrogate cannot be stored as UTF-8
    with pytest.raises(ProjectFileError) as e:
        save_plan(plan, tmp_path / "x.twplan")
    assert "保存できませんでした" in e.value.text("ja")
    assert list(tmp_path.iterdir()) == []


def test_save_into_a_missing_folder_is_refused_clearly(tmp_path):
    plan = import_json(sample_json("yamanami-village"))
    with pytest.raises(ProjectFileError) as e:
        save_plan(plan, tmp_path / "no" / "x.twplan")
    assert e.value.reason == "no_folder"
    assert e.value.text("ja") == (
        "「x.twplan」を保存できませんでした。保存先のフォルダーがありません。既存のフォルダーを選んでください。"
    )


def test_file_info_records_the_program_version(tmp_path):
    from planner import version

    path = tmp_path / "v.twplan"
    save_plan(import_json(sample_json("yamanami-village")), path)
    _plan, info = open_plan_with_info(path)
    assert info["program_version"] == version()
    assert info["schema_revision"] == HEAD_REVISION
    assert "migrated_from" not in info


def test_large_plan_round_trip(tmp_path):
    plan = large_plan()
    path = tmp_path / "large.twplan"
    save_plan(plan, path)
    assert open_plan(path) == plan


def test_importing_the_store_imports_no_database_library():
    code = (
        "import sys; import planner.store, planner.store.project, planner.store.interchange,"
        " planner.store.recovery, planner.store.lock, planner.store.errors, planner.cli;"
        " heavy = [m for m in ('sqlalchemy', 'sqlmodel', 'alembic') if m in sys.modules];"
        " print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
