"""Files in the window: save, reopen, the unsaved-changes prompt, refused files, locks, recovery."""

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from planner.store.lock import acquire_lock
from planner.ui.main_window import MainWindow
from tests.ui_helpers import create_plan, edit_cell


def _edit_leader(doc, text="副町長 田中"):
    from planner.domain.operations import SetValue

    assert doc.apply(SetValue((), "leader", text)) is None


def test_save_close_reopen(window, qtbot, tmp_path, replies):
    doc = create_plan(window, qtbot)
    _edit_leader(doc)
    assert window.isWindowModified()
    replies["save"] = tmp_path / "sakura"  # the extension is added
    assert window.files.save()
    target = tmp_path / "sakura.twplan"
    assert target.exists() and doc.path == target
    assert not window.isWindowModified() and "[*]" in window.windowTitle()
    assert window.files.close_plan()
    assert window.welcome is not None and window.doc is None
    assert window.files.open(target)
    assert window.doc.plan.leader == "副町長 田中"
    assert window.doc.undo_stack.count() == 0  # a fresh history: undo cannot empty the plan
    from planner.ui.file_actions import recent_files

    assert recent_files()[0] == target


def test_unsaved_changes_prompt(window, qtbot, tmp_path, replies):
    doc = create_plan(window, qtbot)
    _edit_leader(doc)
    replies["save_changes"] = "cancel"
    assert not window.files.close_plan()
    assert window.doc is doc and doc.plan.leader == "副町長 田中"
    assert replies["asked"][-1][0] == "save_changes"
    replies["save_changes"] = "save"
    replies["save"] = tmp_path / "kept.twplan"
    assert window.files.close_plan()
    assert (tmp_path / "kept.twplan").exists() and window.doc is None
    doc = create_plan(window, qtbot)
    _edit_leader(doc, "別の人")
    replies["save_changes"] = "discard"
    window.close()
    assert window.doc is None
    assert not (tmp_path / "別の人").exists()


def test_refused_file_shows_the_store_message_and_changes_nothing(window, qtbot, tmp_path, replies):
    doc = create_plan(window, qtbot)
    _edit_leader(doc)
    bad = tmp_path / "broken.twplan"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84 + b"garbage" * 100)
    assert not window.files.open(bad)
    title, text = replies["errors"][-1]
    assert title == "計画を開けません"
    assert "broken.twplan" in text
    assert window.doc is doc and doc.plan.leader == "副町長 田中"  # the open plan is untouched
    assert replies["asked"] == []  # refused before asking to close anything


def test_plan_open_elsewhere_opens_read_only(window, qtbot, tmp_path, replies):
    create_plan(window, qtbot)
    path = tmp_path / "shared.twplan"
    replies["save"] = path
    window.files.save()
    window.files.close_plan()
    other = acquire_lock(path)  # a colleague has it open
    try:
        assert window.files.open(path)
        assert window.doc.read_only
        assert "読み取り専用" in window.windowTitle()
        assert (
            not window.workspace.banner.isHidden()
            and "読み取り専用" in window.workspace.banner.text()
        )
        assert window.workspace.page(1).members.add_button.isEnabled() is False
        model = window.workspace.page(5).units.model
        assert model.rowCount() == 0 or not edit_cell(model, 0, "staff", "3")
        # Save goes to Save As; the same name is refused
        replies["save"] = path
        assert not window.files.save()
        assert "別の名前" in replies["errors"][-1][1]
        replies["save"] = tmp_path / "mine.twplan"
        assert window.files.save()
        assert not window.doc.read_only and window.doc.path == tmp_path / "mine.twplan"
    finally:
        other.release()


def test_autosave_and_recovery_after_a_crash(app, qtbot, tmp_path, replies):
    rec = tmp_path / "recovery"
    first = MainWindow(recovery_dir=rec)
    qtbot.addWidget(first)
    first.show()
    doc = create_plan(first, qtbot)
    replies["save"] = tmp_path / "source.twplan"
    assert first.files.save()
    _edit_leader(doc, "復元される人")
    saved = first.autosave.save_now()
    assert saved is not None and saved.exists()
    # the program dies here: no close, no prompt. The next start offers the plan.
    first.autosave.file = None
    second = MainWindow(recovery_dir=rec)
    qtbot.addWidget(second)
    second.show()
    box = second.welcome.recovery_box
    assert not box.isHidden()
    buttons = [
        b
        for b in box.findChildren(type(second.welcome.form.create_button))
        if b.objectName() == "recoverButton"
    ]
    assert len(buttons) == 1 and "さくら町" in buttons[0].text()
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert second.doc.plan.leader == "復元される人"
    assert second.isWindowModified()  # recovered work still needs saving
    assert not saved.exists()
    replies["save"] = None  # the user cancels the dialog: we only look at what was offered
    assert not second.files.save()
    assert replies["asked"][-1] == ("save", (str(tmp_path / "source.twplan"),))
    second.doc.undo_stack.setClean()
    doc.undo_stack.setClean()


def test_drop_a_plan_file_onto_the_window(window, qtbot, tmp_path, replies):
    doc = create_plan(window, qtbot)
    replies["save"] = tmp_path / "dropped.twplan"
    window.files.save()
    window.files.close_plan()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(tmp_path / "dropped.twplan"))])
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert window.doc is not None and window.doc.path == tmp_path / "dropped.twplan"
    assert doc is not window.doc


def test_an_unexpected_error_becomes_a_message_and_an_autosave(window, qtbot, replies, monkeypatch):
    import sys

    from planner.ui.app import install_error_handler

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    doc = create_plan(window, qtbot)
    _edit_leader(doc)
    install_error_handler(window)
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    title, text = replies["errors"][-1]
    assert title == "予期しないエラー"
    assert "RuntimeError" in text and "自動保存しました" in text
    assert window.autosave.file is not None and window.autosave.file.exists()


def test_dialogs_start_in_the_folder_of_the_last_plan(window, qtbot, tmp_path, replies):
    create_plan(window, qtbot)
    replies["save"] = tmp_path / "first.twplan"
    assert window.files.save()
    window.files.close_plan()
    create_plan(window, qtbot, name="もみじ町")
    replies["save"] = None
    window.files.save()
    assert replies["asked"][-1] == (
        "save",
        (str(tmp_path / "もみじ町 テレワーク導入実施計画.twplan"),),
    )
    window.files.open_dialog()
    assert replies["asked"][-1] == ("open", (str(tmp_path),))
