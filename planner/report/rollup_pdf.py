"""The roll-up as a PDF (issue 24): A4 landscape pages, tables and a chart.

``rollup_document`` lays the roll-up out once as content (``content.Document``): the
totals per fiscal year with a stacked bar chart (subsidy and net burden), the size
classes beside the national adoption rate, a row a plan, the years whose recorded rule
differs from this PC's (both figures), and the files refused or left out. Amounts are in
千円 (rounded half up, each figure from its yen: a total is the rounded total). The
plan's own PDF writer draws it (fonts, glyph checks, escaping, chunked tables), every
page turned to landscape (``RollupPdfWriter``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..domain.catalog import Catalog
from ..domain.fiscal import short_fy_label
from ..domain.money import format_thousand_yen as k
from ..domain.progress import StepState
from ..domain.rollup import SIZE_CLASSES
from ..domain.rollup_totals import Rollup, by_size, by_year
from . import content as c
from .layout import register_reportlab_fonts
from .pdf_writer import PdfWriter
from .result import PDF
from .textsafe import TextGuard

SIZE_WORDS = {code: (ja, en) for code, _lo, _hi, ja, en in SIZE_CLASSES}


def _t(lang: str, ja: str, en: str) -> str:
    return en if lang == "en" else ja


def _table(heads: list[tuple[str, float]], rows: list[list[c.Cell]], totals: int = 0) -> c.Table:
    widths = c.widths(*(w for _h, w in heads))
    columns = tuple(c.Head(h, w) for (h, _w), w in zip(heads, widths, strict=True))
    return c.Table(columns, tuple(tuple(r) for r in rows), total_rows=totals)


def rollup_document(rollup: Rollup, catalog: Catalog, lang: str = "ja") -> c.Document:
    t = lambda ja, en: _t(lang, ja, en)  # noqa: E731
    title = t("テレワーク導入計画の集計", "Roll-up of telework plans")
    cut = t("（読み込みを中断: 読み込んだ分のみ）", " (reading cancelled: what was read)")
    lead = t(
        f"計画 {len(rollup.plans)}件（ファイル {rollup.files}件）。金額は千円（千円未満四捨五入）、"
        "各計画に記録された措置ルールによる見込みです。",
        f"{len(rollup.plans)} plans ({rollup.files} files). Amounts in ¥1,000 (rounded), "
        "estimates with the rules recorded in each plan.",
    ) + (cut if rollup.cancelled else "")
    chapters = [
        c.Chapter("years", t("年度別の合計", "Totals by fiscal year"),
                  [c.Paragraph(c.Text((lead,)), "small"), *_years(rollup, t, lang)]),
        c.Chapter("sizes", t("規模別の集計と全国の導入率", "By size class, beside national adoption"),
                  _sizes(rollup, catalog, t, lang)),
        c.Chapter("plans", t("計画一覧", "Plans"), _plans(rollup, catalog, t, lang)),
    ]  # fmt: skip
    gaps = _gaps(rollup, t, lang)
    if gaps:
        chapters.append(c.Chapter("rules", t("措置ルールの相違", "Rules that differ"), gaps))
    files = _files(rollup, t)
    if files:
        chapters.append(c.Chapter("files", t("読み込めなかったファイル・重複", "Files refused or left out"), files))  # fmt: skip
    return c.Document(lang, title, title, "Telework Planner", None, "", chapters)


def _years(rollup: Rollup, t: Any, lang: str) -> list[c.Block]:
    rows, years = [], by_year(rollup)
    for y in years:
        m = y.money
        rows.append([c.Cell(short_fy_label(y.fiscal_year, lang)), c.num(str(y.plans)),
                     c.num(k(m.total)), c.num(k(m.eligible)), c.num(k(m.subsidy)),
                     c.num(k(m.net)), c.num(k(y.subsidy_local))])  # fmt: skip
    p = rollup.period
    local = sum(y.subsidy_local for y in years)
    rows.append([c.Cell(t("合計", "Total")), c.num(str(len(rollup.plans))), c.num(k(p.total)),
                 c.num(k(p.eligible)), c.num(k(p.subsidy)), c.num(k(p.net)), c.num(k(local))])  # fmt: skip
    heads = [(t("年度", "Fiscal year"), 30), (t("計画数", "Plans"), 16),
             (t("事業費", "Cost"), 30), (t("うち対象経費", "Eligible"), 30),
             (t("特別交付税措置見込額", "Subsidy (est.)"), 30), (t("実質負担額", "Net burden"), 30),
             (t("措置見込額（このPCのルール）", "Subsidy (this PC's rules)"), 34)]  # fmt: skip
    chart = c.BarChart(
        tuple(short_fy_label(y.fiscal_year, lang) for y in years),
        (c.Series(t("特別交付税措置見込額", "Subsidy (est.)"),
                  tuple(y.money.subsidy / 1000 for y in years), "subsidy"),
         c.Series(t("実質負担額", "Net burden"), tuple(y.money.net / 1000 for y in years), "net")),
        t("千円", "¥1,000"),
    )  # fmt: skip
    return [_table(heads, rows, totals=1),
            c.Figure(chart, 85, 0.7, t("年度別の事業費（措置見込額と実質負担額）",
                                       "Cost by fiscal year (subsidy and net burden)"))]  # fmt: skip


def _sizes(rollup: Rollup, catalog: Catalog, t: Any, lang: str) -> list[c.Block]:
    rows = []
    for r in by_size(rollup, catalog.benchmarks):
        rate = t("調査に区分なし", "no figure") if r.national_rate is None else f"{r.national_rate * 100:.1f}%"  # fmt: skip
        share = _t(lang, *SIZE_WORDS[r.code])
        rows.append([c.Cell(share), c.num(str(r.plans)), c.num(f"{r.general_staff:,}"),
                     c.num(f"{r.teleworkers:,}"), c.num(str(r.selected_tasks)),
                     c.num(k(r.period.total)), c.num(k(r.period.subsidy)), c.num(k(r.period.net)),
                     c.num(rate)])  # fmt: skip
    heads = [(t("一般行政職員数", "General staff"), 30), (t("計画数", "Plans"), 14),
             (t("職員数計", "Staff"), 18), (t("実施人数", "Teleworkers"), 18),
             (t("選定業務", "Tasks"), 16), (t("事業費", "Cost"), 26),
             (t("措置見込額", "Subsidy"), 26), (t("実質負担額", "Net"), 26),
             (t("全国の導入率", "National adoption"), 24)]  # fmt: skip
    src = catalog.benchmarks.source.get(lang)
    return [_table(heads, rows), c.Paragraph(c.Text((t("全国の導入率: ", "National adoption: ") + src,)), "note")]  # fmt: skip


def _plans(rollup: Rollup, catalog: Catalog, t: Any, lang: str) -> list[c.Block]:
    rows = []
    for p in rollup.plans:
        m = p.period
        local = k(p.period_local.subsidy) if p.gaps else ""
        method = p.access_method_en if lang == "en" else p.access_method
        rows.append([c.Cell(p.prefecture), c.Cell(p.municipality), c.num(f"{p.general_staff:,}"),
                     c.Cell(_t(lang, *SIZE_WORDS[p.size_class])), c.Cell(_steps(p.steps, t)),
                     c.Cell(catalog.words.label("network_model", p.network_model, lang)),
                     c.Cell(method), c.num(str(p.teleworkers)),
                     c.centred("/".join(str(n) for n in p.selected)),
                     c.num(k(m.total)), c.num(k(m.eligible)), c.num(k(m.subsidy)),
                     c.num(k(m.net)), c.num(local), c.num(str(len(p.warnings)))])  # fmt: skip
    total = rollup.period
    rows.append([c.Cell(t("合計", "Total")), c.Cell(""), c.num(f"{sum(p.general_staff for p in rollup.plans):,}"),
                 c.Cell(""), c.Cell(""), c.Cell(""), c.Cell(""),
                 c.num(f"{sum(p.teleworkers for p in rollup.plans):,}"),
                 c.centred("/".join(str(sum(p.selected[i] for p in rollup.plans)) for i in range(3))),
                 c.num(k(total.total)), c.num(k(total.eligible)), c.num(k(total.subsidy)),
                 c.num(k(total.net)), c.num(k(sum(p.period_local.subsidy for p in rollup.plans if p.gaps))),
                 c.num(str(sum(len(p.warnings) for p in rollup.plans)))])  # fmt: skip
    heads = [(t("都道府県", "Pref."), 13), (t("団体名", "Municipality"), 20),
             (t("職員", "Staff"), 10), (t("規模", "Size"), 20), (t("手順", "Steps"), 26),
             (t("NW", "Net."), 14), (t("アクセス方式", "Access method"), 30),
             (t("実施人数", "Tele-\nworkers"), 11), ("◎/○/×", 13), (t("事業費", "Cost"), 16),
             (t("対象経費", "Eligible"), 16), (t("措置見込", "Subsidy"), 16),
             (t("実質負担", "Net"), 16), (t("措置見込（PCのルール）", "Subsidy (PC rules)"), 16),
             (t("警告", "Warn."), 8)]  # fmt: skip
    note = t("手順: 10手順のうち完了・作業中の数。◎/○/×: 選定業務の適性ごとの件数。金額は計画期間の合計（千円）。",
             "Steps: of the ten, how many are done and in progress. ◎/○/×: selected tasks by "
             "suitability. Amounts: the plan period (¥1,000).")  # fmt: skip
    return [c.Paragraph(c.Text((note,)), "note"), _table(heads, rows, totals=1)]


def _steps(marks: str, t: Any) -> str:
    done, doing = marks.count(StepState.DONE.mark), marks.count(StepState.IN_PROGRESS.mark)
    return t(f"完了 {done}・作業中 {doing}", f"{done} done, {doing} in progress")


def _gaps(rollup: Rollup, t: Any, lang: str) -> list[c.Block]:
    rows = [[c.Cell(p.municipality), c.Cell(short_fy_label(g.fiscal_year, lang)),
             c.Cell(g.recorded), c.Cell(g.local or t("（このPCにルールなし）", "(none on this PC)")),
             c.num(k(g.subsidy_recorded)), c.num(k(g.subsidy_local)),
             c.num(k(g.net_recorded)), c.num(k(g.net_local))]
            for p in rollup.plans for g in p.gaps]  # fmt: skip
    if not rows:
        return []
    heads = [(t("団体名", "Municipality"), 22), (t("年度", "FY"), 16),
             (t("計画に記録されたルール", "Rule recorded in the plan"), 50),
             (t("このPCのルール", "This PC's rule"), 50), (t("措置見込（計画）", "Subsidy (plan)"), 18),
             (t("措置見込（PC）", "Subsidy (PC)"), 18), (t("実質負担（計画）", "Net (plan)"), 18),
             (t("実質負担（PC）", "Net (PC)"), 18)]  # fmt: skip
    return [_table(heads, rows)]


def _files(rollup: Rollup, t: Any) -> list[c.Block]:
    rows = [[c.Cell(f.path), c.Cell(t("読み込めず", "refused")), c.Cell(t(f.ja, f.en))]
            for f in rollup.refused]  # fmt: skip
    for d in rollup.duplicates:
        rows += [[c.Cell(left), c.Cell(t("重複（除外）", "duplicate (left out)")),
                  c.Cell(t(f"同じ計画（計画ID {d.plan_id}）の新しい版「{d.used}」を使用",
                           f"the newer file of the same plan (id {d.plan_id}) is used: {d.used}"))]
                 for left in d.left_out]  # fmt: skip
    if rollup.cancelled:
        rows.append([c.Cell(t(f"未読 {rollup.not_read}件", f"{rollup.not_read} not read")),
                     c.Cell(t("中断", "cancelled")), c.Cell("")])  # fmt: skip
    if not rows:
        return []
    return [_table([(t("ファイル", "File"), 80), (t("結果", "Result"), 22),
                    (t("理由", "Reason"), 90)], rows)]  # fmt: skip


class RollupPdfWriter(PdfWriter):
    """The plan's PDF writer with every page in landscape; writes ``(rollup, catalog)``."""

    format = PDF

    def __init__(self, lang: str = "ja") -> None:
        super().__init__(TextGuard(register_reportlab_fonts()))
        self.lang = lang

    def write(self, document: Any, path: Path) -> None:
        rollup, catalog = document
        super().write(rollup_document(rollup, catalog, self.lang), path)

    def story(self, document: c.Document) -> list:
        self._landscape = True
        self.doc._firstPageTemplateIndex = 2  # "landscape", with the header
        self.doc.portrait_width = self.doc.landscape_width  # tables and rules: the wide frame
        self.doc.portrait_height = self.doc.landscape_height
        body = []
        for chapter in document.chapters:
            body += self.chapter(chapter)
        return body


__all__ = ["RollupPdfWriter", "rollup_document"]
