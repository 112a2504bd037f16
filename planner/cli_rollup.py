"""``planner rollup FOLDER_OR_FILES… -o OUT.xlsx|OUT.pdf|OUT.json``: many plans at once
(issue 24, section 1).

Every .twplan and plan JSON named (and in each folder named, its sub-folders too) is read
as Open reads it, by a pool of processes (``store/collect.py``); a file that is refused is
named on standard error with its one-line reason, and the roll-up goes on. Duplicates of
one plan are named, and the newest is used. The output's format follows its suffix
(``report/rollup_export.py``); it is checked before anything is read (not one of the
inputs, not a plan, not a folder).

A progress bar goes to standard error while it is a terminal, nothing when it is not (a
script's log stays clean). Ctrl+C stops the reading: what was read is written, marked as
cut short, and the exit status is 130.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

BAR = 30


def add_rollup_command(command) -> None:  # noqa: ANN001 - cli.build_parser's helper
    p = command("rollup", "roll up many plans (a prefecture's view) / 複数の計画を集計する")
    p.add_argument("inputs", type=Path, nargs="+", metavar="FOLDER_OR_FILE",
                   help="plan files (.twplan, .json) or folders holding them")  # fmt: skip
    p.add_argument("-o", "--output", type=Path, required=True,
                   help="the roll-up: .xlsx, .pdf or .json")  # fmt: skip
    p.add_argument("--jobs", type=int, default=None,
                   help="processes reading the files (default: one a core)")  # fmt: skip


class Progress:
    """A one-line bar on standard error, redrawn at most ten times a second."""

    def __init__(self, lang: str) -> None:
        self.word = "Reading" if lang == "en" else "読み込み中"
        self.shown = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.shown < 0.1 and done < total:
            return
        self.shown = now
        filled = BAR * done // max(1, total)
        sys.stderr.write(f"\r{self.word} [{'#' * filled}{'.' * (BAR - filled)}] {done}/{total}")
        sys.stderr.flush()

    def end(self) -> None:
        sys.stderr.write("\r" + " " * (BAR + 40) + "\r")
        sys.stderr.flush()


def cmd_rollup(ns: argparse.Namespace, safe: Callable[[object], str]) -> int:
    from .report.rollup_export import export_rollup, output_format
    from .store.collect import collect, plan_files
    from .store.files import check_target

    en = ns.lang == "en"
    fmt = output_format(ns.output)
    files, _missing = plan_files(ns.inputs)
    check_target(ns.output, suffix=fmt.suffix, inputs=tuple(files), failure=fmt.failure)
    bar = Progress(ns.lang) if sys.stderr is not None and sys.stderr.isatty() else None
    try:
        rollup = collect(ns.inputs, progress=bar, processes=ns.jobs)
    finally:
        if bar is not None:
            bar.end()
    for r in rollup.refused:
        print(safe(f"planner: {r.path}: {r.en if en else r.ja}"), file=sys.stderr)
    for d in rollup.duplicates:
        for left in d.left_out:
            print(safe(f"planner: {left}: the same plan as {d.used} (plan id {d.plan_id}); "
                       "the newer file is used" if en else
                       f"planner: {left}: {d.used} と同じ計画（計画ID {d.plan_id}）です。"
                       "新しい方を使います。"), file=sys.stderr)  # fmt: skip
    if not rollup.plans and not rollup.cancelled:
        raise _nothing_read()
    path = export_rollup(rollup, ns.output, lang=ns.lang)
    n, refused = len(rollup.plans), len(rollup.refused)
    cut = (
        (" (cut short: Ctrl+C)" if en else "（中断: 読み込んだ分のみ）") if rollup.cancelled else ""
    )
    print(safe(f"{path}: {n} plans rolled up, {refused} files refused{cut}" if en else
               f"{path}: 計画 {n}件を集計（読み込めなかったファイル {refused}件）{cut}"),
          file=sys.stderr)  # fmt: skip
    return 130 if rollup.cancelled else 0


def _nothing_read() -> Exception:
    from .domain.errors import PlannerError
    from .domain.text import L10n

    return PlannerError(L10n("読み込めた計画がないため、集計表を作成しませんでした。",
                             "No plan could be read, so no roll-up was written."))  # fmt: skip
