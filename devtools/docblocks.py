"""The generated blocks of docs/file-format.md: the tables of the project file (from the
table specs, ``planner/store/columns.py``), the schema revisions (from ``db/versions/``)
and the example plan JSON (from a sample, as the program writes it).

A block sits between two comments, which ``make regenerate`` keeps and fills:

    <!-- generated: tables (make regenerate writes this block; edit its source) -->
    …
    <!-- end generated: tables -->

The text around the blocks is written by hand.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

BEGIN = "<!-- generated: {name} (make regenerate writes this block; edit its source) -->\n"
END = "<!-- end generated: {name} -->"


class DocError(Exception):
    """The document lacks a block's markers, or has them twice."""


def fill(text: str, blocks: dict[str, str]) -> str:
    """``text`` with each named block's content replaced."""
    for name, content in blocks.items():
        begin, end = BEGIN.format(name=name), END.format(name=name)
        if text.count(begin) != 1 or text.count(end) != 1:
            raise DocError(
                f"the block {name!r} needs its two marker lines, once each:\n{begin}{end}"
            )
        head, rest = text.split(begin)
        _old, tail = rest.split(end)
        text = head + begin + content + end + tail
    return text


# -- the tables -------------------------------------------------------------------------------


def tables_block(head: str) -> str:
    """The tables of the head schema, one row each: its rows and its columns."""
    from planner.store.columns import FILE_INFO, LIST_ITEMS, PLACES
    from planner.store.rows import STRING_LISTS

    lists = "(" + ", ".join(f"`{f.name}`" for f in STRING_LISTS) + ")"
    rows = [
        (FILE_INFO.name, "key/value record of the file", _plain(FILE_INFO) + " — see below"),
        (PLACES[0].spec.name, "exactly one", _columns(PLACES[0])),
        (LIST_ITEMS.name, "the plan's lists of strings", _plain(LIST_ITEMS, list_name=lists)),
    ]
    for place in PLACES[1:]:
        rows.append((place.spec.name, _rows_of(place), _columns(place)))
    out = [
        f"The tables of revision `{head}` (the head), as the program writes them:",
        "",
        "| Table | Rows | Columns |",
        "|---|---|---|",
    ]
    out += [f"| `{name}` | {what} | {columns} |" for name, what, columns in rows]
    return "\n".join(out) + "\n"


def _plain(spec, **notes: str) -> str:  # noqa: ANN001 - a columns.TableSpec
    """A table's columns but ``pk``, each with its note."""
    return ", ".join(
        f"`{c.name}`" + (f" {notes[c.name]}" if c.name in notes else "")
        for c in spec.columns
        if c.name != "pk"
    )


def _rows_of(place) -> str:  # noqa: ANN001 - a columns.Place
    what = place.owner.label.en
    parent = place.parent
    if parent.parent is not None:
        what += f" of a `{parent.spec.name}`"
    return what


def _columns(place) -> str:  # noqa: ANN001 - a columns.Place
    """The columns but ``pk`` (whose order is the list's): parent and key columns first,
    marked; a column that may hold NULL says so."""
    from planner.store.columns import scalar_columns

    spec = place.spec
    nullable = {c.column for c in scalar_columns(place.record) if c.path[-1].nullable}
    parents = {col: f"{table}.{ref}" for col, table, ref in spec.foreign_keys}
    out = []
    for c in spec.columns:
        if c.name == "pk":
            continue
        text = f"`{c.name}`"
        if c.name in parents:
            text += f" → `{parents[c.name]}`"
        elif c.name == spec.primary_key:
            text += " (primary key)"
        elif c.name in nullable:
            text += " (nullable)"
        out.append(text)
    return ", ".join(out)


# -- the revisions -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Revision:
    id: str
    created: str
    title: str


def revisions(db: Path) -> list[Revision]:
    """The Alembic revisions of ``db`` (its ``versions/``), oldest first."""
    from alembic.script import ScriptDirectory

    from planner.store import migrate

    config = migrate.make_config()
    config.set_main_option("script_location", str(db.resolve()))
    scripts = list(reversed(list(ScriptDirectory.from_config(config).walk_revisions())))
    out = []
    for script in scripts:
        doc = script.module.__doc__ or ""
        created = re.search(r"^Create Date: (\S+)", doc, re.M)
        out.append(Revision(script.revision, created.group(1) if created else "", script.doc))
    return out


def revisions_block(found: list[Revision], program_version: str) -> str:
    """The revisions, and what this version says of a file of a newer one."""
    head = int(found[-1].id)
    out = ["| Revision | Created | What changed |", "|---|---|---|"]
    out += [f"| `{r.id}` | {r.created} | {r.title} |" for r in found]
    said = (
        f"This version ({program_version}) opens every revision up to `{found[-1].id}`; an "
        "older file is migrated on a copy. A file of a newer revision is refused with "
        '"saved by a newer version", naming the file\'s revision and the revisions this '
        "program opens:"
    )
    out += ["", textwrap.fill(said, 88, break_on_hyphens=False)]
    out.append(f"`… (file format revision {head + 1}; this program, version {program_version}, "
               f"opens revisions up to {head}).`")  # fmt: skip
    return "\n".join(out) + "\n"


# -- the JSON example ------------------------------------------------------------------------


def json_block(sample: Path) -> str:
    from planner.store.interchange import import_json, plan_to_dict

    from .jsonexample import example

    intro = (
        f"The sample plan `resources/samples/{sample.name}` with the first item of each list,\n"
        "its longer texts shown as `…` (the program writes one key a line):\n\n"
    )
    return intro + "```json\n" + example(plan_to_dict(import_json(sample))) + "```\n"
