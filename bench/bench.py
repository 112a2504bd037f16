"""Benchmarks: start-up, recompute, save/open, PDF export, memory — each beside its floor.

Run with ``make bench`` (not part of ``make test``). Prints median and spread
(min–max) of several runs, in milliseconds (memory in MB), and the ratio to the
floor measured the same way in the same run. Results: docs/performance.md.

Every child process works on copies in a temporary folder, with its own
settings folder (XDG_CONFIG_HOME) and its own recovery folder, has a time
limit, and has every modal dialog replaced by an exit with a message: a
question (a stale lock, a recovery offer) fails the run instead of hanging it.
"""

from __future__ import annotations

import compileall
import os
import shutil
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
CHILD_TIMEOUT = 300  # seconds: a child that hangs fails the run
SAMPLE = ROOT / "resources" / "samples" / "kawasemi-town.twplan"

# The child's own peak resident memory. Not ru_maxrss: a child forked from this process
# starts with this process's size, and exec keeps it, so every child of a bench that has
# grown (the large plan's exports) reported the bench's size, not its own.
PEAK_RSS = r"""
def peak_rss_mb():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

# Put into every child that builds the window: a modal dialog ends the child with a message.
NO_DIALOGS = r"""
def _no_dialogs():
    import os, sys
    from planner.ui import dialogs
    def refuse(name):
        def f(*args, **kwargs):
            print(f"bench: the program asked a modal question ({name}): {args[1:]}", file=sys.stderr)
            sys.stderr.flush()
            os._exit(3)
        return f
    for name in ("show_error", "show_info", "ask_yes_no", "ask_save_changes",
                 "choose_open_file", "choose_save_file"):
        setattr(dialogs, name, refuse(name))
"""

# A child that starts the program's window (or a bare one) and reports when it is shown and idle.
STARTUP_CHILD = NO_DIALOGS + PEAK_RSS + r"""
import os, sys, time, resource
t0 = float(sys.argv[1]); mode = sys.argv[2]
from PySide6.QtCore import QTimer
if mode == "bare":
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv[:1]); w = QMainWindow(); w.resize(1366, 768); w.show()
else:
    from planner.ui.app import create_app
    from planner.ui.main_window import MainWindow
    _no_dialogs()
    app = create_app(sys.argv[:1])
    w = MainWindow(recovery_dir=__import__("pathlib").Path(sys.argv[4]))
    w.show()
    if mode == "open":
        w.files.open(__import__("pathlib").Path(sys.argv[3]))
def done():
    print(f"{(time.time() - t0) * 1000:.1f} {peak_rss_mb():.0f}")
    if mode != "bare":
        w.doc.undo_stack.setClean() if getattr(w, "doc", None) else None
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""

MEMORY_CHILD = NO_DIALOGS + PEAK_RSS + r"""
import sys, resource, pathlib
from planner.ui.app import create_app
from planner.ui.main_window import MainWindow
from planner.report import export_pdf
_no_dialogs()
app = create_app(sys.argv[:1])
w = MainWindow(recovery_dir=pathlib.Path(sys.argv[2])); w.show()
w.files.open(pathlib.Path(sys.argv[1])); app.processEvents()
print(f"{peak_rss_mb():.0f}")
export_pdf(w.doc.plan, pathlib.Path(sys.argv[2]) / "out.pdf", catalog=w.catalog)
print(f"{peak_rss_mb():.0f}")
w.doc.undo_stack.setClean()
"""

# The first PDF export in a fresh process (imports, fonts and all), or its floor:
# a plain reportlab document of the same number of pages, also in a fresh process.
FIRST_EXPORT_CHILD = r"""
import sys, time, pathlib
mode, src, out, pages = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3]), int(sys.argv[4])
if mode == "floor":
    t = time.perf_counter()
    from bench.bench import _plain_pdf
    _plain_pdf(pages, out)
else:
    from planner.loading import default_catalog
    from planner.store.project import open_plan
    catalog = default_catalog()
    plan = open_plan(pathlib.Path(src), catalog)
    if mode == "preloaded":  # what the GUI does in the background once the window is idle
        from planner.report import preload
        preload()
    t = time.perf_counter()
    from planner.report import export_pdf
    export_pdf(plan, out, catalog=catalog)
print(f"{(time.perf_counter() - t) * 1000:.1f}")
"""


