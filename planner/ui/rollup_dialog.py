"""ファイル › 複数の計画を集計… (issue 24, section 1): the roll-up from the window.

The user picks a folder of plans (every .twplan and plan JSON in it and its sub-folders)
and the file to write (.xlsx, .pdf or .json, by its name). The files are read by
``store.collect`` (a pool of processes, started with spawn: no fork of a Qt process)
under a progress dialog; 中止 stops the reading and what was read is written, marked as
cut short. The refused files and the duplicates are said at the end, in one message.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from . import dialogs
from .i18n import lang, t

ROLLUP_FILTER = "Excel (*.xlsx);;PDF (*.pdf);;JSON (*.json)"


def progress_dialog(parent: QWidget | None) -> QProgressDialog:
    box = QProgressDialog(t("計画を読み込んでいます…", "Reading the plans…"), t("中止", "Cancel"),
                          0, 0, parent)  # fmt: skip
    box.setObjectName("rollupProgress")
    box.setWindowTitle(t("複数の計画を集計", "Roll up plans"))
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setMinimumDuration(0)
    box.setAutoClose(False)
    box.setAutoReset(False)
    return box


def roll_up(parent: QWidget | None) -> Path | None:
    """Ask for the folder and the output, read under a progress dialog, write; the path."""
    folder = dialogs.choose_folder(parent, t("集計する計画のフォルダー", "Folder of plans"))
    if folder is None:
        return None
    out = dialogs.choose_save_file(parent, str(folder / "集計.xlsx"), ROLLUP_FILTER)
    if out is None:
        return None
    from ..domain.errors import PlannerError
    from ..report.rollup_export import export_rollup, output_format
    from ..store.collect import collect

    title = t("複数の計画を集計", "Roll up plans")
    box = progress_dialog(parent)
    box.show()

    def progress(done: int, total: int) -> None:
        box.setMaximum(total)
        box.setValue(done)
        box.setLabelText(t(f"計画を読み込んでいます… {done}/{total}",
                           f"Reading the plans… {done}/{total}"))  # fmt: skip
        QCoreApplication.processEvents()

    try:
        output_format(out)
        rollup = collect([folder], progress=progress, cancelled=box.wasCanceled)
        box.close()
        if not rollup.plans:
            dialogs.show_error(parent, title, t("読み込めた計画がありません。",
                                                "No plan could be read."))  # fmt: skip
            return None
        path = export_rollup(rollup, out, lang=lang())
    except PlannerError as e:
        box.close()
        dialogs.show_error(parent, title, e.text(lang()))
        return None
    lines = [t(f"計画 {len(rollup.plans)}件を集計し、「{path.name}」に書き出しました。",
               f"{len(rollup.plans)} plans rolled up into '{path.name}'.")]  # fmt: skip
    if rollup.cancelled:
        lines.append(t(f"中止したため、未読のファイルが {rollup.not_read}件あります。",
                       f"Cancelled: {rollup.not_read} files were not read."))  # fmt: skip
    for r in rollup.refused[:10]:
        lines.append(f"・{Path(r.path).name}: {t(r.ja, r.en)}")
    if len(rollup.refused) > 10:
        lines.append(t(f"ほか {len(rollup.refused) - 10}件（読み込み結果を参照）",
                       f"and {len(rollup.refused) - 10} more (see the output)"))  # fmt: skip
    dup = sum(len(d.left_out) for d in rollup.duplicates)
    if dup:
        lines.append(t(f"同じ計画の古い版 {dup}件は除き、新しい版を使いました。",
                       f"{dup} older versions of the same plans were left out."))  # fmt: skip
    dialogs.show_info(parent, title, "\n".join(lines))
    return path
