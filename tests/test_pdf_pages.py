"""Every page of the plan PDF reads as recorded: the text, its lines and where they sit (issue 25).

The speed work of issue 25 changes how the PDF is drawn (plain one-line cells instead of
paragraphs, the C accelerator, styles made once), never what it shows. For a few plans
that exercise the layout — the full plan in both languages, every catalog unit with long
tables, the kawasemi sample in English, and a plan of texts that fall exactly on the
line-breaking rules (禁則) at the edge of their cells — each page's text is compared
twice with a recording: as pypdf reads it (which lines, in which order) and in pypdf's
layout mode (where on the line each text sits, so that alignment and wrapping show).

A change meant to alter the PDF records the pages anew, and the diff of
tests/data/pdf_layout_pages.json shows which pages moved:

    .venv/bin/python -m tests.test_pdf_pages
"""

from __future__ import annotations

import hashlib
import json
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.domain.model import Task
from planner.report import export_pdf
from planner.resources import resource_path

from .report_fixtures import big_plan, full_plan

PAGES = Path(__file__).parent / "data" / "pdf_layout_pages.json"
# characters that may not start or end a line, put where a cell's line is full
_EDGES = ["。", "、", "）", "ー", "ッ", "「", "（", "！", "・", "」"]


def kinsoku_plan(catalog):
    """The full plan, with task names of every length that break at a 禁則 character."""
    plan = full_plan(catalog)
    base = "庁内ネットワーク接続端末の利用申請受付および台帳管理"
    for unit_no, unit in enumerate(plan.units[:3]):
        for n in range(8, 40):
            edge = _EDGES[(n + unit_no) % len(_EDGES)]
            name = (base * 2)[: n - 1] + edge + "確認" if n % 3 else f"{edge}{(base * 2)[:n]}"
            unit.tasks.append(Task(name=name, factors=unit.tasks[0].factors, selected=True))
    return plan


def _kawasemi(catalog):
    from planner.store.interchange import import_json

    return import_json(resource_path("samples") / "kawasemi-town.json", catalog)


RECORDED_ON = date(2026, 12, 5)  # a new plan's date is the day it is made: the cover shows it


def _dated(build):
    def make(catalog):
        plan = build(catalog)
        plan.document_date = RECORDED_ON
        return plan

    return make


CASES = {
    "full-ja": (_dated(full_plan), "ja"),
    "full-en": (_dated(full_plan), "en"),
    "big-ja": (_dated(big_plan), "ja"),
    "kinsoku-ja": (_dated(kinsoku_plan), "ja"),
    "kawasemi-en": (_kawasemi, "en"),
}


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def page_prints(pdf: Path) -> list[list[str]]:
    """Per page: the hash of its text, and of its text laid out as on the page."""
    out = []
    for page in PdfReader(pdf).pages:
        plain = page.extract_text() or ""
        laid = page.extract_text(extraction_mode="layout") or ""
        out.append([_hash(plain), _hash("\n".join(line.rstrip() for line in laid.splitlines()))])
    return out


def record(name: str, catalog, folder: Path) -> list[list[str]]:
    build, lang = CASES[name]
    out = folder / f"{name}.pdf"
    export_pdf(build(catalog), out, lang=lang, catalog=catalog)
    return page_prints(out)


@pytest.mark.parametrize("name", sorted(CASES))
def test_pdf_pages_read_as_recorded(name, catalog, tmp_path):
    recorded = json.loads(PAGES.read_text("utf-8"))[name]
    pages = record(name, catalog, tmp_path)
    changed = [i + 1 for i, (a, b) in enumerate(zip(recorded, pages, strict=False)) if a != b]
    assert (len(pages), changed) == (len(recorded), []), "pages that read differently"


if __name__ == "__main__":  # record the pages anew
    import tempfile

    from planner.loading import load_catalog

    cat = load_catalog()
    with tempfile.TemporaryDirectory() as tmp:
        prints = {name: record(name, cat, Path(tmp)) for name in sorted(CASES)}
    PAGES.write_text(json.dumps(prints, indent=1) + "\n", "utf-8")
    print(
        f"{PAGES}: " + ", ".join(f"{k} {len(v)} pages" for k, v in prints.items()), file=sys.stderr
    )
