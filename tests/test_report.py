"""The PDF plan: what a reader sees, checked on the text extracted from the PDF."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date

import pytest
from pypdf import PdfReader

from planner.domain.builders import new_plan
from planner.domain.costs import adopted_estimate, compare_scenarios
from planner.domain.fiscal import era_year_label
from planner.domain.model import Task, TrainingEvent, Unit
from planner.domain.money import format_thousand_yen, format_yen
from planner.report import ExportResult, ReportError, export_pdf

from .report_fixtures import big_plan, full_plan


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def squash(text: str) -> str:
    """Text without any whitespace: wrapped lines in the PDF join up again."""
    return re.sub(r"\s+", "", text)


def found_in_pieces(text: str, name: str) -> bool:
    """``name`` (written in a few distinct characters) is in the text, maybe split by page breaks.

    A table row that runs over a page is continued on the next one, after the
    page header and the repeated column heads: the pieces must join up to the
    whole name, in order, with nothing lost.
    """
    # pieces are whole lines (10+ characters); shorter runs are other text in between
    runs = re.findall("[" + re.escape("".join(set(name))) + "]{10,}", squash(text))
    for start in range(len(runs)):
        acc = ""
        for run in runs[start:]:
            acc += run
            if acc == name:
                return True
            if not name.startswith(acc):
                break
    return False


@pytest.fixture(scope="module")
def full(catalog):
    return full_plan(catalog)


@pytest.fixture(scope="module")
def full_ja(full, catalog, tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf") / "plan.pdf"
    result = export_pdf(full, out, lang="ja", catalog=catalog)
    return result, pdf_text(out)


def test_result_and_cover(full_ja, full):
    result, text = full_ja
    assert isinstance(result, ExportResult)
    assert result.path.is_file() and result.pages == len(PdfReader(result.path).pages) > 10
    assert result.warnings == []
    assert "さくら町テレワーク導入実施計画（案）" in text
    assert "長野県" in text and "総務課 職員係" in text
    # fiscal years in era and western form
    assert "令和7年度（2025年度）" in text and "令和9年度（2027年度）" in text
    for n in range(1, 13):
        assert f"第{n}章" in text
    assert "目" in text and "付録A" in text and "付録B" in text


def test_every_selected_task_is_printed(full_ja, full):
    _result, text = full_ja
    flat = squash(text)
    selected = full.selected_tasks()
    assert len(selected) > 20
    for _unit, task in selected:
        assert squash(task.name) in flat, task.name
    for unit in full.units:
        assert unit.name in text


def test_cost_figures_exactly_as_the_domain_gives_them(full_ja, full, catalog):
    _result, text = full_ja
    est = adopted_estimate(full, catalog.subsidy_rules)
    assert est is not None and len(est.years) == 3
    for y in est.years:
        for amount in (y.total, y.eligible, y.subsidy, y.net):
            assert format_yen(amount) in text, (y.fiscal_year, amount)
            assert format_thousand_yen(amount) in text
    for amount in (est.period.total, est.period.subsidy, est.period.net):
        assert format_yen(amount) in text
    # the bundled rules end with FY2024: every plan year is assumed, and says so
    assert est.assumed_years == [2025, 2026, 2027]
    assert text.count("※仮定") >= 3
    assert "令和6年度の措置" in text
    assert "交付を保証するものではありません" in text
    assert "財政力補正の乗率0.9（財政力指数: 0.35）" in text
    assert "措置率0.5" in text and "1,000円未満切り捨て" in text
    # every scenario's period figures, for the comparison
    for e in compare_scenarios(full, catalog.subsidy_rules):
        assert format_yen(e.period.total) in text and format_yen(e.period.net) in text


def test_suitability_marks_and_reasons(full_ja):
    _result, text = full_ja
    assert "◎ 適" in text and "○ 条件付き" in text
    assert "LGWAN接続系の業務です" in text  # a reason, from the domain's own text


def test_benchmark_paragraph(full_ja):
    _result, text = full_ja
    assert "一般行政職員101〜300人の団体" in squash(text)
    assert "61.9%" in text


def test_schedule_is_on_a_landscape_page_with_readable_labels(full_ja):
    result, _text = full_ja
    reader = PdfReader(result.path)
    landscape = [p for p in reader.pages if p.mediabox.width > p.mediabox.height]
    assert landscape, "the Gantt chart needs an A4 landscape page"
    chart = landscape[0].extract_text()
    assert "工程表" in chart
    # the chart is vector text, so its labels are in the PDF as text
    assert "1 推進体制の構築" in chart and "令和8年度（2026年度）" in chart


def test_contents_and_outline_point_at_the_chapters(full_ja):
    result, _text = full_ja
    reader = PdfReader(result.path)
    outline = reader.outline
    titles = [o.title for o in outline]
    assert "第11章　経費見込み" in titles and "第12章　スケジュール" in titles
    contents = reader.pages[1].extract_text()
    for item in outline:
        page = reader.get_destination_page_number(item)
        assert squash(item.title) in squash(reader.pages[page].extract_text())
        # the contents page prints that page number after the title
        assert re.search(re.escape(squash(item.title)) + str(page + 1), squash(contents)), (
            item.title
        )


def _fonts(reader: PdfReader):
    """Every font dictionary on every page and in every form XObject."""

    def walk(resources, seen):
        resources = resources.get_object() if resources else {}
        for font in (resources.get("/Font") or {}).values():
            yield font.get_object()
        for xobj in (resources.get("/XObject") or {}).values():
            xobj = xobj.get_object()
            if id(xobj) not in seen and xobj.get("/Subtype") == "/Form":
                seen.add(id(xobj))
                yield from walk(xobj.get("/Resources"), seen)

    for page in reader.pages:
        yield from walk(page.get("/Resources"), set())


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_font_is_embedded_and_none_is_a_base14_font(catalog, full, tmp_path, lang):
    out = tmp_path / f"plan-{lang}.pdf"
    export_pdf(full, out, lang=lang, catalog=catalog)
    fonts = list(_fonts(PdfReader(out)))
    assert fonts
    for font in fonts:
        name = str(font["/BaseFont"])
        assert "Helvetica" not in name and "Times" not in name and "Courier" not in name, name
        assert "BIZUD" in name, name
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), name
    # running text in the proportional face, figures in the fixed-width one
    names = {str(f["/BaseFont"]).split("+")[-1] for f in fonts}
    assert {"BIZUDPGothic-Regular", "BIZUDPGothic-Bold", "BIZUDGothic-Regular"} <= names, names


def test_english_output(catalog, full, tmp_path):
    out = tmp_path / "plan-en.pdf"
    export_pdf(full, out, lang="en", catalog=catalog)
    text = pdf_text(out)
    assert "さくら町 Telework Implementation Plan (draft)" in text
    assert "FY2025 (Reiwa 7)" in text
    est = adopted_estimate(full, catalog.subsidy_rules)
    for y in est.years:
        assert format_yen(y.total, "en") in text and format_yen(y.net, "en") in text
    assert "*assumed" in text
    assert "not a guaranteed amount" in text
    assert "Chapter 12. Schedule" in text


@pytest.mark.parametrize("lang,marker", [("ja", "未記入"), ("en", "not yet entered")])
def test_an_empty_plan_still_exports(catalog, municipality, tmp_path, lang, marker):
    plan = new_plan(municipality, catalog)
    plan.rules, plan.security, plan.scenarios = [], [], []
    out = tmp_path / "empty.pdf"
    result = export_pdf(plan, out, lang=lang, catalog=catalog)
    text = pdf_text(out)
    assert result.pages >= 5
    assert text.count(marker) >= 10
    assert municipality.name in text


HOSTILE = '<b>R&D</b> <img src="/etc/passwd"/> &amp; A<B'


def test_markup_and_control_characters_print_as_typed(catalog, municipality, tmp_path):
    plan = new_plan(municipality, catalog)
    long_name = "あいうえおかきくけこ" * 200  # 2,000 characters
    plan.units = [
        Unit(name="企画課<script>", staff=10, teleworkers=2, tasks=[
            Task(name=HOSTILE, selected=True, note="一行目\n二行目"),
            Task(name="制御\x00文字\x07の\x1b[31m業務\u202e", selected=True),
            Task(name=long_name, selected=True),
        ]),
    ]  # fmt: skip
    plan.leader = "課長\nA&B"
    plan.training = [TrainingEvent(name="$x$ の研修 & <i>説明</i>", day=date(2025, 6, 1))]
    out = tmp_path / "hostile.pdf"
    result = export_pdf(plan, out, catalog=catalog)
    text = pdf_text(out)
    flat = squash(text)
    assert squash(HOSTILE) in flat
    assert "企画課<script>" in text
    assert "制御文字の[31m業務" in flat  # control characters dropped, the rest as typed
    assert "\x00" not in text and "\x07" not in text and "\u202e" not in text
    assert "一行目\n二行目" in text  # the newline is kept
    assert "課長\nA&B" in text
    assert found_in_pieces(text, long_name)
    assert "$x$の研修&<i>説明</i>" in flat  # also in the Gantt chart, not read as mathtext
    assert result.warnings == []


def test_characters_missing_from_the_font_are_warned_not_boxed(catalog, municipality, tmp_path):
    plan = new_plan(municipality, catalog)
    plan.units = [Unit(name="総務課", staff=5, teleworkers=1, tasks=[
        Task(name="𠮷田さんの引継ぎ😀", selected=True),
    ])]  # fmt: skip
    for lang in ("ja", "en"):
        out = tmp_path / f"glyph-{lang}.pdf"
        result = export_pdf(plan, out, lang=lang, catalog=catalog)
        assert len(result.warnings) == 2
        assert "U+20BB7" in result.warnings[0] and "𠮷" in result.warnings[0]
        assert "U+1F600" in result.warnings[1]
        assert "〓田さんの引継ぎ〓" in pdf_text(out)


def test_big_plan_exports_every_task(catalog, tmp_path):
    plan = big_plan(catalog)
    out = tmp_path / "big.pdf"
    result = export_pdf(plan, out, catalog=catalog)
    flat = squash(pdf_text(out))
    for unit in plan.units:
        for task in unit.tasks:
            assert squash(task.name) in flat
    reader = PdfReader(out)
    assert sum(1 for p in reader.pages if p.mediabox.width > p.mediabox.height) >= 2
    assert result.pages == len(reader.pages)


def test_existing_file_is_replaced_and_no_temporary_file_is_left(catalog, full, tmp_path):
    out = tmp_path / "plan.pdf"
    out.write_bytes(b"old")
    export_pdf(full, out, catalog=catalog)
    assert out.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]


def test_a_failed_export_keeps_the_old_file(catalog, full, tmp_path, monkeypatch):
    from planner.report.pdf_writer import PdfWriter

    out = tmp_path / "plan.pdf"
    out.write_bytes(b"old")

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(PdfWriter, "write", boom)
    with pytest.raises(RuntimeError):
        export_pdf(full, out, catalog=catalog)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]


def test_unwritable_targets_are_refused_with_a_message(catalog, full, tmp_path):
    with pytest.raises(ReportError) as e:
        export_pdf(full, tmp_path / "no-such-folder" / "plan.pdf", catalog=catalog)
    assert "フォルダ" in e.value.text("ja") and "does not exist" in e.value.text("en")
    with pytest.raises(ReportError):
        export_pdf(full, tmp_path, catalog=catalog)  # a folder, not a file
    with pytest.raises(ReportError):
        export_pdf(full, tmp_path / "x.pdf", lang="fr", catalog=catalog)
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        try:
            with pytest.raises(ReportError) as e:
                export_pdf(full, locked / "plan.pdf", catalog=catalog)
            assert e.value.text("ja") == (
                "PDF「plan.pdf」を書き出せませんでした。"
                "このフォルダーに書き込む権限がありません。別の場所に保存してください。"
            )
        finally:
            locked.chmod(0o700)


def test_importing_the_report_package_loads_no_pdf_or_chart_library():
    code = (
        "import sys, planner.report; "
        "print([m for m in ('reportlab', 'matplotlib') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_era_labels_used_match_the_domain(full_ja):
    _result, text = full_ja
    assert era_year_label(2025) in text


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_new_pdf_gets_the_usual_file_mode(catalog, full, tmp_path):
    umask = os.umask(0o022)
    try:
        out = tmp_path / "plan.pdf"
        export_pdf(full, out, catalog=catalog)
    finally:
        os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o644  # not the 0600 of a temporary file


def test_a_write_error_is_reported_and_the_old_file_kept(catalog, full, tmp_path, monkeypatch):
    from planner.report.pdf_writer import PdfWriter

    out = tmp_path / "plan.pdf"
    out.write_bytes(b"old")

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(PdfWriter, "write", disk_full)
    with pytest.raises(ReportError) as e:
        export_pdf(full, out, catalog=catalog)
    assert e.value.text("ja") == (
        "PDF「plan.pdf」を書き出せませんでした。"
        "ディスクの空き容量が足りません。空きを作るか、別の場所に保存してください。"
    )
    assert e.value.text("en") == (
        "The PDF 'plan.pdf' could not be written: "
        "the disk is full. Free some space or save it somewhere else."
    )
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]
