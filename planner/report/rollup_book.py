"""The roll-up workbook (集計表, issue 24): one sheet a view, totals as formulas.

1. 計画一覧 — a row a plan: the municipality and its prefecture, staff and size class,
   steps done, network model, access method, teleworkers, selected tasks ◎/○/×, the
   period's cost, eligible cost, estimated subsidy and net burden (with the rules
   recorded in the plan) and, where a year's rule differs from this PC's (the
   prefecture's), the subsidy with this PC's rule; the number of warnings; the file.
   Total row: ``SUM``.
2. 年度別 — a row a plan and fiscal year, and the totals per fiscal year as ``SUMIF`` over
   those rows (a row moved to another year moves its amount).
3. 規模別 — the size classes (≤100, 101–300, >300 general staff) with ``COUNTIF`` /
   ``SUMIF`` over 計画一覧, beside the national adoption rate of the survey.
4. ルールの相違 — each plan and year whose recorded rule differs from this PC's: both
   rules, and the subsidy and net burden under each.
5. 警告 — each plan's warnings.
6. 読み込み結果 — the files refused with their reason, the duplicates and which file was
   used, and whether the reading was cancelled.

Written in Japanese (it goes to the prefecture's staff); every text from a file passes
``textsafe.clean_plain``. ``XlsxBookWriter`` writes it (formulas carry their results).
"""

from __future__ import annotations

from ..domain.catalog import Catalog
from ..domain.fiscal import short_fy_label
from ..domain.rollup import SIZE_CLASSES, Money
from ..domain.rollup_totals import Rollup, by_size, by_year
from .sheets import Book, Formula, Sheet, ref, span
from .textsafe import clean_plain

LIST, YEARS, SIZES, GAPS, WARNINGS, FILES = ("計画一覧", "年度別", "規模別", "ルールの相違",
                                              "警告", "読み込み結果")  # fmt: skip
PLAN_HEADS = ["都道府県", "団体名", "一般行政職員数", "規模区分", "手順の状況", "完了した手順",
              "ネットワークのモデル", "リモートアクセスの方式", "テレワーク実施人数",
              "選定業務 ◎", "選定業務 ○", "選定業務 ×", "事業費", "うち対象経費",
              "特別交付税措置見込額", "実質負担額", "措置見込額（このPCのルール）", "警告",
              "ファイル"]  # fmt: skip
PLAN_WIDTHS = [9.0, 16.0, 9.0, 11.0, 13.0, 7.0, 11.0, 22.0, 9.0, 7.0, 7.0, 7.0,
               13.0, 13.0, 13.0, 13.0, 13.0, 6.0, 40.0]  # fmt: skip
STAFF, SIZE, TELE, MARKS, MONEY, LOCAL = 2, 3, 8, 9, 12, 16  # columns of 計画一覧
SIZE_LABEL = {code: ja for code, _lo, _hi, ja, _en in SIZE_CLASSES}
HEAD_ROW = 3  # the heads of every table sheet; the first row of data is the next one


def rollup_book(rollup: Rollup, catalog: Catalog, lang: str = "ja") -> Book:
    """The workbook's content; ``lang`` is the messages' (the workbook is Japanese)."""
    book = Book("テレワーク導入計画の集計")
    book.sheets += [_plans(rollup, catalog), _years(rollup), _sizes(rollup, catalog),
                    _gaps(rollup), _warnings(rollup), _files(rollup)]  # fmt: skip
    return book


def _title(sheet: Sheet, rollup: Rollup, text: str, across: int) -> None:
    sheet.put(0, 0, f"テレワーク導入計画の集計　{text}", "title", across=across)
    cut = "　読み込みを中断しました（読み込んだ分のみ）" if rollup.cancelled else ""
    sheet.put(1, 0, f"計画 {len(rollup.plans)}件（ファイル {rollup.files}件）　（単位: 円）"
              f"　金額は各計画に記録された措置ルールによる見込み{cut}", "sub", across=across)  # fmt: skip


