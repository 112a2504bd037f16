"""The report as content: built once, format-neutral, the same words and charts as the screen."""

from __future__ import annotations

import copy

import pytest

from planner.report.chapters import build_document
from planner.report.content import Figure, Landscape, ProgressChart, Table, plain_texts

from .report_fixtures import full_plan


@pytest.fixture(scope="module")
def plan(catalog):
    return full_plan(catalog)


def _scenario_line(p):
    return p.adopted_scenario().lines[0]


def _set(attr):
    def setter(p, code):
        obj, name = attr(p)
        setattr(obj, name, code)

    return setter


def _form(p, field):
    p.units[0].form.max_days = 2
    return p.units[0].form, field


# (the screen's choice list in ui/pages/choices.py, how a plan gets the code) for every list the PDF prints
PRINTED = {
    "rule_status": ("RULE_STATUS", _set(lambda p: (p.rules[0], "status"))),
    "measure_status": ("MEASURE_STATUS", _set(lambda p: (p.security[0], "status"))),
    "role": ("ROLES", _set(lambda p: (p.security[0], "role"))),
    "phase_kind": ("PHASE_KINDS", _set(lambda p: (p.phases[0], "kind"))),
    "time_unit": ("TIME_UNITS", _set(lambda p: _form(p, "time_unit"))),
    "cap_period": ("CAP_PERIODS", _set(lambda p: _form(p, "cap_period"))),
    "device_policy": ("DEVICE_POLICIES", _set(lambda p: (p, "device_policy"))),
    "tool": ("TOOLS", lambda p, code: setattr(p, "tools", [code])),
    "network_layer": ("NETWORK_LAYERS", lambda p, code: setattr(p, "network_layers", [code])),
    "quantity_basis": ("QUANTITY_BASES", _set(lambda p: (_scenario_line(p), "quantity_basis"))),
    "eligibility": ("ELIGIBILITY", lambda p, code: setattr(
        _scenario_line(p), "eligible_override", {"auto": None, "yes": True, "no": False}[code])),
}  # fmt: skip
# not printed as words: recurrence (the years are printed), the task factors (the reasons
# of the suitability are printed), a fixed quantity (the number alone is printed), and the
# "by category" eligibility (§11.2 prints what it resolves to: 「対象（区分による）」)
NOT_PRINTED = {("quantity_basis", "fixed"), ("eligibility", "auto")}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("list_name", sorted(PRINTED))
def test_the_pdf_says_the_screens_word_for_every_choice(plan, catalog, list_name, lang):
    from planner.ui.pages import choices  # imported in the test: it reads the words file

    screen, apply = PRINTED[list_name]
    for code, word in getattr(choices, screen):
        if (list_name, code) in NOT_PRINTED:
            continue
        variant = copy.deepcopy(plan)
        apply(variant, code)
        text = "\n".join(plain_texts(build_document(variant, catalog, lang)))
        assert word.get(lang) in text, (list_name, code, word.get(lang))


def test_the_document_is_built_once_as_chapters(plan, catalog):
    doc = build_document(plan, catalog, "ja")
    keys = [c.key for c in doc.chapters]
    assert keys == ["overview", *(f"step{n}" for n in range(1, 11)), "costs", "schedule",
                    "appendix_a", "appendix_b", "appendix_c"]  # fmt: skip
    assert doc.title == "さくら町テレワーク導入実施計画（案）"
    # widths are fractions of the text width
    tables = [b for c in doc.chapters for b in c.blocks if isinstance(b, Table)]
    assert tables and all(abs(sum(t.widths) - 1) < 1e-9 for t in tables)
    # the schedule's Gantt charts sit on landscape pages of their own
    schedule = doc.chapters[keys.index("schedule")]
    landscape = [b for b in schedule.blocks if isinstance(b, Landscape)]
    assert len(landscape) == 1 and any(isinstance(b, Figure) for b in landscape[0].blocks)


def _texts(fig) -> list[str]:
    out = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        out += [t.get_text() for t in ax.texts]
        out += [t.get_text() for t in ax.get_xticklabels()]
        legend = ax.get_legend()
        if legend:
            out += [t.get_text() for t in legend.get_texts()]
    for legend in fig.legends:
        out += [t.get_text() for t in legend.get_texts()]
    return out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_screens_charts_are_the_pdfs(plan, catalog, lang):
    from planner.report.charts import render
    from planner.report.preview import chart_figures, screen_size

    doc = build_document(plan, catalog, lang)
    costs = doc.chapters[11]
    pdf_cost = next(b for b in costs.blocks if isinstance(b, Figure))
    schedule = next(b for b in doc.chapters[12].blocks if isinstance(b, Landscape))
    pdf_gantt = next(b for b in schedule.blocks if isinstance(b, Figure))
    screen_cost, *screen_kpis, screen_gantt = chart_figures(plan, lang=lang, catalog=catalog)
    assert screen_cost.chart == pdf_cost.chart  # the same data: years, series, unit
    # issue 23: the KPIs' progress as in chapter 2 (bars, labels, statuses)
    pdf_kpis = [b.chart for ch in doc.chapters for b in ch.blocks
                if isinstance(b, Figure) and isinstance(b.chart, ProgressChart)]  # fmt: skip
    assert [f.chart for f in screen_kpis] == pdf_kpis[:1] and len(plan.kpis) > 0
    # the same rows, legend and fiscal-year labels (the PDF's first page shows the same years)
    assert screen_gantt.chart.rows == pdf_gantt.chart.rows
    assert screen_gantt.chart.legend == pdf_gantt.chart.legend
    assert screen_gantt.chart.year_labels == pdf_gantt.chart.year_labels
    assert (
        "令和7年度（2025年度）" if lang == "ja" else "FY2025 (Reiwa 7)"
    ) in pdf_gantt.chart.year_labels
    # and drawn alike: the screen's figure says what the PDF's says
    drawn = [_texts(render(f.chart, *screen_size(f))) for f in (screen_cost, screen_gantt)]
    assert drawn[0] == _texts(render(pdf_cost.chart, 150, 62))
    assert [t for t in drawn[1] if not t.isdigit()] == [
        t for t in _texts(render(pdf_gantt.chart, 267, 157)) if not t.isdigit()
    ]
