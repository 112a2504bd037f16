"""docs/file-format.md's example plan imports as it is and gives the figures the text states."""

from __future__ import annotations

import json
import re
from pathlib import Path

from planner.cli import run_cli
from planner.store.interchange import import_json

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "examples" / "minimal-plan.json"
DOC = ROOT / "docs" / "file-format.md"


def test_the_minimal_example_imports_as_it_is(capsys, tmp_path):
    plan = import_json(EXAMPLE)
    assert plan.teleworkers() == 3 and plan.devices_needed() == 2
    assert run_cli(["import-json", str(EXAMPLE), "-o", str(tmp_path / "m.twplan")]) == 0
    capsys.readouterr()
    assert run_cli(["summary", str(tmp_path / "m.twplan"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(y["fiscal_year"], y["total"]) for y in data["years"]] == [
        (2025, 372_000),
        (2026, 72_000),
    ]
    assert data["period"] == {
        "total": 444_000,
        "eligible": 372_000,  # the licences' second year is a running cost
        "subsidy": 186_000,
        "net": 258_000,
    }
    assert [w["severity"] for w in data["warnings"]] == ["note", "note"]  # assumed rules only


def test_the_docs_state_what_a_scripting_user_needs():
    text = DOC.read_text(encoding="utf-8")
    assert "examples/minimal-plan.json" in text
    for point in ("47 names", "sum of\n  `units[].teleworkers`", "teleworkers − `existing_devices`",
                  "all ten entries", "resources/catalog/costs.toml",
                  "resources/rules/special_allocation_tax.toml"):  # fmt: skip
        assert point in text, point
    # the figures the docs give are the example's
    assert re.search(r"over the period ¥444,000, of\nwhich ¥186,000", text)
