"""Issue 19, item 6: the subsidy rules a plan was computed with travel with it.

A plan saved on "PC A" (a rules folder, TELEWORK_PLANNER_RULES_DIR, with an imported FY2025
rule at rate 1/3) and opened on "PC B" (no such rule): B's `planner summary` says the rules
differ and names both; `--rules plan` gives A's figures yen for yen; a plan B saves keeps
what B chose. A recorded rule from a file is checked as an imported rule file is.
"""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from planner.cli import run_cli
from planner.domain.builders import new_plan
from planner.domain.model import CostLine, Municipality, Scenario, Unit
from planner.loading import bundled_catalog, default_catalog
from planner.store.interchange import dumps
from planner.store.project import open_plan
from tests.test_report import pdf_text, squash

RULE_FY2025 = """\
schema = 1

[[rules]]
fiscal_year = 2025
rate = "1/3"
eligible_categories = ["ict_equipment", "connection_system", "software", "licence", "security", "server", "support"]
rounding = { unit = 1000, mode = "down" }
coverage = "introduction"
coverage_source = "an example for the tests"
source.ja = "総務省通知（令和7年度の例）"
source.en = "MIC notice (FY2025 example)"
date = "2025-01-20"
note.ja = "試験用の例。"
note.en = "An example for the tests."
"""

FY2024_BUNDLED = "令和6年度のルール、措置率0.5"
FY2025_IMPORTED = "令和7年度のルール、措置率1/3、総務省通知（令和7年度の例）、令和7年1月20日付け、取り込んだルールファイル fy2025.toml"


@pytest.fixture
def pcs(tmp_path, monkeypatch):
    """Two PCs in turn: ``use("A")`` — a rules folder with nothing yet; ``use("B")`` — another
    one. Each switch is a fresh start of the program (its catalog read again)."""
    folders = {"A": tmp_path / "pc-a-rules", "B": tmp_path / "pc-b-rules"}
    for folder in folders.values():
        folder.mkdir()

    def use(pc: str) -> None:
        monkeypatch.setenv("TELEWORK_PLANNER_RULES_DIR", str(folders[pc]))
        default_catalog.cache_clear()

    yield use
    default_catalog.cache_clear()


