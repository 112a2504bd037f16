"""Issue 24 §2 from the command line: ``planner diff OLD NEW [--json] [-o OUT.pdf|OUT.md]
[--with-plan]`` — the 変更点一覧 on the terminal, as JSON, and as a page of its own or the
plan's last appendix."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from planner.cli import run_cli
from planner.store.interchange import import_json
from planner.store.project import save_plan
from tests.store_plans import sample_json

pypdf = pytest.importorskip("pypdf")


def run(capsys, *args) -> tuple[int, str, str]:
    code = run_cli([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def pdf_text(path: Path) -> str:
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(str(path)).pages)


@pytest.fixture(scope="module")
def versions(tmp_path_factory) -> tuple[Path, Path]:
    """The sample town's plan, and a second version: a unit's teleworkers, a PC's price, a
    task removed, a cost line added, the access method changed, a hostile text."""
    folder = tmp_path_factory.mktemp("versions")
    old = import_json(sample_json("kawasemi-town"))
    new = copy.deepcopy(old)
    unit = new.units[0]
    unit.teleworkers += 2
    removed = unit.tasks.pop(0)
    scenario = new.adopted_scenario()
    line = scenario.lines[0]
    line.unit_price += 10_000
    added = copy.deepcopy(line)
    added.id, added.name = "line-v2", "<b>予備端末</b>&追加"
    scenario.lines.append(added)
    new.access_method = "jlis_lgwan"
    save_plan(old, folder / "v1.twplan")
    save_plan(new, folder / "v2.twplan")
    (folder / "names.json").write_text(json.dumps(
        {"unit": unit.name, "task": removed.name, "line": line.name, "scenario": scenario.name},
        ensure_ascii=False), encoding="utf-8")  # fmt: skip
    return folder / "v1.twplan", folder / "v2.twplan"


def names(versions) -> dict[str, str]:
    return json.loads((versions[0].parent / "names.json").read_text(encoding="utf-8"))


def test_the_list_on_the_terminal_by_step(capsys, versions):
    n = names(versions)
    code, out, err = run(capsys, "diff", *versions)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == f"変更点一覧: {versions[0]} → {versions[1]}"
    assert "■ 手順4 対象業務の選定" in lines and "■ 手順7 ICT環境の整備" in lines
    assert f"  削除: {n['unit']} › 業務「{n['task']}」" in lines
    assert "  追加: " + n["scenario"] + " › 経費「<b>予備端末</b>&追加」" in lines
    assert any(x.startswith(f"  変更: {n['unit']} › テレワーク実施人数: ") for x in lines)
    assert ("  変更: リモートアクセスの方式: 民間のVDI・リモートデスクトップ（LGWAN接続系） → "
            "J-LIS 自治体テレワークシステム（LGWAN接続系）") in lines  # fmt: skip
    assert any(x.startswith("■ 経費への影響") for x in lines)
    assert any(x.startswith("  令和7年度 (2025): 事業費 ") for x in lines)


def test_no_difference_is_said_in_one_line(capsys, versions):
    code, out, _ = run(capsys, "--lang", "en", "diff", versions[0], versions[0])
    assert code == 0 and out.splitlines()[-1] == "The two versions do not differ."


def test_json_for_scripts(capsys, versions):
    n = names(versions)
    code, out, _ = run(capsys, "diff", *versions, "--json")
    data = json.loads(out)
    assert code == 0 and data["old"]["file"] == str(versions[0])
    removed = [c for c in data["changes"] if c["kind"] == "removed"]
    assert [c["old"] for c in removed] == [n["task"]]
    price = next(c for c in data["changes"] if c["path"][-1] == "unit_price")
    assert price["new"] - price["old"] == 10_000 and price["value_kind"] == "money"
    assert data["effects"]["new_scenario"] == n["scenario"]
    assert all(isinstance(y["delta"]["total"], int) for y in data["effects"]["years"])


def test_the_page_on_its_own_and_as_the_plans_appendix(capsys, versions, tmp_path):
    n = names(versions)
    code, _, err = run(capsys, "diff", *versions, "-o", tmp_path / "changes.pdf")
    assert code == 0 and "changes.pdf" in err
    text = pdf_text(tmp_path / "changes.pdf")
    assert "変更点一覧" in text and "v1.twplan" in text and n["task"] in text
    assert "<b>予備端末</b>&追加" in text  # a plan's text is printed as text, never as markup
    assert "経費への影響" in text and "第1章" not in text
    code, _, _ = run(capsys, "diff", *versions, "-o", tmp_path / "plan.pdf", "--with-plan")
    whole = pdf_text(tmp_path / "plan.pdf")
    assert code == 0 and "第1章" in whole and "付録D　変更点一覧" in whole.replace(" ", "　")
    code, _, _ = run(capsys, "diff", *versions, "-o", tmp_path / "changes.md")
    assert code == 0 and n["task"] in (tmp_path / "changes.md").read_text(encoding="utf-8")


def test_refusals_are_one_line(capsys, versions, tmp_path):
    code, _, err = run(capsys, "diff", *versions, "-o", versions[1])
    assert code == 1 and err.count("\n") == 1 and err.startswith("planner: ")
    code, _, err = run(capsys, "diff", versions[0], tmp_path / "missing.twplan")
    assert code == 1 and err.count("\n") == 1
    code, _, err = run(capsys, "diff", *versions, "--with-plan")
    assert code == 1 and "-o" in err
