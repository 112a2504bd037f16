"""The figures issue 25 added to ``make bench``: edit to screen, language switch, and the
time per page of a plan ten times the large one.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -c "import bench.speed_bench as s; s.main()"

Each figure is the median of several runs (the ten-times plan: one run, it takes a
minute) beside its target; the window figures run in a child process of their own, as
the start-up figures do, on a fresh copy of the plan.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.bench import NO_DIALOGS, RUNS, SAMPLE, _pages, run_child, summarise

# In the window, with the plan open on step 7: a committed price edit (the cost table's
# model takes the new value, as when the user presses Enter in the cell) until the cost
# strip and the yearly table have painted the new totals. Prints one line of milliseconds.
EDIT_CHILD = NO_DIALOGS + r"""
import sys, time, pathlib
from PySide6.QtCore import Qt
from planner.ui.app import create_app
from planner.ui.main_window import MainWindow
_no_dialogs()
app = create_app(sys.argv[:1])
w = MainWindow(recovery_dir=pathlib.Path(sys.argv[2])); w.resize(1366, 768); w.show()
w.files.open(pathlib.Path(sys.argv[1])); app.processEvents()
w.workspace.go(6); app.processEvents()
page = w.workspace.page(7)
model = page.lines.model
col = next(i for i, c in enumerate(model.columns) if c.field == "unit_price")
strip, years = w.workspace.strip, page.years
runs = []
for i in range(int(sys.argv[3]) + 2):
    before = strip.label.text()
    index = model.index(17, col)
    t = time.perf_counter()
    model.setData(index, str(100_000 + 1_000 * (i % 2)), Qt.ItemDataRole.EditRole)
    app.processEvents()
    strip.repaint(); years.viewport().repaint()
    runs.append((time.perf_counter() - t) * 1000)
    assert strip.label.text() != before, "the cost strip did not change"
print(" ".join(f"{ms:.2f}" for ms in runs[2:]))
w.doc.undo_stack.setClean()
"""

# With the plan open on step 7: from the language action to the window painted anew.
LANGUAGE_CHILD = NO_DIALOGS + r"""
import sys, time, pathlib
from planner.ui.app import create_app
from planner.ui.main_window import MainWindow
_no_dialogs()
app = create_app(sys.argv[:1])
w = MainWindow(recovery_dir=pathlib.Path(sys.argv[2])); w.resize(1366, 768); w.show()
w.files.open(pathlib.Path(sys.argv[1])); app.processEvents()
w.workspace.go(6); app.processEvents()
runs = []
for i in range(int(sys.argv[3]) + 1):
    t = time.perf_counter()
    w.set_language("en" if i % 2 == 0 else "ja")
    app.processEvents()
    w.repaint()
    runs.append((time.perf_counter() - t) * 1000)
print(" ".join(f"{ms:.1f}" for ms in runs[1:]))
w.set_language("ja")
w.doc.undo_stack.setClean()
"""


def _window_figure(code: str, plan_path: Path, work: Path, runs: int) -> list[float]:
    recovery = work / "recovery-speed"
    recovery.mkdir(exist_ok=True)
    copy = work / f"speed-{plan_path.name}"  # a fresh copy: opening takes a lock beside it
    shutil.copy(plan_path, copy)
    try:
        return [float(x) for x in run_child(code, [str(copy), str(recovery), str(runs)], work).split()]
    finally:
        for leftover in work.glob(f"*speed-{plan_path.name}*"):
            leftover.unlink()


def bench_edit_to_screen(work: Path) -> None:
    from bench.generate import recompute_plan
    from planner.loading import default_catalog
    from planner.store.project import save_plan

    path = work / "edit.twplan"
    save_plan(recompute_plan(default_catalog()), path)
    runs = _window_figure(EDIT_CHILD, path, work, max(RUNS, 15))
    summarise("edit to screen: 300 tasks, 1,000 lines", runs, target="≤ 16 ms")


def bench_language_switch(work: Path) -> None:
    if SAMPLE.exists():
        runs = _window_figure(LANGUAGE_CHILD, SAMPLE, work, RUNS)
        summarise(f"language switch: {SAMPLE.name} open", runs, target="≤ 300 ms")


def bench_ten_times(work: Path) -> None:
    """The cost per page stays flat: a plan ten times the large one, per page.

    Compared in CPU time of this process (wall time beside it): the machine is shared, and
    a minute-long export meets other sessions' load that the large plan's runs may not.
    """
    from bench.generate import large_plan
    from planner.loading import default_catalog
    from planner.report import export_pdf

    catalog = default_catalog()
    out = work / "per-page.pdf"

    def export(plan) -> tuple[float, float]:
        t, c = time.perf_counter(), time.process_time()
        export_pdf(plan, out, catalog=catalog)
        return (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000

    plan = large_plan(catalog)
    large = [export(plan) for _ in range(max(3, RUNS // 2))]
    large_pages = _pages(out)
    big = export(large_plan(catalog, units=400, tasks=20_000, lines=20_000))
    big_pages = _pages(out)
    wall = statistics.median(w for w, _ in large) / large_pages, big[0] / big_pages
    cpu = statistics.median(c for _, c in large) / large_pages, big[1] / big_pages
    print(
        f"{'PDF per page: large plan ×10 (' + str(big_pages) + ' pages)':<44} "
        f"{cpu[1]:9.2f} ms/page CPU (one run)   large plan {cpu[0]:7.2f} ms/page "
        f"({large_pages} pages)   ratio {cpu[1] / cpu[0]:5.2f}×   target ≤ 1.2×   "
        f"[wall {wall[1]:.2f} vs {wall[0]:.2f} ms/page: {wall[1] / wall[0]:.2f}×]",
        flush=True,
    )


def main(work: Path | None = None) -> None:
    if work is None:
        with tempfile.TemporaryDirectory() as tmp:
            return main(Path(tmp))
    bench_edit_to_screen(work)
    bench_language_switch(work)
    if os.environ.get("BENCH_SKIP_TEN_TIMES") != "1":
        bench_ten_times(work)
    return None


if __name__ == "__main__":
    main()
