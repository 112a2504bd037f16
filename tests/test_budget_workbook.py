"""The budget request workbook (issue 20): read back with openpyxl, its formulas recomputed.

Every figure is checked twice against the program: the result stored with the formula
(``data_only=True``, what a viewer that does not recalculate shows) and the formula
recomputed by ``tests/xlsx_eval.py`` (what Excel shows after a price is changed) must
both equal ``planner summary --json``, yen for yen, for both samples and a plan with a
lease under a 債務負担行為.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from planner.cli import run_cli
from planner.domain import budget, costs
from planner.domain.model import CostLine
from planner.domain.money import round_yen
from planner.loading import default_catalog
from planner.report.budget_lines import rounding_formula
from planner.resources import resource_path
from planner.store.interchange import export_json, import_json
from tests.xlsx_eval import Evaluator, _Parser

SAMPLES = ("kawasemi-town", "yamanami-village")


def sample(name: str):  # noqa: ANN201
    return import_json(resource_path("samples") / f"{name}.json")


def with_lease(plan):  # noqa: ANN001, ANN201
    """The sample with 30 PCs leased at ¥3,000 a month for 60 months from October of its
    first year, under a 債務負担行為, and its licences under a 長期継続契約."""
    scenario = plan.adopted_scenario()
    fy = plan.fiscal_years[0]
    scenario.lines.append(CostLine("貸与PC（リース）", "ict_equipment", 3_000, 30, "fixed", "lease",
                                   fy, fy, lease_start_month=10, lease_months=60,
                                   contract="debt_burden", other_revenue=100_000))  # fmt: skip
    for line in scenario.lines:
        if line.category == "licence":
            line.contract = "long_term"
    return plan


class Book:
    """A written workbook: its formulas, its stored results, and the formulas recomputed."""

    def __init__(self, path: Path) -> None:
        self.formulas = load_workbook(path, data_only=False)
        self.stored = load_workbook(path, data_only=True)
        self.ev = Evaluator(self.formulas)

    def rows(self, sheet: str) -> dict[str, int]:
        """Row numbers by the text in column A (the first row with a text)."""
        ws = self.formulas[sheet]
        out: dict[str, int] = {}
        for r in range(1, ws.max_row + 1):
            if isinstance(ws.cell(r, 1).value, str):
                out.setdefault(ws.cell(r, 1).value, r)
        return out

    def figure(self, sheet: str, row: int, col: int) -> int:
        """The stored result and the recomputed formula, which must agree, as integer yen."""
        stored = self.stored[sheet].cell(row, col).value
        computed = self.ev.value(sheet, row, col)
        assert isinstance(computed, Fraction) and computed.denominator == 1, (sheet, row, col)
        assert stored == computed, (sheet, row, col, stored, computed)
        return int(computed)

    def formula(self, sheet: str, row: int, col: int) -> str:
        value = self.formulas[sheet].cell(row, col).value
        assert isinstance(value, str) and value.startswith("="), (sheet, row, col, value)
        return value


def write(tmp_path: Path, plan, *args: str) -> tuple[Book, dict, Path]:  # noqa: ANN001
    """The plan saved as JSON, ``planner budget`` and ``planner summary --json`` on it."""
    source = tmp_path / "plan.json"
    export_json(plan, source)
    out = tmp_path / "budget.xlsx"
    assert run_cli(["budget", str(source), "-o", str(out), *args]) == 0
    return Book(out), source


def summary(capsys, source: Path) -> dict:
    capsys.readouterr()
    assert run_cli(["summary", str(source), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def fy_label(fy: int) -> str:
    return f"令和{fy - 2018}年度"


def check_against(book: Book, lines: str, totals: str, years: list[dict], period: dict) -> None:
    """Each year's and the period's figures, in the line sheet and the summary sheet."""
    at = book.rows(lines)
    at_sum = book.rows(totals)
    for y in years:
        label = fy_label(y["fiscal_year"])
        r = at[f"{label}計"]
        got = [book.figure(lines, r, c) for c in (9, 10, 12, 14)]  # I, J, L, N
        assert got == [y["total"], y["other_revenue"], y["eligible"], y["subsidy"]], label
        s = at_sum[label]
        money = [book.figure(totals, s, c) for c in (2, 3, 4, 5, 7, 8)]
        assert money == [y["total"], 0, y["other_revenue"], y["total"] - y["other_revenue"],
                         y["subsidy"], y["net"]], label  # fmt: skip
    r = at["合計"]
    assert [book.figure(lines, r, c) for c in (9, 12, 14)] == [
        period["total"], period["eligible"], period["subsidy"]]  # fmt: skip
    s = at_sum["合計"]
    assert [book.figure(totals, s, c) for c in (2, 7, 8)] == [
        period["total"], period["subsidy"], period["net"]]  # fmt: skip


@pytest.mark.parametrize("name", SAMPLES)
def test_the_samples_workbook_equals_the_summary_yen_for_yen(tmp_path, capsys, name):
    book, source = write(tmp_path, sample(name))
    data = summary(capsys, source)
    assert book.formulas.sheetnames == ["経費明細", "集計"]
    check_against(book, "経費明細", "集計", data["years"], data["period"])


def test_a_lease_under_a_debt_burden_act_by_hand(tmp_path, capsys):
    plan = with_lease(sample("yamanami-village"))
    book, source = write(tmp_path, plan)
    data = summary(capsys, source)
    check_against(book, "経費明細", "集計", data["years"], data["period"])
    first = plan.fiscal_years[0]
    ws = book.formulas["経費明細"]
    lease_rows = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == "貸与PC（リース）"]
    # six fiscal years: 6, 12, 12, 12, 12 and 6 months of 30 × ¥3,000
    assert [ws.cell(r, 1).value for r in lease_rows] == [fy_label(first + k) for k in range(6)]
    assert [ws.cell(r, 8).value for r in lease_rows] == [6, 12, 12, 12, 12, 6]
    assert [book.figure("経費明細", r, 9) for r in lease_rows] == [
        540_000, 1_080_000, 1_080_000, 1_080_000, 1_080_000, 540_000]  # fmt: skip
    r = lease_rows[0]
    assert book.formula("経費明細", r, 9) == f"=F{r}*G{r}*H{r}"
    assert book.formula("経費明細", r, 12) == f"=I{r}-J{r}"  # less its other revenue
    # 債務負担行為: the first year in that year's budget, the later years its limit
    at = book.rows("集計")
    row = at["貸与PC（リース）"]
    sheet = book.formulas["集計"]
    assert [sheet.cell(row, c).value for c in (2, 3, 4, 5)] == [
        "債務負担行為", "17 備品購入費", f"令和{first - 2018}年10月〜令和{first - 2013}年9月（60か月）",
        f"令和{first - 2017}年度から令和{first - 2013}年度まで"]  # fmt: skip
    assert [book.figure("集計", row, c) for c in (6, 7, 8)] == [540_000, 4_860_000, 4_860_000]
    expected = {c.name: c for c in budget.commitments(plan, plan.adopted_scenario())}
    for name, c in expected.items():
        assert book.figure("集計", at[name], 6) == c.first_year
        assert book.figure("集計", at[name], 7) == c.later
        if c.contract == "long_term":
            assert sheet.cell(at[name], 8).value == "—"
    # 後年度負担: every row and year as budget.later_burden says, stored and recomputed
    burden = budget.later_burden(plan, plan.adopted_scenario())
    head = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "経費項目")
    assert [sheet.cell(head, 4 + k).value for k in range(len(burden.years))] == [
        fy_label(fy) for fy in burden.years]  # fmt: skip
    for k, row in enumerate(burden.rows, head + 1):
        assert sheet.cell(k, 1).value == row.name
        assert [book.figure("集計", k, 4 + i) if row.amounts[i] else
                sheet.cell(k, 4 + i).value for i in range(len(burden.years))] == [
            a if a else None for a in row.amounts]  # fmt: skip
    total = head + 1 + len(burden.rows)
    assert book.figure("集計", total, 4 + len(burden.years)) == burden.total
    # the lease's months after the plan's last year: 60 less 6, less 12 a later plan year
    lease = next(r for r in burden.rows if r.kind == "lease")
    assert lease.months == 60 - 6 - 12 * (len(plan.fiscal_years) - 1)


def test_every_scenario_on_sheets_of_its_own(tmp_path):
    plan = with_lease(sample("kawasemi-town"))
    book, _source = write(tmp_path, plan, "--all-scenarios")
    names = book.formulas.sheetnames
    assert len(names) == 2 * len(plan.scenarios) >= 4
    rules = default_catalog().subsidy_rules
    for i, scenario in enumerate(plan.scenarios):
        lines, totals = names[2 * i], names[2 * i + 1]
        assert lines.startswith(f"明細{i + 1} ") and totals.startswith(f"集計{i + 1} ")
        est = costs.estimate(plan, scenario, rules)
        years = [{"fiscal_year": y.fiscal_year, "total": y.total, "other_revenue": y.other_revenue,
                  "eligible": y.eligible, "subsidy": y.subsidy, "net": y.net} for y in est.years]  # fmt: skip
        period = {"total": est.period.total, "eligible": est.period.eligible,
                  "subsidy": est.period.subsidy, "net": est.period.net}  # fmt: skip
        check_against(book, lines, totals, years, period)


def test_formulas_follow_a_changed_price_and_the_rules_rounding(tmp_path):
    book, _source = write(tmp_path, sample("kawasemi-town"))
    ws = book.formulas["経費明細"]
    at = book.rows("経費明細")
    r = at["令和7年度計"]
    first_line = 4
    assert book.formula("経費明細", first_line, 9) == f"=F{first_line}*G{first_line}"
    assert book.formula("経費明細", r, 9) == f"=SUM(I4:I{r - 1})"
    # the rule's own rounding: 1,000円未満切り捨て on the year's eligible total
    assert book.formula("経費明細", r, 14) == f"=ROUNDDOWN(L{r}*M{r}*$M$2,-3)"
    assert ws["M2"].value == 1.0 and ws.cell(r, 13).value == 0.5
    # finance changes a price: the line, the year, the subsidy and the summary follow
    before = book.figure("経費明細", r, 9)
    price = ws.cell(first_line, 7).value
    ws.cell(first_line, 7).value = price + 1000
    book.ev.cache.clear()
    quantity = ws.cell(first_line, 6).value
    assert book.ev.value("経費明細", r, 9) == before + 1000 * quantity
    assert book.ev.value("集計", book.rows("集計")["令和7年度"], 2) == before + 1000 * quantity
    eligible = book.ev.value("経費明細", r, 12)
    assert book.ev.value("経費明細", r, 14) == (eligible * Fraction(1, 2)) // 1000 * 1000


def test_per_budget_item_the_sums_follow_the_lines(tmp_path, capsys):
    book, source = write(tmp_path, sample("kawasemi-town"))
    data = summary(capsys, source)
    ws = book.formulas["集計"]
    head = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "節")
    items = []
    r = head + 1
    while ws.cell(r, 1).value != "合計":
        items.append(ws.cell(r, 1).value)
        assert ws.cell(r, 2).value.startswith("=SUMIFS(")
        r += 1
    assert items == sorted(items, key=lambda s: int(s.split()[0]))  # 節 numbers ascending
    assert "13 使用料及び賃借料" in items and "17 備品購入費" in items
    years = data["years"]
    assert [book.figure("集計", r, 2 + k) for k in range(len(years))] == [y["total"] for y in years]
    catalog = default_catalog()
    plan = sample("kawasemi-town")
    rental = sum(ln.unit_price * costs.line_quantity(ln, plan)
                 for ln in plan.adopted_scenario().lines
                 if catalog.budget_item(ln) == "rental" and years[0]["fiscal_year"] in
                 costs.line_years(ln))  # fmt: skip
    assert book.figure("集計", head + 1 + items.index("13 使用料及び賃借料"), 2) == rental


def test_finance_sheet_conventions(tmp_path):
    book, _source = write(tmp_path, sample("yamanami-village"))
    for name in ("経費明細", "集計"):
        ws = book.formulas[name]
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
        assert ws.sheet_properties.pageSetUpPr.fitToPage  # one page wide (1 is the default)
        assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
        assert ws.print_title_rows  # repeated on every page
    ws = book.formulas["経費明細"]
    assert ws.print_title_rows == "$1:$3"
    assert ws["A3"].value == "年度" and ws["A4"].value.startswith("令和")
    assert ws["I4"].number_format == "#,##0" and ws["G4"].number_format == "#,##0"
    summary_sheet = book.formulas["集計"]
    at = book.rows("集計")
    heads = [summary_sheet.cell(at["年度"], c).value for c in range(1, 9)]
    assert heads == ["年度", "事業費", "国県支出金", "その他特定財源", "一般財源", None,
                     "特別交付税措置見込額", "措置後の実質負担額"]  # fmt: skip
    # the measure stands beside the 財源内訳, never inside it
    assert summary_sheet.cell(at["年度"] - 1, 3).value == "財源内訳"
    assert summary_sheet.cell(at["年度"] - 1, 7).value == "（参考）財源外の見込み"


def test_a_name_that_looks_like_a_formula_stays_text(tmp_path):
    plan = sample("yamanami-village")
    plan.adopted_scenario().lines[0].name = "=HYPERLINK(\"http://x\",\"y\")"
    plan.adopted_scenario().name = "=1+1"
    book, _source = write(tmp_path, plan)
    ws = book.formulas["経費明細"]
    cell = ws["B4"]
    assert cell.value == "=HYPERLINK(\"http://x\",\"y\")" and cell.data_type == "s"
    assert "=1+1" in ws["A2"].value and ws["A2"].data_type == "s"


def test_refused_targets_and_a_plan_without_scenarios(tmp_path, capsys):
    plan = sample("yamanami-village")
    source = tmp_path / "plan.json"
    export_json(plan, source)
    assert run_cli(["budget", str(source), "-o", str(source)]) == 1
    assert "読み込むファイルそのものです" in capsys.readouterr().err
    assert run_cli(["budget", str(source), "-o", str(tmp_path / "none" / "b.xlsx")]) == 1
    assert "フォルダ「" in capsys.readouterr().err
    plan.scenarios, plan.adopted_scenario_id = [], None
    export_json(plan, source)
    assert run_cli(["--lang", "en", "budget", str(source), "-o", str(tmp_path / "b.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "no cost scenario" in err and not (tmp_path / "b.xlsx").exists()


@settings(max_examples=200, deadline=None)
@given(amount=st.integers(0, 10**12), rate=st.sampled_from([Fraction(1, 2), Fraction(3, 4)]),
       multiplier=st.decimals(min_value=0, max_value=2, places=2),
       unit=st.sampled_from([1, 10, 1000, 500]), mode=st.sampled_from(["down", "up", "half_up"]))  # fmt: skip
def test_the_excel_rounding_is_the_rules_rounding(amount, rate, multiplier, unit, mode):
    """The formula derived from a rule's unit and mode rounds as money.round_yen does."""
    text = rounding_formula(f"{amount}*{float(rate)}*{multiplier}", unit, mode)
    expected = round_yen(amount * rate * Fraction(multiplier), unit, mode)
    assert _Parser(None, "", text).formula() == expected  # type: ignore[arg-type]


def test_the_excel_rounding_functions():
    assert rounding_formula("X", 1000, "down") == "ROUNDDOWN(X,-3)"
    assert rounding_formula("X", 1, "half_up") == "ROUND(X,0)"
    assert rounding_formula("X", 500, "up") == "ROUNDUP((X)/500,0)*500"


def test_excel_libraries_load_only_when_a_workbook_is_written():
    """The window and the command line start without XlsxWriter or openpyxl."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import planner.ui.main_window, planner.cli, planner.report\n"
        "planner.cli.build_parser()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('xlsxwriter', 'openpyxl')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
