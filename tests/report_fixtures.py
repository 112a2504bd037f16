"""Realistic plans for the PDF tests, built with the domain's own builders.

``full_plan``: さくら町, every step filled in, two cost scenarios. ``big_plan``:
every unit and task of the catalog, many events, four scenarios (the timing
and chunking case). Both are deterministic.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from planner.domain.builders import cost_line_from_item, new_plan, unit_from_catalog
from planner.domain.catalog import Catalog
from planner.domain.model import (
    Kpi,
    Measurement,
    Member,
    Municipality,
    Phase,
    Plan,
    Scenario,
    TrainingEvent,
    WorkForm,
)
from planner.domain.suitability import Suitability, assess_in_plan

STAFF = {"somu": 14, "jinji": 5, "kikaku": 9, "dx": 4, "bosai": 5, "zaisei": 7, "zeimu": 12,
         "jumin": 15, "fukushi": 13, "kosodate": 9, "kenko": 10, "kankyo": 6, "kensetsu": 11,
         "suido": 7, "norin": 8, "shoko": 6, "kaikei": 4, "gikai": 3, "kyoiku": 8,
         "kaigo": 4, "shakai_kyoiku": 3, "nogyo_iinkai": 3, "kansa": 2, "shisho": 6}  # fmt: skip

STEP_DATES = {
    1: (date(2025, 4, 1), date(2025, 5, 31)),
    2: (date(2025, 5, 1), date(2025, 6, 30)),
    3: (date(2025, 6, 1), date(2025, 7, 31)),
    4: (date(2025, 7, 1), date(2025, 9, 30)),
    5: (date(2025, 9, 1), date(2025, 10, 31)),
    6: (date(2025, 10, 1), date(2025, 12, 26)),
    7: (date(2025, 8, 1), date(2026, 1, 30)),
    8: (date(2025, 10, 1), date(2026, 2, 27)),
    9: (date(2026, 1, 5), date(2026, 3, 31)),
    10: (date(2026, 4, 1), date(2027, 3, 31)),
}


def _municipality(name: str = "さくら町") -> Municipality:
    return Municipality(
        name=name, prefecture="長野県", general_staff=120, all_staff=180, fiscal_year=2025,
        author="山田 花子", department="総務課 職員係", fiscal_capacity_index=Decimal("0.35"),
    )  # fmt: skip


def _scenario(plan: Plan, catalog: Catalog, name: str, item_ids: list[str]) -> Scenario:
    first, last = plan.fiscal_years[0], plan.fiscal_years[-1]
    lines = []
    for item_id in item_ids:
        item = catalog.cost_item(item_id)
        assert item is not None, item_id
        lines.append(cost_line_from_item(item, first, last))
    return Scenario(name=name, lines=lines)


def full_plan(
    catalog: Catalog, unit_ids: tuple[str, ...] | None = None, name: str = "さくら町"
) -> Plan:
    plan = new_plan(_municipality(name), catalog)
    plan.fiscal_capacity_multiplier = Decimal("0.9")
    # 1 promotion structure
    plan.leader = "副町長 佐藤 一郎"
    plan.members = [
        Member("鈴木 太郎", "推進責任者", "総務課長"),
        Member("山田 花子", "事務局", "総務課 職員係"),
        Member("高橋 誠", "情報システム・セキュリティ", "DX推進室"),
        Member("田中 美咲", "予算・特別交付税", "財政課"),
        Member("伊藤 健", "試行課の代表", "企画政策課"),
        Member("渡辺 由紀", "職員団体との連絡", "職員労働組合"),
    ]
    plan.meeting_plan = "月1回（第2火曜日）に推進会議を開き、進み具合を庁議に報告する。\n試行前の3か月は隔週で開く。"
    # 2 purposes and KPIs
    plan.purposes = ["wlb", "bcp_disaster", "recruiting", "efficiency"]
    plan.custom_purposes = ["冬季の積雪時にも業務を止めない"]
    D = Decimal  # issue 23: KPIs as numbers, with measured values
    plan.kpis = [
        Kpi("試行課の職員のうち1回以上実施した割合", D(0), D(50), 2026, unit="percent",
            measurements=[Measurement("quarter", 2025, 3, D(35))]),
        Kpi("年間のテレワーク実施延べ人日", D(0), D(600), 2027, unit="days"),
        Kpi("育児・介護中の職員の利用率", None, D(70), 2027, unit="percent"),
        Kpi("月平均の時間外勤務（1人当たり）", D("12.5"), D(10), 2027, unit="hours",
            direction="down", measurements=[Measurement("month", 2025, 9, D("11.5"))]),
    ]  # fmt: skip
    # 3 current state
    plan.existing_devices = 6
    plan.existing_rules = (
        "情報セキュリティポリシー（令和5年改定）、職員の勤務時間、休日及び休暇に関する条例"
    )
    plan.current_notes = "支所（北部支所）はLGWAN接続系に接続済みで、サテライトオフィスとして使える。\n紙の決裁が多く、電子決裁は未導入。"
    # 4 and 5 units and tasks
    ids = unit_ids or ("somu", "jinji", "kikaku", "dx", "zaisei", "jumin", "fukushi", "kensetsu")
    plan.access_method = "jlis_lgwan"
    plan.tools = ["chat", "web_meeting", "groupware"]
    defs = {u.id: u for u in catalog.units}
    for i, uid in enumerate(ids):
        unit = unit_from_catalog(defs[uid])
        unit.staff = STAFF[uid]
        for task in unit.tasks:
            level = assess_in_plan(plan, task, catalog).level
            task.selected = level is not Suitability.UNSUITABLE
        unit.teleworkers = min(unit.staff, max(1, unit.staff // 3))
        unit.form = WorkForm(home=True, satellite=i % 3 == 0, mobile=uid == "kensetsu",
                             max_days=2 if i % 2 else 8, cap_period="week" if i % 2 else "month",
                             time_unit=("day", "half_day", "hour")[i % 3], application_days=i % 4)  # fmt: skip
        plan.units.append(unit)
    plan.units[0].tasks[0].note = "決裁は電子決裁の導入後に対象とする（令和8年度予定）"
    # 6 rules, 8 security: statuses
    for i, rule in enumerate(plan.rules):
        rule.status = ("done", "in_progress", "todo")[i % 3]
        rule.owner = ("総務課 職員係", "総務課 法規係", "DX推進室")[i % 3]
    for i, item in enumerate(plan.security):
        item.status = ("done", "in_progress", "todo", "done", "not_applicable")[i % 5]
    # 9 training
    plan.training = [
        TrainingEvent("管理職向け説明会", date(2026, 1, 20), "課長・係長", "町長から方針を説明"),
        TrainingEvent("職員説明会（1回目）", date(2026, 2, 3), "試行課の職員"),
        TrainingEvent(
            "職員説明会（2回目）", date(2026, 2, 10), "試行課の職員", "録画を共有フォルダに置く"
        ),
        TrainingEvent("J-LISシステム操作研修", date(2026, 3, 5), "試行参加者"),
        TrainingEvent("情報セキュリティ研修", date(2026, 3, 12), "全職員"),
        TrainingEvent("試行の振り返り会", date(2026, 10, 15), "試行参加者・管理職"),
    ]
    # 10 phases
    plan.phases = [
        Phase(
            "準備（機器・規程）",
            "preparation",
            date(2025, 11, 1),
            date(2026, 3, 31),
            "規程の施行と機器の納品を確認",
        ),
        Phase(
            "第1次試行（4課）",
            "trial",
            date(2026, 4, 1),
            date(2026, 9, 30),
            "実施人日、アンケート、時間外勤務",
        ),
        Phase(
            "効果検証",
            "evaluation",
            date(2026, 10, 1),
            date(2026, 12, 28),
            "KPIの達成度を推進会議で評価",
        ),
        Phase("本格導入（全課）", "rollout", date(2027, 1, 4), date(2028, 3, 31), "年1回の見直し"),
    ]
    # step dates, notes and checklists
    for n, (start, end) in STEP_DATES.items():
        rec = plan.steps[n]
        rec.start, rec.end = start, end
        for k, (_cid, entry) in enumerate(rec.checklist.items()):
            entry.done = k < len(rec.checklist) * (11 - n) // 10
            if k == 0:
                entry.note = f"第{n}回推進会議で確認"
    plan.steps[1].notes = "町長の了承は令和7年4月の庁議で得た。"
    plan.steps[7].notes = "J-LIS 自治体テレワークシステムの利用申請は令和7年10月に行う。"
    # costs: two scenarios
    jlis = _scenario(plan, catalog, "J-LIS 自治体テレワークシステム", [
        "laptop_pc", "headset_webcam", "jlis_lgwan_telework", "jlis_setup_vendor_support",
        "web_meeting_licence", "business_chat_licence", "endpoint_security_software",
        "mfa_hardware_token", "internal_training_materials", "telework_allowance",
    ])  # fmt: skip
    vdi = _scenario(plan, catalog, "民間VDI（LGWAN接続系）", [
        "laptop_pc", "headset_webcam", "lgwan_remote_access_service", "vdi_remote_desktop_licence",
        "remote_access_server_setup", "introduction_support", "web_meeting_licence",
        "identity_mfa_service", "mdm_service", "telework_allowance",
    ])  # fmt: skip
    jlis.lines[-1].eligible_override = False
    jlis.lines[-1].override_reason = "手当は対象外"
    jlis.note = "J-LISのシステム利用料は無料。端末は貸与PCを新たに用意する。"
    plan.scenarios = [jlis, vdi]
    plan.adopted_scenario_id = jlis.id
    return plan


def big_plan(catalog: Catalog) -> Plan:
    """Every unit and task of the catalog, 40 training events, four scenarios, 5 years."""
    plan = full_plan(catalog, unit_ids=tuple(u.id for u in catalog.units), name="みなみ村")
    plan.plan_years = 5
    base = date(2025, 6, 2)
    plan.training = [
        TrainingEvent(
            f"課別説明会 第{i + 1}回",
            base + timedelta(days=14 * i),
            "各課職員",
            "資料は共有フォルダ",
        )
        for i in range(40)
    ]
    extra = [
        _scenario(plan, catalog, f"比較案{i}", ["laptop_pc", "internet_vpn_service", "mdm_service",
                                               "mobile_router_data_sim", "introduction_support"])
        for i in (1, 2)
    ]  # fmt: skip
    plan.scenarios += extra
    return plan
