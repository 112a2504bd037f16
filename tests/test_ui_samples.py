"""The shipped samples open as untitled copies: the originals never change."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from planner.resources import resource_path
from planner.store.project import open_plan
from planner.ui.fields import BoundField
from planner.ui.mnemonics import strip  # texts as read, without the Alt+letter
from tests.ui_helpers import type_into

SAMPLE = resource_path("samples", "kawasemi-town.twplan")


def test_sample_from_the_help_menu_is_an_untitled_copy(window, qtbot, replies, tmp_path):
    original = SAMPLE.read_bytes()
    action = window.findChild(QAction, "actionSample_kawasemi-town")
    assert strip(action.text()) == "かわせみ町（静岡県）"
    action.trigger()
    doc = window.doc
    assert doc is not None and doc.path is None  # untitled: not tied to the shipped file
    assert doc.plan.municipality.name == "かわせみ町"
    # edit through the screen
    page = window.workspace.page(1)
    leader = next(f for f in page.findChildren(BoundField) if f.column.field == "leader")
    type_into(qtbot, leader, "Deputy mayor")
    assert doc.plan.leader == "Deputy mayor" and doc.dirty
    # Save asks for a new name through the dialog seam
    target = tmp_path / "my-plan.twplan"
    replies["save"] = target
    qtbot.waitUntil(lambda: len(window.findChildren(QAction, "actionSave")) == 1)  # old menus go
    window.findChild(QAction, "actionSave").trigger()
    asked = [kind for kind, _args in replies["asked"]]
    assert asked == ["save"]
    assert replies["asked"][0][1][0].endswith("kawasemi-town.twplan")  # suggested name
    assert SAMPLE.read_bytes() == original  # the shipped sample is untouched
    assert doc.path == target and not doc.dirty
    assert open_plan(target).leader == "Deputy mayor"
    assert open_plan(SAMPLE).leader != "Deputy mayor"


def test_sample_from_the_welcome_screen(window, qtbot):
    button = window.welcome.findChild(QPushButton, "sample_yamanami-village")
    assert strip(button.text()).startswith("見本: ")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.doc is not None and window.doc.path is None
    assert window.doc.plan.municipality.name in button.text()
