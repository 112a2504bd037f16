"""The command line: every command, on its output and exit status, including refusals."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from planner.__main__ import main
from planner.cli import run_cli
from planner.domain.costs import adopted_estimate
from planner.domain.money import format_yen
from planner.store.interchange import import_json
from planner.store.lock import acquire_lock
from planner.store.project import open_plan
from tests.store_plans import sample_json, sample_twplan

VILLAGE = sample_twplan("yamanami-village")
TOWN = sample_twplan("kawasemi-town")


@pytest.fixture
def damaged(tmp_path) -> Path:
    path = tmp_path / "damaged.twplan"
    path.write_bytes(VILLAGE.read_bytes()[:5000])
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = run_cli([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def refused(code: int, out: str, err: str) -> str:
    assert code == 1
    assert out == ""
    assert err.startswith("planner: ") and err.count("\n") == 1 and "Traceback" not in err
    return err


def test_validate(capsys):
    code, out, err = run(capsys, "validate", VILLAGE)
    assert code == 0 and err == ""
    assert out == (
        f"OK: {VILLAGE} — やまなみ村（課 5、選定業務 14件）\n"
        "確認が必要な点（5件）:\n"
        "  手順 7: 非常時にリモートアクセスが必要な職員12人に対し、J-LISの端末IDが10で2不足します"
        "（J-LISに申請した端末ID数、手順7で入力）。\n"  # issue 23
        "  手順 7: 財政力指数（0.18）が入力されていますが、財政力補正の乗率は1.0（補正なし）のままです。"
        "乗率は特別交付税に関する省令により財政力指数から定まりますが、この項目の表は確認できていません。"
        "実際の乗率を確認して入力するまで、措置見込額は補正前の概算です。\n"
        "  手順 7（参考）: 令和7年度の措置見込額は令和6年度のルールを仮定しています。\n"
        "  手順 7（参考）: 令和8年度の措置見込額は令和6年度のルールを仮定しています。\n"
        "  手順 7（参考）: 令和9年度の措置見込額は令和6年度のルールを仮定しています。\n"
    )
    # the unchecked multiplier and the J-LIS shortfall are warnings; the assumed rules are
    # notes, which do not count
    code, _out, err = run(capsys, "validate", VILLAGE, "--strict")
    assert code == 1 and err == "planner: 計画に警告が2件あります（--strict）。\n"
    code, out, _ = run(capsys, "validate", sample_json("kawasemi-town"), "--lang", "en")
    assert code == 0 and "かわせみ町, 19 units, 63 selected tasks" in out


def test_validate_refuses_damaged_missing_and_foreign_files(capsys, damaged, tmp_path):
    err = refused(*run(capsys, "validate", damaged))
    assert "「damaged.twplan」は壊れているため開けません" in err
    err = refused(*run(capsys, "validate", damaged, "--lang", "en"))
    assert "'damaged.twplan' is damaged" in err
    err = refused(*run(capsys, "validate", tmp_path / "nothing.twplan"))
    assert "見つかりません" in err
    notes = tmp_path / "notes.twplan"
    notes.write_text("会議メモ")
    assert "計画ファイル（.twplan）ではありません" in refused(*run(capsys, "validate", notes))


def test_summary_figures_come_from_the_domain(capsys, catalog):
    plan = open_plan(TOWN)
    est = adopted_estimate(plan, catalog.subsidy_rules)
    code, out, err = run(capsys, "summary", TOWN)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "団体: かわせみ町（静岡県） 一般行政職員 250人"
    assert lines[1] == "計画期間: 令和7年度 (2025) 〜 令和9年度 (2027)"
    assert "選定業務: 63件（課 19）" in out
    assert "テレワーク実施人数: 84人　新たに必要な端末: 64台" in out
    assert "採用シナリオ: 民間VDI（LGWAN接続系）＋貸与PC" in out
    total_line = next(ln for ln in lines if ln.startswith("計画期間合計"))
    p = est.period
    assert total_line.split() == [
        "計画期間合計",
        *(format_yen(x) for x in (p.total, p.eligible, p.subsidy, p.net, p.running_excluded)),
    ]
    # issue 15: the running costs the coverage rule leaves out, per year, and the rule used
    fy26 = next(ln for ln in lines if ln.startswith("令和8年度"))
    assert fy26.split()[-1] == "6,390,000円" and p.running_excluded == 12_780_000
    assert "特定財源" not in out  # no line of the sample has other revenue
    assert "年度ごとの措置ルール:" in out
    assert "  * 令和8年度：この年度の措置の通知は確認できていないため、令和6年度のルール" in out
    assert (
        "財政力指数（0.62）が入力されていますが、財政力補正の乗率は1.0（補正なし）のままです。"
        in out
    )
    assert "地方交付税法第15条第2項により12月と3月に決定されます" in out
    assert format_yen(est.years[0].total) == "19,852,400円"
    assert format_yen(est.years[0].total) in next(ln for ln in lines if ln.startswith("令和7年度"))


def test_summary_json_has_integers(capsys, catalog):
    plan = open_plan(VILLAGE)
    est = adopted_estimate(plan, catalog.subsidy_rules)
    code, out, _ = run(capsys, "summary", VILLAGE, "--json")
    assert code == 0
    data = json.loads(out)
    assert data["municipality"] == {"name": "やまなみ村", "prefecture": "長野県",
                                    "general_staff": 40, "all_staff": 58}  # fmt: skip
    assert data["teleworkers"] == 14 and data["devices_needed"] == 10
    assert len(data["selected_tasks"]) == 14
    assert data["selected_tasks"][0] == {"unit": "総務課", "task": "例規の調査・条例案の審査"}
    assert data["period"] == {"total": est.period.total, "eligible": est.period.eligible,
                              "subsidy": est.period.subsidy, "net": est.period.net}  # fmt: skip
    assert [y["fiscal_year"] for y in data["years"]] == [2025, 2026, 2027]
    assert all(isinstance(y["total"], int) for y in data["years"])
    assert data["years"][0]["total"] == 1_890_900


def test_summary_refuses_a_damaged_file(capsys, damaged):
    refused(*run(capsys, "summary", damaged, "--json"))


def test_export_and_import_json(capsys, tmp_path):
    out_json = tmp_path / "village.json"
    code, out, err = run(capsys, "export-json", VILLAGE, "-o", out_json)
    assert code == 0 and out == ""
    assert out_json.read_bytes() == sample_json("yamanami-village").read_bytes()
    code, out, _ = run(capsys, "export-json", VILLAGE, "-o", "-")
    assert code == 0 and json.loads(out)["plan"]["municipality"]["name"] == "やまなみ村"
    twplan = tmp_path / "village.twplan"
    code, out, err = run(capsys, "import-json", out_json, "-o", twplan)
    assert code == 0 and out == "" and "やまなみ村" in err
    assert open_plan(twplan) == import_json(sample_json("yamanami-village"))


def test_export_json_of_a_damaged_file_writes_nothing(capsys, damaged, tmp_path):
    refused(*run(capsys, "export-json", damaged, "-o", tmp_path / "x.json"))
    assert not (tmp_path / "x.json").exists()


def test_import_json_refusals(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "telework-planner-plan", "format_version": 1, "plan": {"municipality": '
                   '{"name": "x", "prefecture": "長野県", "general_staff": -4, "all_staff": 10, '
                   '"fiscal_year": 2025}}}', encoding="utf-8")  # fmt: skip
    err = refused(*run(capsys, "import-json", bad, "-o", tmp_path / "o.twplan"))
    assert "一般行政職員数に負の値は入力できません" in err and "municipality.general_staff" in err
    assert not (tmp_path / "o.twplan").exists()
    bad.write_text("{not json", encoding="utf-8")
    assert "JSONとして読めません" in refused(
        *run(capsys, "import-json", bad, "-o", tmp_path / "o.twplan")
    )
    data = json.loads(sample_json("yamanami-village").read_text(encoding="utf-8"))
    data["plan"]["units"][0]["staf"] = 3
    bad.write_text(json.dumps(data), encoding="utf-8")
    err = refused(*run(capsys, "import-json", bad, "-o", tmp_path / "o.twplan", "--lang", "en"))
    # one style of field paths, whether the reader or the validation finds the problem
    assert err == "planner: 'bad.json' cannot be imported: unknown key (field: units[0].staf)\n"
    data = json.loads(sample_json("yamanami-village").read_text(encoding="utf-8"))
    data["format_version"] = 2
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert "新しいバージョン" in refused(
        *run(capsys, "import-json", bad, "-o", tmp_path / "o.twplan")
    )


def test_import_json_does_not_overwrite_a_plan_someone_has_open(capsys, tmp_path):
    target = tmp_path / "open.twplan"
    target.write_bytes(VILLAGE.read_bytes())
    lock = acquire_lock(target)
    try:
        err = refused(*run(capsys, "import-json", sample_json("kawasemi-town"), "-o", target))
        assert "開いています" in err
        assert open_plan(target).municipality.name == "やまなみ村"
    finally:
        lock.release()


def test_export_pdf(capsys, tmp_path, damaged):
    pytest.importorskip("reportlab")
    out = tmp_path / "plan.pdf"
    code, stdout, err = run(capsys, "export-pdf", VILLAGE, "-o", out)
    assert code == 0, err
    assert out.read_bytes().startswith(b"%PDF")
    assert "ページ" in err.splitlines()[-1]
    refused(*run(capsys, "export-pdf", damaged, "-o", tmp_path / "d.pdf"))
    assert not (tmp_path / "d.pdf").exists()


def test_usage_errors_and_version(capsys):
    code, out, err = run(capsys, "summary")
    assert code == 2 and "usage: planner summary" in err
    code, out, err = run(capsys, "import-json", "x.json")
    assert code == 2 and "-o/--output" in err
    code, out, err = run(capsys, "--version")
    assert code == 0 and out.startswith("Telework Planner ")
    code, out, err = run(capsys, "validate", VILLAGE, "--lang", "fr")
    assert code == 2 and "invalid choice" in err


def test_entry_point_dispatches_commands_and_files(capsys, monkeypatch):
    assert main(["validate", str(VILLAGE)]) == 0
    assert "OK:" in capsys.readouterr().out
    opened = []
    import planner.ui.app as app

    monkeypatch.setattr(app, "run_gui", lambda args: opened.append(args) or 0)
    assert main([str(VILLAGE)]) == 0 and opened == [[str(VILLAGE)]]
    assert main([]) == 0 and opened[-1] == []


def test_the_installed_command_exits_with_status_and_one_line(tmp_path, damaged):
    ok = subprocess.run([sys.executable, "-m", "planner", "validate", str(VILLAGE)],
                        capture_output=True, text=True)  # fmt: skip
    assert ok.returncode == 0 and ok.stdout.startswith("OK:")
    bad = subprocess.run([sys.executable, "-m", "planner", "summary", str(damaged)],
                         capture_output=True, text=True)  # fmt: skip
    assert bad.returncode == 1 and bad.stdout == ""
    assert bad.stderr.count("\n") == 1 and bad.stderr.startswith("planner: ")