def _heads(sheet: Sheet, heads: list[str]) -> None:
    for col, head in enumerate(heads):
        sheet.put(HEAD_ROW, col, head, "head")


def _total(sheet: Sheet, r: int, cols: range, figures: list[int], label: str = "合計") -> None:
    first = HEAD_ROW + 1
    sheet.put(r, 0, label, "total_text")
    for col, figure in zip(cols, figures, strict=True):
        value = Formula(f"=SUM({ref(first, col)}:{ref(r - 1, col)})", figure) if r > first else 0
        sheet.put(r, col, value, "total_yen")


def _fields(m: Money) -> tuple[int, int, int, int]:
    return m.total, m.eligible, m.subsidy, m.net


def _plans(rollup: Rollup, catalog: Catalog) -> Sheet:
    sheet = Sheet(LIST, list(PLAN_WIDTHS), repeat=(HEAD_ROW, HEAD_ROW), freeze=(HEAD_ROW + 1, 2))
    _title(sheet, rollup, "計画一覧", 12)
    _heads(sheet, PLAN_HEADS)
    r = HEAD_ROW + 1
    for p in rollup.plans:
        texts = [p.prefecture, p.municipality]
        for col, text in enumerate(texts):
            sheet.put(r, col, clean_plain(text))
        sheet.put(r, STAFF, p.general_staff, "count")
        sheet.put(r, SIZE, SIZE_LABEL[p.size_class])
        sheet.put(r, 4, p.steps)
        sheet.put(r, 5, p.steps_done, "count")
        sheet.put(r, 6, catalog.words.label("network_model", p.network_model, "ja"))
        sheet.put(r, 7, clean_plain(p.access_method))
        sheet.put(r, TELE, p.teleworkers, "count")
        for i, n in enumerate(p.selected):
            sheet.put(r, MARKS + i, n, "count")
        m = p.period
        for i, figure in enumerate((m.total, m.eligible, m.subsidy, m.net)):
            sheet.put(r, MONEY + i, figure, "yen")
        sheet.put(r, LOCAL, p.period_local.subsidy if p.gaps else None, "yen")
        sheet.put(r, 17, len(p.warnings), "count")
        sheet.put(r, 18, clean_plain(p.path))
        r += 1
    total = rollup.period
    local = sum(p.period_local.subsidy for p in rollup.plans if p.gaps)
    _total(sheet, r, range(TELE, LOCAL + 1),
           [sum(p.teleworkers for p in rollup.plans),
            *(sum(p.selected[i] for p in rollup.plans) for i in range(3)),
            total.total, total.eligible, total.subsidy, total.net, local])  # fmt: skip
    return sheet


YEAR_HEADS = ["年度", "年度（西暦）", "団体", "事業費", "うち対象経費", "特別交付税措置見込額",
              "実質負担額", "措置見込額（このPCのルール）"]  # fmt: skip


