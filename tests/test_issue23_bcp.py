"""Issue 23 §3: telework for business continuity — which priority tasks go on remotely and
why not, and the capacity of devices, licences and J-LIS terminal IDs, worked by hand."""

from __future__ import annotations

import json

from planner.cli import run_cli
from planner.domain.bcp import capacity, priority_tasks
from planner.domain.builders import cost_line_from_item, new_plan, unit_from_catalog
from planner.domain.warnings import plan_warnings
from tests.store_plans import sample_twplan


def town(catalog, municipality, method="jlis_lgwan"):
    """さくら町: 住民課 (7 tasks of the catalog), 14 teleworkers, 4 existing devices."""
    plan = new_plan(municipality, catalog)
    plan.access_method = method
    unit = unit_from_catalog(next(u for u in catalog.units if u.id == "kikaku"))
    unit.staff, unit.teleworkers = 20, 14
    jumin = unit_from_catalog(next(u for u in catalog.units if u.id == "jumin"))
    jumin.staff = 10
    plan.units += [unit, jumin]
    plan.existing_devices = 4
    return plan


def test_the_catalog_suggests_priority_work(catalog):
    unit = unit_from_catalog(next(u for u in catalog.units if u.id == "jumin"))
    assert [t.name for t in unit.tasks if t.priority] == ["戸籍届出の審査・記載"]
    kikaku = unit_from_catalog(next(u for u in catalog.units if u.id == "kikaku"))
    assert [t.name for t in kikaku.tasks if t.priority] == ["ホームページの更新"]


def test_priority_tasks_remote_or_not_and_why(catalog, municipality):
    plan = town(catalog, municipality)
    plan.units[1].tasks[0].priority = True  # 住民票の写し等の交付: the user marks it
    got = [(p.unit.name, p.task.name, p.remote, [w.ja for w in p.why()])
           for p in priority_tasks(plan, catalog)]  # fmt: skip
    assert got[0] == ("企画政策課", "ホームページの更新", True, [])
    assert got[1][:3] == ("住民課", "住民票の写し等の交付", False)
    assert "窓口での対面業務のため、テレワークには向きません。" in got[1][3]
    assert got[2][:3] == ("住民課", "戸籍届出の審査・記載", False)
    assert got[2][3] == ["マイナンバー利用事務系の業務です。三層分離によりテレワークの対象外です。"]
    # with no access method chosen, nothing reaches the LGWAN side: the web site is still ○
    plan.access_method = "none"
    assert priority_tasks(plan, catalog)[0].remote


def test_jlis_capacity_against_the_terminal_ids_applied_for(catalog, municipality):
    plan = town(catalog, municipality)
    laptops = cost_line_from_item(catalog.cost_item("laptop_pc"), 2025, 2027)  # per device needed
    plan.scenarios[0].lines.append(laptops)
    plan.continuity.emergency_staff = 12
    plan.continuity.jlis_terminal_ids = 10
    checks = {c.key: c for c in capacity(plan, catalog)}
    # devices: 4 existing + (14 teleworkers − 4) = 10 bought in FY2025 → 14 for 12 staff
    assert (checks["devices"].available, checks["devices"].shortfall) == (14, 0)
    assert (checks["jlis_terminal_ids"].available, checks["jlis_terminal_ids"].shortfall) == (10, 2)
    assert "licences" not in checks  # J-LIS has no user licences to buy
    warned = [w for w in plan_warnings(plan, catalog) if w.code.startswith("bcp_")]
    assert [(w.code, w.step, w.for_council) for w in warned] == [
        ("bcp_jlis_terminal_ids_short", 7, True)
    ]
    assert warned[0].text.ja == (
        "非常時にリモートアクセスが必要な職員12人に対し、J-LISの端末IDが10で2不足します"
        "（J-LISに申請した端末ID数、手順7で入力）。"
    )
    plan.continuity.jlis_terminal_ids = 12
    assert not [w for w in plan_warnings(plan, catalog) if w.code.startswith("bcp_")]


