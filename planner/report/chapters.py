"""The content of the plan PDF: cover, contents, overview, chapters 1–12, appendices.

Every figure printed here comes from the domain (``costs``, ``suitability``,
``benchmarks``, ``fiscal``), so the PDF, the screen and the CLI agree. Every
text from the plan goes through ``TextGuard`` (``self.esc`` / ``self.clean``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from ..domain import costs
from ..domain.benchmarks import benchmark_position
from ..domain.catalog import Catalog
from ..domain.errors import PlannerError
from ..domain.fiscal import era_date_label, era_year_label, fiscal_year_of
from ..domain.model import Plan, Unit
from ..domain.money import format_thousand_yen, format_yen
from ..domain.suitability import Assessment, Suitability, assess_in_plan
from . import labels as L
from .charts import GanttRow
from .fonts import GOTHIC, GOTHIC_BOLD
from .layout import (
    GRID,
    HEAD_BG,
    LONG_CELL,
    Center,
    Heading,
    Markup,
    Num,
    PageRef,
    PlanDoc,
    Styles,
    data_table,
    fit_text,
    para,
)
from .textsafe import TextGuard
from .warnings_section import warnings_section

GANTT_MONTHS_PER_PAGE = 36  # three fiscal years per landscape page stay legible
GANTT_ROWS_PER_PAGE = 26


class ReportBuilder:
    def __init__(
        self, plan: Plan, catalog: Catalog, lang: str, guard: TextGuard, doc: PlanDoc
    ) -> None:
        self.plan = plan
        self.catalog = catalog
        self.lang = lang
        self.guard = guard
        self.doc = doc
        self.s = Styles(lang)
        self.toc: list[tuple[str, str, int]] = []  # (key, title, level)
        self._assessments: dict[str, Assessment] = {}

    # -- small helpers ----------------------------------------------------------------

    def t(self, ja: str, en: str) -> str:
        return en if self.lang == "en" else ja

    def esc(self, text: object) -> str:
        return self.guard.para(text)

    def clean(self, text: object) -> str:
        return self.guard.clean(text)

    @property
    def empty(self) -> str:
        return L.NOT_ENTERED.get(self.lang)

    def value(self, text: object) -> str:
        """Markup for a user text, or a grey 未記入 when there is nothing."""
        if text is None or not str(text).strip():
            return f'<font color="#888888">{self.empty}</font>'
        return self.esc(text)

    def p(self, markup: str, style=None) -> Flowable:
        return para(markup, style or self.s.body)

    def notes(self, text: str, label: str | None = None) -> list[Flowable]:
        if not text or not text.strip():
            return []
        head = f"<b>{label or self.t('メモ', 'Notes')}</b>: " if label is not False else ""
        return [self.p(head + self.esc(text))]

    def date_label(self, d: date | None) -> str:
        if d is None:
            return self.empty
        if self.lang == "en":
            return f"{d:%Y-%m-%d}"
        try:
            return era_date_label(d)
        except PlannerError:
            return f"{d.year}年{d.month}月{d.day}日"

    def short_date(self, d: date | None) -> str:
        if d is None:
            return self.empty
        return f"{d:%Y-%m-%d}" if self.lang == "en" else f"{d.year}/{d.month}/{d.day}"

    def period(self, start: date | None, end: date | None) -> str:
        if start is None and end is None:
            return self.empty
        return f"{self.short_date(start)} – {self.short_date(end)}"

    def fy(self, fy: int) -> str:
        """令和7年度（2025年度） / FY2025 (Reiwa 7)."""
        if self.lang == "en":
            from ..domain.fiscal import fiscal_year_label

            return fiscal_year_label(fy, "en")
        try:
            return f"{era_year_label(fy)}（{fy}年度）"
        except PlannerError:
            return f"{fy}年度"

    def fy_short(self, fy: int) -> str:
        if self.lang == "en":
            return f"FY{fy}"
        try:
            return era_year_label(fy)
        except PlannerError:
            return f"{fy}年度"

    def yen(self, amount: int) -> str:
        return format_yen(amount, self.lang)

    def people(self, n: int) -> str:
        return self.t(f"{n:,}人", f"{n:,}")

    def field_table(self, rows: Sequence[tuple[str, str]], label_mm: float = 42) -> Flowable:
        """Label | value (markup) pairs, as in a form."""
        width = self.doc.portrait_width
        data = [[para(self.esc(k), self.s.cell_head), para(v, self.s.cell)] for k, v in rows]
        split = int(any(len(v) > LONG_CELL for _k, v in rows))
        table = Table(data, colWidths=[label_mm * mm, width - label_mm * mm], hAlign="LEFT",
                      splitInRow=split)  # fmt: skip
        table.spaceAfter = 6
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), GOTHIC, 8.5, 12),
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))  # fmt: skip
        return table

    def table(self, header, rows, widths_mm, total_rows: int = 0) -> list[Flowable]:
        if not rows:
            return [self.p(self.value(""))]
        return data_table(header, rows, widths_mm, self.s, self.esc, total_rows=total_rows)

    def chapter(self, key: str, title: str, room_mm: float = 70) -> list[Flowable]:
        """A chapter heading; starts a new page unless ``room_mm`` is left on this one."""
        self.toc.append((key, title, 0))
        return [
            CondPageBreak(room_mm * mm),
            Heading(self.esc(title), self.s.h1, key=key, outline=self.clean(title)),
            _Rule(self.doc.portrait_width),
        ]

    def section(self, title: str) -> Flowable:
        return self.p(self.esc(title), self.s.h2)

    def assessment(self, task) -> Assessment:
        found = self._assessments.get(task.id)
        if found is None:
            found = assess_in_plan(self.plan, task, self.catalog)
            self._assessments[task.id] = found
        return found

    def mark(self, level: Suitability) -> str:
        return f"{level.mark} {level.label.get(self.lang)}"

    # -- the whole document -------------------------------------------------------------

    def title(self) -> str:
        name = self.plan.municipality.name.strip() or self.empty
        return self.t(f"{name}テレワーク導入実施計画（案）",
                      f"{name} Telework Implementation Plan (draft)")  # fmt: skip

    def story(self) -> list[Flowable]:
        body: list[Flowable] = []
        body += self.overview()
        steps = {s.number: s for s in self.catalog.steps}
        makers = {
            1: self.step1, 2: self.step2, 3: self.step3, 4: self.step4, 5: self.step5,
            6: self.step6, 7: self.step7, 8: self.step8, 9: self.step9, 10: self.step10,
        }  # fmt: skip
        for n in range(1, 11):
            body += self.step_chapter(n, steps.get(n), makers[n])
        body += self.cost_chapter()
        body += self.schedule_chapter()
        body += self.appendix()
        # the cover and the contents come first but are made last: the contents need self.toc
        return [*self.cover(), *self.contents(), *body]

    # -- cover and contents -------------------------------------------------------------

    def cover(self) -> list[Flowable]:
        mu = self.plan.municipality
        years = self.plan.fiscal_years
        period = f"{self.fy(years[0])} – {self.fy(years[-1])}" if years else self.empty
        body_h = self.doc.portrait_height
        out: list[Flowable] = [
            NextPageTemplate("portrait"),
            Spacer(1, body_h * 0.22),
            self.p(self.esc(self.title()), self.s.cover_title),
            Spacer(1, 10 * mm),
            self.p(
                self.esc(self.t(f"計画期間　{period}", f"Plan period: {period}")), self.s.cover_sub
            ),  # fmt: skip
            Spacer(1, body_h * 0.25),
            self.p(self.esc(self.date_label(date.today())), self.s.cover_meta),
            Spacer(1, 4 * mm),
            self.p(self.esc(f"{mu.prefecture}　{mu.name}".strip()), self.s.cover_meta),
        ]
        if mu.department.strip():
            out.append(self.p(self.esc(mu.department), self.s.cover_meta))
        out.append(PageBreak())
        return out

    def contents(self) -> list[Flowable]:
        width = self.doc.portrait_width
        rows = []
        for key, title, level in self.toc:
            self.doc.expected_refs.add(key)
            indent = "　" if level else ""
            rows.append([para(indent + self.esc(title), self.s.toc), PageRef(key, 16 * mm)])
        table = Table(rows, colWidths=[width - 20 * mm, 20 * mm], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), GOTHIC, 11, 16),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#BBBBBB")),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))  # fmt: skip
        return [
            self.p(self.t("目　次", "Contents"), self.s.h1),
            _Rule(width),
            Spacer(1, 4 * mm),
            table,
            PageBreak(),
        ]

    # -- overview -------------------------------------------------------------------------

    def overview(self) -> list[Flowable]:
        plan, mu = self.plan, self.plan.municipality
        out = self.chapter("overview", self.t("計画の概要", "Overview"))
        years = plan.fiscal_years
        period = f"{self.fy(years[0])} – {self.fy(years[-1])}"
        selected = plan.selected_tasks()
        counts = {lv: 0 for lv in Suitability}
        for _u, task in selected:
            counts[self.assessment(task).level] += 1
        access = self.catalog.access_method(plan.access_method)
        fci = mu.fiscal_capacity_index
        rows = [
            (self.t("団体名", "Municipality"), self.value(f"{mu.prefecture} {mu.name}".strip())),
            (self.t("担当部署・作成者", "Department, author"),
             self.value("　".join(x for x in (mu.department, mu.author) if x.strip()))),
            (self.t("計画期間", "Plan period"), self.esc(period)),
            (self.t("職員数", "Staff"), self.esc(self.t(
                f"一般行政職員 {mu.general_staff:,}人（全職員 {mu.all_staff:,}人）",
                f"{mu.general_staff:,} general administrative staff ({mu.all_staff:,} in all)"))),
            (self.t("財政力指数", "Fiscal capacity index"),
             self.esc(str(fci)) if fci is not None else self.value("")),
            (self.t("テレワーク実施予定者", "Planned teleworkers"),
             self.esc(self.t(f"{plan.teleworkers():,}人（{len(plan.units)}課）",
                             f"{plan.teleworkers():,} in {len(plan.units)} units"))),
            (self.t("対象業務", "Target tasks"), self.esc(self.t(
                f"{len(selected)}件（◎適 {counts[Suitability.SUITABLE]}件・○条件付き "
                f"{counts[Suitability.CONDITIONAL]}件・×不適 {counts[Suitability.UNSUITABLE]}件）",
                f"{len(selected)} (◎ {counts[Suitability.SUITABLE]}, ○ "
                f"{counts[Suitability.CONDITIONAL]}, × {counts[Suitability.UNSUITABLE]})"))),
            (self.t("接続方式", "Access method"), self.esc(access.name.get(self.lang))),
        ]  # fmt: skip
        est, error = self._adopted()
        if est is not None:
            p = est.period
            rows.append((
                self.t("経費見込み（計画期間）", "Costs over the period"),
                self.esc(self.t(
                    f"事業費 {self.yen(p.total)}、特別交付税措置見込額 {self.yen(p.subsidy)}、"
                    f"実質負担額 {self.yen(p.net)}（概算）",
                    f"cost {self.yen(p.total)}, estimated subsidy {self.yen(p.subsidy)}, "
                    f"net burden {self.yen(p.net)} (estimate)")),
            ))  # fmt: skip
        elif error:
            rows.append((self.t("経費見込み", "Costs"), self.esc(error)))
        out.append(self.field_table(rows))
        out += warnings_section(self)  # issue 14: the plan's warnings for the council
        out.append(self.section(self.t("導入の目的", "Purposes")))
        out += self._purpose_list()
        out.append(self.section(self.t("全国の導入状況との比較", "Compared with other bodies")))
        bench = self.catalog.benchmarks
        pos = benchmark_position(mu.general_staff, bench)
        out.append(self.p(self.esc(pos.text.get(self.lang))))
        overall = bench.raw.get("overall", [])
        lines = []
        for item in overall:
            if item.get("previous_year"):
                continue
            label = item.get("label", {}).get(self.lang, "")
            rate = item.get("adoption_rate")
            try:
                pct = f"{float(rate) * 100:.1f}%"
            except (TypeError, ValueError):
                continue
            lines.append(self.t(f"{label}: {item.get('bodies', 0):,}団体（{pct}）",
                                f"{label}: {item.get('bodies', 0):,} bodies ({pct})"))  # fmt: skip
        if lines:
            out.append(self.p("<br/>".join("・" + self.esc(x) for x in lines), self.s.small))
        out.append(self.p(self.esc(self.t("出典: ", "Source: ") + bench.source.get(self.lang)),
                          self.s.note))  # fmt: skip
        return out

    def _purpose_list(self) -> list[Flowable]:
        names = {o.id: o.text.get(self.lang) for o in self.catalog.purposes}
        items = [names.get(pid, pid) for pid in self.plan.purposes]
        items += [c for c in self.plan.custom_purposes if c.strip()]
        if not items:
            return [self.p(self.value(""))]
        return [self.p("<br/>".join(f"{i}. {self.esc(x)}" for i, x in enumerate(items, 1)))]

    # -- chapters 1–10 ----------------------------------------------------------------------

    def step_chapter(self, n: int, step, maker) -> list[Flowable]:
        title = step.title.get(self.lang) if step else str(n)
        out = self.chapter(f"step{n}", self.t(f"第{n}章　{title}", f"Chapter {n}. {title}"))
        record = self.plan.steps.get(n)
        if step:
            out.append(self.p(self.esc(step.purpose.get(self.lang)), self.s.small))
        if record is not None:
            done = sum(1 for e in record.checklist.values() if e.done)
            total = len(step.checklist) if step else len(record.checklist)
            out.append(self.p(self.esc(self.t(
                f"実施期間: {self.period(record.start, record.end)}　／　"
                f"チェックリスト: {total}項目中 {done}項目完了（付録B）",
                f"Period: {self.period(record.start, record.end)}  /  "
                f"checklist: {done} of {total} done (appendix B)")), self.s.note))  # fmt: skip
        out += maker()
        if record is not None and record.notes.strip():
            out.append(self.section(self.t("メモ", "Notes")))
            out.append(self.p(self.esc(record.notes)))
        return out

    def step1(self) -> list[Flowable]:
        plan = self.plan
        out = [self.field_table([
            (self.t("推進責任者", "Responsible leader"), self.value(plan.leader)),
            (self.t("会議の進め方", "Meetings"), self.value(plan.meeting_plan)),
        ])]  # fmt: skip
        out.append(self.section(self.t("推進チームの構成", "The team")))
        rows = [[m.name, m.role, m.department] for m in plan.members]
        out += self.table([self.t("氏名", "Name"), self.t("役割", "Role"),
                           self.t("所属", "Department")], rows, [45, 55, 65])  # fmt: skip
        return out

    def step2(self) -> list[Flowable]:
        out = [self.section(self.t("導入の目的", "Purposes"))]
        out += self._purpose_list()
        out.append(self.section(self.t("目標（KPI）", "Targets (KPIs)")))
        rows = [
            [k.name, k.baseline or self.empty, k.target or self.empty,
             self.fy_short(k.fiscal_year) if k.fiscal_year else self.empty]
            for k in self.plan.kpis
        ]  # fmt: skip
        out += self.table([self.t("指標", "Indicator"), self.t("現状値", "Baseline"),
                           self.t("目標値", "Target"), self.t("達成年度", "By")],
                          rows, [62, 36, 42, 25])  # fmt: skip
        return out

    def step3(self) -> list[Flowable]:
        plan = self.plan
        layers = "、".join(L.label(L.NETWORK_LAYER, x, self.lang) for x in plan.network_layers)
        out = [self.field_table([
            (self.t("既存の端末（持ち出し可能）", "Existing devices"),
             self.esc(self.t(f"{plan.existing_devices:,}台", f"{plan.existing_devices:,}"))),
            (self.t("ネットワーク構成", "Network segments"), self.value(layers)),
            (self.t("既存の規程", "Existing rules"), self.value(plan.existing_rules)),
            (self.t("現状の課題・メモ", "Findings"), self.value(plan.current_notes)),
        ])]  # fmt: skip
        out.append(self.section(self.t("課・係ごとの職員数", "Staff by unit")))
        rows = [[u.name, Num(f"{u.staff:,}")] for u in plan.units]
        if rows:
            rows.append([Markup(f"<b>{self.t('合計', 'Total')}</b>"),
                         Num(f"{sum(u.staff for u in plan.units):,}")])  # fmt: skip
        out += self.table([self.t("課・係", "Unit"), self.t("職員数（人）", "Staff")], rows,
                          [120, 45], total_rows=1 if rows else 0)  # fmt: skip
        return out

    def step4(self) -> list[Flowable]:
        plan = self.plan
        total = sum(len(u.tasks) for u in plan.units)
        selected = plan.selected_tasks()
        out = [self.p(self.esc(self.t(
            f"登録した業務 {total}件のうち、{len(selected)}件をテレワークの対象とします。"
            "適性は業務ごとに、扱う情報、ネットワーク（三層分離）、紙への依存、窓口・現場の有無、"
            "連携の必要性と、第7章の接続方式・ツールから判定しています（◎適／○条件付き／×不適）。"
            "全業務の一覧は付録Aにあります。",
            f"Of {total} tasks listed, {len(selected)} are chosen for telework. Suitability is "
            "judged task by task from the information used, the network segment, paper, counter "
            "or on-site work and coordination, under the access method and tools of chapter 7 "
            "(◎ suitable / ○ possible with conditions / × not suitable). Appendix A lists all "
            "tasks.")))]  # fmt: skip
        unsuitable = [t.name for _u, t in selected
                      if self.assessment(t).level is Suitability.UNSUITABLE]  # fmt: skip
        if unsuitable:
            out.append(self.p('<font color="#B00000">' + self.esc(self.t(
                "※ 不適（×）と判定された業務が対象に含まれています: ",
                "Note: tasks judged not suitable (×) are included: ") + "、".join(unsuitable))
                + "</font>", self.s.small))  # fmt: skip
        if not selected:
            out.append(self.p(self.value("")))
        for unit in plan.units:
            tasks = [t for t in unit.tasks if t.selected]
            if not tasks:
                continue
            out.append(self.p(self.esc(self.t(
                f"{unit.name}（対象 {len(tasks)}件／{len(unit.tasks)}件）",
                f"{unit.name} ({len(tasks)} of {len(unit.tasks)} tasks)")), self.s.h3))  # fmt: skip
            rows = []
            for t in tasks:
                a = self.assessment(t)
                reasons = "<br/>".join("・" + self.esc(r.text.get(self.lang)) for r in a.reasons)
                if t.note.strip():
                    reasons += "<br/>" + self.esc(self.t("備考: ", "Note: ") + t.note)
                rows.append([t.name, Center(self.mark(a.level)), Markup(reasons)])
            out += self.table([self.t("業務", "Task"), self.t("適性", "Suitability"),
                               self.t("判定の理由", "Reasons")], rows, [50, 22, 93])  # fmt: skip
        return out

    def _forms(self, unit: Unit) -> tuple[str, str, str, str]:
        f = unit.form
        where = [x for x, on in ((self.t("在宅", "home"), f.home),
                                 (self.t("サテライト", "satellite"), f.satellite),
                                 (self.t("モバイル", "mobile"), f.mobile)) if on]  # fmt: skip
        places = "・".join(where) if where else self.empty
        if f.max_days:
            cap = self.t(
                f"{L.label(L.CAP_PERIOD, f.cap_period, 'ja')}{f.max_days}日まで",
                f"{f.max_days} days a {L.label(L.CAP_PERIOD, f.cap_period, 'en')}",
            )
        else:
            cap = self.t("上限なし", "no cap")
        unit_label = L.label(L.TIME_UNIT, f.time_unit, self.lang)
        if f.application_days == 0:
            deadline = self.t("当日可", "same day")
        elif f.application_days == 1:
            deadline = self.t("前日まで", "day before")
        else:
            deadline = self.t(f"{f.application_days}日前まで", f"{f.application_days} days ahead")
        return places, cap, unit_label, deadline

    def step5(self) -> list[Flowable]:
        plan = self.plan
        out = [
            self.p(
                self.esc(
                    self.t(
                        f"テレワークの実施予定者は{plan.teleworkers():,}人です。課ごとの実施形態は次のとおりです。",
                        f"{plan.teleworkers():,} staff are planned to telework. The forms by unit:",
                    )
                )
            )
        ]
        rows = []
        for u in plan.units:
            places, cap, unit_label, deadline = self._forms(u)
            rows.append([u.name, Num(f"{u.staff:,}"), Num(f"{u.teleworkers:,}"), places, cap,
                         unit_label, deadline])  # fmt: skip
        if rows:
            rows.append([Markup(f"<b>{self.t('合計', 'Total')}</b>"),
                         Num(f"{sum(u.staff for u in plan.units):,}"),
                         Num(f"{plan.teleworkers():,}"), "", "", "", ""])  # fmt: skip
        out += self.table(
            [self.t("課・係", "Unit"), self.t("職員数", "Staff"), self.t("実施者", "Tele-workers"),
             self.t("実施場所", "Where"), self.t("上限", "Cap"), self.t("単位", "Unit of time"),
             self.t("申請期限", "Apply")],
            rows, [44, 15, 15, 28, 22, 20, 21], total_rows=1 if rows else 0)  # fmt: skip
        return out

    def step6(self) -> list[Flowable]:
        rows = [[r.name, Center(L.label(L.RULE_STATUS, r.status, self.lang)), r.owner or self.empty]
                for r in self.plan.rules]  # fmt: skip
        done = sum(1 for r in self.plan.rules if r.status == "done")
        out = [
            self.p(
                self.esc(
                    self.t(
                        f"整備する規程・ルール {len(rows)}項目（うち完了 {done}項目）",
                        f"{len(rows)} rules to prepare ({done} done)",
                    )
                )
            )
        ]
        out += self.table([self.t("規程・ルール", "Rule"), self.t("状況", "Status"),
                           self.t("担当", "Owner")], rows, [100, 22, 43])  # fmt: skip
        return out

    def step7(self) -> list[Flowable]:
        plan = self.plan
        access = self.catalog.access_method(plan.access_method)
        tools = "、".join(L.label(L.TOOL, x, self.lang) for x in plan.tools)
        method = self.esc(access.name.get(self.lang))
        if access.id != "none":
            method += "<br/>" + self.esc(access.description.get(self.lang))
        return [
            self.field_table([
                (self.t("接続方式", "Access method"), method),
                (self.t("端末", "Devices"), self.esc(L.label(L.DEVICE_POLICY, plan.device_policy,
                                                               self.lang))),
                (self.t("端末の台数", "Number of devices"), self.esc(self.t(
                    f"実施予定者 {plan.teleworkers():,}人、既存端末 {plan.existing_devices:,}台、"
                    f"新たに必要な端末 {plan.devices_needed():,}台",
                    f"{plan.teleworkers():,} teleworkers, {plan.existing_devices:,} existing "
                    f"devices, {plan.devices_needed():,} new devices needed"))),
                (self.t("コミュニケーションツール", "Communication tools"), self.value(tools)),
            ]),
            self.p(self.esc(self.t("経費の見込みは第11章に示します。",
                                   "Chapter 11 gives the cost estimate.")), self.s.note),
        ]  # fmt: skip

    def step8(self) -> list[Flowable]:
        items = self.plan.security
        done = sum(1 for s in items if s.status in ("done", "not_applicable"))
        out = [self.p(self.esc(self.t(
            "総務省「テレワークセキュリティガイドライン」の考え方に沿い、経営者（幹部）、"
            f"システム管理者、テレワーク勤務者の役割ごとに対策を整理しました（{len(items)}項目中 "
            f"{done}項目が完了または対象外）。",
            "Measures are grouped by role (management, system administrators, teleworkers) "
            f"following MIC's telework security guideline ({done} of {len(items)} done or not "
            "applicable).")))]  # fmt: skip
        if not items:
            out.append(self.p(self.value("")))
        roles = list(L.ROLE) + sorted({s.role for s in items} - set(L.ROLE))
        for role in roles:
            rows = [[s.text, Center(L.label(L.MEASURE_STATUS, s.status, self.lang))]
                    for s in items if s.role == role]  # fmt: skip
            if not rows:
                continue
            out.append(self.p(self.esc(L.label(L.ROLE, role, self.lang)), self.s.h3))
            out += self.table([self.t("対策", "Measure"), self.t("状況", "Status")], rows,
                              [143, 22])  # fmt: skip
        return out

    def step9(self) -> list[Flowable]:
        events = sorted(self.plan.training, key=lambda e: (e.day is None, e.day or date.min))
        rows = [[Num(self.short_date(e.day)), e.name, e.audience or self.empty, e.note]
                for e in events]  # fmt: skip
        return self.table([self.t("実施日", "Date"), self.t("研修・周知", "Event"),
                           self.t("対象", "Audience"), self.t("備考", "Note")],
                          rows, [24, 60, 36, 45])  # fmt: skip

    def step10(self) -> list[Flowable]:
        rows = [[Center(L.label(L.PHASE_KIND, ph.kind, self.lang)), ph.name,
                 Num(self.period(ph.start, ph.end)), ph.measures or self.empty]
                for ph in self.plan.phases]  # fmt: skip
        return self.table([self.t("段階", "Phase"), self.t("名称", "Name"),
                           self.t("期間", "Period"), self.t("効果検証の方法", "How it is evaluated")],
                          rows, [20, 45, 42, 58])  # fmt: skip

    # -- chapter 11: costs ----------------------------------------------------------------

    def _adopted(self):
        try:
            return costs.adopted_estimate(self.plan, self.catalog.subsidy_rules), None
        except PlannerError as e:
            return None, e.text(self.lang)

    def _rule_note(self, y: costs.YearEstimate) -> str:
        if y.rule is None:
            return self.t("措置なし（制度開始前）", "no measure (before it began)")
        rate = f"{y.rule.rate.numerator}/{y.rule.rate.denominator}"
        base = self.t(f"{self.fy_short(y.rule.fiscal_year)}の措置（措置率{rate}）",
                      f"rule of FY{y.rule.fiscal_year} (rate {rate})")  # fmt: skip
        if y.assumed:
            return self.t(f"{ASSUMED_JA}　{base}を仮定", f"{ASSUMED_EN} {base} carried forward")
        return base

    def cost_chapter(self) -> list[Flowable]:
        out = self.chapter("costs", self.t("第11章　経費見込み", "Chapter 11. Cost estimate"),
                           room_mm=110)  # fmt: skip
        est, error = self._adopted()
        if error:
            out.append(self.p('<font color="#B00000">' + self.esc(error) + "</font>"))
        if est is None:
            if not error:
                out.append(self.p(self.value("")))
            return out + self._scenario_section()
        out.append(
            self.p(
                self.esc(
                    self.t(
                        f"採用する経費シナリオ「{est.scenario_name}」による年度別の見込みです。",
                        f'Estimate by fiscal year for the adopted scenario "{est.scenario_name}".',
                    )
                )
            )
        )
        rows_yen, rows_k = [], []
        for y in est.years:
            note = self._rule_note(y)
            rows_yen.append([self.fy(y.fiscal_year), Num(self.yen(y.total)), Num(self.yen(y.eligible)),
                             Num(self.yen(y.subsidy)), Num(self.yen(y.net)), note])  # fmt: skip
            rows_k.append([self.fy(y.fiscal_year), Num(format_thousand_yen(y.total)),
                           Num(format_thousand_yen(y.eligible)), Num(format_thousand_yen(y.subsidy)),
                           Num(format_thousand_yen(y.net))])  # fmt: skip
        p = est.period
        total_label = Markup(f"<b>{self.t('計画期間計', 'Total')}</b>")
        rows_yen.append([total_label, Num(self.yen(p.total)), Num(self.yen(p.eligible)),
                         Num(self.yen(p.subsidy)), Num(self.yen(p.net)), ""])  # fmt: skip
        rows_k.append([total_label, Num(format_thousand_yen(p.total)),
                       Num(format_thousand_yen(p.eligible)), Num(format_thousand_yen(p.subsidy)),
                       Num(format_thousand_yen(p.net))])  # fmt: skip
        head = [self.t("年度", "Fiscal year"), self.t("事業費", "Total cost"),
                self.t("うち対象経費", "Eligible"), self.t("特別交付税措置見込額", "Est. subsidy"),
                self.t("実質負担額", "Net burden")]  # fmt: skip
        out.append(self.section(self.t("11.1 年度別の見込み（円）", "11.1 By fiscal year (yen)")))
        out += self.table([*head, self.t("備考（適用した措置）", "Rule applied")], rows_yen,
                          [36, 23, 23, 23, 23, 37], total_rows=1)  # fmt: skip
        out.append(Spacer(1, 3 * mm))
        out += self.table([f"{h}{self.t('（千円）', ' (¥1,000)')}" if i else h
                           for i, h in enumerate(head)],
                          rows_k, [45, 30, 30, 30, 30], total_rows=1)  # fmt: skip
        out += self._cost_notes(est)
        if est.period.total > 0:
            out.append(self._cost_chart(est))
        out += self._cost_lines()
        out += self._scenario_section()
        return out

    def _cost_notes(self, est: costs.Estimate) -> list[Flowable]:
        mu = self.plan.municipality
        mult = est.multiplier
        mult_s = str(self.plan.fiscal_capacity_multiplier)
        if mult.denominator != 1 and str(mult) != mult_s:
            mult_s = f"{mult_s}"
        fci = mu.fiscal_capacity_index
        fci_s = str(fci) if fci is not None else self.empty
        rules = sorted({y.rule for y in est.years if y.rule is not None},
                       key=lambda r: r.fiscal_year)  # fmt: skip
        rates = "、".join(f"{self.fy_short(r.fiscal_year)} {r.rate.numerator}/{r.rate.denominator}"
                         for r in rules) or self.empty  # fmt: skip
        assumed = est.assumed_years
        lines = [
            self.t(
                "特別交付税措置見込額 ＝ 対象経費 × 措置率 × 財政力に応じた乗率（端数は措置の規定により処理）。"
                f"適用した措置率: {rates}。乗率: {mult_s}（財政力指数: {fci_s}）。",
                "Estimated subsidy = eligible cost × rate × multiplier for fiscal capacity "
                f"(rounded as the rule says). Rates applied: {rates}. Multiplier: {mult_s} "
                f"(fiscal capacity index: {fci_s}).",
            ),
            self.t(
                "乗率は都道府県から示される財政力補正の率を入力したもので、既定値1.0は補正なしを表します。",
                "The multiplier is the fiscal-capacity correction given by the prefecture; the "
                "default 1.0 means no correction.",
            ),
        ]
        if assumed:
            years = "、".join(self.fy_short(y) for y in assumed)
            lines.append(self.t(
                f"{ASSUMED_JA}: {years}は当該年度の措置が未公表のため、直近の年度の措置が続くものと仮定しています。",
                f"{ASSUMED_EN}: no rule is published yet for {years}; the latest earlier rule is "
                "assumed to continue.",
            ))  # fmt: skip
        lines.append(self.t(
            "措置額は概算の見込みであり、交付を保証するものではありません。実際の額は国の算定により決まります。",
            "The subsidy is an estimate, not a guaranteed amount: the actual figure is set by the "
            "national calculation.",
        ))  # fmt: skip
        return [self.p(self.esc(x if x.startswith(("※", "*")) else "※ " + x), self.s.note)
                for x in lines]  # fmt: skip

    def _cost_chart(self, est: costs.Estimate) -> Flowable:
        from . import charts
        from .fonts import matplotlib_family  # noqa: F401 - registers the font

        labels = [self.fy_short(y.fiscal_year) + ("※" if y.assumed else "") for y in est.years]
        sub = [y.subsidy / 1000 for y in est.years]
        net = [y.net / 1000 for y in est.years]
        w_mm, h_mm = 150, 62
        img = charts.cost_bars(
            [self.clean(x) for x in labels], sub, net,
            {"subsidy": self.t("特別交付税措置見込額", "Estimated subsidy"),
             "net": self.t("実質負担額", "Net burden"), "unit": self.t("千円", "¥1,000")},
            w_mm, h_mm,
        )  # fmt: skip
        return KeepTogether([
            self.p(self.esc(self.t("図 年度別の事業費（特別交付税措置見込額と実質負担額）",
                                   "Figure: cost by fiscal year (estimated subsidy and net burden)")),
                   self.s.h3),
            _image(img, w_mm, h_mm),
        ])  # fmt: skip

    def _cost_lines(self) -> list[Flowable]:
        scenario = self.plan.adopted_scenario()
        if scenario is None:
            return []
        out = [self.section(self.t("11.2 経費の内訳", "11.2 Cost items"))]
        rows = []
        for line in scenario.lines:
            try:
                qty = costs.line_quantity(line, self.plan)
                amount = Num(self.yen(costs.line_amount(line, self.plan)))
            except PlannerError as e:
                qty, amount = 0, e.text(self.lang)
            basis = L.label(L.QUANTITY_BASIS, line.quantity_basis, self.lang)
            years = (self.fy_short(line.start_fy) if line.recurrence == "one_time"
                     else f"{self.fy_short(line.start_fy)}–{self.fy_short(line.end_fy)}")  # fmt: skip
            if line.eligible_override is None:
                elig = self.t("区分による", "by category")
            else:
                elig = self.t("対象", "eligible") if line.eligible_override else self.t("対象外", "not eligible")
            name = self.esc(line.name)
            if line.eligible_override is not None and line.override_reason.strip():
                name += '<br/><font size="7.5">' + self.esc(self.t(
                    f"※{elig}とした理由: {line.override_reason}",
                    f"* {elig}: {line.override_reason}")) + "</font>"  # fmt: skip
            cat = self.catalog.category_name(line.category).get(self.lang)
            fixed = line.quantity_basis == "fixed"
            qty_text = (f"{qty:,}" if fixed else self.t(f"{qty:,}（{basis}）", f"{qty:,} ({basis})"))
            rows.append([Markup(name), cat, Num(self.yen(line.unit_price)),
                         Num(qty_text) if fixed else qty_text, amount, years, elig])  # fmt: skip
        out += self.table([self.t("品目", "Item"), self.t("区分", "Category"), self.t("単価", "Unit price"),
                           self.t("数量", "Qty"), self.t("年度額", "Per year"),
                           self.t("計上年度", "Years"), self.t("措置対象", "Eligible")],
                          rows, [35, 30, 19, 21, 21, 20, 19])  # fmt: skip
        return out

    def _scenario_section(self) -> list[Flowable]:
        plan = self.plan
        if not plan.scenarios:
            return []
        out = [self.section(self.t("11.3 シナリオの比較（計画期間計）",
                                   "11.3 Scenarios compared (whole period)"))]  # fmt: skip
        adopted = plan.adopted_scenario()
        rows, names, sub, net = [], [], [], []
        for s in plan.scenarios:
            name = s.name + (
                self.t("（採用）", " (adopted)") if adopted and s.id == adopted.id else ""
            )
            try:
                e = costs.estimate(plan, s, self.catalog.subsidy_rules)
            except PlannerError as err:
                rows.append([name, err.text(self.lang), "", "", ""])
                continue
            p = e.period
            rows.append([name, Num(self.yen(p.total)), Num(self.yen(p.eligible)),
                         Num(self.yen(p.subsidy)), Num(self.yen(p.net))])  # fmt: skip
            names.append(fit_text(self.clean(name), GOTHIC, 7.5, 40 * mm))
            sub.append(p.subsidy / 1000)
            net.append(p.net / 1000)
        out += self.table([self.t("シナリオ", "Scenario"), self.t("事業費", "Total cost"),
                           self.t("うち対象経費", "Eligible"), self.t("措置見込額", "Est. subsidy"),
                           self.t("実質負担額", "Net burden")], rows, [53, 28, 28, 28, 28])  # fmt: skip
        if len(names) >= 2:
            from . import charts

            w_mm, h_mm = 150, 24 + 10 * len(names)
            img = charts.scenario_bars(
                names, sub, net,
                {"subsidy": self.t("特別交付税措置見込額", "Estimated subsidy"),
                 "net": self.t("実質負担額", "Net burden"), "unit": self.t("千円", "¥1,000")},
                w_mm, h_mm,
            )  # fmt: skip
            out.append(KeepTogether([
                self.p(self.esc(self.t("図 シナリオ別の事業費（計画期間計）",
                                       "Figure: total cost by scenario")), self.s.h3),
                _image(img, w_mm, h_mm),
            ]))  # fmt: skip
        for s in plan.scenarios:
            if s.note.strip():
                out += self.notes(s.note, self.clean(s.name))
        return out

    # -- chapter 12: schedule ---------------------------------------------------------------

    def gantt_rows(self) -> list[GanttRow]:
        from .preview import schedule_rows

        return [GanttRow(fit_text(self.clean(r.label), GOTHIC, 8.5, 58 * mm), r.kind, r.start, r.end)
                for r in schedule_rows(self.plan, self.catalog, self.lang)]  # fmt: skip

    def schedule_chapter(self) -> list[Flowable]:
        out = self.chapter("schedule", self.t("第12章　スケジュール", "Chapter 12. Schedule"))
        rows = self.gantt_rows()
        dated = [d for r in rows for d in (r.start, r.end) if d is not None]
        out.append(self.p(self.esc(self.t(
            "手順、試行・本格導入の段階、研修の日程を年度の月ごとに示します（図は次ページ以降、A4横）。",
            "Steps, phases and training by fiscal-year month (chart on the following landscape "
            "page(s)).")), self.s.body))  # fmt: skip
        table_rows = [[r.label, Num(self.period(r.start, r.end) if r.kind != "training"
                                    else self.short_date(r.start))] for r in rows]  # fmt: skip
        out += self.table([self.t("項目", "Item"), self.t("期間・日付", "Period / date")],
                          table_rows, [115, 50])  # fmt: skip
        if not dated:
            (
                out.append(
                    self.p(
                        self.esc(
                            self.t(
                                "日程が未記入のため、工程表は作成していません。",
                                "No dates entered yet, so there is no chart.",
                            )
                        )
                    )
                ),
            )
            return out
        first = min(fiscal_year_of(d) for d in dated)
        last = max(fiscal_year_of(d) for d in dated)
        first = min(first, self.plan.municipality.fiscal_year)
        last = max(last, min(self.plan.fiscal_years[-1], first + 2))
        last = min(last, first + 9)  # a stray far-off date must not add pages of empty chart
        from . import charts

        w_mm = self.doc.landscape_width / mm
        h_full = self.doc.landscape_height / mm - 12
        out.append(NextPageTemplate("landscape"))
        out.append(PageBreak())
        years_per_page = GANTT_MONTHS_PER_PAGE // 12
        legend = {"step": self.t("手順", "Step")}
        for kind in ("preparation", "trial", "evaluation", "rollout"):
            if any(r.kind == kind for r in rows):
                legend[kind] = L.label(L.PHASE_KIND, kind, self.lang)
        if any(r.kind == "training" for r in rows):
            legend["training"] = self.t("研修・周知", "Training")
        pages = []
        for fy0 in range(first, last + 1, years_per_page):
            n_years = min(years_per_page, last - fy0 + 1)
            for r0 in range(0, len(rows), GANTT_ROWS_PER_PAGE):
                pages.append((fy0, n_years, rows[r0 : r0 + GANTT_ROWS_PER_PAGE]))
        for i, (fy0, n_years, chunk) in enumerate(pages):
            h_mm = min(h_full, 24 + 6.2 * len(chunk))
            img = charts.gantt(chunk, fy0, n_years,
                               [self.clean(self.fy(y)) for y in range(fy0, fy0 + n_years)],
                               legend, w_mm, h_mm)  # fmt: skip
            caption = self.t(f"工程表（{self.fy_short(fy0)}〜{self.fy_short(fy0 + n_years - 1)}）",
                             f"Schedule (FY{fy0}–FY{fy0 + n_years - 1})")  # fmt: skip
            out.append(self.p(self.esc(caption), self.s.h2))
            out.append(_image(img, w_mm, h_mm))
            if i < len(pages) - 1:
                out.append(PageBreak())
        out.append(NextPageTemplate("portrait"))
        out.append(PageBreak())
        return out

    # -- appendix ---------------------------------------------------------------------------

    def appendix(self) -> list[Flowable]:
        out = self.chapter(
            "appendix_a", self.t("付録A　業務一覧（全業務）", "Appendix A. All tasks")
        )
        rows = []
        for u in self.plan.units:
            for t in u.tasks:
                a = self.assessment(t)
                reasons = " ".join(
                    r.text.get(self.lang) for r in a.reasons if r.level > Suitability.SUITABLE
                )
                rows.append([u.name, t.name, Center(a.level.mark), reasons or "—",
                             Center("✓" if t.selected else "")])  # fmt: skip
        out.append(
            self.p(
                self.esc(
                    self.t(
                        "理由欄には条件付き（○）・不適（×）の理由のみを示します。✓は対象として選んだ業務です。",
                        "Reasons are shown for ○ and × only. ✓ marks the tasks chosen.",
                    )
                ),
                self.s.note,
            )
        )
        out += self.table([self.t("課・係", "Unit"), self.t("業務", "Task"), self.t("適性", "Suit."),
                           self.t("条件・不適の理由", "Conditions / reasons"), self.t("対象", "Chosen")],
                          rows, [32, 45, 12, 64, 12])  # fmt: skip
        out += self.chapter("appendix_b", self.t("付録B　チェックリスト", "Appendix B. Checklists"))
        for step in self.catalog.steps:
            rec = self.plan.steps.get(step.number)
            entries = rec.checklist if rec else {}
            rows = []
            for item in step.checklist:
                e = entries.get(item.id)
                rows.append([Center("■" if e and e.done else "□"), item.text.get(self.lang),
                             e.note if e and e.note.strip() else ""])  # fmt: skip
            done = sum(
                1 for item in step.checklist if entries.get(item.id) and entries[item.id].done
            )
            out.append(self.p(self.esc(self.t(
                f"第{step.number}章　{step.title.ja}（{done}／{len(step.checklist)}）",
                f"Chapter {step.number}. {step.title.en} ({done}/{len(step.checklist)})")),
                self.s.h3))  # fmt: skip
            out += self.table([self.t("済", "Done"), self.t("確認項目", "Item"),
                               self.t("メモ", "Note")], rows, [11, 109, 45])  # fmt: skip
        out.append(self.p(self.esc(self.t("■ 済　□ 未了", "■ done  □ open")), self.s.note))
        out += self.chapter(
            "appendix_c", self.t("付録C　出典と注記", "Appendix C. Sources and notes")
        )
        items = [
            self.t("手順とチェックリスト: 総務省「地方公共団体におけるテレワーク推進のための手引き」（2021年4月）の10の手順を基に本プログラムがまとめたもの。",
                   "Steps and checklists: our summary of the ten steps of MIC's guide on promoting telework in local government (April 2021)."),
        ]  # fmt: skip
        for r in self.catalog.subsidy_rules:
            items.append(f"{self.fy_short(r.fiscal_year)}: {r.source.get(self.lang)}")
        items.append(self.t("全国の導入状況: ", "Adoption figures: ")
                     + self.catalog.benchmarks.source.get(self.lang))  # fmt: skip
        items.append(
            self.t(
                "書体: BIZ UDゴシック、BIZ UD明朝（SIL Open Font License 1.1）。",
                "Typefaces: BIZ UD Gothic and BIZ UD Mincho (SIL Open Font License 1.1).",
            )
        )
        out += [self.p("・" + self.esc(x), self.s.small) for x in items]
        return out


ASSUMED_JA = "※仮定"
ASSUMED_EN = "*assumed"


class _Rule(Flowable):
    """A thin coloured line under a chapter heading."""

    def __init__(self, width: float) -> None:
        super().__init__()
        self.width = width

    def wrap(self, avail_w, avail_h):
        return min(self.width, avail_w), 5 * mm

    def draw(self):
        self.canv.setStrokeColor(colors.HexColor("#1F4E79"))
        self.canv.setLineWidth(1.2)
        self.canv.line(0, 4 * mm, self.width, 4 * mm)


def _image(fig, w_mm: float, h_mm: float) -> Flowable:
    from .charts import ChartFlowable

    return ChartFlowable(fig, w_mm, h_mm)


__all__ = ["ReportBuilder", "GOTHIC_BOLD"]
