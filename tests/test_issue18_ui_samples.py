"""Issue 18, item 1: the shipped samples are read-only to the program.

Save As onto resources/samples/kawasemi-town.twplan used to get only the file dialog's
"replace?" question; after yes the sample was changed. The program's own resources
folder is refused for every file it writes, and a sample opens from a private copy.
"""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from planner.resources import resource_path
from planner.store.project import open_plan
from planner.ui.fields import BoundField
from tests.ui_helpers import type_into

SAMPLE = resource_path("samples", "kawasemi-town.twplan")
REFUSED = "このプログラム自身のファイル"


@contextmanager
def samples_kept():
    """On a program that still overwrites the samples, the test puts them back."""
    folder = resource_path("samples")
    before = {p: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    try:
        yield before
    finally:
        for p in folder.iterdir():
            if p.is_file() and p not in before:
                p.unlink()
        for p, data in before.items():
            if p.read_bytes() != data:
                p.write_bytes(data)


def open_sample_from_welcome(window, qtbot):
    button = window.welcome.findChild(QPushButton, "sample_kawasemi-town")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.findChildren(QAction, "actionSaveAs")) == 1)
    return window.doc


def edit_leader(window, qtbot, text: str) -> None:
    page = window.workspace.page(1)
    leader = next(f for f in page.findChildren(BoundField) if f.column.field == "leader")
    type_into(qtbot, leader, text)


def test_save_as_onto_a_sample_is_refused(window, qtbot, replies, tmp_path):
    with samples_kept() as before:
        doc = open_sample_from_welcome(window, qtbot)
        edit_leader(window, qtbot, "Deputy mayor")
        replies["save"] = SAMPLE  # the user picks the shipped file and says yes to "replace?"
        window.findChild(QAction, "actionSaveAs").trigger()
        assert replies["errors"], "no message"
        title, text = replies["errors"][-1]
        assert title == "保存できません"
        assert REFUSED in text and "別の場所を選んでください" in text
        assert SAMPLE.read_bytes() == before[SAMPLE]
        assert doc.path is None and doc.dirty  # the work is still there, unsaved
        # the user then picks another place: that works
        replies["save"] = tmp_path / "mine.twplan"
        window.findChild(QAction, "actionSaveAs").trigger()
        assert doc.path == tmp_path / "mine.twplan" and not doc.dirty
        assert open_plan(tmp_path / "mine.twplan").leader == "Deputy mayor"
        # the welcome screen's sample button still opens the sample as shipped
        window.files.close_plan()
        again = open_sample_from_welcome(window, qtbot)
        assert again.plan.leader != "Deputy mayor" and again.path is None


@pytest.mark.parametrize(
    ("action", "name"),
    [("actionExportPdf", "kawasemi-town.pdf"), ("actionExportJson", "kawasemi-town.json")],
)
def test_exports_into_the_samples_folder_are_refused(window, qtbot, replies, action, name):
    with samples_kept() as before:
        open_sample_from_welcome(window, qtbot)
        replies["save"] = resource_path("samples", name)
        window.findChild(QAction, action).trigger()
        assert replies["errors"] and REFUSED in replies["errors"][-1][1]
        for path, data in before.items():
            assert path.read_bytes() == data
        assert not resource_path("samples", "kawasemi-town.pdf").exists()


def test_a_sample_opened_as_a_file_is_an_untitled_copy(window, qtbot, replies, tmp_path):
    """Opened by name (Open…, a recent file, a drop), a sample is still a copy: Save asks
    where, and a lock file is never written into the program's folder."""
    with samples_kept() as before:
        assert window.files.open(SAMPLE)
        doc = window.doc
        assert doc.path is None and not doc.read_only
        assert sorted(resource_path("samples").iterdir()) == sorted(before)  # no lock file
        edit_leader(window, qtbot, "Deputy mayor")
        replies["save"] = tmp_path / "copy.twplan"
        qtbot.waitUntil(lambda: len(window.findChildren(QAction, "actionSave")) == 1)
        window.findChild(QAction, "actionSave").trigger()
        assert [kind for kind, _args in replies["asked"]] == ["save"]
        assert SAMPLE.read_bytes() == before[SAMPLE]
        assert open_plan(tmp_path / "copy.twplan").leader == "Deputy mayor"
