"""Issue 25: a paragraph drawn again in the same document repeats its page operators, and
a text broken into lines once an export is not broken again — the file is the same, byte
for byte, as when every paragraph is broken and drawn anew. reportlab's C helpers
(rl-accel) draw the same file as its Python ones."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.platypus.paragraph import Paragraph

from planner.report import export_pdf, kinsoku, layout

from .report_fixtures import big_plan, full_plan
from .test_chart_replay import page_streams

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def invariant_pdf(monkeypatch):
    """Files without the time of day or a random id in them: equal content, equal bytes."""
    made = layout.PlanDoc.__init__

    def init(self, *args, **kw):
        made(self, *args, **{**kw, "invariant": 1})

    monkeypatch.setattr(layout.PlanDoc, "__init__", init)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("make", [full_plan, big_plan])
def test_repeated_paragraphs_give_the_same_file(
    catalog, tmp_path, monkeypatch, invariant_pdf, make, lang
):
    plan = make(catalog)
    drawn = []
    draw_para = Paragraph.drawPara
    monkeypatch.setattr(
        Paragraph, "drawPara", lambda self, *a: drawn.append(1) or draw_para(self, *a)
    )
    repeated = export_pdf(plan, tmp_path / "repeated.pdf", lang=lang, catalog=catalog)
    drawn_once = len(drawn)
    monkeypatch.setattr(kinsoku.JParagraph, "draw", Paragraph.draw)  # every paragraph drawn anew,
    monkeypatch.setattr(kinsoku, "_broken_once", lambda f, w, _s: kinsoku.kinsoku_split(f, w, False))
    drawn.clear()
    anew = export_pdf(plan, tmp_path / "anew.pdf", lang=lang, catalog=catalog)
    assert repeated.pages == anew.pages
    assert repeated.path.read_bytes() == anew.path.read_bytes()
    assert drawn_once < len(drawn)  # some paragraphs were repeated, not drawn


def test_reportlab_draws_with_its_c_helpers_and_the_same_file_as_without(catalog, tmp_path):
    """rl-accel is a dependency for speed only (issue 25): in use, and every stream of the
    full plan (figures, positions, font subsets) equal to reportlab's pure-Python output."""
    import _rl_accel
    from reportlab.lib import rl_accel

    assert rl_accel.fp_str is _rl_accel.fp_str
    assert rl_accel.instanceStringWidthTTF is _rl_accel.instanceStringWidthTTF
    code = (
        "import sys, pathlib\n"
        "sys.modules['_rl_accel'] = None  # reportlab falls back to its Python helpers\n"
        "from planner.loading import default_catalog\n"
        "from planner.report import export_pdf\n"
        "from tests.report_fixtures import full_plan\n"
        "catalog = default_catalog()\n"
        "export_pdf(full_plan(catalog), pathlib.Path(sys.argv[1]), catalog=catalog)\n"
        "from reportlab.lib import rl_accel\n"
        "print(rl_accel.fp_str.__name__)\n"
    )  # fmt: skip
    python = tmp_path / "python.pdf"
    env = {**os.environ, "TELEWORK_PLANNER_CACHE": ""}
    out = subprocess.run([sys.executable, "-c", code, str(python)], capture_output=True,
                         text=True, env=env, cwd=ROOT, timeout=120)  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["_py_fp_str"]
    accelerated = export_pdf(full_plan(catalog), tmp_path / "c.pdf", catalog=catalog)
    streams = page_streams(accelerated.path)
    assert len(streams) > accelerated.pages
    assert streams == page_streams(python)


def _marked(catalog, marker: str):
    """The full plan with every task named anew: texts no earlier export has broken."""
    plan = full_plan(catalog)
    for unit in plan.units:
        for n, task in enumerate(unit.tasks):
            task.name = f"{marker}{n:02d}・{task.name}"
    return plan


def test_an_export_again_breaks_no_line_anew_and_writes_the_same_file(
    catalog, tmp_path, monkeypatch, invariant_pdf
):
    """The lines one export broke serve the next (the styles are made once a process);
    what an export before that kept is let go."""
    broken = []
    split = kinsoku.kinsoku_split

    def counted(frags, *a):
        broken.extend(f.text for f in frags if "再出力" in f.text or "別の計画" in f.text)
        return split(frags, *a)

    monkeypatch.setattr(kinsoku, "kinsoku_split", counted)
    plan = _marked(catalog, "再出力")
    first = export_pdf(plan, tmp_path / "first.pdf", lang="ja", catalog=catalog)
    assert len(broken) > 20  # the marked task names, broken the first time
    broken.clear()
    again = export_pdf(plan, tmp_path / "again.pdf", lang="ja", catalog=catalog)
    assert broken == []
    assert again.path.read_bytes() == first.path.read_bytes()

    other = _marked(catalog, "別の計画")
    for _ in range(2):
        export_pdf(other, tmp_path / "other.pdf", lang="ja", catalog=catalog)
    kept = [
        text
        for style in vars(layout.styles_for("ja")).values()
        for name in (kinsoku._KEPT, kinsoku._BEFORE)
        for spans, _widths in style.__dict__.get(name, {})
        for text, *_span in spans
    ]
    assert any("別の計画" in text for text in kept)
    assert not any("再出力" in text for text in kept)
