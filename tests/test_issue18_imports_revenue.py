"""Issue 18: other revenue larger than a line's cost is said on every way out (item 5);
docs/file-format.md says the revisions and columns the program has (item 6)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from planner.cli import run_cli
from planner.domain.warnings import plan_warnings
from planner.report.chapters import build_document
from planner.report.content import plain_texts
from planner.store import schema
from planner.store.columns import TABLE_SPECS
from planner.store.interchange import import_json
from tests.store_plans import sample_json

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "file-format.md"

SCENARIO = "J-LIS 自治体テレワークシステム（自宅PC＋一部貸与PC）"
LINE = "Web会議ライセンス"


def run(capsys, *args) -> tuple[int, str, str]:
    code = run_cli([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _over(tmp_path: Path) -> tuple[Path, int]:
    """The village with a line whose other revenue is more than its whole cost."""
    data = json.loads(sample_json("yamanami-village").read_text(encoding="utf-8"))
    line = next(ln for ln in data["plan"]["scenarios"][0]["lines"] if ln["name"] == LINE)
    plan = import_json(sample_json("yamanami-village"))
    from planner.domain.costs import line_amount, line_years

    real = next(ln for ln in plan.scenarios[0].lines if ln.name == LINE)
    whole = line_amount(real, plan) * len(line_years(real))
    line["other_revenue"] = whole + 500_000
    path = tmp_path / "revenue.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path, whole


def _texts(whole: int) -> tuple[str, str]:
    given = whole + 500_000
    return (
        f"{SCENARIO}「{LINE}」の特定財源（{given:,}円）が経費の総額（{whole:,}円）を超えています。"
        "超える分は計算に用いません。",
        f"{SCENARIO}: Other revenue of '{LINE}' (¥{given:,}) is more than its whole cost "
        f"(¥{whole:,}); the excess is not used.",
    )


def test_other_revenue_over_the_cost_is_a_warning_in_validate_and_summary(capsys, tmp_path):
    source, whole = _over(tmp_path)
    ja, en = _texts(whole)
    code, out, err = run(capsys, "validate", source, "--strict")
    assert code == 1 and f"  手順 7: {ja}" in out.splitlines()
    code, out, err = run(capsys, "validate", source, "--lang", "en")
    assert code == 0 and f"  Step 7: {en}" in out.splitlines()
    code, out, _err = run(capsys, "summary", source)
    assert f"  手順 7: {ja}" in out.splitlines()
    code, out, _err = run(capsys, "summary", source, "--json")
    (w,) = [w for w in json.loads(out)["warnings"] if w["code"] == "other_revenue_over_cost"]
    line = next(i for i, ln in enumerate(import_json(source).scenarios[0].lines) if ln.name == LINE)
    assert w == {"code": "other_revenue_over_cost", "severity": "warning", "step": 7,
                 "field": f"scenarios[0].lines[{line}].other_revenue", "ja": ja, "en": en}  # fmt: skip


def test_other_revenue_over_the_cost_is_in_the_pdfs_points_to_check(capsys, tmp_path, catalog):
    source, whole = _over(tmp_path)
    ja, _en = _texts(whole)
    plan = import_json(source)
    texts = plain_texts(build_document(plan, catalog, "ja"))
    i = texts.index("確認が必要な点")
    assert "・" + ja in texts[i + 1].splitlines()
    code, out, err = run(capsys, "export-pdf", source, "-o", tmp_path / "r.pdf")
    assert code == 0 and f"  手順 7: {ja}" in err.splitlines()


def test_the_summary_page_shows_it(window, qtbot, tmp_path):
    source, whole = _over(tmp_path)
    ja, _en = _texts(whole)
    assert run_cli(["import-json", str(source), "-o", str(tmp_path / "r.twplan")]) == 0
    assert window.files.open(tmp_path / "r.twplan")
    ws = window.workspace
    ws.go(10)
    texts = [ws.summary.warnings.item(i).text() for i in range(ws.summary.warnings.count())]
    assert f"手順 7: {ja}" in texts


def test_a_line_within_its_cost_gives_no_warning(catalog):
    plan = import_json(sample_json("yamanami-village"))
    line = next(ln for ln in plan.scenarios[0].lines if ln.name == LINE)
    from planner.domain.costs import line_amount, line_years

    line.other_revenue = line_amount(line, plan) * len(line_years(line))  # exactly the cost
    assert "other_revenue_over_cost" not in {w.code for w in plan_warnings(plan, catalog)}


# -- item 6: the document says what the program opens ----------------------------------------


def test_the_doc_names_the_revisions_the_program_opens():
    text = DOC.read_text(encoding="utf-8")
    head = schema.HEAD_GENERATION
    assert f"opens revisions up to {head})" in text
    # issue 19: make regenerate writes the head into the doc's tables and revisions
    assert f"The tables of revision `{schema.HEAD_REVISION}` (the head)" in text
    assert f"| `{schema.HEAD_REVISION}` |" in text
    # no other number is given as the last revision
    assert set(re.findall(r"opens revisions up to (\d+)", text)) == {str(head)}
    assert set(re.findall(r"The tables of revision `(\d+)`", text)) == {schema.HEAD_REVISION}


def test_the_docs_table_lists_every_column_of_the_head_schema():
    text = DOC.read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `(\w+)` \|[^|]*\|(.*)\|$", text, flags=re.M))
    for spec in TABLE_SPECS:
        assert spec.name in rows, spec.name
        listed = set(re.findall(r"`(\w+)`", rows[spec.name]))
        missing = [c for c in spec.column_names if c != "pk" and c not in listed]
        assert not missing, (spec.name, missing)


def test_the_docs_json_example_has_every_key_in_the_written_order():
    from planner.store.interchange import plan_to_dict

    text = DOC.read_text(encoding="utf-8")
    block = text.split("## 2. The JSON interchange format", 1)[1].split("```json\n", 1)[1]
    example = json.loads(block.split("\n```", 1)[0])["plan"]
    written = plan_to_dict(import_json(sample_json("yamanami-village")))["plan"]

    def keys(d: dict, *path: str) -> list[str]:
        for p in path:
            d = d[p][0] if isinstance(d[p], list) else d[p]
        return list(d)

    for path in ((), ("municipality",), ("units",), ("units", "tasks"),
                 ("units", "tasks", "factors"), ("scenarios",), ("scenarios", "lines")):  # fmt: skip
        assert keys(example, *path) == keys(written, *path), path
