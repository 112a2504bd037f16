"""Issue 25, decision 0023: charts kept on disk are replayed by a later process; a
recording file that is damaged or not ours is never used, the chart is drawn anew."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from planner.domain.builders import new_plan
from planner.domain.model import Task, TrainingEvent, Unit
from planner.report import chart_replay, chart_store, charts, export_pdf

from .report_fixtures import full_plan
from .test_chart_replay import gantt_text, page_streams

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def kept_in(tmp_path, monkeypatch) -> Path:
    """The cache folder of this test; nothing kept in this process's memory."""
    monkeypatch.setenv("TELEWORK_PLANNER_CACHE", str(tmp_path / "cache"))
    chart_replay.clear()
    yield tmp_path / "cache" / "charts"
    chart_replay.clear()


@pytest.fixture
def drawings(monkeypatch) -> list[str]:
    """The kinds of chart drawn with matplotlib from now on."""
    drawn: list[str] = []
    render = charts.render

    def counted(chart, *args, **kwargs):
        drawn.append(type(chart).__name__)
        return render(chart, *args, **kwargs)

    monkeypatch.setattr(charts, "render", counted)
    return drawn


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_charts_kept_on_disk_are_replayed_by_a_later_run(
    catalog, tmp_path, kept_in, drawings, lang
):
    plan = full_plan(catalog)
    first = export_pdf(plan, tmp_path / "first.pdf", lang=lang, catalog=catalog)
    assert len(drawings) == len(list(kept_in.glob("chart-*.json"))) > 3
    chart_replay.clear()  # as a new process: only the disk remembers
    drawings.clear()
    again = export_pdf(plan, tmp_path / "again.pdf", lang=lang, catalog=catalog)
    assert drawings == []
    assert again.pages == first.pages
    assert page_streams(again.path) == page_streams(first.path)


def test_a_later_process_exports_without_importing_matplotlib(catalog, tmp_path, kept_in):
    sample = ROOT / "resources" / "samples" / "kawasemi-town.twplan"
    code = (
        "import sys, pathlib, shutil\n"
        "from planner.loading import default_catalog\n"
        "from planner.report import export_pdf\n"
        "from planner.store.project import open_plan\n"
        "src = pathlib.Path(sys.argv[2]) / 'plan.twplan'\n"
        "shutil.copy(sys.argv[1], src)\n"
        "catalog = default_catalog()\n"
        "result = export_pdf(open_plan(src, catalog), pathlib.Path(sys.argv[2]) / 'out.pdf', catalog=catalog)\n"
        "print(result.pages, 'matplotlib' in sys.modules)\n"
    )  # fmt: skip
    env = {**os.environ, "TELEWORK_PLANNER_CACHE": str(kept_in.parent)}

    def run() -> str:
        out = subprocess.run([sys.executable, "-c", code, str(sample), str(tmp_path)],
                             capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)  # fmt: skip
        assert out.returncode == 0, out.stderr
        return out.stdout.split()

    pages, imported = run()
    assert imported == "True"  # the first run draws the charts
    assert run() == [pages, "False"]  # the next one replays them from disk


def test_a_replay_from_disk_still_warns_of_missing_characters(
    catalog, municipality, tmp_path, kept_in, drawings
):
    plan = new_plan(municipality, catalog)
    plan.units = [
        Unit(name="総務課", staff=5, teleworkers=1, tasks=[Task(name="窓口", selected=True)])
    ]
    plan.training = [TrainingEvent(name="𠮷田課長の研修", day=date(2026, 6, 1))]
    first = export_pdf(plan, tmp_path / "first.pdf", catalog=catalog)
    chart_replay.clear()
    drawings.clear()
    again = export_pdf(plan, tmp_path / "again.pdf", catalog=catalog)
    assert drawings == []
    assert len(first.warnings) == 1 and "U+20BB7" in first.warnings[0]
    assert again.warnings == first.warnings
    assert "〓田課長の研修" in gantt_text(again.path)


