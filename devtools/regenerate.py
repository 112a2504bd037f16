"""``make regenerate``: write every file that is derived from another, from its one source.

    python -m devtools.regenerate           write what is stale, naming each file written
    python -m devtools.regenerate --check   write nothing: show what is stale, exit 1 if any

What it writes, and from what:

* ``planner/store/schema.py``: ``REVISIONS``, the Alembic revisions of ``db/versions/``;
* ``resources/schema/plan-1.schema.json``: the JSON Schema of the plan's one declaration
  (``planner/store/json_format.py``);
* ``resources/samples/NAME.json``: each sample plan, read and written again by the
  program, so that it is what the program writes (with the subsidy rules its figures use
  recorded, issue 19). The JSON is the source: edit it by hand;
* ``resources/samples/NAME.twplan``: each sample saved as a project file. Its content is
  compared (the schema, every row, the file's record but ``saved_at``), not its bytes:
  SQLite's header names the library version that wrote it, and the time of saving is in
  it. A .twplan whose content is current is left as it is;
* ``docs/file-format.md``: its generated blocks (``docblocks.py``): the tables, the
  revisions and the example plan JSON.

``tests/test_regenerate.py`` fails when running this would change anything. A developer's
own rule files (``TELEWORK_PLANNER_RULES_DIR``) are never read: the bundled rules only.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from contextlib import closing
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_PY = "planner/store/schema.py"
JSON_SCHEMA = "resources/schema/plan-1.schema.json"
SAMPLES = "resources/samples"
DOC = "docs/file-format.md"
DOC_SAMPLE = "yamanami-village"  # the sample the doc's example plan is cut from

__all__ = ["differences", "regenerate", "stale", "main"]


def stale(root: Path = ROOT) -> list[str]:
    """The files (relative to ``root``) that ``regenerate`` would change."""
    return list(differences(root))


def differences(root: Path = ROOT) -> dict[str, str]:
    """What ``regenerate`` would change: a text file's unified diff (what is there → what
    would be written), or for a project file what differs."""
    out = {}
    for rel, text in _texts(root).items():
        old = _read(root / rel)
        if old != text:
            diff = difflib.unified_diff((old or "").splitlines(keepends=True),
                                        text.splitlines(keepends=True), rel, f"{rel} (regenerated)")  # fmt: skip
            out[rel] = "".join(diff)
    with tempfile.TemporaryDirectory(prefix="regenerate-") as work:
        for rel, _made in _twplans(root, Path(work)):
            out[rel] = f"{rel}: its content is not its .json saved by this program\n"
    return out


def regenerate(root: Path = ROOT) -> tuple[list[str], bool]:
    """Write what is stale; the files written, and whether the revisions changed in a way
    this process cannot follow (the project files are then left to a fresh process)."""
    written: list[str] = []
    for _pass in range(2):  # the doc's example is cut from a sample the first pass may write
        for rel, text in _texts(root).items():
            if _read(root / rel) != text:
                (root / rel).write_bytes(text.encode("utf-8"))
                written += [] if rel in written else [rel]
    from planner.store import schema

    if list(schema.REVISIONS) != [r.id for r in _revisions(root)]:
        return written, True  # this process saves files at the revision it imported
    with tempfile.TemporaryDirectory(prefix="regenerate-") as work:
        for rel, made in _twplans(root, Path(work)):
            shutil.copyfile(made, root / rel)
            written.append(rel)
    return written, False


# -- the text files ------------------------------------------------------------------------


def _read(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8")
    except (FileNotFoundError, UnicodeDecodeError):
        return None


def _revisions(root: Path) -> list[Any]:
    from .docblocks import revisions

    return revisions(root / "db")


def _texts(root: Path) -> dict[str, str]:
    from planner import version
    from planner.store.interchange import as_exported, dumps, import_json, json_schema

    from .docblocks import fill, json_block, revisions_block, tables_block

    found = _revisions(root)
    out = {SCHEMA_PY: _with_revisions(_read(root / SCHEMA_PY) or "", [r.id for r in found])}
    out[JSON_SCHEMA] = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    for sample in _samples(root):
        out[sample.relative_to(root).as_posix()] = dumps(as_exported(import_json(sample)))
    out[DOC] = fill(
        _read(root / DOC) or "",
        {
            "tables": tables_block(found[-1].id),
            "revisions": revisions_block(found, version()),
            "json-example": json_block(root / SAMPLES / f"{DOC_SAMPLE}.json"),
        },
    )
    return out


def _with_revisions(text: str, ids: list[str]) -> str:
    """schema.py with its ``REVISIONS = (…)`` naming ``ids``."""
    line = "REVISIONS = (" + ", ".join(f'"{i}"' for i in ids) + ")"
    if len(line) > 100:
        items = ", ".join(f'"{i}"' for i in ids)
        body = textwrap.fill(items, 96, initial_indent="    ", subsequent_indent="    ")
        line = f"REVISIONS = (\n{body},\n)"
    new, count = re.subn(r"^REVISIONS = \([^()]*\)", lambda _m: line, text, flags=re.M)
    if count != 1:
        raise RegenerateError(f"{SCHEMA_PY} has no line 'REVISIONS = (…)' to write")
    return new


def _samples(root: Path) -> list[Path]:
    return sorted((root / SAMPLES).glob("*.json"))


# -- the project files ----------------------------------------------------------------------


def _twplans(root: Path, work: Path) -> list[tuple[str, Path]]:
    """Each sample's .twplan that is not the sample's JSON saved: (its path, the file to
    put there, saved in ``work``)."""
    from planner.store.interchange import import_json
    from planner.store.project import save_plan

    out = []
    for sample in _samples(root):
        target = sample.with_suffix(".twplan")
        made = work / target.name
        save_plan(import_json(sample), made, keep_backup=False)
        if _content(target) != _content(made):
            out.append((target.relative_to(root).as_posix(), made))
    return out


def _content(path: Path) -> list[Any] | None:
    """What a project file holds, but the time it was saved and SQLite's own header."""
    if not path.is_file():
        return None
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            out: list[Any] = [conn.execute(f"PRAGMA {p}").fetchone()
                              for p in ("application_id", "user_version")]  # fmt: skip
            schema = sorted(conn.execute("SELECT type, name, sql FROM sqlite_schema"), key=repr)
            out.append(schema)
            for kind, name, _sql in schema:
                if kind != "table":
                    continue
                rows = conn.execute(f'SELECT * FROM "{name}"').fetchall()
                if name == "file_info":
                    rows = [r for r in rows if r[0] != "saved_at"]
                out.append((name, sorted(rows, key=repr)))
            return out
    except sqlite3.Error:
        return None


# -- the command ----------------------------------------------------------------------------


class RegenerateError(Exception):
    """A source that cannot be read as it should be (named in the message)."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.regenerate", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    parser.add_argument("--check", action="store_true",
                        help="write nothing; show each stale file's difference, exit 1 if any")  # fmt: skip
    args = parser.parse_args(argv)
    os.environ["TELEWORK_PLANNER_RULES_DIR"] = ""  # the bundled rules, not the developer's own
    from planner.domain.errors import PlannerError

    from .docblocks import DocError

    try:
        if args.check:
            found = differences()
            for rel, diff in found.items():
                print(f"stale: {rel}\n{diff}")
            return 1 if found else 0
        written, again = regenerate()
    except (PlannerError, DocError, RegenerateError) as e:
        text = e.text("en") if isinstance(e, PlannerError) else str(e)
        print(f"regenerate: {text}", file=sys.stderr)
        return 1
    for rel in written:
        print(f"written: {rel}")
    if again:  # the new revisions: the project files are saved by a process that has them
        return subprocess.call([sys.executable, "-m", "devtools.regenerate"], cwd=ROOT)
    if not written:
        print("nothing to write: every derived file is current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
