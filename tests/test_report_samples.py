"""The PDF of each bundled sample plan (resources/samples/*.json) shows what the plan says."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from planner.domain.costs import adopted_estimate
from planner.domain.money import format_yen
from planner.report import export_pdf
from planner.resources import resource_path

from .test_report import _fonts, found_in_pieces, pdf_text, squash

SAMPLES = sorted(resource_path("samples").glob("*.json"))


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
