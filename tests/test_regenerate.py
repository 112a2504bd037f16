"""Issue 19: every derived file is what ``make regenerate`` writes from its one source
(devtools/regenerate.py): the JSON Schema, the samples (JSON and .twplan), the tables,
revisions and example JSON of docs/file-format.md, and ``schema.REVISIONS``."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from devtools.docblocks import DocError
from devtools.regenerate import (
    DOC,
    JSON_SCHEMA,
    ROOT,
    SAMPLES,
    SCHEMA_PY,
    differences,
    regenerate,
    stale,
)
from planner.store.project import open_plan

# what the generation reads beside the program's own declarations
SOURCES = ("db", SAMPLES, "resources/schema", "docs/file-format.md", SCHEMA_PY)


def test_regenerating_changes_nothing():
    found = differences()
    shown = "".join(diff[:3000] for diff in found.values())
    assert not found, f"run `make regenerate` and commit what it writes:\n{shown}"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the files the generation reads and writes."""
    for rel in SOURCES:
        source, target = ROOT / rel, tmp_path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target)
    return tmp_path


def test_what_is_stale_is_named_and_written_again(tree):
    town, village = f"{SAMPLES}/kawasemi-town", f"{SAMPLES}/yamanami-village"
    doc = (tree / DOC).read_text(encoding="utf-8")
    planted = {
        # the last revision left out (the tuple may wrap onto lines of its own)
        SCHEMA_PY: re.sub(r'(REVISIONS = \(.*?),\s*"\d+",?\s*\)', r"\1)", (tree / SCHEMA_PY).read_text(), flags=re.S),
        JSON_SCHEMA: (tree / JSON_SCHEMA).read_text(encoding="utf-8").replace("maxItems", "max"),
        # a sample as a person might save it: the same plan, not as the program writes it
        f"{village}.json": json.dumps(json.loads((tree / f"{village}.json").read_bytes())),
        DOC: doc.replace("| `kpi` | KPIs |", "| `kpi` | Targets |").replace(
            "| `0003` |", "| `0033` |"
        ),  # a table's words, a revision
    }
    for rel, text in planted.items():
        (tree / rel).write_text(text, encoding="utf-8")
    shutil.copy(tree / f"{village}.twplan", tree / f"{town}.twplan")  # another plan's file
    expected = {*planted, f"{town}.twplan"}
    assert sorted(stale(tree)) == sorted(expected)
    written, again = regenerate(tree)
    assert sorted(written) == sorted(expected) and not again
    assert stale(tree) == []
    for rel in expected - {f"{town}.twplan"}:  # as in the program's own tree
        assert (tree / rel).read_bytes() == (ROOT / rel).read_bytes(), rel
    assert open_plan(tree / f"{town}.twplan") == open_plan(ROOT / f"{town}.twplan")


def test_a_doc_without_a_block_says_which_and_how_to_mark_it(tree):
    doc = tree / DOC
    doc.write_text(doc.read_text(encoding="utf-8").replace("<!-- end generated: tables -->", ""),
                   encoding="utf-8")  # fmt: skip
    with pytest.raises(DocError, match="the block 'tables' needs its two marker lines"):
        stale(tree)
