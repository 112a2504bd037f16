"""Issue 20, section 1: ``planner survey export`` and ``planner survey import [--apply]``."""

from __future__ import annotations

from openpyxl import load_workbook

from planner.cli import run_cli
from planner.store.project import open_plan, save_plan
from tests.test_issue20_survey import fill_like_a_person, make_plan


def saved_plan(catalog, tmp_path, name="さくら町"):
    path = tmp_path / "plan.twplan"
    save_plan(make_plan(catalog, name), path)
    return path


def test_export_then_import_prints_the_preview_and_changes_nothing(catalog, tmp_path, capsys):
    plan = saved_plan(catalog, tmp_path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code = run_cli(["survey", "export", str(plan), "-o", str(out_dir), "--unit", "総務課",
                    "--reply-by", "2025-06-30"])  # fmt: skip
    _out, err = capsys.readouterr()
    reply = out_dir / "総務課.xlsx"
    assert code == 0 and err.strip() == str(reply)
    assert load_workbook(reply)["記入のしかた"]["B5"].value == "令和7年6月30日"
    fill_like_a_person(reply)
    before = plan.read_bytes()
    code = run_cli(["survey", "import", str(plan), str(reply)])
    out, err = capsys.readouterr()
    assert code == 0
    assert out.splitlines()[:3] == ["■ 総務課（総務課.xlsx［総務課］）", "  追加 2件",
                                    "    ＋ 会議録の作成 — ○ 条件付き"]  # fmt: skip
    assert ("    総務課.xlsx［総務課］10行目 紙への依存（E列）: 『たくさん』は選べません（なし／一部／多い）"
            in out.splitlines())  # fmt: skip
    assert err.strip() == "計画に反映するには --apply を付けてください。"
    assert plan.read_bytes() == before


def test_import_apply_saves_the_plan_with_the_replies(catalog, tmp_path, capsys):
    plan = saved_plan(catalog, tmp_path)
    run_cli(["survey", "export", str(plan), "-o", str(tmp_path)])
    fill_like_a_person(tmp_path / "総務課.xlsx")
    capsys.readouterr()
    code = run_cli(["--lang", "en", "survey", "import", str(plan), str(tmp_path / "総務課.xlsx"),
                    str(tmp_path / "財政課.xlsx"), "--apply"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0
    assert "  Added: 2" in out.splitlines() and "  No changes." in out.splitlines()
    assert err.strip() == f"{plan}: saved with the replies."
    saved = open_plan(plan)
    assert [t.name for t in saved.units[0].tasks][-2:] == ["会議録の作成", "統計調査の集計"]
    assert saved.units[0].staff == 14 and (tmp_path / "plan.twplan.bak").exists()


def test_a_reply_from_another_plan_needs_the_flag(catalog, tmp_path, capsys):
    other = saved_plan(catalog, tmp_path, name="もみじ村")
    run_cli(["survey", "export", str(other), "-o", str(tmp_path), "--unit", "財政課"])
    wb = load_workbook(tmp_path / "財政課.xlsx")
    wb["財政課"]["B7"] = "決算の統計"
    wb.save(tmp_path / "財政課.xlsx")
    plan = tmp_path / "mine.twplan"
    save_plan(make_plan(catalog), plan)
    capsys.readouterr()
    code = run_cli(["survey", "import", str(plan), str(tmp_path / "財政課.xlsx"), "--apply"])
    out, err = capsys.readouterr()
    assert code == 1
    assert out.splitlines()[1].startswith(
        "  確認が必要です（確認しなければ取り込みません）: 別の計画（もみじ村／2025）"
    )
    assert err.splitlines() == [
        "計画は変わりません。",
        "planner: 取り込まなかった回答・ファイルが1件あります。",
    ]
    assert [t.name for t in open_plan(plan).units[1].tasks] == ["予算の編成"]
    code = run_cli(["survey", "import", str(plan), str(tmp_path / "財政課.xlsx"), "--apply",
                    "--accept-mismatch"])  # fmt: skip
    assert code == 0
    assert [t.name for t in open_plan(plan).units[1].tasks] == ["予算の編成", "決算の統計"]


def test_apply_refuses_a_plan_someone_has_open(catalog, tmp_path, capsys):
    from planner.store.lock import acquire_lock

    plan = saved_plan(catalog, tmp_path)
    run_cli(["survey", "export", str(plan), "-o", str(tmp_path), "--unit", "財政課"])
    lock = acquire_lock(plan)
    try:
        before = plan.read_bytes()
        capsys.readouterr()
        code = run_cli(["survey", "import", str(plan), str(tmp_path / "財政課.xlsx"), "--apply"])
        _out, err = capsys.readouterr()
        assert code == 1 and "開いています" in err and plan.read_bytes() == before
    finally:
        lock.release()


def test_export_refusals_are_one_line(catalog, tmp_path, capsys):
    plan = saved_plan(catalog, tmp_path)
    code = run_cli(["survey", "export", str(plan), "-o", str(tmp_path), "--unit", "税務課"])
    _out, err = capsys.readouterr()
    assert code == 1
    assert err == "planner: 課「税務課」は計画にありません。計画の課: 総務課、財政課\n"
    code = run_cli(["survey", "export", str(plan), "-o", str(tmp_path / "no")])
    _out, err = capsys.readouterr()
    assert code == 1 and err.startswith("planner: 保存先のフォルダ")
