"""Screenshots of the task survey (issue 20): the export dialog, the import preview (ja, en),
the summary page's tables, and a survey workbook as LibreOffice prints it.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/take_survey.py
A copy of the larger sample plan is exported; 総務課 and 住民課 fill in their sheets the
way people do (a word changed, a row deleted, new rows, full-width digits, a wrong word
typed by hand). The workbook pages need LibreOffice (soffice) and poppler (pdftoppm);
without them they are skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()  # no recent files or language from this machine
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from take import save  # noqa: E402

from planner.resources import resource_path  # noqa: E402
from planner.ui import i18n  # noqa: E402
from planner.ui.app import create_app  # noqa: E402


def fill(path: Path, sheet: str, *, wrong: bool) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb[sheet]
    ws["E5"] = "一部"
    ws["J6"] = "条例の改正時は紙の原本を確認　"
    ws.delete_rows(8)
    ws["C3"] = "２６"
    last = 5 + sum(1 for r in range(5, 200) if ws.cell(row=r, column=2).value)
    for col, value in zip("BCDEFGH", ("議会対応資料の作成", "なし", "ＬＧＷＡＮ接続系", "一部", "×",
                                       "いいえ", "多い"), strict=True):  # fmt: skip
        ws[f"{col}{last}"] = value
    if wrong:
        ws[f"B{last + 2}"], ws[f"E{last + 2}"] = "庁内報の編集", "たくさん"
        ws[f"B{last + 3}"], ws[f"D{last + 3}"] = "会議室の予約管理", "インターネット"
    wb.save(path)


def main() -> None:
    from planner.office.survey_files import export_survey, preview_replies
    from planner.store.project import open_plan
    from planner.ui.survey_dialogs import SurveyExportDialog, SurveyPreviewDialog

    app = create_app()
    work = Path(tempfile.mkdtemp())
    plan = open_plan(resource_path("samples", "kawasemi-town.twplan"))
    export_survey(plan, work)
    soumu, juumin = plan.units[0].name, plan.units[2].name
    fill(work / f"{soumu}.xlsx", soumu, wrong=True)
    fill(work / f"{juumin}.xlsx", juumin, wrong=False)
    replies = [work / f"{soumu}.xlsx", work / f"{juumin}.xlsx"]
    for lang in ("ja", "en"):
        i18n.set_language(lang, remember=False)
        dialog = SurveyPreviewDialog(preview_replies(plan, replies))
        dialog.show()
        app.processEvents()
        save(dialog, f"{lang}_survey_preview.png")
        dialog.close()
    i18n.set_language("ja", remember=False)
    dialog = SurveyExportDialog(plan)
    dialog.show()
    app.processEvents()
    save(dialog, "ja_survey_export.png")
    dialog.close()
    summary_tables(app, work)
    fresh = work / "fresh"
    fresh.mkdir()
    workbook_pages(export_survey(plan, fresh, units=[soumu])[0], fresh)
    print(f"screenshots in {HERE}")


def summary_tables(app, work: Path) -> None:
    from planner.ui.main_window import MainWindow

    sample = work / "kawasemi-town.twplan"
    shutil.copy(resource_path("samples", "kawasemi-town.twplan"), sample)
    w = MainWindow(recovery_dir=work / "recovery")
    w.resize(1366, 768)
    w.show()
    w.files.open(sample)
    w.workspace.go(10)
    app.processEvents()
    page = w.workspace.summary
    app.processEvents()
    page.verticalScrollBar().setValue(page.years.parentWidget().y() - 8)
    app.processEvents()
    save(w, "ja_summary_tables.png")
    w.files.close_plan()


def workbook_pages(xlsx: Path, work: Path) -> None:
    if not (shutil.which("soffice") and shutil.which("pdftoppm")):
        print("soffice or pdftoppm missing: no workbook pages")
        return
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(xlsx)],
                   check=True, capture_output=True, timeout=180)  # fmt: skip
    pdf = work / (xlsx.stem + ".pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(work / "page")], check=True)
    for i, page in enumerate(sorted(work.glob("page-*.png")), 1):
        shutil.copy(page, HERE / f"ja_survey_workbook_p{i}.png")


if __name__ == "__main__":
    main()
