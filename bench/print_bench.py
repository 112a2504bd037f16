"""The print preview's benchmark (issue 22): ファイル › 印刷… on the larger sample, from the
command to the first page shown (the PDF made, opened by PDFium, the page drawn), in a
fresh process each run: the first print of a session, which pays for reportlab too."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import shutil, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from planner.resources import resource_path
from planner.ui.app import create_app
from planner.ui.main_window import MainWindow
from planner.ui.print_preview import open_print_preview
app = create_app()
plan = Path(sys.argv[1]) / "print-bench.twplan"  # a folder of its own per run: no lock left
shutil.copy(resource_path("samples", "kawasemi-town.twplan"), plan)
w = MainWindow(recovery_dir=Path(sys.argv[1]) / "recovery")
w.show()
w.files.open(plan)
app.processEvents()
t = time.perf_counter()
preview = open_print_preview(w)
app.processEvents()
assert not preview.view.pixmap().isNull()
print(f"{(time.perf_counter() - t) * 1000:.0f} {preview.count}")
preview.done(0)
w.doc.undo_stack.setClean()
w.close()
"""


def bench_print_preview(work: Path, runs: int = 3) -> None:
    times, pages = [], 0
    for run in range(runs):
        folder = work / f"print-{run}"
        folder.mkdir()
        out = subprocess.run([sys.executable, "-c", CHILD, str(folder)], capture_output=True,
                             text=True, timeout=300, env={**os.environ,
                             "QT_QPA_PLATFORM": "offscreen"})  # fmt: skip
        if out.returncode:
            print(f"print preview: failed: {out.stderr[-300:]}")
            return
        ms, pages = out.stdout.split()
        times.append(float(ms))
    print(f"print preview: first page shown  {statistics.median(times):7.0f} ms "
          f"(median of {runs}; the {pages}-page plan made as a PDF, then page 1 drawn)")  # fmt: skip
