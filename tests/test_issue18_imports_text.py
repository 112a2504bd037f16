"""Issue 18: a lone surrogate anywhere in a JSON plan (item 2) and duplicate ids (item 4)
are refused at import with the field named; never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli import run_cli
from planner.domain.errors import ValidationError
from planner.domain.validation import validate_plan
from planner.store.errors import ProjectFileError
from planner.store.interchange import import_json, plan_from_dict
from tests.store_plans import sample_json


def run(capsys, *args) -> tuple[int, str, str]:
    code = run_cli([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def village() -> dict:
    return json.loads(sample_json("yamanami-village").read_text(encoding="utf-8"))


def write(tmp_path: Path, data: dict, name: str = "plan.json") -> Path:
    """JSON as a script writes it: ``\\ud800`` escaped (json.dumps's default ensure_ascii)."""
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="ascii")
    return path


# -- item 2: lone surrogates ---------------------------------------------------------------


def _surrogate_cases() -> list[tuple[str, object, str, str]]:
    def unit_name(p):
        p["units"][0]["name"] = "総務課\ud800"

    def task_note(p):
        p["units"][1]["tasks"][2]["note"] = "\udfff"

    def purpose(p):
        p["custom_purposes"] = ["ok", "a\udc80b"]

    def key(p):
        p["units"][0]["\ud83d"] = 1  # an unknown key, and not text either

    def generator(p):
        p["municipality"]["name"] = "村"  # fine; the bad one is outside "plan"

    return [
        ("unit name", unit_name, "U+D800", "units[0].name"),
        ("task note", task_note, "U+DFFF", "units[1].tasks[2].note"),
        ("list item", purpose, "U+DC80", "custom_purposes[1]"),
        ("key", key, "U+D83D", "units[0].\\ud83d"),
    ]


@pytest.mark.parametrize(("case", "change", "code", "field"), _surrogate_cases())
def test_a_lone_surrogate_is_refused_by_every_command_with_the_field(
    capsys, tmp_path, case, change, code, field
):
    data = village()
    change(data["plan"])
    source = write(tmp_path, data)
    ja = (
        f"planner: 「plan.json」を読み込めません: 文字として扱えない符号（{code}）が"
        f"含まれています。（項目: {field}）\n"
    )
    for args in (("validate", source), ("summary", source), ("summary", source, "--json"),
                 ("import-json", source, "-o", tmp_path / "x.twplan"),
                 ("export-json", source, "-o", tmp_path / "x.json"),
                 ("export-json", source, "-o", "-"),
                 ("export-pdf", source, "-o", tmp_path / "x.pdf")):  # fmt: skip
        assert run(capsys, *args) == (1, "", ja), args
    assert run(capsys, "validate", source, "--lang", "en") == (1, "", (
        f"planner: 'plan.json' cannot be imported: it contains a code that is not a character "
        f"({code}) (field: {field})\n"))  # fmt: skip
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json"]


def test_a_lone_surrogate_outside_the_plan_is_refused_too(tmp_path):
    data = village()
    data["generator"] = "script \ud800"
    with pytest.raises(ProjectFileError) as e:
        import_json(write(tmp_path, data))
    assert e.value.text("ja").endswith("（U+D800）が含まれています。（項目: generator）")


def test_a_surrogate_pair_is_a_character(tmp_path):
    data = village()
    data["plan"]["units"][0]["name"] = "総務課\U0001f600"  # written as the pair \ud83d\ude00
    assert "\\ud83d\\ude00" in write(tmp_path, data).read_text(encoding="ascii")
    assert import_json(tmp_path / "plan.json").units[0].name == "総務課\U0001f600"


def test_a_plan_dict_with_a_lone_surrogate_is_refused(tmp_path):
    data = village()
    data["plan"]["municipality"]["author"] = "\ud800"
    with pytest.raises(ProjectFileError) as e:
        plan_from_dict(data, source="x.json")
    assert e.value.text("en").endswith("(U+D800) (field: municipality.author)")


# -- item 4: duplicate ids -----------------------------------------------------------------


def test_a_duplicate_unit_id_names_the_id_and_both_positions(capsys, tmp_path):
    data = village()
    units = data["plan"]["units"]
    units[1]["id"] = "u-3"
    units[4]["id"] = "u-3"
    code, out, err = run(capsys, "validate", write(tmp_path, data))
    assert (code, out) == (1, "")
    assert err == (
        "planner: 「plan.json」を読み込めません: ID「u-3」が重複しています（units[1] と units[4]）。"
        "（項目: units）\n"
    )
    code, out, err = run(capsys, "validate", tmp_path / "plan.json", "--lang", "en")
    assert err == (
        "planner: 'plan.json' cannot be imported: The id 'u-3' is used twice (units[1] and "
        "units[4]). (field: units)\n"
    )


def test_a_duplicate_task_id_across_units_names_both_tasks(capsys, tmp_path):
    data = village()
    units = data["plan"]["units"]
    units[0]["tasks"][1]["id"] = "t-9"
    units[2]["tasks"][0]["id"] = "t-9"
    code, out, err = run(capsys, "validate", write(tmp_path, data))
    assert (code, out) == (1, "")
    assert "ID「t-9」が重複しています（units[0].tasks[1] と units[2].tasks[0]）。" in err


def test_a_duplicate_line_id_names_the_scenario_and_lines(catalog):
    plan = import_json(sample_json("kawasemi-town"))
    lines = plan.scenarios[1].lines
    lines[3].id = lines[0].id
    with pytest.raises(ValidationError) as e:
        validate_plan(plan, catalog.category_ids())
    assert e.value.field == "scenarios[1].lines"
    assert e.value.text("ja") == (
        f"ID「{lines[0].id}」が重複しています（scenarios[1].lines[0] と scenarios[1].lines[3]）。"
    )


def test_a_duplicate_step_number_and_checklist_id_name_both_positions(tmp_path):
    data = village()
    steps = data["plan"]["steps"]
    steps[3]["number"] = 3
    with pytest.raises(ProjectFileError) as e:
        import_json(write(tmp_path, data))
    assert e.value.text("ja").endswith(
        "番号「3」が重複しています（steps[2] と steps[3]）。（項目: steps[3].number）"
    )
    data = village()
    checklist = data["plan"]["steps"][0]["checklist"]
    checklist[2]["id"] = checklist[0]["id"]
    with pytest.raises(ProjectFileError) as e:
        import_json(write(tmp_path, data))
    assert e.value.text("ja").endswith(
        f"ID「{checklist[0]['id']}」が重複しています（steps[0].checklist[0] と "
        "steps[0].checklist[2]）。（項目: steps[0].checklist[2].id）"
    )


def test_a_very_long_duplicate_id_is_shortened_in_the_message(tmp_path):
    data = village()
    units = data["plan"]["units"]
    units[0]["id"] = units[1]["id"] = "x" * 5000
    with pytest.raises(ProjectFileError) as e:
        import_json(write(tmp_path, data))
    assert f"ID「{'x' * 39}…」が重複しています（units[0] と units[1]）。" in e.value.text("ja")
