"""Issue 24, section 1: ``planner rollup`` — the workbook, the PDF and the JSON, as a
prefecture's officer reads them (figures worked by hand in tests/rollup_plans.py)."""

from __future__ import annotations

import json

import pytest

from planner.__main__ import main
from tests.rollup_plans import FY2025, FY2026, PERIOD, save_three


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def towns(tmp_path):
    folder = tmp_path / "towns"
    save_three(folder)
    (folder / "broken.twplan").write_bytes(b"not a plan")
    return folder


def test_the_workbook_has_a_sheet_a_view_and_formulas_for_the_totals(capsys, towns, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "集計.xlsx"
    code, stdout, err = run(capsys, "rollup", towns, "-o", out)
    assert code == 0 and stdout == ""
    assert "broken.twplan" in err and "計画 3件を集計（読み込めなかったファイル 1件）" in err
    assert "\r" not in err  # no progress bar when standard error is not a terminal
    values = load_workbook(out, data_only=True)
    formulas = load_workbook(out)
    assert values.sheetnames == [
        "計画一覧",
        "年度別",
        "規模別",
        "ルールの相違",
        "警告",
        "読み込み結果",
    ]
    plans = values["計画一覧"]
    rows = [r for r in plans.iter_rows(min_row=5, values_only=True) if r[0]]
    assert [r[:4] for r in rows] == [
        ("長野県", "あおば町", 80, "100人以下"), ("長野県", "しらかば町", 250, "101〜300人"),
        ("静岡県", "おおぞら市", 450, "301人以上"), ("合計", None, None, None)]  # fmt: skip
    assert rows[-1][12:16] == tuple(PERIOD.values())
    assert formulas["計画一覧"]["M8"].value == "=SUM(M5:M7)"
    years = values["年度別"]
    assert [r[:7] for r in years.iter_rows(min_row=5, max_row=6, values_only=True)] == [
        ("令和7年度", 2025, 3, *FY2025.values()), ("令和8年度", 2026, 3, *FY2026.values())]  # fmt: skip
    assert formulas["年度別"]["D5"].value.startswith("=SUMIF(")
    sizes = [r for r in values["規模別"].iter_rows(min_row=5, max_row=8, values_only=True)]
    assert [r[:3] for r in sizes] == [("100人以下", 1, 80), ("101〜300人", 1, 250),
                                      ("301人以上", 1, 450), ("合計", 3, 780)]  # fmt: skip
    assert [r[8] for r in sizes[:3]] == ["34.2%", "61.9%", "調査に区分なし"]
    assert formulas["規模別"]["B5"].value == "=COUNTIF('計画一覧'!$D$5:$D$7,\"100人以下\")"
    refused = [r for r in values["読み込み結果"].iter_rows(min_row=5, values_only=True) if r[0]]
    assert [(r[0].rsplit("/", 1)[-1], r[1]) for r in refused] == [("broken.twplan", "読み込めず")]


def test_the_json_is_for_scripts_in_integer_yen(capsys, towns, tmp_path):
    out = tmp_path / "rollup.json"
    assert run(capsys, "--lang", "en", "rollup", towns, "-o", out)[0] == 0
    data = json.loads(out.read_text("utf-8"))
    assert data["format"] == "telework-planner-rollup" and data["files"] == 4
    assert [y["total"] for y in data["by_fiscal_year"]] == [FY2025["total"], FY2026["total"]]
    assert [(s["size_class"], s["plans"], s["national_adoption_rate"])
            for s in data["by_size_class"]] == [("0_100", 1, "0.342"), ("101_300", 1, "0.619"),
                                               ("301_", 1, None)]  # fmt: skip
    assert [p["municipality"] for p in data["plans"]] == ["あおば町", "しらかば町", "おおぞら市"]
    assert data["plans"][0]["period"] == {"total": 1_572_000, "eligible": 1_500_000,
                                          "subsidy": 750_000, "net": 822_000}  # fmt: skip
    assert [r["path"].rsplit("/", 1)[-1] for r in data["refused"]] == ["broken.twplan"]


def test_the_pdf_is_a_landscape_table_with_a_chart(capsys, towns, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "rollup.pdf"
    assert run(capsys, "rollup", towns, "-o", out)[0] == 0
    pages = PdfReader(out).pages
    box = pages[0].mediabox
    assert box.width > box.height  # A4 landscape
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (297, 210)
    text = "".join(p.extract_text() for p in pages).replace("\n", "")
    for words in ("年度別の合計", "規模別の集計と全国の導入率", "計画一覧", "あおば町", "おおぞら市",
                  "1,736", "3,207", "1,467", "34.2%", "調査に区分なし", "broken.twplan"):  # fmt: skip
        assert words in text
    assert "年度別の事業費（措置見込額と実質負担額）" in text  # the chart's caption


def test_the_output_is_checked_before_anything_is_read(capsys, towns, tmp_path):
    plan = towns / "plan0.twplan"
    code, _out, err = run(capsys, "rollup", towns, "-o", plan)
    assert code == 1 and "plan0.twplan" in err
    code, _out, err = run(capsys, "rollup", towns, "-o", tmp_path / "out.docx")
    assert code == 1 and ".xlsx、.pdf、.json" in err
    code, _out, err = run(capsys, "rollup", tmp_path / "nothing-here", "-o", tmp_path / "o.json")
    assert code == 1 and "読み込めた計画がない" in err and not (tmp_path / "o.json").exists()
