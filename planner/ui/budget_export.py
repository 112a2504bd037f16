"""File › 予算要求書（Excel）を書き出す… (issue 20): the open plan's budget request workbook.

Asks where (and, when the plan has more than one cost scenario, whether to write every
scenario on sheets of its own), then writes it with ``report.export_budget`` — the same
function ``planner budget`` calls — and says where it went or why it could not.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import PlannerError
from . import dialogs
from .file_actions import default_folder
from .i18n import lang, t

if TYPE_CHECKING:
    from .main_window import MainWindow

XLSX_FILTER = "Excel (*.xlsx)"


def export_budget(window: MainWindow) -> Path | None:
    doc = window.doc
    if doc is None:
        return None
    title = t("予算要求書を書き出せません", "Cannot export the budget request")
    name = t(f"{doc.plan.title}_予算要求書.xlsx", f"{doc.plan.title} budget request.xlsx")
    base = doc.path.with_name(name) if doc.path else default_folder() / name
    path = dialogs.choose_save_file(window, str(base), XLSX_FILTER)
    if path is None or window.files._refuse_program_files(path, title):
        return None
    every = len(doc.plan.scenarios) > 1 and dialogs.ask_yes_no(window, t("予算要求書", "Budget request"), t(
        "すべての経費シナリオを、シナリオごとのシートに書き出しますか。\n（「いいえ」: 採用するシナリオのみ）",
        "Write every cost scenario, each on sheets of its own?\n(No: the adopted scenario only)"))  # fmt: skip
    from ..report import export_budget as write  # XlsxWriter loads here, not at start-up

    try:
        write(doc.plan, path, all_scenarios=every, lang=lang(), catalog=doc.catalog)
    except PlannerError as err:
        dialogs.show_error(window, title, err.text(lang()))
        return None
    except OSError as err:
        dialogs.show_error(window, title, str(err.strerror or err))
        return None
    dialogs.show_info(window, t("予算要求書を書き出しました", "Budget request exported"),
                      t(f"{path} に書き出しました。", f"Exported to {path}."))  # fmt: skip
    return path
