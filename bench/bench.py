"""Benchmarks: start-up, recompute, save/open, PDF export, memory — each beside its floor.

Run with ``make bench`` (not part of ``make test``). Prints median and spread
(min–max) of several runs, in milliseconds, and the ratio to the floor.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RUNS = int(os.environ.get("BENCH_RUNS", "7"))
SAMPLE = ROOT / "resources" / "samples" / "kawasemi-town.twplan"

# A child that starts the program's window (or a bare one) and reports when it is shown and idle.
STARTUP_CHILD = r"""
import os, sys, time, resource
t0 = float(sys.argv[1]); mode = sys.argv[2]
from PySide6.QtCore import QTimer
if mode == "bare":
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv[:1]); w = QMainWindow(); w.resize(1366, 768); w.show()
else:
    from planner.ui.app import create_app
    from planner.ui.main_window import MainWindow
    app = create_app(sys.argv[:1])
    w = MainWindow(recovery_dir=__import__("pathlib").Path(sys.argv[4]))
    w.show()
    if mode == "open":
        w.files.open(__import__("pathlib").Path(sys.argv[3]))
def done():
    print(f"{(time.time() - t0) * 1000:.1f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""

MEMORY_CHILD = r"""
import sys, resource, pathlib
from planner.ui.app import create_app
from planner.ui.main_window import MainWindow
from planner.report import export_pdf
app = create_app(sys.argv[:1])
w = MainWindow(recovery_dir=pathlib.Path(sys.argv[2])); w.show()
w.files.open(pathlib.Path(sys.argv[1])); app.processEvents()
print(f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
export_pdf(w.doc.plan, pathlib.Path(sys.argv[2]) / "out.pdf", catalog=w.catalog)
print(f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
w.doc.undo_stack.setClean()
"""


def summarise(name: str, samples: list[float], floor: list[float] | None = None, target: str = "") -> None:
    med = statistics.median(samples)
    line = f"{name:<44} median {med:9.1f} ms   spread {min(samples):8.1f}–{max(samples):8.1f} ms"
    if floor:
        fmed = statistics.median(floor)
        line += f"   floor {fmed:8.1f} ms   ratio {med / fmed:5.2f}×"
    if target:
        line += f"   target {target}"
    print(line, flush=True)


def child_startup(mode: str, path: Path | None, work: Path) -> float:
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, "-c", STARTUP_CHILD, str(t0), mode, str(path or ""), str(work)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    return float(out.stdout.split()[0])


def bench_startup(work: Path) -> None:
    import shutil

    sample = work / SAMPLE.name  # a copy: opening takes a lock beside the file
    shutil.copy(SAMPLE, sample)
    child_startup("bare", None, work)  # warm the file cache once
    bare = [child_startup("bare", None, work) for _ in range(RUNS)]
    new = [child_startup("new", None, work) for _ in range(RUNS)]
    summarise("start-up: bare QMainWindow (floor)", bare)
    summarise("start-up: program, welcome screen", new, bare, "≤ 2× floor")
    if SAMPLE.exists():
        opened = [child_startup("open", sample, work) for _ in range(RUNS)]
        summarise(f"start-up: program opening {SAMPLE.name}", opened, bare)


def timed(fn, runs: int = RUNS) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def bench_recompute() -> None:
    from bench.generate import recompute_plan
    from planner.domain.catalog import default_catalog
    from planner.domain.costs import adopted_estimate
    from planner.domain.operations import SetValue
    from planner.domain.suitability import assess_in_plan

    catalog = default_catalog()
    plan = recompute_plan(catalog)
    sid = plan.scenarios[0].id
    lines = plan.scenarios[0].lines
    state = {"q": 1}

    def edit_and_recompute() -> None:
        state["q"] = 3 - state["q"]
        SetValue(("scenarios", sid, "lines", lines[17].id), "quantity", state["q"]).apply(plan)
        adopted_estimate(plan, catalog.subsidy_rules)
        for unit in plan.units:
            for task in unit.tasks:
                assess_in_plan(plan, task, catalog)

    edit_and_recompute()
    summarise("recompute: 300 tasks, 1,000 lines, one edit", timed(edit_and_recompute, 50), target="≤ 10 ms")


def bench_save_open(work: Path) -> None:
    from bench.generate import large_plan
    from planner.domain.catalog import default_catalog
    from planner.store.project import open_plan, save_plan

    catalog = default_catalog()
    plan = large_plan(catalog)
    path = work / "large.twplan"
    save_plan(plan, path)
    summarise("save: 2,000 tasks / 40 units / 2,000 lines", timed(lambda: save_plan(plan, path)), target="≤ 300 ms")
    summarise("open: the same file", timed(lambda: open_plan(path, catalog)), target="≤ 300 ms")


def _pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def _plain_pdf(pages: int, out: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["BodyText"]
    story = []
    for _ in range(pages):
        story += [Paragraph("Telework plan floor page. " * 40, style), PageBreak()]
    SimpleDocTemplate(str(out), pagesize=A4).build(story)


def bench_pdf(work: Path) -> None:
    from bench.generate import large_plan
    from planner.domain.catalog import default_catalog
    from planner.report import export_pdf
    from planner.store.project import open_plan

    catalog = default_catalog()
    cases = []
    if SAMPLE.exists():
        cases.append((SAMPLE.name, open_plan(SAMPLE, catalog), "≤ 1,500 ms"))
    cases.append(("generated large plan", large_plan(catalog), ""))
    for name, plan, target in cases:
        out = work / "bench.pdf"
        runs = timed(lambda p=plan: export_pdf(p, out, catalog=catalog), max(3, RUNS // 2))
        pages = _pages(out)
        floor = timed(lambda n=pages: _plain_pdf(n, work / "floor.pdf"), max(3, RUNS // 2))
        summarise(f"PDF export: {name} ({pages} pages)", runs, floor, target)


def bench_memory(work: Path) -> None:
    from bench.generate import large_plan
    from planner.domain.catalog import default_catalog
    from planner.store.project import save_plan

    path = work / "memory.twplan"
    save_plan(large_plan(default_catalog()), path)
    out = subprocess.run([sys.executable, "-c", MEMORY_CHILD, str(path), str(work)],
                         capture_output=True, text=True, check=True, cwd=ROOT)  # fmt: skip
    opened, exported = out.stdout.split()[:2]
    print(f"{'peak RSS: large plan open in the window':<44} {opened:>6} MB   target ≤ 300 MB")
    print(f"{'peak RSS: after a PDF export':<44} {exported:>6} MB   target ≤ 300 MB")


def main() -> int:
    print(f"Telework Planner benchmarks — {RUNS} runs each, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        bench_startup(work)
        bench_recompute()
        bench_save_open(work)
        bench_pdf(work)
        bench_memory(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
