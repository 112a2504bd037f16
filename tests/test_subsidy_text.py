"""The subsidy rule's wording comes from the rule file, on screen, in the PDF and in the CLI."""

from __future__ import annotations

import re
import shutil
from fractions import Fraction

import pytest
from pypdf import PdfReader

from planner.domain.subsidy_text import rate_text, subsidy_formula
from planner.loading import load_catalog
from planner.report import export_pdf
from planner.resources import resource_dir

from .report_fixtures import full_plan
from .ui_helpers import create_plan


@pytest.fixture(scope="module")
def new_rule_catalog(tmp_path_factory):
    """The bundled catalog with another rate (2/5) and rounding (up to ¥100) in every rule."""
    root = tmp_path_factory.mktemp("resources")
    for folder in ("steps", "catalog", "rules"):
        shutil.copytree(resource_dir() / folder, root / folder)
    shutil.copy(resource_dir() / "words.toml", root)
    rules = root / "rules" / "special_allocation_tax.toml"
    text = rules.read_text(encoding="utf-8")
    text = text.replace('rate = "1/2"', 'rate = "2/5"')
    text = text.replace(
        'rounding = { unit = 1000, mode = "down" }', 'rounding = { unit = 100, mode = "up" }'
    )
    rules.write_text(text, encoding="utf-8")
    return load_catalog(root)


def test_rate_text():
    assert rate_text(Fraction(1, 2)) == "0.5"
    assert rate_text(Fraction(2, 5)) == "0.4"
    assert rate_text(Fraction(1, 1)) == "1.0"
    assert rate_text(Fraction(3, 8)) == "0.375"
    assert rate_text(Fraction(1, 3)) == "1/3"


def test_bundled_rule_wording(catalog):
    plan = full_plan(catalog)
    text = subsidy_formula(plan, catalog.subsidy_rules, catalog.words)
    assert text.ja == (
        "措置見込額 ＝ 対象経費 × 措置率0.5 × 財政力補正の乗率0.9（財政力指数: 0.35）。"
        "1,000円未満切り捨て。"
    )
    assert "rate 0.5" in text.en and "rounded down to ¥1,000" in text.en


def test_a_new_rule_changes_the_wording_on_screen_and_in_the_pdf(
    new_rule_catalog, app, qtbot, tmp_path, replies
):
    from planner.ui.main_window import MainWindow

    plan = full_plan(new_rule_catalog)
    formula = subsidy_formula(plan, new_rule_catalog.subsidy_rules, new_rule_catalog.words)
    assert "措置率0.4" in formula.ja and "100円未満切り上げ" in formula.ja
    assert "rate 0.4" in formula.en and "rounded up to ¥100" in formula.en

    # on screen: step 7's note
    w = MainWindow(recovery_dir=tmp_path / "recovery", catalog=new_rule_catalog)
    qtbot.addWidget(w)
    w.show()
    doc = create_plan(w, qtbot)
    note = w.workspace.page(7).note.text()
    assert "措置率0.4" in note and "100円未満切り上げ" in note
    assert "0.5" not in note and "1,000円" not in note
    doc.undo_stack.setClean()

    # in the PDF: chapter 11's note
    out = tmp_path / "plan.pdf"
    export_pdf(plan, out, catalog=new_rule_catalog)
    pdf = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(out).pages))
    assert "措置率0.4×財政力補正の乗率0.9" in pdf and "100円未満切り上げ" in pdf
    assert "措置率0.5" not in pdf


def test_the_cli_summary_states_the_rule(capsys, catalog, monkeypatch, new_rule_catalog):
    from planner import loading as cat
    from planner.cli import run_cli

    town = resource_dir() / "samples" / "kawasemi-town.twplan"
    assert run_cli(["summary", str(town)]) == 0
    out = capsys.readouterr().out
    assert (
        "措置見込額 ＝ 対象経費 × 措置率0.5 × 財政力補正の乗率1.0（財政力指数: 0.62）。1,000円未満切り捨て。"
        in out
    )
    monkeypatch.setattr(cat, "default_catalog", lambda: new_rule_catalog)
    assert run_cli(["summary", "--lang", "en", str(town)]) == 0
    out = capsys.readouterr().out
    assert "rate 0.4 × fiscal-capacity multiplier 1.0" in out and "rounded up to ¥100." in out
