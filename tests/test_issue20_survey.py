"""Issue 20, section 1: the task survey round trip, without the window.

The survey is exported, filled in with openpyxl the way a person fills it in (a row
changed, a row deleted, new rows below with full-width digits and spaces, ○/× and
はい/いいえ, a blank row in the middle, a wrong word typed by hand), imported, and the
plan's tasks and every message are checked.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from planner.domain.builders import new_plan
from planner.domain.model import Municipality, Task, TaskFactors, Unit
from planner.domain.survey_text import preview_lines
from planner.office.survey_files import export_survey, preview_replies

FORMULA = "=cmd|' /C calc'!A0"
NOW = datetime(2025, 6, 2, 9, 30)


def make_plan(catalog, name="さくら町"):
    plan = new_plan(Municipality(name=name, prefecture="長野県", general_staff=120,
                                 all_staff=180, fiscal_year=2025), catalog)  # fmt: skip
    plan.access_method = "jlis_lgwan"  # the marks are settled (no "method not chosen yet")
    plan.units = [
        Unit(name="総務課", staff=12, teleworkers=3, tasks=[
            Task(name="文書の収受・発送", factors=TaskFactors(paper="heavy")),
            Task(name="例規の審査", note="法制担当"),
            Task(name="公印の管理", factors=TaskFactors(onsite=True)),
            Task(name=FORMULA),
        ]),
        Unit(name="財政課", staff=8, teleworkers=2, tasks=[Task(name="予算の編成")]),
    ]  # fmt: skip
    return plan


def export(plan, folder, **kw):
    return export_survey(plan, folder, reply_by=date(2025, 6, 30), now=NOW, **kw)


def fill_like_a_person(path):
    """What 総務課 does with its sheet (rows 5–8 hold its four tasks)."""
    wb = load_workbook(path)
    ws = wb["総務課"]
    assert [ws.cell(row=r, column=2).value for r in range(5, 9)] == [
        "文書の収受・発送", "例規の審査", "公印の管理", FORMULA]  # fmt: skip
    ws["E5"] = "一部"  # 紙への依存: 多い → 一部
    ws["J6"] = "法制担当（週1回）　"  # the note, with a full-width space after it
    ws.delete_rows(7)  # 公印の管理 is not done here: the whole row deleted
    ws["C3"] = "１４"  # the unit's staff in full-width digits
    ws["E3"] = "５人"
    # new tasks below the table (row 8 on), as typed: blanks, ○/×, はい/いいえ, full width
    for col, value in zip("BCDEFGHJ", ("会議録の作成　", "なし ", "ＬＧＷＡＮ接続系", "一部",
                                        "×", "いいえ", "多い", "録音から起こす"), strict=True):  # fmt: skip
        ws[f"{col}8"] = value
    # row 9 left blank in the middle
    ws["B10"], ws["E10"], ws["F10"] = (
        "窓口での証明書交付",
        "たくさん",
        "○",
    )  # a word not in the list
    ws["B11"], ws["C11"], ws["F11"], ws["H11"] = " 統計調査の集計", "個人情報", "はい", "中程度"
    wb.save(path)


def test_export_import_round_trip_changes_the_tasks_and_names_every_bad_cell(catalog, tmp_path):
    plan = make_plan(catalog)
    paths = export(plan, tmp_path)
    assert [p.name for p in paths] == ["総務課.xlsx", "財政課.xlsx"]
    fill_like_a_person(paths[0])

    result = preview_replies(plan, paths, catalog)
    soumu, zaisei = result.units
    assert [m.line("ja") for m in soumu.messages] == [
        "総務課.xlsx［総務課］10行目 紙への依存（E列）: 『たくさん』は選べません（なし／一部／多い）"
    ]
    assert [m.line("en") for m in soumu.messages] == [
        "総務課.xlsx [総務課], row 10, Paper dependence (column E): 'たくさん' is not one of the "
        "choices (なし / 一部 / 多い)"
    ]
    assert [c.task.name for c in soumu.added] == ["会議録の作成", "統計調査の集計"]
    assert [c.task.name for c in soumu.removed] == ["公印の管理"]
    assert [c.task.name for c in soumu.changed] == ["文書の収受・発送", "例規の審査"]
    assert not zaisei.has_changes and not zaisei.messages
    lines = preview_lines(result, "ja")
    assert lines == [
        "■ 総務課（総務課.xlsx［総務課］）",
        "  追加 2件",
        "    ＋ 会議録の作成 — ○ 条件付き",  # much teamwork, and no chat yet
        "    ＋ 統計調査の集計 — × 不適",  # counter work
        "  変更 2件",
        "    ＊ 文書の収受・発送 — ○ 条件付き → ◎ 適",
        "        紙への依存: 多い → 一部",
        "    ＊ 例規の審査 — ◎ 適",
        "        備考: 法制担当 → 法制担当（週1回）",
        "  削除 1件",
        "    － 公印の管理 — × 不適",
        "  課の職員数: 12 → 14",
        "  テレワーク実施人数: 3 → 5",
        "  取り込めないセル 1件",
        "    総務課.xlsx［総務課］10行目 紙への依存（E列）: 『たくさん』は選べません（なし／一部／多い）",
        "■ 財政課（財政課.xlsx［財政課］）",
        "  変更はありません。",
    ]

    op = result.operation()
    assert op is not None
    undo = op.apply(plan, catalog)  # one step, checked as every edit is
    soumu_unit = plan.units[0]
    assert [t.name for t in soumu_unit.tasks] == [
        "文書の収受・発送", "例規の審査", FORMULA, "会議録の作成", "統計調査の集計"]  # fmt: skip
    assert (soumu_unit.staff, soumu_unit.teleworkers) == (14, 5)
    first, second, formula, minutes, stats = soumu_unit.tasks
    assert first.factors.paper == "some" and second.note == "法制担当（週1回）"
    assert minutes.factors == TaskFactors(personal_data="none", network="lgwan", paper="some",
                                          counter=False, onsite=False, coordination="high")  # fmt: skip
    assert minutes.note == "録音から起こす" and not minutes.selected
    assert stats.factors == TaskFactors(
        personal_data="personal", counter=True, coordination="medium"
    )
    assert [t.name for t in plan.units[1].tasks] == ["予算の編成"]
    undo.apply(plan, catalog)  # and undone as one
    assert [t.name for t in plan.units[0].tasks] == [
        "文書の収受・発送", "例規の審査", "公印の管理", FORMULA]  # fmt: skip
    assert (plan.units[0].staff, plan.units[0].tasks[0].factors.paper) == (12, "heavy")


def test_importing_the_same_reply_twice_adds_nothing_twice(catalog, tmp_path):
    plan = make_plan(catalog)
    path = export(plan, tmp_path, units=["総務課"])[0]
    fill_like_a_person(path)
    preview_replies(plan, [path], catalog).operation().apply(plan, catalog)
    again = preview_replies(plan, [path], catalog)
    # the new rows have no id: they find the tasks they made by name; 公印の管理 is gone
    assert not again.units[0].has_changes
    assert again.operation() is None


def test_the_workbook_as_written(catalog, tmp_path):
    plan = make_plan(catalog)
    path = export(plan, tmp_path, one_workbook=True)[0]
    assert path.name == "業務の洗い出し調査.xlsx"
    wb = load_workbook(path)
    assert wb.sheetnames == ["記入のしかた", "総務課", "財政課", "_選択肢", "_調査票情報"]
    assert [wb[n].sheet_state for n in wb.sheetnames] == ["visible"] * 3 + ["hidden"] * 2
    assert wb.security.lockStructure
    guide = wb["記入のしかた"]
    facts = {
        guide.cell(row=r, column=1).value: guide.cell(row=r, column=2).value for r in range(3, 7)
    }
    assert facts == {"計画": "さくら町 テレワーク導入実施計画", "回答する課": "総務課、財政課",
                     "回答期限": "令和7年6月30日", "作成日時": "令和7年6月2日 09:30"}  # fmt: skip
    ws = wb["総務課"]
    assert [c.value for c in ws[4]] == ["ID", "業務名", "個人情報", "ネットワーク", "紙への依存",
                                        "窓口業務", "現地業務", "連携の必要性", "業務の対象", "備考"]  # fmt: skip
    assert [c.value for c in ws[5]][1:] == ["文書の収受・発送", "なし", "LGWAN接続系", "多い",
                                            "いいえ", "いいえ", "少ない", None, None]  # fmt: skip
    assert ws["A5"].value == plan.units[0].tasks[0].id and ws.column_dimensions["A"].hidden
    formula = ws["B8"]  # a task named like a formula is text, never a formula
    assert formula.value == FORMULA and formula.data_type == "s"
    assert ws.protection.sheet and not ws.protection.insertRows and not ws.protection.deleteRows
    assert ws["B4"].protection.locked and ws["B1"].protection.locked
    assert not ws["B5"].protection.locked and not ws["J80"].protection.locked
    assert not ws["C3"].protection.locked and ws["C3"].value == 12
    lists = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation
             if dv.type == "list"}  # fmt: skip
    assert lists["E5:E108"] == "survey_paper" and lists["F5:F108"] == "survey_counter"
    assert len(lists) == 7
    name = wb.defined_names["survey_paper"]
    ((sheet, ref),) = name.destinations
    assert sheet == "_選択肢" and [c.value for (c,) in wb[sheet][ref]] == ["なし", "一部", "多い"]
    info = wb["_調査票情報"]
    assert [info.cell(row=r, column=2).value for r in range(1, 8)] == [
        "telework-planner-survey", "1", "さくら町／2025", "さくら町 テレワーク導入実施計画",
        "2025-06-02T09:30:00", "2025-06-30", "ja"]  # fmt: skip
    assert [c.value for c in info[10]][:3] == ["総務課", plan.units[0].id, "総務課"]
    assert info["D10"].value.split() == [t.id for t in plan.units[0].tasks]


def test_more_kinds_of_bad_cells_are_named_and_the_rest_still_counts(catalog, tmp_path):
    plan = make_plan(catalog)
    path = export(plan, tmp_path, units=["総務課"])[0]
    wb = load_workbook(path)
    ws = wb["総務課"]
    ws["C3"] = "十二"  # not a number
    ws["B6"] = None  # a task's name cleared, its factors left
    ws["C9"] = "なし"  # a new row with no name
    ws["D5"] = "インターネット"  # not the list's word
    ws["B10"] = "研修の企画"
    wb.save(path)
    result = preview_replies(plan, [path], catalog)
    assert [m.line("ja") for m in result.units[0].messages] == [
        "総務課.xlsx［総務課］3行目 課の職員数（C列）: 『十二』は人数として読めません（0以上の整数で書いてください）",
        "総務課.xlsx［総務課］5行目 ネットワーク（D列）: 『インターネット』は選べません"
        "（インターネット接続系／LGWAN接続系／マイナンバー利用事務系）",
        "総務課.xlsx［総務課］6行目 業務名（B列）: 業務名がありません。この行は取り込みません。",
        "総務課.xlsx［総務課］9行目 業務名（B列）: 業務名がありません。この行は取り込みません。",
    ]
    u = result.units[0]
    assert [c.task.name for c in u.added] == ["研修の企画"]
    assert not u.removed and not u.changed and not u.unit_changes  # bad rows keep their tasks


def test_teleworkers_over_staff_is_refused_at_its_cell(catalog, tmp_path):
    plan = make_plan(catalog)
    path = export(plan, tmp_path, units=["財政課"])[0]
    wb = load_workbook(path)
    wb["財政課"]["E3"] = 9
    wb.save(path)
    u = preview_replies(plan, [path], catalog).units[0]
    assert [m.line("ja") for m in u.messages] == [
        "財政課.xlsx［財政課］3行目 テレワーク実施人数（E列）: テレワーク実施人数（9人）が課の職員数（8人）を超えています。"
    ]
    assert not u.unit_changes


def test_a_reply_from_another_plan_is_held_back_unless_accepted(catalog, tmp_path):
    other = make_plan(catalog, name="もみじ村")
    path = export(other, tmp_path, units=["総務課"])[0]
    plan = make_plan(catalog)
    wb = load_workbook(path)
    wb["総務課"]["B9"] = "広報紙の編集"
    wb.save(path)
    result = preview_replies(plan, [path], catalog)
    u = result.units[0]
    assert u.mismatch is not None and u.unit_id == plan.units[0].id  # matched by the unit's name
    assert u.mismatch.ja == ("別の計画（もみじ村／2025）の調査票です。"
                             "この計画の課「総務課」に宛てた調査票ではありません（同じ名前の別の課）。")  # fmt: skip
    assert [c.task.name for c in u.added] == ["広報紙の編集"]  # the other tasks match by name
    assert not u.removed  # ids of the other plan's tasks remove nothing here
    assert result.operation() is None
    assert "  確認が必要です（確認しなければ取り込みません）: 別の計画" in "\n".join(
        preview_lines(result)
    )
    result.operation(accept_mismatch=True).apply(plan, catalog)
    assert plan.units[0].tasks[-1].name == "広報紙の編集"


def test_files_that_are_no_reply_are_named_and_the_others_still_read(catalog, tmp_path):
    plan = make_plan(catalog)
    good = export(plan, tmp_path, units=["財政課"])[0]
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    (tmp_path / "text.xlsx").write_text("not a workbook")
    from openpyxl import Workbook

    Workbook().save(tmp_path / "blank.xlsx")
    (tmp_path / "folder.xlsx").mkdir()
    names = ["old.xls", "text.xlsx", "blank.xlsx", "folder.xlsx", "missing.xlsx"]
    result = preview_replies(plan, [tmp_path / n for n in names] + [good], catalog)
    assert [m.line("ja") for m in result.failures] == [
        "old.xls: Excel 97-2003形式（.xls）のファイルです。Excelで「Excelブック（.xlsx）」として保存し直してから読み込んでください。",
        "text.xlsx: Excelのファイル（.xlsx）として読めません。",
        "blank.xlsx: 調査票の回答ではありません（「_調査票情報」シートがありません）。"
        "このプログラムで書き出した調査票に記入したファイルを選んでください。",
        "folder.xlsx: 「folder.xlsx」は通常のファイルではありません（フォルダー）。ファイルを指定してください。",
        "missing.xlsx: ファイル「missing.xlsx」が見つかりません。",
    ]
    assert [u.unit_name for u in result.units] == ["財政課"]


def test_two_replies_for_one_unit_take_the_first(catalog, tmp_path):
    plan = make_plan(catalog)
    a = export(plan, tmp_path, units=["財政課"])[0]
    b = tmp_path / "copy.xlsx"
    b.write_bytes(a.read_bytes())
    result = preview_replies(plan, [a, b], catalog)
    assert result.units[0].refused is None
    assert result.units[1].refused.ja == (
        "この課の回答は「財政課.xlsx」でも読み込んでいます。1つの課には1つの回答だけ取り込めます。"
    )


@pytest.mark.parametrize(("typed", "code"), [
    ("○", "yes"), ("◯", "yes"), ("はい", "yes"), ("Ｙｅｓ", "yes"), ("1", "yes"),
    ("×", "no"), ("いいえ", "no"), ("ｘ", "no"), ("　いいえ　", "no"), ("FALSE", "no"),
])  # fmt: skip
def test_yes_and_no_as_people_write_them(catalog, typed, code):
    from planner.domain.survey_values import clean_text, match_choice, task_columns

    counter = next(c for c in task_columns() if c.field == "factors.counter")
    assert match_choice(clean_text(typed), counter, catalog.words) == code


@pytest.mark.parametrize(("typed", "number"), [
    ("１２", 12), ("12人", 12), ("１，２００", 1200), ("12.0", 12), (" 3 ", 3), ("十二", None),
    ("-1", None), ("", None),
])  # fmt: skip
def test_counts_as_people_write_them(typed, number):
    from planner.domain.survey_values import clean_int

    assert clean_int(typed) == number


def test_unit_names_make_file_and_sheet_names(catalog, tmp_path):
    plan = make_plan(catalog)
    plan.units[0].name = "総務課/庶務:係?"
    plan.units[1].name = "CON"
    paths = export(plan, tmp_path)
    assert [p.name for p in paths] == ["総務課_庶務_係_.xlsx", "_CON.xlsx"]
    assert load_workbook(paths[0]).sheetnames[1] == "総務課_庶務_係_"
    result = preview_replies(plan, paths, catalog)
    assert [u.unit_name for u in result.units] == ["総務課/庶務:係?", "CON"]
    assert not any(u.has_changes or u.messages for u in result.units)


def test_export_refuses_an_unknown_unit_and_a_missing_folder(catalog, tmp_path):
    from planner.report.result import ReportError

    plan = make_plan(catalog)
    with pytest.raises(ReportError) as e:
        export(plan, tmp_path, units=["税務課"])
    assert e.value.text("ja") == "課「税務課」は計画にありません。計画の課: 総務課、財政課"
    with pytest.raises(ReportError) as e:
        export(plan, tmp_path / "nowhere")
    assert "がありません" in e.value.text("ja")
    assert list(tmp_path.iterdir()) == []


def test_texts_keep_their_line_breaks_and_lose_control_characters():
    from planner.domain.survey_values import clean_text

    assert clean_text("　会議録\x1b[2Jの作成\r\n（月1回）\t週報 ") == "会議録[2Jの作成\n（月1回） 週報"


def test_a_survey_in_english_reads_its_words_back(catalog, tmp_path):
    plan = make_plan(catalog)
    path = export(plan, tmp_path, units=["財政課"], lang="en")[0]
    wb = load_workbook(path)
    ws = wb["財政課"]
    assert wb.sheetnames[0] == "How to fill in" and ws["E4"].value == "Paper dependence"
    assert ws["E5"].value == "None" and ws["F5"].value == "No"
    ws["E5"], ws["G5"] = "Heavy", "yes"
    ws["B6"], ws["E6"] = "Audit replies", "lots"
    wb.save(path)
    u = preview_replies(plan, [path], catalog).units[0]
    assert [m.line("en") for m in u.messages] == [
        "財政課.xlsx [財政課], row 6, Paper dependence (column E): 'lots' is not one of the "
        "choices (None / Some / Heavy)"
    ]
    (change,) = u.changed
    assert [(c.label.en, c.old.en, c.new.en) for c in change.changes] == [
        ("Paper dependence", "None", "Heavy"), ("On-site work", "No", "Yes")]  # fmt: skip


def test_a_reply_too_large_or_unpacking_to_too_much_is_not_read(catalog, tmp_path, monkeypatch):
    from planner.office import survey_layout

    plan = make_plan(catalog)
    path = export(plan, tmp_path, units=["財政課"])[0]
    monkeypatch.setattr(survey_layout, "MAX_UNPACKED", 20_000)  # a zip bomb, in small
    assert [m.line("ja") for m in preview_replies(plan, [path], catalog).failures] == [
        "財政課.xlsx: 展開すると大きすぎるファイルです。"
    ]
    monkeypatch.setattr(survey_layout, "MAX_BYTES", 1000)
    assert [m.line("en") for m in preview_replies(plan, [path], catalog).failures] == [
        "財政課.xlsx: the file is too large (20 MB at most)."
    ]
