"""Issue 25: a chart drawn once is replayed in later exports, and only while it is unchanged."""

from __future__ import annotations

import re
import zlib
from datetime import date

import pytest
from pypdf import PdfReader

from planner.domain.builders import new_plan
from planner.domain.model import Task, TrainingEvent, Unit
from planner.report import chart_replay, charts, export_pdf

from .report_fixtures import full_plan


def page_streams(path) -> list[bytes]:
    """Every stream of the file, inflated: page contents, fonts' subsets, images."""
    data = path.read_bytes()
    out = []
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            out.append(zlib.decompress(m.group(1)))
        except zlib.error:
            out.append(m.group(1))
    return out


def gantt_text(path) -> str:
    landscape = [p for p in PdfReader(path).pages if p.mediabox.width > p.mediabox.height]
    return "".join(p.extract_text() for p in landscape)


@pytest.fixture(autouse=True)
def _memory_only(monkeypatch):
    """Replays from this process's memory alone (the disk's: test_chart_store.py)."""
    monkeypatch.setenv("TELEWORK_PLANNER_CACHE", "")


@pytest.fixture
def no_drawing(monkeypatch):
    """After this, a chart that is drawn with matplotlib fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("the chart was drawn again, not replayed")

    return lambda: monkeypatch.setattr(charts, "render", refuse)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_replayed_chart_writes_the_same_pdf_content(catalog, tmp_path, no_drawing, lang):
    plan = full_plan(catalog)
    chart_replay.clear()
    first = export_pdf(plan, tmp_path / "first.pdf", lang=lang, catalog=catalog)
    no_drawing()
    again = export_pdf(plan, tmp_path / "again.pdf", lang=lang, catalog=catalog)
    assert again.pages == first.pages
    assert page_streams(again.path) == page_streams(first.path)
    assert "工程表" in gantt_text(again.path) or "Schedule" in gantt_text(again.path)


def test_a_chart_whose_data_changed_is_drawn_anew(catalog, municipality, tmp_path):
    plan = new_plan(municipality, catalog)
    plan.training = [TrainingEvent(name="管理職向け研修", day=date(2026, 6, 1))]
    export_pdf(plan, tmp_path / "before.pdf", catalog=catalog)
    assert "管理職向け研修" in gantt_text(tmp_path / "before.pdf")
    plan.training = [TrainingEvent(name="全職員向けセキュリティ研修", day=date(2026, 6, 1))]
    export_pdf(plan, tmp_path / "after.pdf", catalog=catalog)
    text = gantt_text(tmp_path / "after.pdf")
    assert "全職員向けセキュリティ研修" in text
    assert "管理職向け研修" not in text


def test_a_replayed_chart_still_warns_of_missing_characters(
    catalog, municipality, tmp_path, no_drawing
):
    plan = new_plan(municipality, catalog)
    plan.units = [
        Unit(name="総務課", staff=5, teleworkers=1, tasks=[Task(name="窓口", selected=True)])
    ]
    plan.training = [TrainingEvent(name="𠮷田課長の研修", day=date(2026, 6, 1))]
    chart_replay.clear()
    first = export_pdf(plan, tmp_path / "first.pdf", catalog=catalog)
    no_drawing()
    again = export_pdf(plan, tmp_path / "again.pdf", catalog=catalog)
    assert len(first.warnings) == 1 and "U+20BB7" in first.warnings[0]
    assert again.warnings == first.warnings
    assert "〓田課長の研修" in gantt_text(again.path)


def test_an_export_leaves_the_garbage_collector_as_it_found_it(catalog, municipality, tmp_path):
    import gc

    plan = new_plan(municipality, catalog)
    before = gc.get_threshold()
    export_pdf(plan, tmp_path / "plan.pdf", catalog=catalog)
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0  # nothing left frozen: later garbage is collected as usual