def test_vdi_licences_held_in_the_last_year(catalog, municipality):
    plan = town(catalog, municipality, "vdi_lgwan")
    plan.device_policy = "own"  # staff's own devices: no device check
    vdi = cost_line_from_item(catalog.cost_item("vdi_remote_desktop_licence"), 2025, 2027)
    plan.scenarios[0].lines.append(vdi)  # 1 per teleworker, annual FY2025–2027: 14
    plan.continuity.emergency_staff = 20
    (check,) = capacity(plan, catalog)
    assert (check.key, check.needed, check.available, check.shortfall) == ("licences", 20, 14, 6)
    assert check.line() == "リモートアクセスのライセンス: 14（必要 20人）…6不足"
    vdi.end_fy = 2026  # not held in FY2027, the plan's last year
    assert capacity(plan, catalog)[0].available == 0


def test_emergency_staff_not_entered_is_said_once_priority_work_is_marked(catalog, municipality):
    plan = town(catalog, municipality)
    codes = [w.code for w in plan_warnings(plan, catalog)]
    assert "emergency_staff_missing" in codes and capacity(plan, catalog) == []
    for u in plan.units:
        for t in u.tasks:
            t.priority = False
    assert "emergency_staff_missing" not in [w.code for w in plan_warnings(plan, catalog)]


def test_summary_shows_the_capacity_gap_in_text_and_json(capsys):
    village = str(sample_twplan("yamanami-village"))
    assert run_cli(["summary", village]) == 0
    out = capsys.readouterr().out
    assert "  ! J-LISの端末ID: 10（必要 12人）…2不足" in out
    assert "  住民課 戸籍届出の審査・記載: 要出勤 — マイナンバー利用事務系の業務です。" in out
    assert run_cli(["summary", village, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)["continuity"]
    assert data["emergency_staff"] == 12 and data["jlis_terminal_ids"] == 10
    assert {c["check"]: c["shortfall"] for c in data["capacity"]} == {
        "devices": 0,
        "jlis_terminal_ids": 2,
    }
    assert data["remote"] == 3 and data["needs_presence"] == 3


def test_the_pdf_has_a_bcp_section_with_the_capacity_gap(tmp_path, catalog):
    from planner.report import export_pdf
    from planner.store.interchange import import_json
    from tests.store_plans import sample_json
    from tests.test_report import pdf_text

    plan = import_json(sample_json("yamanami-village"), catalog)
    out = tmp_path / "v.pdf"
    export_pdf(plan, out, lang="ja", catalog=catalog)
    text = pdf_text(out)
    for want in ("業務継続（非常時のテレワーク）", "テレワークで継続できる非常時優先業務",
                 "出勤が必要な非常時優先業務", "戸籍届出の審査・記載", "J-LISの端末ID"):  # fmt: skip
        assert want in text, want


def test_the_bcp_view_in_step_7_from_the_catalogs_suggestion(window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QPushButton

    from planner.domain.operations import InsertRow
    from tests.ui_helpers import create_plan

    doc = create_plan(window, qtbot)
    unit = unit_from_catalog(next(u for u in doc.catalog.units if u.id == "jumin"))
    doc.apply(InsertRow(("units",), 0, unit))
    for task in doc.plan.units[0].tasks:
        task.priority = False
    page = window.workspace.page(7)
    view = page.findChild(QLabel, "bcpView")
    assert "非常時優先業務はまだありません" in view.text()
    qtbot.mouseClick(page.findChild(QPushButton, "suggestPriority"), Qt.MouseButton.LeftButton)
    assert "戸籍届出の審査・記載: 出勤が必要" in view.text()
    assert "マイナンバー利用事務系の業務です。" in view.text()
    doc.undo_stack.undo()
    assert not any(t.priority for t in doc.plan.units[0].tasks)
