"""Issue 14 in the window: save and autosave failures as one clear line, special files
refused by Open and drag-and-drop, user text never shown as rich text."""

from __future__ import annotations

import errno
import os

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLabel, QMessageBox

from planner.store.interchange import import_json
from planner.ui.document import PlanDocument
from tests.store_plans import sample_json
from tests.ui_helpers import create_plan

READ_ONLY_JA = "保存先は読み取り専用です。別の場所に保存してください。"


@pytest.fixture
def read_only(tmp_path, monkeypatch):
    """Creating a file in ``tmp_path/ro`` fails as on a read-only filesystem (EROFS)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    real_open = os.open

    def fake_open(path, flags, mode=0o777, *, dir_fd=None):
        if flags & os.O_CREAT and os.path.dirname(os.fsdecode(path)) == str(folder):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fsdecode(path))
        return real_open(path, flags, mode, dir_fd=dir_fd)

    monkeypatch.setattr(os, "open", fake_open)
    return folder


def _drop(window, path) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def test_save_into_a_read_only_folder_shows_one_clear_line(window, qtbot, replies, read_only):
    doc = create_plan(window, qtbot)
    replies["save"] = read_only / "sakura.twplan"
    assert not window.files.save()
    assert replies["errors"] == [
        ("保存できません", f"「sakura.twplan」を保存できませんでした。{READ_ONLY_JA}")
    ]
    assert doc.path is None and window.doc is doc


def test_autosave_failure_is_shown_in_the_status_bar(app, qtbot, replies, tmp_path, monkeypatch):
    from planner.ui.main_window import MainWindow

    real_open = os.open
    rec = tmp_path / "recovery"

    def full(path, flags, mode=0o777, *, dir_fd=None):
        if flags & os.O_CREAT and os.fsdecode(path).startswith(str(rec)):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), os.fsdecode(path))
        return real_open(path, flags, mode, dir_fd=dir_fd)

    window = MainWindow(recovery_dir=rec)
    qtbot.addWidget(window)
    window.show()
    doc = create_plan(window, qtbot)
    from planner.domain.operations import SetValue

    assert doc.apply(SetValue((), "leader", "副町長")) is None
    monkeypatch.setattr(os, "open", full)
    with qtbot.waitSignal(window.autosave.failed) as signal:
        assert window.autosave.save_now() is None
    expected = "自動保存できませんでした: ディスクの空き容量が足りません。空きを作るか、別の場所に保存してください。"
    assert signal.args == [expected]
    assert window.statusBar().currentMessage() == expected
    doc.undo_stack.setClean()


@pytest.mark.timeout(20)  # today's main refused these as "not found"; a FIFO must not hang
def test_open_and_drop_refuse_what_is_not_a_regular_file(window, qtbot, replies, tmp_path):
    folder = tmp_path / "x.twplan"
    folder.mkdir()
    fifo = tmp_path / "pipe.twplan"
    os.mkfifo(fifo)
    replies["open"] = folder
    window.files.open_dialog()
    _drop(window, fifo)
    assert replies["errors"] == [
        (
            "計画を開けません",
            "「x.twplan」は通常のファイルではありません（フォルダー）。ファイルを指定してください。",
        ),
        (
            "計画を開けません",
            "「pipe.twplan」は通常のファイルではありません（名前付きパイプ）。ファイルを指定してください。",
        ),
    ]
    assert window.doc is None


def test_message_boxes_show_text_as_typed(app):
    from planner.ui import dialogs

    box = dialogs.message_box(None, QMessageBox.Icon.Warning, "t", "「<b>町</b>」を開けません")
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.deleteLater()


def test_labels_with_user_text_are_plain_text(window, qtbot, replies):
    plan = import_json(sample_json("yamanami-village"))
    marker = "<b>総務</b>課"
    plan.units[0].name = marker
    plan.scenarios[0].lines[0].name = "<i>工事</i>"
    doc = PlanDocument(plan, window.catalog, None, read_only=True)
    doc.lock_owner = "<u>yamada</u>（PC-1）"
    window.set_document(doc)
    for step in range(11):
        window.workspace.go(step)
    page = window.workspace
    markers = ("<b>総務</b>", "<i>工事</i>", "<u>yamada</u>")  # guidance is our own markup
    labels = [w for w in page.findChildren(QLabel) if any(m in w.text() for m in markers)]
    banner = page.banner
    assert "<u>yamada</u>" in banner.text()
    assert banner in labels
    for label in labels:
        assert label.textFormat() == Qt.TextFormat.PlainText, (label.objectName(), label.text())
    # labels that show messages quoting names, or task names and reasons
    for name in ("fieldError", "costStrip", "reasonPanel", "readOnlyBanner"):
        found = [w for w in page.findChildren(QLabel) if w.objectName() == name]
        assert found, name
        assert all(w.textFormat() == Qt.TextFormat.PlainText for w in found), name


def test_tooltips_show_names_as_typed_not_as_markup(window, qtbot):
    """Issue 14 item 3: user text never reaches Qt as rich text, tooltips included."""
    from PySide6.QtCore import Qt as QtCore_Qt

    from planner.domain.model import Member
    from planner.domain.text import L10n
    from planner.ui.table_model import Column, RowTableModel

    doc = create_plan(window, qtbot)
    model = RowTableModel(doc, ("members",), [Column("name", tooltip=lambda m: m.name)])
    assert model.add_row(Member("<b>佐藤</b> & <img src=x>"))
    tip = model.data(model.index(0, 0), QtCore_Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;佐藤&lt;/b&gt;\xa0&amp;\xa0&lt;img\xa0src=x&gt;" in tip and "<b>" not in tip
    assert model.columns[0].header == L10n("メンバー名", "Member name")  # the declared label
