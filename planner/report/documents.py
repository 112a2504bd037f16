"""The documents a town files (issue 21), made into one folder: the list and the maker.

Each document has a name (``planner documents PLAN -o FOLDER --only NAME``), its
files and a one-line description (the 「書類の作成」 page lists them). Every file is
checked as every writer's target is (``export.export_target``: not a folder, not a
plan, not a plan someone has open, not a name too long) and written through the one
atomic write (``store/atomic.write_atomically``): on any failure the old file stays.

    paths = make_documents(plan, folder, only=("council",), lang="ja")
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..domain.catalog import Catalog
from ..domain.model import Plan
from ..domain.text import L10n
from ..loading import default_catalog
from ..store.atomic import write_atomically
from .export import check_language, export_target
from .result import DOCX, PDF, XLSX, Format, ReportError

Make = Callable[[Plan, Catalog, str, Path], None]  # plan, catalog, language, a new empty file


@dataclass(frozen=True)
class Output:
    file: L10n  # the file's name (ja, en)
    format: Format
    make: Make


@dataclass(frozen=True)
class DocumentKind:
    name: str
    title: L10n
    description: L10n
    outputs: tuple[Output, ...]


def _paper(name: str, writer: str) -> Make:
    def make(plan: Plan, catalog: Catalog, lang: str, path: Path) -> None:
        from .papers import paper

        _writer(writer).write(paper(name, plan, catalog, lang), path)

    return make


def _writer(kind: str):  # noqa: ANN202 - a Writer
    if kind == "pdf":
        from .layout import register_reportlab_fonts
        from .pdf_writer import PdfWriter
        from .textsafe import TextGuard

        return PdfWriter(TextGuard(register_reportlab_fonts()))
    from .docx_writer import DocxWriter

    return DocxWriter()


def _plan_docx(plan: Plan, catalog: Catalog, lang: str, path: Path) -> None:
    from .chapters import build_document

    _writer("docx").write(build_document(plan, catalog, lang), path)


def _rules(plan: Plan, catalog: Catalog, lang: str, path: Path) -> None:
    from .rules_draft import write_rules_draft  # the clauses are Japanese legal text

    write_rules_draft(plan, catalog, path)


def _work_plan(plan: Plan, catalog: Catalog, lang: str, path: Path) -> None:
    from .workbooks import write_work_plan

    write_work_plan(plan, path)


def _loan_register(plan: Plan, catalog: Catalog, lang: str, path: Path) -> None:
    from .workbooks import write_loan_register

    write_loan_register(plan, path)


def _out(ja: str, en: str, fmt: Format, make: Make) -> Output:
    return Output(L10n(ja + fmt.suffix, en + fmt.suffix), fmt, make)


DOCUMENTS: tuple[DocumentKind, ...] = (
    DocumentKind("plan", L10n("実施計画書（Word）", "The plan (Word)"),
                 L10n("PDFと同じ章・表・図の実施計画書。決裁前に文言を直せます。",
                      "The whole plan as in the PDF, to reword before approval."),
                 (_out("実施計画書", "implementation-plan", DOCX, _plan_docx),)),
    DocumentKind("rules", L10n("テレワーク実施要綱（案）", "Implementing rules (draft)"),
                 L10n("手順5〜8の選択から条文を組み立てた訓令の案。",
                      "A draft directive with articles chosen by steps 5 to 8."),
                 (_out("実施要綱案", "implementing-rules-draft", DOCX, _rules),)),
    DocumentKind("amend", L10n("制定・改正する規程の一覧", "Rules to make or amend"),
                 L10n("給与条例など5つの規程の種別・決定者・職員団体との交渉日・議決時期。",
                      "Five rules with kind, who decides, union consultation and decision."),
                 (_out("制定改正規程一覧", "rules-to-amend", DOCX, _paper("amend", "docx")),)),
    DocumentKind("council", L10n("議会説明資料", "Summary for the council"),
                 L10n("A4で2ページの概要（個人名なし）。PDFとWord。",
                      "Two A4 pages, no personal names; PDF and Word."),
                 (_out("議会説明資料", "council-summary", PDF, _paper("council", "pdf")),
                  _out("議会説明資料", "council-summary", DOCX, _paper("council", "docx")))),
    DocumentKind("application", L10n("実施申請書・承認書", "Application and approval form"),
                 L10n("時間単位・実施場所・端末・承認者が計画に合った申請様式。",
                      "Time units, places, devices and approver as the plan sets them."),
                 (_out("実施申請書・承認書", "application-form", DOCX, _paper("application", "docx")),)),
    DocumentKind("work_plan", L10n("業務実施計画書・報告書", "Work plan and report"),
                 L10n("1日（または半日）1行の計画・報告の表（Excel）。",
                      "A row per day or half day, planned and done (Excel)."),
                 (_out("業務実施計画書・報告書", "work-plan-and-report", XLSX, _work_plan),)),
    DocumentKind("loan_register", L10n("端末貸与簿", "Device loan register"),
                 L10n("貸与端末の貸出・返却を記録する台帳（Excel）。",
                      "Loans and returns of devices (Excel)."),
                 (_out("端末貸与簿", "device-loan-register", XLSX, _loan_register),)),
    DocumentKind("pledge", L10n("誓約書", "Pledge"),
                 L10n("手順8のテレワーク勤務者の対策を並べた誓約書。",
                      "Lists the plan's security measures for teleworkers (step 8)."),
                 (_out("誓約書", "pledge", DOCX, _paper("pledge", "docx")),)),
    DocumentKind("self_check", L10n("自宅作業環境チェックリスト", "Home workplace self-check"),
                 L10n("セキュリティ対策の一覧と作業環境の確認項目。",
                      "The catalog's teleworker measures and the workplace, to tick."),
                 (_out("自宅作業環境チェックリスト", "home-self-check", DOCX, _paper("self_check", "docx")),)),
)  # fmt: skip
NAMES = tuple(d.name for d in DOCUMENTS)


def document_kind(name: str) -> DocumentKind:
    for d in DOCUMENTS:
        if d.name == name:
            return d
    raise ReportError(
        f"書類「{name}」はありません。次から選んでください: {', '.join(NAMES)}",
        f"There is no document '{name}'. Choose from: {', '.join(NAMES)}",
    )


def check_folder(folder: str | os.PathLike[str]) -> Path:
    path = Path(folder)
    if not os.path.isdir(path):
        raise ReportError(
            f"保存先のフォルダ「{path}」がありません。既存のフォルダを指定してください。",
            f"The folder '{path}' does not exist. Choose an existing folder.",
        )
    return path


def make_documents(
    plan: Plan,
    folder: str | os.PathLike[str],
    *,
    only: Sequence[str] = (),
    lang: str = "ja",
    catalog: Catalog | None = None,
) -> list[Path]:
    """Write the documents (all, or those named in ``only``) into ``folder``; their paths."""
    check_language(lang)
    target = check_folder(folder)
    kinds = [document_kind(n) for n in only] if only else list(DOCUMENTS)
    catalog = catalog or default_catalog()
    written = []
    for kind in kinds:
        for out in kind.outputs:
            path = export_target(target / out.file.get(lang), out.format)
            write_atomically(path, lambda tmp, out=out: out.make(plan, catalog, lang, tmp),
                             failure=out.format.failure)  # fmt: skip
            written.append(path)
    return written
