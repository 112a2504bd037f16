"""Issue 19, item 3: a second writer of the report's content, ``planner export-text``.

The Markdown writer renders the same ``content.Document`` as the PDF: every text of
the document is in it, and every figure the PDF prints (amounts, counts, dates,
marks) is in it too.
"""

from __future__ import annotations

import errno
import re

import pytest
from pypdf import PdfReader

from planner.cli import run_cli
from planner.report import ReportError, export_pdf, export_text, plan_text
from planner.report.chapters import build_document
from planner.report.content import Figure, Landscape, plain_texts
from planner.store.interchange import import_json
from tests.store_plans import SAMPLE_NAMES, sample_json, sample_twplan

READ_ONLY_JA = "保存先は読み取り専用です。別の場所に保存してください。"


def run(capsys, *args) -> tuple[int, str, str]:
    code = run_cli([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def visible(text: str) -> str:
    """What a reader sees of Markdown, for comparison: no escapes, emphasis, breaks, spaces."""
    text = text.replace("<br>", "")
    return re.sub(r"[\s\\*]", "", text)


@pytest.fixture(scope="module")
def plans(catalog):
    return {name: import_json(sample_json(name), catalog) for name in SAMPLE_NAMES}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_every_text_of_the_document_is_in_the_text_output(plans, catalog, name, lang):
    plan = plans[name]
    out = visible(plan_text(plan, lang=lang, catalog=catalog))
    document = build_document(plan, catalog, lang)
    missing = [t for t in plain_texts(document) if visible(t) not in out]
    assert not missing
    # every chapter, every selected task, and the figures of every chart
    assert all(visible(ch.title) in out for ch in document.chapters)
    for _unit, task in plan.selected_tasks():
        assert visible(task.name) in out
    charts = [b for ch in document.chapters for b in ch.blocks if isinstance(b, Figure)]
    charts += [x for ch in document.chapters for b in ch.blocks if isinstance(b, Landscape)
               for x in b.blocks if isinstance(x, Figure)]  # fmt: skip
    assert len(charts) >= 3  # costs, scenarios, the Gantt chart


def _tick_labels(document) -> set[str]:
    """The value axes' scales the PDF's charts print (0, 2,000, …): not the plan's figures."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from planner.report.charts import render

    labels = set()
    for chapter in document.chapters:
        blocks = [
            x for b in chapter.blocks for x in (b.blocks if isinstance(b, Landscape) else [b])
        ]
        for figure in (b for b in blocks if isinstance(b, Figure)):
            fig = render(figure.chart, 150, figure.height_mm)
            FigureCanvasAgg(fig).draw()
            for ax in fig.axes:
                for tick in (*ax.get_xticklabels(), *ax.get_yticklabels()):
                    labels.add(tick.get_text())
    return labels


FIGURE = re.compile(r"[¥$]?\d[\d,.:/]*(?:円|%|人|件|台|日|回|年度|年|月)?|[◎○×✓■□※◆△]")


def test_every_figure_of_the_pdf_is_in_the_text(plans, catalog, tmp_path):
    plan = plans["kawasemi-town"]
    pdf = tmp_path / "k.pdf"
    export_pdf(plan, pdf, catalog=catalog)
    text = visible(plan_text(plan, catalog=catalog))
    ticks = _tick_labels(build_document(plan, catalog, "ja"))
    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    missing = set()
    for i, page in enumerate(pages):
        if i == 1:
            continue  # the contents page: page numbers, which text has not
        lines = [x for x in page.splitlines() if not re.fullmatch(r"- \d+ -", x.strip())]
        for token in FIGURE.findall("\n".join(lines)):
            if token not in text and token not in ticks:
                missing.add((i + 1, token))
    assert not missing
    assert "34,206,800円" in text and "R8.8.1–R10.3.31" in text  # a sum, a phase's dates


def test_export_text_writes_the_file_and_standard_output_the_same(capsys, tmp_path):
    plan = sample_twplan("yamanami-village")
    out = tmp_path / "plan.md"
    code, stdout, err = run(capsys, "export-text", plan, "-o", out)
    assert (code, stdout, err) == (0, "", "")
    code, stdout, _err = run(capsys, "export-text", plan, "-o", "-")
    assert code == 0 and stdout == out.read_text("utf-8")
    assert stdout.startswith("# やまなみ村テレワーク導入実施計画（案）\n")
    assert "## 第12章　スケジュール" in stdout and "## 付録C　出典と注記" in stdout
    code, english, _err = run(capsys, "--lang", "en", "export-text", plan, "-o", "-")
    assert "## Chapter 12. Schedule" in english


def test_export_text_goes_through_every_writers_checks(capsys, tmp_path):
    plan = tmp_path / "plan.twplan"
    plan.write_bytes(sample_twplan("yamanami-village").read_bytes())
    err = run(capsys, "export-text", plan, "-o", plan)[2]
    assert "出力先「plan.twplan」は読み込むファイルそのものです。" in err
    err = run(capsys, "export-text", plan, "-o", tmp_path / "other.twplan")[2]
    assert "計画ファイルの名前（.twplan）です。" in err and "「.md」で終わる名前" in err
    with pytest.raises(ReportError) as e:
        export_text(import_json(sample_json("yamanami-village")), tmp_path)
    assert e.value.text("ja") == (
        f"保存先「{tmp_path}」はフォルダです。テキストのファイル名を指定してください。"
    )
    assert e.value.text("en") == f"'{tmp_path}' is a folder. Give a file name for the text file."
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.twplan"]


def test_a_failed_text_write_keeps_the_old_file(tmp_path, monkeypatch, catalog):
    from planner.report.markdown import MarkdownWriter

    out = tmp_path / "plan.md"
    out.write_text("old")

    def read_only(self, document, path):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(MarkdownWriter, "write", read_only)
    with pytest.raises(ReportError) as e:
        export_text(import_json(sample_json("yamanami-village")), out, catalog=catalog)
    assert e.value.text("ja") == f"テキスト「plan.md」を書き出せませんでした。{READ_ONLY_JA}"
    assert e.value.text("en") == (
        "The text file 'plan.md' could not be written: "
        "the location is read-only. Save it somewhere else."
    )
    assert out.read_text() == "old" and sorted(p.name for p in tmp_path.iterdir()) == ["plan.md"]


def test_user_text_prints_as_typed_and_cannot_break_a_table(catalog, municipality):
    from planner.domain.builders import new_plan
    from planner.domain.model import Task, Unit

    plan = new_plan(municipality, catalog)
    plan.units = [Unit(id="u1", name="総務課 | 人事係", staff=3, teleworkers=1,
                       tasks=[Task(id="t1", name="# *至急* 1. <b>議会</b>\x1b[2J\u202e",
                                   selected=True)])]  # fmt: skip
    text = plan_text(plan, catalog=catalog)
    row = next(x for x in text.splitlines() if x.startswith("| 総務課") and "至急" in x)
    assert row.startswith(r"| 総務課 \| 人事係 | \# \*至急\* 1. \<b\>議会\</b\>\[2J | ")
    assert row.count(" | ") == 4  # the five columns of appendix A, no more
    assert "\x1b" not in text and "\u202e" not in text
