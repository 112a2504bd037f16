"""Reading many plan files for the roll-up (issue 24, section 1).

Each file is read as Open reads it: a .twplan through ``project.open_plan_with_info``
(a copy, the header, a read-only defensive connection, the checks, validation), a plan
JSON through ``interchange.import_json``; the file itself is never written. A file that
is refused becomes a ``Refusal`` with Open's one-line reason, and the roll-up goes on.
Each plan is reduced at once to its ``PlanResult`` (domain/rollup.py) and dropped: the
memory kept grows by a small record a plan, never by a whole plan.

Many files are read by a pool of processes, one a core (a plan takes about 25 ms, nearly
all of it Python: threads would share one core). The records come back as JSON text
(plain data; nothing else crosses the process boundary). ``read_files`` yields each
record as it comes, and ``None`` while it waits, so that a window can keep painting and
offer to cancel; closing the generator stops the pool, and what was read is kept.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from ..domain.errors import PlannerError
from ..domain.rollup import PlanResult, plan_result
from ..domain.rollup_totals import Refusal, Rollup, assemble
from .errors import shown
from .schema import SUFFIX

PLAN_SUFFIXES = (SUFFIX, ".json")
IN_PROCESS_BELOW = 8  # fewer files than this are read without starting a pool
WAIT = 0.1  # seconds between the ``None`` a waiting reader yields

Item = PlanResult | Refusal


def plan_files(paths: Sequence[str | os.PathLike[str]]) -> tuple[list[Path], list[Refusal]]:
    """The files named, and in each folder named every .twplan and .json file (its
    sub-folders too), in name order, each once; a name that is not there is refused."""
    files: dict[Path, None] = {}
    refused = []
    for given in paths:
        p = Path(given)
        if p.is_dir():
            found = [f for f in p.rglob("*") if f.suffix.lower() in PLAN_SUFFIXES
                     and not f.name.startswith(".") and f.is_file()]  # fmt: skip
            for f in sorted(found):
                files.setdefault(f, None)
        elif p.exists():
            files.setdefault(p, None)
        else:
            name = shown(p.name or str(p), 80)
            refused.append(Refusal(str(p), f"ファイル「{name}」が見つかりません。",
                                   f"The file '{name}' was not found."))  # fmt: skip
    return list(files), refused


_CATALOG = None


def _catalog():  # noqa: ANN202 - the process's catalog, read once
    global _CATALOG
    if _CATALOG is None:
        from ..loading import default_catalog

        _CATALOG = default_catalog()
    return _CATALOG


def _start_worker() -> None:
    """A worker's start: the catalog read (spawn) or inherited (fork), then everything
    alive so far (modules, catalog) frozen out of the garbage collector's scans, which
    would otherwise walk them again and again as each plan's objects come and go."""
    _catalog()
    gc.freeze()


def _modified(path: Path) -> str:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC).isoformat(timespec="seconds")
    except (OSError, ValueError, OverflowError):
        return ""


def read_one(path: str | os.PathLike[str]) -> Item:
    """One file read as Open reads it, reduced to its record, or refused with the reason."""
    p = Path(path)
    catalog = _catalog()
    try:
        if p.suffix.lower() == ".json":
            from .interchange import import_json

            plan, saved = import_json(p, catalog), _modified(p)
        else:
            from .project import open_plan_with_info

            plan, info = open_plan_with_info(p, catalog, in_memory=True)
            saved = info.get("saved_at") or _modified(p)
        return plan_result(plan, catalog, path=str(p), saved_at=saved)
    except PlannerError as e:
        return Refusal(str(p), e.text("ja"), e.text("en"))
    except (Exception, RecursionError, MemoryError) as e:  # noqa: BLE001 - the roll-up goes on
        name = shown(p.name, 80)
        return Refusal(str(p), f"「{name}」を読み込めませんでした（{type(e).__name__}）。",
                       f"'{name}' could not be read ({type(e).__name__}).")  # fmt: skip


def _read_as_text(path: str) -> str:
    """``read_one`` in a worker process: the record as JSON text."""
    item = read_one(path)
    if isinstance(item, Refusal):
        return json.dumps({"refused": [item.path, item.ja, item.en]}, ensure_ascii=False)
    return json.dumps({"plan": item.as_data()}, ensure_ascii=False)


def _read_chunk(paths: list[str]) -> list[str]:
    """A few files in a worker (fewer messages than one a file)."""
    return [_read_as_text(p) for p in paths]


def _from_text(text: str) -> Item:
    d = json.loads(text)
    if "refused" in d:
        return Refusal(*d["refused"])
    return PlanResult.from_data(d["plan"])


def _start_method() -> str:
    """fork where the system has it and nothing else runs (the CLI: no start-up to repeat);
    spawn otherwise (Windows, and a window whose Qt threads a fork would copy half-way)."""
    if (
        "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
        and ("PySide6.QtWidgets" not in sys.modules)
    ):
        return "fork"
    return "spawn"


def workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def read_files(files: Sequence[Path], *, processes: int | None = None) -> Iterator[Item | None]:
    """Each file's record as it is read (in no set order), ``None`` while waiting."""
    n = processes or workers()
    if n == 1 or len(files) < IN_PROCESS_BELOW:
        for f in files:
            yield read_one(f)
        return
    _catalog()  # read before a fork, so the workers have it
    context = multiprocessing.get_context(_start_method())
    chunk = max(1, min(16, len(files) // (n * 8)))
    pool = context.Pool(n, initializer=_start_worker)
    try:
        names = [str(f) for f in files]
        chunks = [names[i : i + chunk] for i in range(0, len(names), chunk)]
        # chunksize 1: with a larger one imap_unordered gives a plain generator (no timeout)
        results = pool.imap_unordered(_read_chunk, chunks, 1)
        done = 0
        while done < len(chunks):
            try:
                texts = results.next(WAIT)
            except multiprocessing.TimeoutError:
                yield None
                continue
            done += 1
            for text in texts:
                yield _from_text(text)
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def collect(paths: Sequence[str | os.PathLike[str]], *,
            progress: Callable[[int, int], None] | None = None,
            cancelled: Callable[[], bool] | None = None,
            processes: int | None = None) -> Rollup:  # fmt: skip
    """The roll-up of the files and folders named. ``progress(done, total)`` is called as
    files are read (and while waiting); when ``cancelled()`` turns true the reading stops
    and the roll-up holds what was read (``Rollup.cancelled``)."""
    files, refused = plan_files(paths)
    results: list[PlanResult] = []
    total, stopped = len(files) + len(refused), False
    done = len(refused)
    reading = read_files(files, processes=processes)
    try:
        for item in reading:
            if item is not None:
                done += 1
                (refused if isinstance(item, Refusal) else results).append(item)
            if progress is not None:
                progress(done, total)
            if cancelled is not None and cancelled():
                stopped = done < total
                break
    except KeyboardInterrupt:  # Ctrl+C on the command line: keep what was read
        stopped = True
    finally:
        reading.close()
    return assemble(results, refused, total, cancelled=stopped)
