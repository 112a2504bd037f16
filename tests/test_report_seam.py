"""Issue 19, item 3: the report's content is writer-neutral.

Table cells are frozen values with a role, figures carry their chart's data (drawn by
``charts`` with matplotlib alone, labels cut as the PDF measures text), and import-linter
keeps reportlab and matplotlib out of the content and import circles out of the report.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from planner.domain.costs import adopted_estimate
from planner.domain.money import format_yen
from planner.report.chapters import build_document
from planner.report.content import BarChart, Cell, Figure, GanttChart, Landscape, Table
from planner.report.figures import schedule_rows

from .report_fixtures import full_plan

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def plan(catalog):
    return full_plan(catalog)


@pytest.fixture(scope="module")
def document(plan, catalog):
    return build_document(plan, catalog, "ja")


def _blocks(document):
    for chapter in document.chapters:
        for b in chapter.blocks:
            yield from b.blocks if isinstance(b, Landscape) else (b,)


def test_every_table_cell_is_a_frozen_value_with_a_role(document, plan, catalog):
    tables = [b for b in _blocks(document) if isinstance(b, Table)]
    cells = [cell for t in tables for row in t.rows for cell in row]
    assert cells and all(isinstance(c, Cell) and not isinstance(c, str) for c in cells)
    assert {c.role for c in cells} == {"text", "number", "centred", "rich"}
    with pytest.raises(dataclasses.FrozenInstanceError):
        cells[0].role = "number"  # type: ignore[misc]
    # the yen table: the figures are numbers (right-aligned, fixed width), as the domain has them
    est = adopted_estimate(plan, catalog.subsidy_rules)
    yen = next(t for t in tables if t.header[:2] == ("年度", "事業費"))
    assert [row[1] for row in yen.rows] == [
        Cell(format_yen(y.total), "number") for y in (*est.years, est.period)
    ]
    # the suitability marks of appendix A are centred
    appendix = next(t for t in tables if t.header[2:3] == ("適性",))
    assert {row[2].role for row in appendix.rows} == {"centred"}


def test_table_columns_are_declared_with_their_header_width_and_cell(document):
    for table in (b for b in _blocks(document) if isinstance(b, Table)):
        assert abs(sum(table.widths) - 1) < 1e-9
        assert all(len(row) == len(table.columns) for row in table.rows)


def test_figures_carry_their_charts_data(document, plan, catalog):
    figures = [b for b in _blocks(document) if isinstance(b, Figure)]
    est = adopted_estimate(plan, catalog.subsidy_rules)
    cost = next(f.chart for f in figures if isinstance(f.chart, BarChart))
    assert cost.series[0].values == tuple(y.subsidy / 1000 for y in est.years)
    assert cost.series[1].values == tuple(y.net / 1000 for y in est.years)
    assert cost.categories[0] == "令和7年度" + ("※" if est.years[0].assumed else "")
    gantt = next(f.chart for f in figures if isinstance(f.chart, GanttChart))
    assert list(gantt.rows) == schedule_rows(plan, catalog, "ja")[: len(gantt.rows)]
    assert all(not callable(getattr(f, name)) for f in figures for name in f.__slots__)


def test_building_and_writing_text_loads_no_pdf_or_chart_library():
    code = (
        "import sys\n"
        "from planner.store.interchange import import_json\n"
        "from planner.report import plan_text\n"
        "from tests.store_plans import sample_json\n"
        "text = plan_text(import_json(sample_json('kawasemi-town')))\n"
        "assert '## 第12章' in text\n"
        "print([m for m in ('reportlab', 'matplotlib') if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)  # fmt: skip
    assert out.stdout.strip() == "[]"


WORDS = ["工程表（令和7年度〜令和9年度）", "研修: 管理職研修「テレワーク下のマネジメント」",
         "Training: 𠮷野家 〓 …", "ABC\u00a0def ijk", "W" * 40, "民間VDI（LGWAN接続系）＋貸与PC（採用）"]  # fmt: skip


def test_chart_labels_are_measured_and_cut_as_the_pdf_measures_text():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from planner.report import charts
    from planner.report.fonts import PGOTHIC
    from planner.report.layout import fit_text, register_reportlab_fonts

    register_reportlab_fonts()
    for word in WORDS:
        for size in (7.5, 8.5):
            assert charts.text_width(word, size) == pytest.approx(
                stringWidth(word, PGOTHIC, size), abs=1e-9
            )
            for mm in (20, 40, 58):
                expected = fit_text(word, PGOTHIC, size, mm * 72.0 / 2.54 * 0.1)
                assert charts.fit_text(word, size, mm) == expected


def test_lint_refuses_reportlab_in_a_chapter_and_an_import_circle_in_the_report(tmp_path):
    lint = Path(sys.executable).with_name("lint-imports")
    if not lint.exists():
        pytest.skip("import-linter is not installed")
    shutil.copytree(ROOT / "planner", tmp_path / "planner",
                    ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    chapter = tmp_path / "planner" / "report" / "chapters" / "step07_ict.py"
    chapter.write_text(chapter.read_text("utf-8") + "\nfrom reportlab.lib.units import mm\n")
    figures = tmp_path / "planner" / "report" / "figures.py"
    figures.write_text(figures.read_text("utf-8") + "\n\ndef _draw():\n    from . import charts\n")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    out = subprocess.run([str(lint), "--no-cache"], capture_output=True, text=True, cwd=tmp_path,
                         env=env)  # fmt: skip
    assert out.returncode != 0
    broken = {ln.rsplit(" ", 1)[0] for ln in out.stdout.splitlines() if ln.endswith(" BROKEN")}
    assert broken == {
        "The report's content, chapters and figures import no PDF or chart library",
        "The report is layered: writers over content over words; no import circle",
    }
    assert "planner.report.chapters.step07_ict -> reportlab" in out.stdout
    assert "planner.report.figures -> planner.report.charts" in out.stdout