def run(capsys, *args) -> tuple[int, str, str]:
    code = run_cli([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _plan():
    """FY2025–27: a PC bought in FY2025 (one-time) and another in FY2026 (an expansion)."""
    catalog = bundled_catalog()
    mu = Municipality(name="ひばり町", prefecture="長野県", general_staff=90, all_staff=120,
                      fiscal_year=2025)  # fmt: skip
    plan = new_plan(mu, catalog, "ja")
    plan.units = [Unit(name="総務課", staff=20, teleworkers=10)]
    lines = [
        CostLine(name="端末", category="ict_equipment", unit_price=1_350_000, start_fy=2025,
                 end_fy=2025),
        CostLine(name="端末（増設）", category="ict_equipment", unit_price=600_000,
                 start_fy=2026, end_fy=2026),
    ]  # fmt: skip
    plan.scenarios = [Scenario(name="基本", lines=lines)]
    plan.adopted_scenario_id = plan.scenarios[0].id
    return plan


def _saved_on_pc_a(capsys, pcs, tmp_path):
    """PC A imports the FY2025 rule and makes a plan file from JSON (as a town does)."""
    pcs("A")
    source = tmp_path / "r7.toml"
    source.write_text(RULE_FY2025, encoding="utf-8")
    assert run(capsys, "rules", "import", source)[0] == 0
    pcs("A")  # the next command is a new start: the imported rule is this PC's now
    given_json = tmp_path / "hibari.json"
    given_json.write_text(dumps(_plan()), encoding="utf-8")
    path = tmp_path / "hibari.twplan"
    assert run(capsys, "import-json", given_json, "-o", path)[0] == 0
    code, out, _err = run(capsys, "summary", path, "--json")
    assert code == 0
    return path, json.loads(out)


def _figures(data):
    return [{k: y[k] for k in ("fiscal_year", "total", "eligible", "subsidy", "net")}
            for y in data["years"]], data["period"]  # fmt: skip


# -- PC A records its rule; PC B says they differ and can use it ------------------------------


def test_the_file_records_the_rule_each_year_used_on_pc_a(capsys, pcs, tmp_path):
    path, data = _saved_on_pc_a(capsys, pcs, tmp_path)
    years = {y["fiscal_year"]: y for y in data["years"]}
    assert (years[2025]["subsidy"], years[2026]["subsidy"]) == (450_000, 200_000)  # × 1/3
    plan = open_plan(path)
    assert [(r.fiscal_year, r.rule_year, r.rate, r.origin) for r in plan.recorded_rules] == [
        (2025, 2025, Fraction(1, 3), "fy2025.toml"),
        (2026, 2025, Fraction(1, 3), "fy2025.toml"),
        (2027, 2025, Fraction(1, 3), "fy2025.toml"),
    ]
    row = plan.recorded_rules[0]
    assert row.source.ja == "総務省通知（令和7年度の例）" and row.date.isoformat() == "2025-01-20"
    assert row.date_assumed is False and row.coverage == "introduction"
    assert len(row.content_hash) == 64 and plan.subsidy_rules_from == "local"
    assert data["rules_used"][0]["from"] == "local" and data["rules_used"][0]["differs"] is None


def test_pc_b_says_the_rules_differ_names_both_and_computes_with_its_own(capsys, pcs, tmp_path):
    path, _a = _saved_on_pc_a(capsys, pcs, tmp_path)
    pcs("B")
    code, out, err = run(capsys, "summary", path)
    assert code == 0, err
    assert "計画に記録された措置ルールとこのPCのルールが異なります:" in out
    fy25 = next(ln for ln in out.splitlines() if ln.startswith("  ! 令和7年度〜令和9年度："))
    assert f"計画に記録されたルール（{FY2025_IMPORTED}）" in fy25
    assert f"このPCのルール（{FY2024_BUNDLED}、総務省通知「" in fy25
    assert "額はこのPCのルールによるものです。" in fy25
    assert "（--rules plan を付けると、計画に記録されたルールで計算します）" in out
    assert "  * 令和7年度：この年度の措置の通知は確認できていないため" in out
    assert "（このPCのルール）" in out
    code, out, _ = run(capsys, "summary", path, "--json")
    data = json.loads(out)
    assert [y["subsidy"] for y in data["years"]] == [675_000, 300_000, 0]  # × 1/2
    used = data["rules_used"][0]
    assert (used["from"], used["rate"], used["rule_fiscal_year"], used["origin"]) == (
        "local", "1/2", 2024, "bundled")
    assert used["differs"]["from"] == "plan" and used["differs"]["rate"] == "1/3"
    assert used["differs"]["origin"] == "fy2025.toml" and used["differs"]["assumed"] is False
    assert data["rules_used"][1]["differs"]["assumed"] is True  # FY2026: the FY2025 rule
    assert any(w["code"] == "recorded_rule_differs" for w in data["warnings"])
    code, out, _ = run(capsys, "summary", path, "--lang", "en")
    assert "The rules recorded in the plan and this PC's differ:" in out
    assert "imported rule file fy2025.toml" in out and "bundled with the program" in out


def test_rules_plan_gives_pc_a_figures_yen_for_yen(capsys, pcs, tmp_path):
    path, a = _saved_on_pc_a(capsys, pcs, tmp_path)
    pcs("B")
    code, out, _ = run(capsys, "summary", path, "--json", "--rules", "plan")
    assert code == 0
    b = json.loads(out)
    assert _figures(b) == _figures(a)
    assert [u["from"] for u in b["rules_used"]] == ["plan", "plan", "plan"]
    assert b["rules_used"][0]["origin"] == "fy2025.toml"
    assert b["rules_used"][0]["differs"]["from"] == "local"
    code, out, _ = run(capsys, "summary", path, "--rules", "plan")
    assert "額は計画に記録されたルールによるものです。" in out
    assert "（--rules local を付けると、このPCのルールで計算します）" in out
    # on PC A itself, `--rules plan` changes nothing: the record is A's own rules
    pcs("A")
    code, out, _ = run(capsys, "summary", path, "--json", "--rules", "plan")
    assert _figures(json.loads(out)) == _figures(a)
    assert "differs" not in out.replace('"differs": null', "")


def test_a_plan_sent_as_json_keeps_its_rules_and_what_b_chose(capsys, pcs, tmp_path):
    path, a = _saved_on_pc_a(capsys, pcs, tmp_path)
    pcs("B")
    sent = tmp_path / "sent.json"
    assert run(capsys, "export-json", path, "-o", sent, "--rules", "plan")[0] == 0
    data = json.loads(sent.read_text(encoding="utf-8"))["plan"]
    assert data["subsidy_rules_from"] == "plan"
    assert [(r["fiscal_year"], r["rate"], r["origin"]) for r in data["recorded_rules"]] == [
        (2025, "1/3", "fy2025.toml"), (2026, "1/3", "fy2025.toml"), (2027, "1/3", "fy2025.toml")]
    # B makes a plan file of it: what B chose is kept, and the record is still A's rule
    again = tmp_path / "again.twplan"
    assert run(capsys, "import-json", sent, "-o", again)[0] == 0
    plan = open_plan(again)
    assert plan.subsidy_rules_from == "plan"
    assert {(r.rate, r.origin) for r in plan.recorded_rules} == {(Fraction(1, 3), "fy2025.toml")}
    code, out, _ = run(capsys, "summary", again, "--json")
    assert _figures(json.loads(out)) == _figures(a)
    # without the switch, B's own export records B's rule: what its figures use
    mine = tmp_path / "mine.json"
    assert run(capsys, "export-json", path, "-o", mine)[0] == 0
    rows = json.loads(mine.read_text(encoding="utf-8"))["plan"]["recorded_rules"]
    assert {(r["rate"], r["origin"], r["rule_year"]) for r in rows} == {("1/2", "bundled", 2024)}


def test_the_pdf_says_which_rule_each_year_used_and_where_it_came_from(pcs, tmp_path, capsys):
    from planner.report import export_pdf

    path, _a = _saved_on_pc_a(capsys, pcs, tmp_path)
    pcs("B")
    plan = open_plan(path)
    plan.subsidy_rules_from = "plan"
    export_pdf(plan, tmp_path / "plan.pdf", catalog=default_catalog())
    text = squash(pdf_text(tmp_path / "plan.pdf"))
    assert squash("令和7年度：令和7年度のルール — 総務省通知（令和7年度の例）（令和7年1月20日付け）"
                  "（取り込んだルールファイル fy2025.toml）（計画に記録されたルール）") in text  # fmt: skip
    assert squash(f"計画に記録されたルール（{FY2025_IMPORTED}）と、このPCのルール（{FY2024_BUNDLED}") in text
    assert squash("計画に記録されたルール（このPCのルールと異なる）") in text  # the yearly table
    c = text[text.rindex("付録C") :]
    from planner.domain.plan_rules import rules_for
    from planner.domain.rule_years import rule_hash

    digest = rule_hash(next(r for r in rules_for(plan, []).recorded.values()))[:12]
    assert squash(f"（取り込んだファイルfy2025.toml）（計画に記録されたルール、内容のハッシュ{digest}）") in c
    assert "令和8年度以降の措置の通知は確認できていないため、令和7年度のルール" in c
    plan.subsidy_rules_from = "local"
    export_pdf(plan, tmp_path / "local.pdf", catalog=default_catalog())
    text = squash(pdf_text(tmp_path / "local.pdf"))
    assert squash("このPCのルール（計画の記録と異なる）") in text
    assert squash("額はこのPCのルールによるものです。") in text