def child_env(work: Path) -> dict[str, str]:
    """The children's environment: offscreen, own settings folder, the repository importable."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = str(work / "config")  # QSettings: no recent files, language of a user
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def run_child(code: str, args: list[str], work: Path, **env: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True,
        cwd=ROOT, env={**child_env(work), **env}, timeout=CHILD_TIMEOUT,
    )  # fmt: skip
    if out.returncode != 0:
        raise RuntimeError(f"benchmark child failed ({out.returncode}):\n{out.stderr[-2000:]}")
    return out.stdout


def summarise(name: str, samples: list[float], floor: list[float] | None = None, target: str = "") -> None:
    med = statistics.median(samples)
    line = f"{name:<44} median {med:9.1f} ms   spread {min(samples):8.1f}–{max(samples):8.1f} ms"
    if floor:
        fmed = statistics.median(floor)
        line += f"   floor {fmed:8.1f} ms   ratio {med / fmed:5.2f}×"
    if target:
        line += f"   target {target}"
    print(line, flush=True)


def child_startup(mode: str, path: Path | None, work: Path) -> tuple[float, float]:
    """Milliseconds from process start to shown and idle, and the peak RSS in MB."""
    recovery = work / "recovery"
    recovery.mkdir(exist_ok=True)
    t0 = time.time()
    out = run_child(STARTUP_CHILD, [str(t0), mode, str(path or ""), str(recovery)], work)
    ms, mb = out.split()[:2]
    return float(ms), float(mb)


BARE_RSS: list[float] = []


def bench_startup(work: Path) -> None:
    # An installed program runs from bytecode (.pyc; the bundle ships it): make sure the
    # program's own modules are compiled, even where PYTHONDONTWRITEBYTECODE is set.
    compileall.compile_dir(ROOT / "planner", quiet=1)
    child_startup("bare", None, work)  # warm the file cache once
    child_startup("new", None, work)
    bare = [child_startup("bare", None, work) for _ in range(RUNS)]
    new = [child_startup("new", None, work) for _ in range(RUNS)]
    BARE_RSS.extend(mb for _, mb in bare)
    summarise("start-up: bare QMainWindow (floor)", [ms for ms, _ in bare])
    summarise("start-up: program, welcome screen", [ms for ms, _ in new], [ms for ms, _ in bare], "≤ 1.6× floor")
    if SAMPLE.exists():
        opened = []
        for _ in range(RUNS):
            sample = work / SAMPLE.name  # a fresh copy each time: opening takes a lock beside it
            shutil.copy(SAMPLE, sample)
            opened.append(child_startup("open", sample, work)[0])
            for leftover in work.glob(f"*{SAMPLE.name}*"):
                leftover.unlink()
        summarise(f"start-up: program opening {SAMPLE.name}", opened, [ms for ms, _ in bare], "≤ 2.0× floor")


def timed(fn, runs: int = RUNS) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def bench_recompute() -> None:
    from bench.generate import recompute_plan
    from planner.domain.costs import adopted_estimate
    from planner.domain.operations import SetValue
    from planner.domain.plan_rules import rules_for
    from planner.domain.suitability import assess_in_plan
    from planner.loading import default_catalog

    catalog = default_catalog()
    plan = recompute_plan(catalog)
    sid = plan.scenarios[0].id
    lines = plan.scenarios[0].lines
    state = {"q": 1}

    def edit_and_recompute() -> None:
        state["q"] = 3 - state["q"]
        SetValue(("scenarios", sid, "lines", lines[17].id), "quantity", state["q"]).apply(plan, catalog)
        adopted_estimate(plan, rules_for(plan, catalog.subsidy_rules))  # as every caller does
        for unit in plan.units:
            for task in unit.tasks:
                assess_in_plan(plan, task, catalog)

    edit_and_recompute()
    summarise("recompute: 300 tasks, 1,000 lines, one edit", timed(edit_and_recompute, 50), target="≤ 10 ms")


def bench_save_open(work: Path) -> None:
    from bench.generate import large_plan
    from planner.loading import default_catalog
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


def bench_first_export(work: Path) -> None:
    """What a user waits for at the first export after start: imports and fonts included.
    Twice: with the charts' recordings and the fonts' tables kept on disk by an earlier run
    (decisions 0023, 0024: an export of the same charts, say the day after), and with
    nothing kept (the first ever)."""
    if not SAMPLE.exists():
        return
    sample = work / ("first-" + SAMPLE.name)
    shutil.copy(SAMPLE, sample)
    out = work / "first.pdf"
    n = max(3, RUNS // 2)

    def first(mode: str, **env: str) -> float:
        return float(run_child(FIRST_EXPORT_CHILD, [mode, str(sample), str(out), "0"], work, **env))

    first("plan")  # an earlier run: keeps the charts' recordings and the fonts' tables
    runs = [first("plan") for _ in range(n)]
    pages = _pages(out)
    floor = [
        float(run_child(FIRST_EXPORT_CHILD, ["floor", "", str(work / "floor.pdf"), str(pages)], work))
        for _ in range(n)
    ]
    summarise(f"PDF export: {SAMPLE.name}, first in a process", runs, floor, "≤ 4× floor")
    cold = [first("plan", TELEWORK_PLANNER_CACHE=str(work / f"cold-{i}")) for i in range(n)]
    summarise("PDF export:   the same, nothing kept from an earlier run", cold, floor, "–")
    preloaded = [first("preloaded") for _ in range(n)]
    summarise("PDF export: first, after the GUI's preload", preloaded, floor, "≤ 1,500 ms")


def bench_pdf(work: Path) -> None:
    from bench.generate import large_plan
    from planner.loading import default_catalog
    from planner.report import chart_replay, export_pdf
    from planner.store.project import open_plan

    catalog = default_catalog()
    cases = []
    if SAMPLE.exists():
        sample = work / ("pdf-" + SAMPLE.name)
        shutil.copy(SAMPLE, sample)
        cases.append((SAMPLE.name, open_plan(sample, catalog), "≤ 8× floor"))
    cases.append(("generated large plan", large_plan(catalog), "≤ 5× floor"))
    for name, plan, target in cases:
        out = work / "bench.pdf"
        export_pdf(plan, out, catalog=catalog)  # warm: the charts are kept for the runs below
        runs = timed(lambda p=plan, o=out: export_pdf(p, o, catalog=catalog), max(3, RUNS // 2))
        pages = _pages(out)
        floor = timed(lambda n=pages: _plain_pdf(n, work / "floor.pdf"), max(3, RUNS // 2))
        summarise(f"PDF export: {name} ({pages} pages)", runs, floor, target)

        def anew(p=plan, o=out):  # as after an edit to every chart's data
            chart_replay.clear()
            kept = os.environ.get("TELEWORK_PLANNER_CACHE")
            os.environ["TELEWORK_PLANNER_CACHE"] = ""  # none kept on disk either
            try:
                export_pdf(p, o, catalog=catalog)
            finally:
                if kept is None:
                    del os.environ["TELEWORK_PLANNER_CACHE"]
                else:
                    os.environ["TELEWORK_PLANNER_CACHE"] = kept

        summarise("PDF export:   the same, every chart drawn anew", timed(anew, max(3, RUNS // 2)), floor, target)


def bench_memory(work: Path) -> None:
    from bench.generate import large_plan
    from planner.loading import default_catalog
    from planner.store.project import save_plan

    path = work / "memory.twplan"
    save_plan(large_plan(default_catalog()), path)
    recovery = work / "recovery-memory"
    recovery.mkdir(exist_ok=True)
    runs = []
    for i in range(3):
        copy = work / f"memory-{i}.twplan"  # a fresh copy each time: opening takes a lock beside it
        shutil.copy(path, copy)
        runs.append(run_child(MEMORY_CHILD, [str(copy), str(recovery)], work).split()[:2])
    floor = statistics.median(BARE_RSS) if BARE_RSS else None
    for i, name in enumerate(("peak RSS: large plan open in the window", "peak RSS: after a PDF export")):
        values = [float(r[i]) for r in runs]
        med = statistics.median(values)
        line = f"{name:<44} median {med:6.0f} MB      spread {min(values):5.0f}–{max(values):5.0f} MB"
        if floor:
            line += f"      floor {floor:5.0f} MB      ratio {med / floor:5.2f}×"
        print(line + ("   target ≤ 250 MB" if i else "   target ≤ 300 MB"), flush=True)


def main() -> int:
    from bench import speed_bench

    print(f"Telework Planner benchmarks — {RUNS} runs each, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        os.environ["TELEWORK_PLANNER_CACHE"] = str(work / "cache")  # the user's cache untouched
        bench_startup(work)
        bench_recompute()
        bench_save_open(work)
        bench_first_export(work)
        bench_pdf(work)
        bench_memory(work)
        speed_bench.main(work)  # issue 25: edit to screen, language switch, cost per page
        from bench.rollup_bench import bench_rollup

        bench_rollup(work)  # issue 24: the roll-up of 60 and 1,741 plans
        from bench.print_bench import bench_print_preview

        bench_print_preview(work)  # issue 22: ファイル › 印刷…, the first page shown
    return 0


if __name__ == "__main__":
    sys.exit(main())