def _years(rollup: Rollup) -> Sheet:
    sheet = Sheet(YEARS, [12.0, 10.0, 24.0, *[14.0] * 5], repeat=(HEAD_ROW, HEAD_ROW),
                  freeze=(HEAD_ROW + 1, 0))  # fmt: skip
    _title(sheet, rollup, "年度別", 8)
    rows = by_year(rollup)
    # the totals first (a glance), then the rows they sum
    _heads(sheet, ["年度", "年度（西暦）", "計画数", *YEAR_HEADS[3:]])
    first_row = HEAD_ROW + 2 + len(rows) + 2  # the plan rows, after the totals and a gap
    last_row = first_row + sum(len(p.years) for p in rollup.plans) - 1
    for i, y in enumerate(rows):
        r = HEAD_ROW + 1 + i
        sheet.put(r, 0, short_fy_label(y.fiscal_year), "total_text")
        sheet.put(r, 1, y.fiscal_year, "total_text")
        years = span(first_row, 1, max(first_row, last_row), 1)
        sheet.put(r, 2, Formula(f"=COUNTIF({years},{ref(r, 1)})", y.plans), "total_yen")
        local = y.subsidy_local
        for col, figure in zip(range(3, 8), (y.money.total, y.money.eligible, y.money.subsidy,
                                             y.money.net, local), strict=True):  # fmt: skip
            cells = span(first_row, col, max(first_row, last_row), col)
            sheet.put(r, col, Formula(f"=SUMIF({years},{ref(r, 1)},{cells})", figure),
                      "total_yen")  # fmt: skip
    r = HEAD_ROW + 1 + len(rows)
    sheet.put(r, 0, "合計", "total_text")
    for col, figure in zip(range(3, 8), (*_fields(rollup.period), sum(y.subsidy_local for y in rows)),
                           strict=True):  # fmt: skip
        cells = f"{ref(HEAD_ROW + 1, col)}:{ref(r - 1, col)}"
        sheet.put(r, col, Formula(f"=SUM({cells})", figure) if rows else 0, "total_yen")
    r = first_row - 1
    for col, head in enumerate(YEAR_HEADS):
        sheet.put(r, col, head, "head")
    r = first_row
    for p in rollup.plans:
        gaps = {g.fiscal_year: g for g in p.gaps}
        for y in p.years:
            sheet.put(r, 0, short_fy_label(y.fiscal_year))
            sheet.put(r, 1, y.fiscal_year, "count")
            sheet.put(r, 2, clean_plain(f"{p.prefecture} {p.municipality}"))
            m = y.money
            gap = gaps.get(y.fiscal_year)
            for col, figure in zip(range(3, 8), (m.total, m.eligible, m.subsidy, m.net,
                                                 m.subsidy if gap is None else gap.subsidy_local),
                                   strict=True):  # fmt: skip
                sheet.put(r, col, figure, "yen")
            r += 1
    return sheet


def _sizes(rollup: Rollup, catalog: Catalog) -> Sheet:
    heads = ["規模区分（一般行政職員数）", "計画数", "一般行政職員数", "テレワーク実施人数",
             "事業費", "うち対象経費", "特別交付税措置見込額", "実質負担額",
             "全国の導入率（調査）"]  # fmt: skip
    sheet = Sheet(SIZES, [24.0, 8.0, 12.0, 12.0, 14.0, 14.0, 14.0, 14.0, 14.0],
                  repeat=(HEAD_ROW, HEAD_ROW))  # fmt: skip
    _title(sheet, rollup, "規模別", 9)
    _heads(sheet, heads)
    n = len(rollup.plans)
    sizes = span(HEAD_ROW + 1, SIZE, HEAD_ROW + max(1, n), SIZE, sheet=LIST)
    r = HEAD_ROW + 1
    for row in by_size(rollup, catalog.benchmarks):
        sheet.put(r, 0, row.ja)
        sheet.put(r, 1, Formula(f'=COUNTIF({sizes},"{row.ja}")', row.plans), "count")
        figures = (row.general_staff, row.teleworkers, row.period.total, row.period.eligible,
                   row.period.subsidy, row.period.net)  # fmt: skip
        for col, (src, figure) in enumerate(zip((STAFF, TELE, MONEY, MONEY + 1, MONEY + 2,
                                                 MONEY + 3), figures, strict=True), 2):  # fmt: skip
            cells = span(HEAD_ROW + 1, src, HEAD_ROW + max(1, n), src, sheet=LIST)
            sheet.put(r, col, Formula(f'=SUMIF({sizes},"{row.ja}",{cells})', figure),
                      "count" if col < 4 else "yen")  # fmt: skip
        rate = row.national_rate
        sheet.put(r, 8, "調査に区分なし" if rate is None else f"{rate * 100:.1f}%")
        r += 1
    total = rollup.period
    _total(sheet, r, range(1, 8), [n, sum(p.general_staff for p in rollup.plans),
                                   sum(p.teleworkers for p in rollup.plans), total.total,
                                   total.eligible, total.subsidy, total.net])  # fmt: skip
    bench = catalog.benchmarks
    sheet.put(r + 2, 0, "全国の導入率: " + clean_plain(bench.source.ja), "note", across=9)
    sheet.heights[r + 2] = 42.0
    return sheet


