"""Issue 23, section 2: the trial survey worked through by hand.

Five teleworkers answer (rows 7–11 of their sheet):

    row  productivity   communication  continue  security   comment
     7   変わらない(3)   やや低下(2)    はい      感じなかった 「通勤がなく集中できた」
     8   やや向上(4)     やや低下(2)    はい      たぶん ← not an option: named, not counted
     9   変わらない(3)   変わらない(3)  はい
    10   やや低下(2)     やや向上(4)    いいえ
    11   大きく向上(5)   (blank)        はい                 「端末が重い」

productivity: 5 answered, scores 3+4+3+2+5 = 17, average 17/5 = 3.40; not lower (3–5):
4 of 5 = 80.0%, so 「生産性が低下していない者が80%以上」 is met (exactly at the line).
communication: 4 answered, 2+2+3+4 = 11, average 11/4 = 2.75; not lower: 2 of 4 = 50.0%,
so 「70%以上」 is not met. continue: はい 4 of 5 = 80.0%, no average (yes/no).
Counter staff answer by CSV (Shift_JIS): workload 変わらない, やや増えた, やや増えた:
average 7/3 = 2.33 (2.333… rounded once), not heavier (3–5) 1 of 3 = 33.3%.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

from openpyxl import load_workbook

from planner.cli import run_cli
from planner.domain.model_trial import TrialCriterion
from planner.domain.trial import aggregate, judge
from planner.loading.trial_questions import default_questions
from planner.office.trial_files import export_questionnaires, preview_trial_answers
from planner.store.project import open_plan, save_plan
from tests.test_issue20_survey import make_plan

ROWS = [  # productivity, communication, continue, security, comment (columns B, C, G, F, H)
    ("変わらない", "やや低下した", "はい", "感じなかった", "通勤がなく集中できた"),
    ("やや向上した", "やや低下した", "はい", "たぶん", None),
    ("変わらない", "変わらない", "はい", None, None),
    ("やや低下した", "やや向上した", "いいえ", None, None),
    ("大きく向上した", None, "はい", None, "端末が重い"),
]
CRITERIA = [
    TrialCriterion("生産性が低下していない者が80%以上", "teleworker", "productivity"),
    TrialCriterion(
        "連絡・相談が低下していない者が70%以上",
        "teleworker",
        "communication",
        threshold=Decimal(70),
    ),  # fmt: skip
    TrialCriterion(
        "窓口の負担の平均が3点以上",
        "front_line",
        "workload",
        measure="average",
        threshold=Decimal(3),
    ),  # fmt: skip
]


def export(plan, folder, **kw):
    return export_questionnaires(plan, folder, reply_by=date(2025, 12, 19),
                                 now=datetime(2025, 12, 1, 9, 0), **kw)  # fmt: skip


def fill_teleworkers(path):
    wb = load_workbook(path)
    ws = wb["回答"]
    assert [ws.cell(row=6, column=c).value for c in range(2, 9)] == [
        "業務の生産性", "コミュニケーション", "勤怠管理", "端末・通信環境", "セキュリティの不安",
        "今後の希望", "自由意見"]  # fmt: skip
    for r, (prod, comm, cont, sec, comment) in enumerate(ROWS, 7):
        for letter, value in zip("BCGFH", (prod, comm, cont, sec, comment), strict=True):
            ws[f"{letter}{r}"] = value
    wb.save(path)


def counter_csv(folder):
    path = folder / "試行アンケート_窓口.csv"
    path.write_bytes("窓口・現場の業務負担,取次ぎ・問合せ,住民対応への支障,自由意見\r\n"
                     "変わらない,変わらない,いいえ,\r\nやや増えた,,はい,電話の取次ぎが増えた\r\n"
                     "やや増えた,やや低下した,いいえ,\r\n".encode("cp932"))  # fmt: skip
    return path


def answered_plan(catalog, tmp_path):
    plan = make_plan(catalog)
    (workbook,) = export(plan, tmp_path, audiences=["teleworker"])
    fill_teleworkers(workbook)
    result = preview_trial_answers(plan, [workbook, counter_csv(tmp_path)])
    result.operation(plan).run(plan, catalog)
    plan.trial_criteria = list(CRITERIA)
    return plan, result


def test_the_hand_worked_answers_give_the_counts_shares_and_averages(catalog, tmp_path):
    plan, _result = answered_plan(catalog, tmp_path)
    results = aggregate(plan.trial_responses, default_questions())
    tele = results.audience("teleworker")
    assert tele.respondents == 5 and results.respondents == 8
    prod = tele.question("productivity")
    assert [(c.option.code, c.count) for c in prod.counts] == [
        ("much_lower", 0),
        ("lower", 1),
        ("same", 2),
        ("higher", 1),
        ("much_higher", 1),
    ]
    assert prod.answered == 5 and prod.average == Fraction(17, 5)
    assert prod.share_between(3, 5) == (4, Fraction(4, 5))
    comm = tele.question("communication")
    assert comm.answered == 4 and comm.average == Fraction(11, 4)
    cont = tele.question("continue")
    assert [(c.option.code, c.count, c.share) for c in cont.counts] == [
        ("yes", 4, Fraction(4, 5)),
        ("no", 1, Fraction(1, 5)),
    ]
    assert cont.average is None  # yes / no: no average
    assert tele.question("security").answered == 1  # 「たぶん」 not counted
    assert tele.question("comment").comments == ("通勤がなく集中できた", "端末が重い")
    counter = results.audience("front_line").question("workload")
    assert counter.average == Fraction(7, 3) and counter.share_between(3, 5) == (1, Fraction(1, 3))
    verdicts = judge(plan.trial_criteria, results)
    assert [(v.outcome, v.shown_value) for v in verdicts] == [
        ("pass", "80.0%"),
        ("fail", "50.0%"),
        ("fail", "2.33"),
    ]


def test_a_bad_cell_is_named_by_sheet_row_and_column(catalog, tmp_path):
    _plan, result = answered_plan(catalog, tmp_path)
    assert [m.line() for m in result.messages] == [
        "試行アンケート_テレワーク実施者.xlsx［回答］8行目 セキュリティの不安（F列）: 『たぶん』は選べません"
        "（強く感じた／少し感じた／感じなかった）"]  # fmt: skip
    assert [len(s.responses) for s in result.sheets] == [5, 3]


def test_a_file_imported_again_replaces_its_answers(catalog, tmp_path):
    plan, _result = answered_plan(catalog, tmp_path)
    again = preview_trial_answers(plan, [tmp_path / "試行アンケート_テレワーク実施者.xlsx"])
    assert again.sheets[0].replaces == 5
    again.operation(plan).run(plan, catalog)
    assert len(plan.trial_responses) == 8


def test_the_cli_prints_results_and_summary_json_has_them(catalog, tmp_path, capsys):
    plan, _result = answered_plan(catalog, tmp_path)
    path = tmp_path / "plan.twplan"
    save_plan(plan, path)
    assert len(open_plan(path).trial_responses) == 8  # kept in the project file
    capsys.readouterr()
    assert run_cli(["trial", "results", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert (
        "  業務の生産性（n=5）: 大きく低下した 0（0.0%）  やや低下した 1（20.0%）  変わらない 2（40.0%）  "
        "やや向上した 1（20.0%）  大きく向上した 1（20.0%）  平均 3.40点" in out
    )
    assert "    ・端末が重い" in out
    assert (
        "  [未達成] 連絡・相談が低下していない者が70%以上 — テレワーク実施者・コミュニケーション: "
        "「変わらない」〜「大きく向上した」の割合 70%以上: 50.0%"
    ) in out
    assert run_cli(["summary", str(path), "--json"]) == 0
    trial = json.loads(capsys.readouterr().out)["trial"]
    assert trial["respondents"] == 8
    assert [(c["outcome"], c["value"]) for c in trial["criteria"]] == [
        ("pass", "4/5"),
        ("fail", "1/2"),
        ("fail", "7/3"),
    ]


def test_cli_export_and_import_apply(catalog, tmp_path, capsys):
    path = tmp_path / "plan.twplan"
    save_plan(make_plan(catalog), path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    assert run_cli(["trial", "export", str(path), "-o", str(out_dir)]) == 0
    names = sorted(p.name for p in out_dir.iterdir())
    assert names == sorted(["試行アンケート_テレワーク実施者.xlsx", "試行アンケート_上司（所属長）.xlsx",
                            "試行アンケート_職場の同僚.xlsx", "試行アンケート_窓口・現場の職員.xlsx"])  # fmt: skip
    capsys.readouterr()
    code = run_cli(["trial", "import", str(path), str(counter_csv(tmp_path)), "--apply"])
    out, err = capsys.readouterr()
    assert code == 0 and out.strip() == "試行アンケート_窓口.csv: 窓口・現場の職員 3人"
    assert err.strip() == f"{path}: 回答を保存しました。"
    assert len(open_plan(path).trial_responses) == 3
