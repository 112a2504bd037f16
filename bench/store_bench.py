"""Save/open times of a large plan (2,000 tasks, 2,000 cost lines).

    .venv/bin/python bench/store_bench.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planner.store.interchange import dumps, export_json, import_json  # noqa: E402
from planner.store.project import open_plan, save_plan  # noqa: E402
from tests.store_plans import large_plan  # noqa: E402


def timed(action, repeat: int = 7) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), max(runs)


def main() -> None:
    plan = large_plan(2000, 2000)
    tasks = sum(len(u.tasks) for u in plan.units)
    lines = sum(len(s.lines) for s in plan.scenarios)
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "large.twplan"
        start = time.perf_counter()
        save_plan(plan, path)  # includes importing SQLAlchemy
        first = time.perf_counter() - start
        save = timed(lambda: save_plan(plan, path))
        opened = timed(lambda: open_plan(path))
        json_path = Path(d) / "large.json"
        export = timed(lambda: export_json(plan, json_path))
        imported = timed(lambda: import_json(json_path))
        size = path.stat().st_size
        print(f"plan: {tasks} tasks, {lines} cost lines; file {size / 1024:.0f} KiB, "
              f"JSON {len(dumps(plan).encode()) / 1024:.0f} KiB")  # fmt: skip
        print(f"first save (with imports): {first * 1000:.0f} ms")
        for label, (med, worst) in (("save", save), ("open", opened),
                                    ("export-json", export), ("import-json", imported)):  # fmt: skip
            print(f"{label:12} median {med * 1000:6.0f} ms   max {worst * 1000:6.0f} ms")


if __name__ == "__main__":
    main()
