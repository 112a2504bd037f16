"""Issue 18, what a plan file from outside says about the catalog.

Item 1: a task given by its ``catalog_id`` takes the catalog's factors, what it works
on and its name, unless the file gives them; ``validate --strict`` flags a task whose
factors make it look more suitable than its catalog entry does.
Item 3: unknown catalog ids are refused (where they change a figure or a judgement)
or kept with a warning naming the field (docs/file-format.md, "Ids of the catalog").
"""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from pathlib import Path

import pytest

from planner.cli import run_cli
from planner.domain.builders import unit_from_catalog
from planner.domain.suitability import Suitability, assess_in_plan
from planner.domain.warnings import plan_warnings
from planner.report.chapters import build_document
from planner.report.content import plain_texts
from planner.store.errors import ProjectFileError
from planner.store.interchange import import_json, plan_from_dict

NOTHING = "テレワークの妨げとなる要因はありません"
SENSITIVE = (
    "fukushi.case_records",
    "bosai.evacuation_support_register",
    "jinji.year_end_adjustment",
)


def run(capsys, *args) -> tuple[int, str, str]:
    code = run_cli([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, data: dict, name: str = "plan.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def short_form() -> dict:
    """The short form: tasks named by their catalog id (one with its name, two without)."""
    return {
        "format": "telework-planner-plan",
        "format_version": 1,
        "plan": {
            "municipality": {"name": "みなかみ村", "prefecture": "長野県", "general_staff": 30,
                             "all_staff": 42, "fiscal_year": 2025},
            "access_method": "jlis_lgwan",
            "units": [{
                "id": "u1", "name": "福祉課", "staff": 6, "teleworkers": 2,
                "tasks": [
                    {"id": "t1", "name": "福祉相談のケース記録作成", "selected": True,
                     "catalog_id": SENSITIVE[0]},
                    {"id": "t2", "selected": True, "catalog_id": SENSITIVE[1]},
                    {"id": "t3", "selected": True, "catalog_id": SENSITIVE[2]},
                ],
            }],
        },
    }  # fmt: skip


def catalog_factors(catalog, task_id: str):
    found = catalog.task(task_id)
    return replace(found.factors, works_on=found.works_on)


def gui_task(catalog, task_id: str):
    """The same catalog task as the GUI adds it (step 4, unit from the catalog)."""
    for unit in catalog.units:
        if any(t.id == task_id for t in unit.tasks):
            return next(t for t in unit_from_catalog(unit).tasks if t.catalog_id == task_id)
    raise AssertionError(task_id)


# -- item 1: the catalog's factors -----------------------------------------------------------


def test_a_task_given_by_its_catalog_id_takes_the_catalogs_factors_and_name(catalog):
    plan = plan_from_dict(short_form(), catalog)
    tasks = plan.units[0].tasks
    assert [t.catalog_id for t in tasks] == list(SENSITIVE)
    for task in tasks:
        assert task.factors == catalog_factors(catalog, task.catalog_id), task.catalog_id
    # a name given is kept; a name not given is the catalog's (in Japanese, as the plan)
    assert tasks[0].name == "福祉相談のケース記録作成"
    assert [t.name for t in tasks[1:]] == [catalog.task(i).name.ja for i in SENSITIVE[1:]]


def test_sensitive_catalog_tasks_are_judged_as_the_gui_judges_them(catalog):
    plan = plan_from_dict(short_form(), catalog)
    for task in plan.units[0].tasks:
        got = assess_in_plan(plan, task, catalog)
        want = assess_in_plan(plan, gui_task(catalog, task.catalog_id), catalog)
        assert (got.level, got.reason_text()) == (want.level, want.reason_text()), task.name
        assert got.level != Suitability.SUITABLE, task.name
        assert NOTHING not in got.reason_text(), task.name


def test_the_pdf_prints_the_catalogs_judgement_of_a_short_form_task(catalog):
    plan = plan_from_dict(short_form(), catalog)
    texts = plain_texts(build_document(plan, catalog, "ja"))
    for task in plan.units[0].tasks:
        want = assess_in_plan(plan, gui_task(catalog, task.catalog_id), catalog)
        i = texts.index(task.name)  # the row of the chapter 4 table: name, mark, reasons
        assert (
            texts[i + 1]
            == f"{want.level.mark} {catalog.words.word('suitability', want.level.key).ja}"
        ), task.name
        assert NOTHING not in texts[i + 2] and texts[i + 2].startswith("・"), task.name
    assert not any(NOTHING in t for t in texts)


def test_the_summary_of_an_imported_short_form_lists_its_tasks_by_catalog_name(
    capsys, tmp_path, catalog
):
    source = write(tmp_path, short_form())
    assert run(capsys, "import-json", source, "-o", tmp_path / "p.twplan")[0] == 0
    code, out, _err = run(capsys, "summary", tmp_path / "p.twplan", "--json")
    assert code == 0
    data = json.loads(out)
    assert [t["task"] for t in data["selected_tasks"]] == [
        "福祉相談のケース記録作成",
        *(catalog.task(i).name.ja for i in SENSITIVE[1:]),
    ]
    # all three are × under J-LIS: each is a warning of a task judged unsuitable but selected
    assert [w["field"] for w in data["warnings"] if w["code"] == "unsuitable_selected"] == [
        f"units[0].tasks[{j}].selected" for j in range(3)
    ]


def test_factors_the_file_gives_are_kept_and_the_rest_come_from_the_catalog(catalog):
    data = short_form()
    data["plan"]["units"][0]["tasks"][0]["factors"] = {"paper": "heavy", "coordination": "high"}
    task = plan_from_dict(data, catalog).units[0].tasks[0]
    want = replace(catalog_factors(catalog, SENSITIVE[0]), paper="heavy", coordination="high")
    assert task.factors == want


def test_a_task_without_a_catalog_id_keeps_the_defaults(catalog):
    data = short_form()
    data["plan"]["units"][0]["tasks"] = [{"name": "独自の業務"}]
    task = plan_from_dict(data, catalog).units[0].tasks[0]
    assert task.catalog_id is None and task.factors == type(task.factors)()


def test_a_task_with_neither_name_nor_catalog_id_is_refused(catalog):
    data = short_form()
    data["plan"]["units"][0]["tasks"] = [{"selected": True}]
    with pytest.raises(ProjectFileError) as e:
        plan_from_dict(data, catalog, source="plan.json")
    assert e.value.text("ja") == (
        "「plan.json」を読み込めません: 業務名（name）がありません。業務カタログの業務なら"
        "業務カタログID（catalog_id）を、独自の業務なら業務名を書いてください。"
        "（項目: units[0].tasks[0].name）"
    )
    assert e.value.text("en").endswith("(field: units[0].tasks[0].name)")


def _contradicting(tmp_path: Path) -> Path:
    data = short_form()
    task = data["plan"]["units"][0]["tasks"][0]
    task["factors"] = {"personal_data": "none", "counter": False, "paper": "none"}
    return write(tmp_path, data)


def _contradicting(tmp_path: Path) -> Path:
    data = short_form()
    task = data["plan"]["units"][0]["tasks"][0]
    # the case records sit on the core side (issue 18): the file claims a business system too
    task["factors"] = {"personal_data": "none", "paper": "none", "works_on": "business_systems"}
    return write(tmp_path, data)


def test_validate_strict_flags_a_task_that_claims_less_than_its_catalog_entry(
    capsys, tmp_path, catalog
):
    source = _contradicting(tmp_path)
    plan = import_json(source)
    task = plan.units[0].tasks[0]
    mark = assess_in_plan(plan, task, catalog).level.mark
    want = assess_in_plan(plan, gui_task(catalog, SENSITIVE[0]), catalog).level.mark
    paper = catalog.task(SENSITIVE[0]).factors.paper
    assert paper != "none" and catalog.task(SENSITIVE[0]).factors.personal_data == "sensitive"
    from planner.loading.words import label

    code, out, err = run(capsys, "validate", source, "--strict")
    assert code == 1 and err.startswith("planner: 計画に警告が")
    assert (
        f"  手順 4: 福祉課「福祉相談のケース記録作成」: 業務の性質が業務カタログと異なり、"
        f"カタログどおりなら{want}のところ{mark}と判定されています"
        f"（個人情報: カタログ 要配慮個人情報・計画 なし、"
        f"紙への依存: カタログ {label('paper', paper, 'ja')}・計画 なし、"
        f"業務の対象: カタログ {label('works_on', 'core_systems', 'ja')}・計画 "
        f"{label('works_on', 'business_systems', 'ja')}）。"
        "カタログの性質に合わせてください。この団体では性質が異なる業務なら、独自の業務として登録し直してください。"
    ) in out.splitlines()
    (w,) = [w for w in plan_warnings(plan, catalog) if w.code == "factors_differ_from_catalog"]
    assert (w.field, w.step, w.is_note, w.for_council) == (
        "units[0].tasks[0].factors",
        4,
        False,
        True,
    )
    assert w.text.en.startswith(
        "福祉課: '福祉相談のケース記録作成': its factors differ from the task catalog"
    )
    # the PDF's 「確認が必要な点」 says it too
    assert any(w.text.ja in t for t in plain_texts(build_document(plan, catalog, "ja")))


def test_a_task_more_cautious_than_its_catalog_entry_is_not_flagged(catalog):
    data = short_form()
    data["plan"]["units"][0]["tasks"] = [
        {"catalog_id": "somu.ordinance_review", "factors": {"paper": "heavy", "counter": True}}
    ]
    plan = plan_from_dict(data, catalog)
    assert not [w for w in plan_warnings(plan, catalog) if w.code == "factors_differ_from_catalog"]


def test_the_samples_carry_no_contradiction_and_no_unknown_id(catalog):
    from tests.store_plans import SAMPLE_NAMES, sample_json

    for name in SAMPLE_NAMES:
        plan = import_json(sample_json(name))
        codes = {w.code for w in plan_warnings(plan, catalog)}
        assert not codes & {"factors_differ_from_catalog", "unknown_catalog_id"}, name


# -- item 3: unknown ids of the catalog ------------------------------------------------------


def full() -> dict:
    from tests.store_plans import sample_json

    return json.loads(sample_json("yamanami-village").read_text(encoding="utf-8"))


def refused(capsys, tmp_path: Path, data: dict) -> str:
    source = write(tmp_path, data)
    for args in (("validate", source), ("summary", source), ("export-json", source, "-o", "-"),
                 ("import-json", source, "-o", tmp_path / "x.twplan")):  # fmt: skip
        code, out, err = run(capsys, *args)
        assert (code, out) == (1, ""), (args, err)
    assert not (tmp_path / "x.twplan").exists()
    return err


def test_an_unknown_access_method_is_refused_with_the_field(capsys, tmp_path, catalog):
    data = full()
    data["plan"]["access_method"] = "zoom_vdi"
    known = "、".join(m.id for m in catalog.access_methods)
    assert refused(capsys, tmp_path, data) == (
        f"planner: 「plan.json」を読み込めません: 接続方式「zoom_vdi」は接続方式の一覧にありません"
        f"（使える値: {known}）。（項目: access_method）\n"
    )


def test_an_unknown_checklist_item_is_refused_with_the_field(capsys, tmp_path):
    data = full()
    step = next(s for s in data["plan"]["steps"] if s["number"] == 3)
    step["checklist"].append({"id": "current.from_a_newer_version", "done": True, "note": ""})
    assert refused(capsys, tmp_path, data) == (
        "planner: 「plan.json」を読み込めません: チェックリストの項目「current.from_a_newer_version」"
        "は手順3のチェックリストにありません。（項目: steps[3].checklist[current.from_a_newer_version]）\n"
    )


def test_an_unknown_catalog_task_without_factors_is_refused(capsys, tmp_path):
    data = short_form()
    data["plan"]["units"][0]["tasks"][0]["catalog_id"] = "fukushi.case_recrds"  # a typo
    assert refused(capsys, tmp_path, data) == (
        "planner: 「plan.json」を読み込めません: 業務カタログID「fukushi.case_recrds」は業務カタログに"
        "ありません。この業務を判定する性質（factors）を書くか、正しいIDにしてください。"
        "（項目: units[0].tasks[0].catalog_id）\n"
    )


KEPT = [  # (where in the plan, the id, the field the warning names, step)
    ("unit", "kikaku_from_another_town", "units[0].catalog_id", 4),
    ("task", "somu.from_another_town", "units[0].tasks[0].catalog_id", 4),
    ("item", "tablet_from_a_newer_version", "scenarios[0].lines[0].item_id", 7),
    ("measure", "mgmt.from_a_newer_version", "security[0].measure_id", 8),
    ("template", "rule_from_a_newer_version", "rules[0].template_id", 6),
    ("purpose", "purpose_from_a_newer_version", "purposes[0]", 2),
]


def _put(data: dict, where: str, value: str | None) -> None:
    p = data["plan"]
    if where == "unit":
        p["units"][0]["catalog_id"] = value
    elif where == "task":
        p["units"][0]["tasks"][0]["catalog_id"] = value  # it has its factors: kept
    elif where == "item":
        p["scenarios"][0]["lines"][0]["item_id"] = value
    elif where == "measure":
        p["security"][0]["measure_id"] = value
    elif where == "purpose":
        p["purposes"][0:1] = [value] if value else []
    else:
        p["rules"][0]["template_id"] = value


@pytest.mark.parametrize(("where", "value", "field", "step"), KEPT)
def test_unknown_ids_that_decide_nothing_are_kept_with_a_warning(
    capsys, tmp_path, catalog, where, value, field, step
):
    data = full()
    _put(data, where, value)
    source = write(tmp_path, data)
    plan = import_json(source)  # kept as written
    (w,) = [w for w in plan_warnings(plan, catalog) if w.code == "unknown_catalog_id"]
    assert (w.field, w.step, w.is_note, w.for_council) == (field, step, False, False)
    assert f"「{value}」" in w.text.ja and f"'{value}'" in w.text.en
    code, out, err = run(capsys, "validate", source, "--strict")
    assert code == 1 and "--strict" in err
    assert f"  手順 {step}: {w.text.ja}" in out.splitlines()
    # nothing the id could decide changes: the figures and the judgements are the plan's own
    reference = copy.deepcopy(data)
    _put(reference, where, None)
    without = write(tmp_path, reference, "ref.json")
    figures = []
    for path in (source, without):
        summary = json.loads(run(capsys, "summary", path, "--json")[1])
        summary.pop("warnings")
        figures.append(summary)
    assert figures[0] == figures[1]
    plain = import_json(without)
    assert [assess_in_plan(plan, t, catalog) for u in plan.units for t in u.tasks] == [
        assess_in_plan(plain, t, catalog) for u in plain.units for t in u.tasks
    ]


def test_the_docs_example_of_catalog_tasks_imports_with_the_catalogs_factors(catalog):
    example = Path(__file__).resolve().parents[1] / "docs" / "examples" / "catalog-tasks.json"
    plan = import_json(example)
    for unit in plan.units:
        for task in unit.tasks:
            if task.catalog_id is None:
                assert task.factors.paper == "heavy"  # the body's own task: its own factors
                continue
            assert task.factors == catalog_factors(catalog, task.catalog_id), task.name
            if catalog.task(task.catalog_id).factors.personal_data in ("sensitive", "mynumber"):
                assert assess_in_plan(plan, task, catalog).level == Suitability.UNSUITABLE
    codes = {w.code for w in plan_warnings(plan, catalog)}
    assert not codes & {"factors_differ_from_catalog", "unknown_catalog_id"}
