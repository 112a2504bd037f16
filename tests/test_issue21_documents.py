"""Issue 21: the documents a town files, opened as a user's Word and Excel would open them.

Every generated file is read back with python-docx / openpyxl (and the council PDF with
pypdf) and must hold the plan's values: the town, the caps, the approval route, the
costs (equal to ``planner summary --json``). A plan with hostile text produces every
document, printed as typed; the council summary keeps to two A4 pages.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from planner.cli_summary import summary_data
from planner.domain.money import format_yen
from planner.report.documents import DOCUMENTS, NAMES, make_documents
from planner.store.interchange import import_json
from tests.store_plans import sample_json

docx = pytest.importorskip("docx")
openpyxl = pytest.importorskip("openpyxl")
pypdf = pytest.importorskip("pypdf")

LONG_WORD = "長" * 5000
HOSTILE = "<b>町</b>&amp;{{ town }}{%p if x %}\x1b[2J\u202e"
HOSTILE_SHOWN = "<b>町</b>&amp;{{ town }}{%p if x %}[2J"  # control and bidi characters removed


def docx_text(path: Path) -> str:
    """Every paragraph and table cell of a Word file, as a user sees it."""
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def xlsx_text(path: Path) -> str:
    wb = openpyxl.load_workbook(str(path))
    return "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row
                     if c.value is not None)  # fmt: skip


def pdf_text(path: Path) -> str:
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(str(path)).pages)


def text_of(path: Path) -> str:
    return {".docx": docx_text, ".xlsx": xlsx_text, ".pdf": pdf_text}[path.suffix](path)


@pytest.fixture(scope="module")
def town_files(tmp_path_factory):
    plan = import_json(sample_json("kawasemi-town"))
    folder = tmp_path_factory.mktemp("town")
    paths = make_documents(plan, folder)
    return plan, {p.name: p for p in paths}


def test_every_document_is_written_and_names_the_town(town_files):
    plan, files = town_files
    expected = {o.file.ja for d in DOCUMENTS for o in d.outputs}
    assert set(files) == expected and len(files) == 10
    for name, path in files.items():
        assert plan.municipality.name in text_of(path), name
    assert "総務課 人事係" in docx_text(files["実施申請書・承認書.docx"])  # the department


def test_costs_are_those_of_planner_summary_json(town_files):
    plan, files = town_files
    data = summary_data(plan, [])
    figures = [format_yen(y[k]) for y in data["years"] for k in ("total", "subsidy", "net")]
    figures += [format_yen(data["period"][k]) for k in ("total", "subsidy", "net")]
    for name in ("実施計画書.docx", "議会説明資料.docx", "議会説明資料.pdf"):
        text = text_of(files[name]).replace("\n", "")
        missing = [f for f in figures if f not in text]
        assert not missing, (name, missing)


def test_caps_time_units_and_approval_route_follow_step_5(town_files):
    plan, files = town_files
    rules = docx_text(files["実施要綱案.docx"])
    # the town's units differ, so the rules point to their table, one row per unit
    assert "別表に定める日数を上限とする" in rules
    caps = {f"1月につき{u.form.max_days}日" if u.form.cap_period == "month"
            else f"1週につき{u.form.max_days}日" for u in plan.units if u.form.max_days}  # fmt: skip
    assert caps and all(c in rules for c in caps)
    # approver "unit_head_hr": approved by the head of the unit, reported to HR
    assert "これを承認し、その内容を総務課に報告するものとする" in rules
    assert "始業及び終業の時刻を勤怠管理システムに記録しなければならない" in rules
    # the application offers the plan's time units and its approver
    form = docx_text(files["実施申請書・承認書.docx"])
    assert "□1日単位　□半日単位　□1時間単位" in form
    assert "所属長が承認し、人事担当課に報告する" in form
    assert "□親族宅（介護等のため" in form  # step 5 allows a relative's home
    # the plan in Word has step 5's caps in its table, as the PDF does
    assert "月8日まで" in docx_text(files["実施計画書.docx"])


def test_rules_to_amend_carry_the_union_dates_of_step_6(town_files):
    _plan, files = town_files
    text = docx_text(files["制定改正規程一覧.docx"])
    assert "職員の給与に関する条例（在宅勤務等手当の新設、通勤手当の調整）" in text
    assert "議会の議決（町長が議案を提出）" in text
    assert "R7.7.15" in text and "令和7年9月定例会" in text
    assert "労働安全衛生法66条の8の3" in text and "公務災害" in text


def test_the_pledge_lists_the_plans_measures_for_teleworkers(town_files):
    plan, files = town_files
    text = docx_text(files["誓約書.docx"])
    measures = [s.text for s in plan.security if s.role == "teleworker"]
    assert measures and all(m in text for m in measures)


def test_the_work_plan_has_a_row_per_half_day_when_units_go_by_the_hour(town_files):
    _plan, files = town_files
    ws = openpyxl.load_workbook(str(files["業務実施計画書・報告書.xlsx"])).active
    parts = [ws.cell(row=r, column=2).value for r in range(5, ws.max_row + 1)]
    assert parts.count("午前") == 31 and parts.count("午後") == 31
    assert ws.print_title_rows == "$4:$4"


def test_the_council_summary_names_no_person(town_files):
    plan, files = town_files
    people = [plan.leader, plan.municipality.author, *(m.name for m in plan.members)]
    assert people
    for name in ("議会説明資料.docx", "議会説明資料.pdf"):
        text = text_of(files[name])
        assert not [p for p in people if p.strip() and p in text], name
        assert "第6次かわせみ町総合計画（令和3〜12年度）" in text.replace("\n", "")


def test_the_plan_in_word_uses_headings_fonts_tables_and_images(town_files):
    _plan, files = town_files
    d = docx.Document(str(files["実施計画書.docx"]))
    headings = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    assert "第5章　対象者・実施形態" in headings or any(h.startswith("第5章") for h in headings)
    assert len(d.tables) > 20 and len(d.inline_shapes) >= 3  # the cost charts and the schedule
    from docx.oxml.ns import qn

    for style in ("Normal", "Heading 1", "Heading 2"):
        fonts = d.styles[style].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) in ("BIZ UD明朝 Medium", "BIZ UDゴシック"), style
        assert fonts.get(qn("w:eastAsiaTheme")) is None
    font_table = next(p for p in d.part.package.iter_parts() if str(p.partname).endswith("fontTable.xml"))
    assert '<w:altName w:val="游ゴシック"/>' in font_table.blob.decode()


def _forty_units():
    plan = import_json(sample_json("kawasemi-town"))
    base = list(plan.units)
    i = 0
    while len(plan.units) < 40:
        unit = copy.deepcopy(base[i % len(base)])
        unit.id = f"extra{i}"
        unit.name = f"{unit.name}（第{i}分室）" * 2
        for t in unit.tasks:
            t.id = f"{t.id}-{i}"
        plan.units.append(unit)
        i += 1
    return plan


@pytest.mark.parametrize("which", ["kawasemi-town", "yamanami-village", "40 units"])
def test_the_council_summary_keeps_to_two_pages(tmp_path, which):
    plan = _forty_units() if which == "40 units" else import_json(sample_json(which))
    (pdf, _docx) = make_documents(plan, tmp_path, only=("council",))
    assert len(pypdf.PdfReader(str(pdf)).pages) <= 2
    if which == "40 units":
        assert "その他 30課" in pdf_text(pdf)


def hostile_plan():
    plan = import_json(sample_json("kawasemi-town"))
    plan.municipality.name = HOSTILE
    plan.municipality.department = "総務課\x00<w:p>"
    plan.related_plans.comprehensive = f"総合計画 {LONG_WORD}"
    plan.units[0].name = "{% for x in y %}<script>"
    plan.kpis[0].name = "</w:t></w:r><w:r><w:t>"
    next(s for s in plan.security if s.role == "teleworker").text = "=cmd|' /C calc'!A0\u200b"
    return plan


def test_a_plan_with_hostile_text_produces_every_document_as_typed(tmp_path):
    paths = make_documents(hostile_plan(), tmp_path)
    assert len(paths) == 10
    texts = {p.name: text_of(p) for p in paths}
    for name, text in texts.items():
        assert HOSTILE_SHOWN in text, name
        assert "\x1b" not in text and "\u202e" not in text
    assert f"総合計画 {LONG_WORD}" in texts["議会説明資料.docx"]
    assert "{% for x in y %}<script>" in texts["実施要綱案.docx"]  # the units' table
    assert "</w:t></w:r><w:r><w:t>" in texts["実施計画書.docx"]
    assert "=cmd|' /C calc'!A0" in texts["誓約書.docx"] and "=cmd|' /C calc'!A0" in texts["実施要綱案.docx"]
    assert "総務課<w:p>" in texts["端末貸与簿.xlsx"]


def test_only_names_the_documents_and_a_missing_folder_is_refused(tmp_path):
    plan = import_json(sample_json("yamanami-village"))
    paths = make_documents(plan, tmp_path, only=("rules", "work_plan"))
    assert [p.name for p in paths] == ["実施要綱案.docx", "業務実施計画書・報告書.xlsx"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)  # no temporaries
    from planner.report.result import ReportError

    with pytest.raises(ReportError) as e:
        make_documents(plan, tmp_path / "missing")
    assert e.value.text("ja") == f"保存先のフォルダ「{tmp_path / 'missing'}」がありません。既存のフォルダを指定してください。"
    with pytest.raises(ReportError) as e:
        make_documents(plan, tmp_path, only=("nothing",))
    assert e.value.text("en") == f"There is no document 'nothing'. Choose from: {', '.join(NAMES)}"
