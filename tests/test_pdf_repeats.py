"""Issue 25: a paragraph drawn again in the same document repeats its page operators, and
a text broken into lines once an export is not broken again — the file is the same, byte
for byte, as when every paragraph is broken and drawn anew."""

from __future__ import annotations

import pytest
from reportlab.platypus.paragraph import Paragraph

from planner.report import export_pdf, kinsoku, layout

from .report_fixtures import big_plan, full_plan


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
