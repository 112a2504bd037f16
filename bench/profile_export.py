"""Where a warm PDF export goes: the second export of a plan in a process, under cProfile,
in the parts docs/performance.md names (issue 25). Times are cumulative under the
profiler (~2.5× the real ones); the shares are what to read.

    .venv/bin/python -m bench.profile_export [sample|large]
"""

from __future__ import annotations

import cProfile
import pstats
import shutil
import sys
import tempfile
from pathlib import Path

PARTS = {
    "the chapters' flowables": ["pdf_writer.py:chapter"],
    "  of it: tables' cells and styles made": ["layout.py:data_table"],
    "tables laid out (Table.wrap)": ["tables.py:wrap"],
    "  of it: the cells' own wrap": ["kinsoku.py:wrap"],
    "tables drawn (Table.draw)": ["tables.py:draw"],
    "  of it: paragraphs' operators (plain_draw)": ["plain_draw.py:plain_operators"],
    "  of it: plain-string cells": [
        "canvas.py:drawString", "canvas.py:drawRightString", "canvas.py:drawCentredString",
    ],  # fmt: skip
    "  of it: characters to subset codes": ["ttfonts.py:splitString"],
    "charts replayed": ["chart_replay.py:draw"],
    "the file written (subsets, zlib, objects)": ["canvas.py:save"],
}


def _plan(which: str, catalog):
    if which == "large":
        from bench.generate import large_plan

        return large_plan(catalog)
    from bench.bench import SAMPLE
    from planner.store.project import open_plan

    copy = Path(tempfile.mkdtemp()) / SAMPLE.name  # opening takes a lock beside the file
    shutil.copy(SAMPLE, copy)
    return open_plan(copy, catalog)


def main(which: str = "sample") -> None:
    from planner.loading import default_catalog
    from planner.report import export_pdf

    catalog = default_catalog()
    plan = _plan(which, catalog)
    out = Path(tempfile.mkdtemp()) / "profile.pdf"
    export_pdf(plan, out, catalog=catalog)  # the first: imports, fonts, charts kept
    profile = cProfile.Profile()
    profile.enable()
    export_pdf(plan, out, catalog=catalog)
    profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    cumulative = {}
    for (file, _line, name), row in stats.items():
        key = f"{Path(file).name}:{name}"
        cumulative[key] = cumulative.get(key, 0.0) + row[3]
    whole = cumulative["__init__.py:export_pdf"]
    print(f"{which}: a warm export, {whole * 1000:.0f} ms under the profiler")
    for part, keys in PARTS.items():
        t = sum(cumulative.get(k, 0.0) for k in keys)
        print(f"  {part:<46} {t * 1000:7.0f} ms  {100 * t / whole:5.1f} %")


if __name__ == "__main__":
    main(*sys.argv[1:2])