def _call(name: str, *args, **kw) -> list:
    return [name, list(args), kw]


def _recording(*calls) -> str:
    return json.dumps({"format": chart_store.FORMAT, "texts": ["予算"], "calls": list(calls)})


HOSTILE = {
    "empty": "",
    "not JSON": "chart",
    "a list": "[]",
    "another format": json.dumps({"format": "x", "texts": [], "calls": []}),
    "a method it never calls": _recording(_call("drawImage", "/etc/passwd", 0, 0, 10, 10)),
    "a private name": _recording(_call("__class__")),
    "a font not the charts'": _recording(_call("setFont", "Helvetica", 9)),
    "a text not a string": json.dumps({"format": chart_store.FORMAT, "texts": [1], "calls": []}),
    "NaN": _recording(_call("translate", float("nan"), 0)),
    "a huge number": _recording(_call("translate", 10**400, 0)),
    "a boolean": _recording(_call("setLineWidth", True)),
    "an unknown keyword": _recording(_call("setFillColorRGB", 0, 0, 0, fontName="x")),
    "a path of other calls": _recording(_call("drawPath", {"path": [["__del__", []]]})),
    "a call not a list": _recording({"name": "saveState"}),
    "a name not a string": _recording([["saveState"], [], {}]),
    "nested without end": "[" * 100_000 + "]" * 100_000,
    "not UTF-8": b"\xff\xfe\x00",
}


@pytest.mark.parametrize("content", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_recording_file_not_ours_is_not_read(tmp_path, content):
    path = tmp_path / "chart-x.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    assert chart_store.read(path) is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_place_of_a_recording_is_not_read(tmp_path):
    path = tmp_path / "chart-x.json"
    os.mkfifo(path)  # reading it would wait for a writer for ever
    assert chart_store.read(path) is None


def test_a_recording_as_written_is_read_back(tmp_path):
    path = tmp_path / "chart-x.json"
    path.write_text(
        _recording(_call("setFont", "BIZUDPGothic", 9.5), _call("drawString", 0, 0, "予算"))
    )
    assert chart_store.read(path) == {
        "calls": (("setFont", ("BIZUDPGothic", 9.5), {}), ("drawString", (0, 0, "予算"), {})),
        "texts": ("予算",),
    }


def test_a_damaged_recording_is_drawn_anew_and_written_again(catalog, tmp_path, kept_in, drawings):
    plan = full_plan(catalog)
    first = export_pdf(plan, tmp_path / "first.pdf", catalog=catalog)
    kept = sorted(kept_in.glob("chart-*.json"))
    for path in kept:
        path.write_text(path.read_text()[:-40])  # cut short, as by a full disk
    chart_replay.clear()
    drawings.clear()
    again = export_pdf(plan, tmp_path / "again.pdf", catalog=catalog)
    assert len(drawings) == len(kept)
    assert page_streams(again.path) == page_streams(first.path)
    assert all(chart_store.read(path) is not None for path in kept)


def test_with_the_cache_turned_off_nothing_is_kept(catalog, tmp_path, monkeypatch, drawings):
    monkeypatch.setenv("TELEWORK_PLANNER_CACHE", "")
    monkeypatch.setenv("HOME", str(tmp_path))
    chart_replay.clear()
    plan = full_plan(catalog)
    export_pdf(plan, tmp_path / "first.pdf", catalog=catalog)
    chart_replay.clear()
    drawn = len(drawings)
    export_pdf(plan, tmp_path / "again.pdf", catalog=catalog)
    assert len(drawings) == 2 * drawn > 0
    assert not list(tmp_path.rglob("chart-*.json"))


def test_the_oldest_recordings_are_removed_beyond_the_limit(
    catalog, tmp_path, kept_in, monkeypatch
):
    monkeypatch.setattr(chart_store, "MAX_FILES", 3)
    export_pdf(full_plan(catalog), tmp_path / "plan.pdf", catalog=catalog)
    assert len(list(kept_in.glob("chart-*.json"))) == 3
