"""The roll-up's benchmark (issue 24): 60 and 1,741 generated plans of typical size
(10–20 units, 50–150 tasks, 20–40 cost lines), read with every core. Targets: 60 plans
in ≤ 2 s, 1,741 in ≤ 20 s; memory (peak RSS of the reading process) that stays flat."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

from bench.bench import PEAK_RSS
from bench.generate import large_plan

# wall time, plans read, peak RSS (MB) of the reading process, and the CPU seconds of the
# whole reading (the process and its pool): on a machine shared with other work the wall
# time depends on what else runs, the CPU time hardly at all
CHILD = PEAK_RSS + r"""
import resource, sys, time
t = time.perf_counter()
from planner.store.collect import collect
r = collect([sys.argv[1]])
me, pool = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = me.ru_utime + me.ru_stime + pool.ru_utime + pool.ru_stime
print(time.perf_counter() - t, len(r.plans), peak_rss_mb(), cpu)
"""


def make_plans(folder: Path, n: int) -> None:
    from planner.loading import default_catalog
    from planner.store.project import save_plan

    catalog = default_catalog()
    folder.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(24)
    for i in range(n):
        units = rnd.randint(10, 20)
        plan = large_plan(catalog, units=units, tasks=rnd.randint(50, 150) // units * units,
                          lines=rnd.randint(20, 40), seed=i)  # fmt: skip
        plan.municipality.name = f"ベンチ町{i}"
        plan.municipality.general_staff = rnd.choice((60, 180, 450))
        save_plan(plan, folder / f"plan{i:04}.twplan", keep_backup=False)


def bench_rollup(work: Path, sizes: tuple[int, ...] = (60, 1741)) -> None:
    root = Path(__file__).resolve().parent.parent
    for n in sizes:
        folder = work / f"rollup{n}"
        t = time.perf_counter()
        make_plans(folder, n)
        made = time.perf_counter() - t
        out = subprocess.run([sys.executable, "-c", CHILD, str(folder)], capture_output=True,
                             text=True, cwd=root).stdout.split() or ["nan", "0", "0", "nan"]  # fmt: skip
        target = 2.0 if n <= 60 else 20.0
        print(f"rollup {n} plans: {float(out[0]):.2f} s (target ≤ {target:.0f} s), "
              f"{out[1]} read, CPU {float(out[3]):.2f} s in all ({float(out[3]) / n * 1000:.1f} ms "
              f"a plan), peak RSS {float(out[2]):.0f} MB (plans made in {made:.0f} s)")


if __name__ == "__main__":
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    with tempfile.TemporaryDirectory() as tmp:
        bench_rollup(Path(tmp), tuple(int(a) for a in sys.argv[1:]) or (60, 1741))
