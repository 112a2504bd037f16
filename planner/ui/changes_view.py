"""ファイル › 別の版と比較… and ファイル › 前回保存時と比較 (issue 24 §2): the 変更点一覧 of the
open plan against another version, in a dialog.

The other version is read as Open reads it (a .twplan, or a plan JSON file) and is the
「変更前」; the plan being edited is the 「変更後」 (入れ替え swaps them). 前回保存時と比較
compares the plan being edited with its own file on disk. The list is the one the
command line prints (``domain.diff_effects.compare``, worded by ``domain.diff_text``):
the changes by step, the tasks whose suitability mark changed and why, each fiscal
year's figures before and after, the rows matched by name. From the dialog the list is
saved as a PDF of its own or as appendix D of the plan's PDF, or printed
(``report.changes_export``, the print preview of issue 22).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ..domain.diff_effects import Comparison, compare
from ..domain.diff_text import (
    FIGURES,
    KIND_WORDS,
    NOTHING,
    counts_line,
    old_new,
    scenario_line,
    signed_yen,
    what,
    year_label,
)
from ..domain.diff_words import step_title
from ..domain.errors import PlannerError
from ..domain.money import format_yen
from . import dialogs
from .file_actions import default_folder
from .i18n import lang, t

if TYPE_CHECKING:
    from ..domain.catalog import Catalog
    from ..domain.model import Plan
    from .main_window import MainWindow

OPEN_FILTER = "テレワーク計画 / Telework plan (*.twplan *.json)"
TITLE = ("変更点一覧", "What changed")


def read_version(path: Path, catalog: Catalog) -> Plan:
    """Another version, read as Open reads it (a plan JSON file by its suffix)."""
    if path.suffix.lower() == ".json":
        from ..store.interchange import import_json

        return import_json(path)
    from ..store.project import open_plan

    return open_plan(path, catalog)


class ChangesDialog(QDialog):
    """The 変更点一覧 of two versions; ``old`` and ``new`` are (plan, how it is named)."""

    def __init__(self, parent, old: tuple[Any, str], new: tuple[Any, str], catalog) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("changesDialog")
        self.setWindowTitle(t(*TITLE))
        self.catalog = catalog
        self.old, self.new = old, new
        self.comparison: Comparison | None = None
        self.summary = QLabel(objectName="changesSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # file and plan names, never markup
        self.tree = QTreeWidget(objectName="changesTree")
        self.tree.setHeaderLabels([t("項目", "Item"), t("変更前", "Before"), t("変更後", "After")])
        self.tree.setAccessibleName(t("変更点一覧", "What changed"))
        self.tree.setUniformRowHeights(True)
        self.tree.setStyleSheet("QTreeView::item { padding: 2px 0px; }")  # rows not cramped
        # the item column as wide as its longest name (the list scrolls sideways), never cut off
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QHBoxLayout()
        self.swap = QPushButton(t("変更前と変更後を入れ替え(&S)", "&Swap before and after"),
                                objectName="changesSwap")  # fmt: skip
        self.save_pdf = QPushButton(
            t("PDFに保存(&P)…", "Save as &PDF…"), objectName="changesSavePdf"
        )
        self.save_plan = QPushButton(t("計画書の付録として出力(&A)…", "Plan with this &appendix…"),
                                     objectName="changesSaveWithPlan")  # fmt: skip
        self.print_button = QPushButton(t("印刷(&R)…", "P&rint…"), objectName="changesPrint")
        for b in (self.swap, self.save_pdf, self.save_plan, self.print_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.button(QDialogButtonBox.StandardButton.Close).setText(t("閉じる", "Close"))
        buttons.addWidget(close)
        self.swap.clicked.connect(self._swap)
        self.save_pdf.clicked.connect(lambda: self.export(with_plan=False))
        self.save_plan.clicked.connect(lambda: self.export(with_plan=True))
        self.print_button.clicked.connect(self.print_list)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.resize(1100, 680)
        self.refresh()

    # -- the list ----------------------------------------------------------------------

    def refresh(self) -> None:
        c = self.comparison = compare(self.old[0], self.new[0], self.catalog)
        lg = lang()
        self.summary.setText("\n".join([
            t(f"変更前: {self.old[1]}　→　変更後: {self.new[1]}",
              f"Before: {self.old[1]}  →  after: {self.new[1]}"),
            counts_line(c, lg) if not c.is_empty else NOTHING.get(lg),
        ]))  # fmt: skip
        self.tree.clear()
        for step, changes in c.diff.by_step():
            group = self._group(f"{step_title(step, self.catalog).get(lg)}{_count(len(changes))}")
            for x in changes:
                a, b = old_new(x, lg)
                self._row(group, f"{KIND_WORDS[x.kind].get(lg)}　{what(x, lg)}", a, b)
        if c.marks:
            group = self._group(t(f"適性の変わった業務（{len(c.marks)}）",
                                  f"Tasks whose suitability changed ({len(c.marks)})"))  # fmt: skip
            for m in c.marks:
                row = self._row(group, f"{m.where_text(lg)} — {m.new_reason.get(lg)}",
                                m.old_mark, m.new_mark)  # fmt: skip
                row.setToolTip(0, f"{m.old_reason.get(lg)}\n→ {m.new_reason.get(lg)}")
        years = [y for y in c.years if y.changed]
        if years or c.notes or c.old_scenario != c.new_scenario:
            group = self._group(
                t(f"経費への影響（{scenario_line(c, lg)}）", f"Effect on costs ({scenario_line(c, lg)})")
            )
            for note in c.notes:
                self._row(group, note.get(lg), "", "")
            for y in [*years, *([c.period] if years and c.period else [])]:
                for i, word in enumerate(FIGURES):
                    a = format_yen(y.old[i], lg) if y.old else "—"
                    b = format_yen(y.new[i], lg) if y.new else "—"
                    delta = signed_yen(y.delta()[i], lg)
                    self._row(group, f"{year_label(y, lg)}　{word.get(lg)}", a, f"{b}（{delta}）")
        if c.diff.matches:
            group = self._group(
                t("名前で対応づけた行（IDが異なる）", "Rows matched by name (ids differ)")
            )
            for m in c.diff.matches:
                self._row(group, m.text(lg), "", "")
        self.tree.expandAll()
        self.tree.resizeColumnToContents(1)
        self.tree.resizeColumnToContents(2)
        for column in (1, 2):
            self.tree.setColumnWidth(column, min(max(self.tree.columnWidth(column), 120), 260))

    def _group(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [title, "", ""])
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        item.setFirstColumnSpanned(True)
        return item

    @staticmethod
    def _row(group: QTreeWidgetItem, item: str, old: str, new: str) -> QTreeWidgetItem:
        row = QTreeWidgetItem(group, [item, old, new])
        for column, text in enumerate((item, old, new)):
            row.setToolTip(column, text)
        return row

    def lines(self) -> list[str]:
        """What the list shows, one line a row (for tests and for a screen reader's review)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            out.append(group.text(0))
            for j in range(group.childCount()):
                row = group.child(j)
                out.append(
                    "  " + " | ".join(x for x in (row.text(0), row.text(1), row.text(2)) if x)
                )
        return out

    def _swap(self) -> None:
        self.old, self.new = self.new, self.old
        self.refresh()

    # -- saving and printing -------------------------------------------------------------

    def _versions(self):  # noqa: ANN202 - a chapters.changes.Versions
        from ..report.chapters.changes import Versions

        return Versions(self.old[1], self.new[1])

    def export(self, *, with_plan: bool) -> Path | None:
        title = t("変更点一覧を出力できません", "Cannot write the list of changes")
        plan = self.new[0]
        name = t(f"{plan.title}_変更点一覧.pdf", f"{plan.title} changes.pdf")
        if with_plan:
            name = t(f"{plan.title}_付録変更点一覧.pdf", f"{plan.title} with changes.pdf")
        path = dialogs.choose_save_file(self, str(default_folder() / name), dialogs.PDF_FILTER)
        if path is None:
            return None
        from ..report.changes_export import export_changes  # reportlab loads here

        try:
            result = export_changes(self.comparison, plan, path, versions=self._versions(),
                                    with_plan=with_plan, lang=lang(), catalog=self.catalog)  # fmt: skip
        except PlannerError as err:
            dialogs.show_error(self, title, err.text(lang()))
            return None
        except OSError as err:
            dialogs.show_error(self, title, str(err.strerror or err))
            return None
        text = t(f"{path} に出力しました（{result.pages}ページ）。",
                 f"Written to {path} ({result.pages} pages).")  # fmt: skip
        dialogs.show_info(self, t("変更点一覧を出力しました", "List of changes written"), text)
        return path

    def print_list(self):  # noqa: ANN201 - the PrintPreview, or None
        """The print preview of issue 22, showing the 変更点一覧 on its own."""
        from .print_preview import PrintPreview

        comparison, versions = self.comparison, self._versions()

        def make(plan, catalog, _name, language):  # noqa: ANN001, ANN202 - a PrintablePdf
            return changes_pdf(comparison, plan, catalog, versions, language)

        preview = PrintPreview(self, self.new[0], self.catalog, make)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.document.blockSignals(True)  # one document: this list
        preview.document.clear()
        preview.document.addItem(t(*TITLE), "changes")
        preview.document.blockSignals(False)
        note = preview.findChild(QLabel, "printNote")
        if note is not None:
            note.hide()
        if not preview.load("changes"):
            preview.deleteLater()
            return None
        preview.open()
        return preview


def changes_pdf(comparison, plan, catalog, versions, language: str):  # noqa: ANN001, ANN201
    """The 変更点一覧 as a PDF in memory, for the print preview (a ``printable.PrintablePdf``)."""
    import tempfile

    from ..report.chapters.changes import changes_document
    from ..report.chapters.common import Context
    from ..report.layout import register_reportlab_fonts
    from ..report.pdf_writer import PdfWriter
    from ..report.textsafe import TextGuard
    from .printable import PrintablePdf

    document = changes_document(Context(plan, catalog, language), comparison, versions)
    writer = PdfWriter(TextGuard(register_reportlab_fonts()))
    with tempfile.TemporaryDirectory(prefix="twplan-changes-") as folder:
        path = Path(folder) / "changes.pdf"
        writer.write(document, path)
        data = path.read_bytes()
    return PrintablePdf("changes", data, writer.pages, writer.guard.warnings(language))


def _count(n: int) -> str:
    return t(f"（{n}）", f" ({n})")


# -- the File menu's two entries ---------------------------------------------------------------


def _show(window: MainWindow, old: tuple[Any, str], new: tuple[Any, str]) -> ChangesDialog:
    dialog = ChangesDialog(window, old, new, window.doc.catalog)
    dialogs.run_dialog(dialog)
    return dialog


def compare_with_file(window: MainWindow) -> ChangesDialog | None:
    """ファイル › 別の版と比較…: the chosen file (変更前) against the plan being edited (変更後)."""
    doc = window.doc
    if doc is None:
        return None
    folder = str(doc.path.parent if doc.path else default_folder())
    path = dialogs.choose_open_file(window, OPEN_FILTER, folder)
    if path is None:
        return None
    title = t("比較する計画を開けません", "Cannot open the plan to compare with")
    try:
        other = read_version(path, doc.catalog)
    except PlannerError as err:
        dialogs.show_error(window, title, err.text(lang()))
        return None
    except OSError as err:
        dialogs.show_error(window, title, f"{path}: {err.strerror or err}")
        return None
    return _show(window, (other, path.name), (doc.plan, _editing(doc)))


def compare_with_saved(window: MainWindow) -> ChangesDialog | None:
    """ファイル › 前回保存時と比較: the plan's file on disk against the plan being edited."""
    doc = window.doc
    if doc is None:
        return None
    if doc.path is None or not doc.path.exists():
        dialogs.show_info(window, t(*TITLE), t(
            "この計画はまだ保存されていないため、比較する版がありません。",
            "This plan has not been saved yet: there is no saved version to compare with."))  # fmt: skip
        return None
    try:
        saved = read_version(doc.path, doc.catalog)
    except (PlannerError, OSError) as err:
        text = err.text(lang()) if isinstance(err, PlannerError) else str(err.strerror or err)
        dialogs.show_error(
            window, t("保存した計画を読めません", "Cannot read the saved plan"), text
        )
        return None
    name = t(f"{doc.path.name}（前回保存時）", f"{doc.path.name} (as last saved)")
    return _show(window, (saved, name), (doc.plan, _editing(doc)))


def _editing(doc) -> str:  # noqa: ANN001
    if doc.path is None:
        return t("編集中の計画", "the plan being edited")
    return t(f"{doc.path.name}（編集中）", f"{doc.path.name} (being edited)")