def _gaps(rollup: Rollup) -> Sheet:
    heads = ["団体名", "年度", "計画に記録されたルール", "このPCのルール（県のルールファイル）",
             "措置見込額（計画のルール）", "措置見込額（このPCのルール）",
             "実質負担額（計画のルール）", "実質負担額（このPCのルール）"]  # fmt: skip
    sheet = Sheet(GAPS, [16.0, 12.0, 40.0, 40.0, 14.0, 14.0, 14.0, 14.0],
                  repeat=(HEAD_ROW, HEAD_ROW))  # fmt: skip
    _title(sheet, rollup, "計画の措置ルールとこのPCのルールの相違", 8)
    _heads(sheet, heads)
    r = HEAD_ROW + 1
    for p in rollup.plans:
        for g in p.gaps:
            sheet.put(r, 0, clean_plain(p.municipality))
            sheet.put(r, 1, short_fy_label(g.fiscal_year))
            sheet.put(r, 2, clean_plain(g.recorded), "wrap")
            sheet.put(r, 3, clean_plain(g.local) or "（このPCにルールなし）", "wrap")
            for col, figure in enumerate((g.subsidy_recorded, g.subsidy_local, g.net_recorded,
                                          g.net_local), 4):  # fmt: skip
                sheet.put(r, col, figure, "yen")
            r += 1
    if r == HEAD_ROW + 1:
        sheet.put(r, 0, "相違はありません。", "text", across=8)
    return sheet


def _warnings(rollup: Rollup) -> Sheet:
    sheet = Sheet(WARNINGS, [16.0, 100.0], repeat=(HEAD_ROW, HEAD_ROW))
    _title(sheet, rollup, "警告", 2)
    _heads(sheet, ["団体名", "確認が必要な点"])
    r = HEAD_ROW + 1
    for p in rollup.plans:
        for ja, _en in p.warnings:
            sheet.put(r, 0, clean_plain(p.municipality))
            sheet.put(r, 1, clean_plain(ja), "wrap")
            r += 1
    return sheet


def _files(rollup: Rollup) -> Sheet:
    sheet = Sheet(FILES, [50.0, 14.0, 70.0], repeat=(HEAD_ROW, HEAD_ROW))
    _title(sheet, rollup, "読み込み結果", 3)
    _heads(sheet, ["ファイル", "結果", "理由・説明"])
    r = HEAD_ROW + 1
    for f in rollup.refused:
        sheet.put(r, 0, clean_plain(f.path), "wrap")
        sheet.put(r, 1, "読み込めず")
        sheet.put(r, 2, clean_plain(f.ja), "wrap")
        r += 1
    for d in rollup.duplicates:
        for left in d.left_out:
            sheet.put(r, 0, clean_plain(left), "wrap")
            sheet.put(r, 1, "重複（除外）")
            sheet.put(r, 2, clean_plain(f"{d.municipality}の同じ計画（計画ID {d.plan_id}）の"
                                        f"新しい版「{d.used}」を使用"), "wrap")  # fmt: skip
            r += 1
    if rollup.cancelled:
        sheet.put(r, 0, f"読み込みを中断しました。未読のファイル {rollup.not_read}件", "wrap",
                  across=3)  # fmt: skip
        r += 1
    if r == HEAD_ROW + 1:
        sheet.put(r, 0, "すべてのファイルを読み込みました。", "text", across=3)
    return sheet
