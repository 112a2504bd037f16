"""The PDF of each bundled sample plan (resources/samples/*.json) shows what the plan says."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.domain.costs import adopted_estimate
from planner.domain.money import format_yen
from planner.report import export_pdf
from planner.resources import resource_path

from .test_report import _fonts, found_in_pieces, pdf_text, squash

SAMPLES = sorted(resource_path("samples").glob("*.json"))
PAGES = Path(__file__).parent / "data" / "sample_pdf_pages.json"


@pytest.fixture(scope="module", params=SAMPLES, ids=[p.stem for p in SAMPLES])
def sample(request, catalog, tmp_path_factory):
    from planner.store.interchange import import_json

    plan = import_json(request.param, catalog)
    out = tmp_path_factory.mktemp("samples") / f"{request.param.stem}.pdf"
    result = export_pdf(plan, out, lang="ja", catalog=catalog)
    return plan, result, pdf_text(out)


def test_there_are_two_samples():
    assert len(SAMPLES) >= 2


def test_sample_shows_the_municipality_and_every_selected_task(sample):
    plan, result, text = sample
    assert result.warnings == []
    assert f"{plan.municipality.name}テレワーク導入実施計画（案）" in text
    flat = squash(text)
    assert plan.selected_tasks()
    for _unit, task in plan.selected_tasks():
        assert squash(task.name) in flat or found_in_pieces(text, task.name), task.name


def test_sample_costs_match_the_domain(sample, catalog):
    plan, _result, text = sample
    est = adopted_estimate(plan, catalog.subsidy_rules)
    assert est is not None
    for y in est.years:
        assert format_yen(y.total) in text
        assert format_yen(y.subsidy) in text
        assert format_yen(y.net) in text
    assert format_yen(est.period.net) in text
    if est.assumed_years:
        assert text.count("※仮定") >= len(est.assumed_years)


def test_sample_fonts_are_all_embedded(sample):
    _plan, result, _text = sample
    for font in _fonts(PdfReader(result.path)):
        assert "BIZUD" in str(font["/BaseFont"])
        assert "/FontFile2" in font["/FontDescriptor"].get_object()


def page_prints(pdf: Path) -> list[str]:
    """Each page's text as pypdf reads it, hashed: what is on the page and where it breaks."""
    return [hashlib.sha256((p.extract_text() or "").encode()).hexdigest()[:16]
            for p in PdfReader(pdf).pages]  # fmt: skip


def test_sample_pages_read_as_before(sample):
    """Page by page, each sample's PDF reads as recorded (issue 19 moved the report onto a
    writer seam and kept the PDF identical). A change meant to alter the PDF records the
    new pages: ``.venv/bin/python -m tests.test_report_samples``."""
    _plan, result, _text = sample
    recorded = json.loads(PAGES.read_text("utf-8"))[result.path.stem]
    pages = page_prints(result.path)
    changed = [i + 1 for i, (a, b) in enumerate(zip(recorded, pages, strict=False)) if a != b]
    assert (len(pages), changed) == (len(recorded), []), "pages that read differently"


if __name__ == "__main__":  # record the samples' pages anew
    import tempfile

    from planner.loading import load_catalog
    from planner.store.interchange import import_json

    catalog, prints = load_catalog(), {}
    with tempfile.TemporaryDirectory() as tmp:
        for path in SAMPLES:
            out = Path(tmp) / f"{path.stem}.pdf"
            export_pdf(import_json(path, catalog), out, lang="ja", catalog=catalog)
            prints[path.stem] = page_prints(out)
    PAGES.write_text(json.dumps(prints, indent=1) + "\n", "utf-8")
    print(
        f"{PAGES}: {', '.join(f'{k} {len(v)} pages' for k, v in prints.items())}", file=sys.stderr
    )
