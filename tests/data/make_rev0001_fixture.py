"""How tests/data/plan-rev0001.twplan was made (kept for the record; tests do not run it).

A .twplan as the first schema revision (0001) wrote it: the village sample's
data without the columns revision 0002 added (unit.form_application_days,
task.note). Run from the repository root:

    .venv/bin/python tests/data/make_rev0001_fixture.py
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

from planner.store import migrate
from planner.store.interchange import import_json
from planner.store.rows import plan_to_rows
from planner.store.schema import APPLICATION_ID
from planner.store.tables import TABLES

HERE = Path(__file__).resolve().parent
OUT = HERE / "plan-rev0001.twplan"
DROPPED = {"unit": {"form_application_days"}, "task": {"note"}}


def main() -> None:
    plan = import_json(HERE.parent.parent / "resources" / "samples" / "yamanami-village.json")
    OUT.unlink(missing_ok=True)
    migrate.upgrade(OUT, "0001")
    info = {"format": "telework-planner-plan", "program": "Telework Planner",
            "program_version": "0.1.0", "schema_revision": "0001",
            "saved_at": "2025-06-20T08:15:00+00:00"}  # fmt: skip
    rows = plan_to_rows(plan, info)
    with closing(sqlite3.connect(OUT, isolation_level=None)) as conn:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("BEGIN")
        for table in TABLES:
            for row in rows[table.name]:
                row = {k: v for k, v in row.items() if k not in DROPPED.get(table.name, ())}
                row = {k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()}
                cols = ", ".join(row)
                conn.execute(
                    f"INSERT INTO {table.name} ({cols}) VALUES ({', '.join('?' * len(row))})",
                    list(row.values()),
                )
        conn.execute("COMMIT")
        conn.execute("VACUUM")


if __name__ == "__main__":
    main()
