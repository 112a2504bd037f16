"""Issue 23, section 2: the 試行結果報告 chapter in the PDF and the Word plan, with its chart.

The hand-worked answers of ``test_issue23_trial`` (five teleworkers, three counter staff)
and their three criteria: the chapter says who answered, each criterion's outcome with
its figure, each question's counts and shares, the averages, the comments as written.
"""

from __future__ import annotations

from docx import Document as Docx

from planner.report import export_pdf
from planner.report.chapters import build_document
from planner.report.content import Figure, ShareChart
from planner.report.documents import make_documents
from tests.test_issue20_survey import make_plan
from tests.test_issue23_trial import answered_plan

from .test_report import pdf_text, squash


def _chapter(plan, catalog, lang="ja"):
    doc = build_document(plan, catalog, lang)
    return next(ch for ch in doc.chapters if ch.key == "trial")


def test_no_answers_no_chapter(catalog):
    doc = build_document(make_plan(catalog), catalog, "ja")
    assert "trial" not in [ch.key for ch in doc.chapters]


def test_the_chapter_carries_a_share_chart_per_group(catalog, tmp_path):
    plan, _r = answered_plan(catalog, tmp_path)
    figures = [b for b in _chapter(plan, catalog).blocks if isinstance(b, Figure)]
    assert [type(f.chart) for f in figures] == [ShareChart, ShareChart]  # teleworkers, counter
    rows = figures[0].chart.rows
    assert rows[0].label == "業務の生産性（n=5）"
    assert rows[0].shares == (("大きく低下した", 0.0), ("やや低下した", 20.0), ("変わらない", 40.0),
                              ("やや向上した", 20.0), ("大きく向上した", 20.0))  # fmt: skip


def test_the_pdf_reports_results_and_verdicts(catalog, tmp_path):
    plan, _r = answered_plan(catalog, tmp_path)
    out = tmp_path / "plan.pdf"
    export_pdf(plan, out, lang="ja", catalog=catalog)
    text = squash(pdf_text(out))
    assert squash("第13章 試行結果報告") in text
    assert squash("判定基準 3項目のうち 1項目を達成しました。") in text
    assert squash("80.0%") in text and squash("50.0%") in text and squash("2.33") in text
    assert squash("変わらない 2（40.0%）") in text and "3.40" in text
    assert squash("・通勤がなく集中できた") in text and squash("・電話の取次ぎが増えた") in text


def test_the_word_plan_has_the_chapter_and_its_chart(catalog, tmp_path):
    plan, _r = answered_plan(catalog, tmp_path)
    out = tmp_path / "docs"
    out.mkdir()
    make_documents(plan, out, only=["plan"])
    d = Docx(str(out / "実施計画書.docx"))
    paragraphs = [p.text for p in d.paragraphs]
    assert "第13章　試行結果報告" in paragraphs
    assert "・端末が重い" in "\n".join(paragraphs)
    cells = {c.text for t in d.tables for row in t.rows for c in row.cells}
    assert "未達成" in cells and "達成" in cells
    assert len(d.inline_shapes) >= 2  # the two share charts among the plan's figures


def test_the_english_chapter(catalog, tmp_path):
    plan, _r = answered_plan(catalog, tmp_path)
    ch = _chapter(plan, catalog, "en")
    assert ch.title == "Chapter 13. Trial results"
