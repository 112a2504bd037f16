"""Shared fixtures. Qt runs offscreen; the bundled catalog is read once."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

os.environ.setdefault("TELEWORK_PLANNER_RULES_DIR", "")  # no imported rules in tests

import pytest  # noqa: E402

from planner.domain.catalog import Catalog  # noqa: E402
from planner.domain.model import Municipality  # noqa: E402
from planner.loading import default_catalog  # noqa: E402


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return default_catalog()


@pytest.fixture
def municipality() -> Municipality:
    return Municipality(
        name="さくら町", prefecture="長野県", general_staff=120, all_staff=180, fiscal_year=2025,
        author="山田 花子", department="総務課 職員係",
    )  # fmt: skip


@pytest.fixture(scope="session", autouse=True)
def _isolated_settings(tmp_path_factory):
    """QSettings and QStandardPaths write into a temporary home, never the developer's."""
    home = tmp_path_factory.mktemp("home")
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["XDG_DATA_HOME"] = str(home / "data")
    os.environ["HOME"] = str(home)


@pytest.fixture
def app(qapp):
    """The Qt application as the program sets it up: bundled fonts, Japanese UI."""
    from planner.ui import i18n
    from planner.ui.app import create_app

    create_app()
    i18n.set_language("ja", remember=False)
    yield qapp
    i18n.set_language("ja", remember=False)
    # a language or text size a test chose (from the menu or by hand) is not the next
    # test's start: no test needs to restore them itself
    from PySide6.QtCore import QSettings

    from planner.ui import text_size

    QSettings().remove("ui/language")
    QSettings().remove(text_size.KEY)
    text_size.set_level("normal", remember=False)


@pytest.fixture
def replies(monkeypatch):
    """Scripted answers for every dialog; what the program asked is recorded."""
    from planner.ui import dialogs

    state = {
        "save_changes": "discard",
        "yes_no": False,
        "open": None,
        "save": None,
        "asked": [],
        "errors": [],
        "infos": [],
    }

    def record(kind, value):
        def fn(*args, **kwargs):
            state["asked"].append((kind, tuple(args[1:]) + tuple(kwargs.values())))
            return value() if callable(value) else value

        return fn

    monkeypatch.setattr(
        dialogs, "ask_save_changes", record("save_changes", lambda: state["save_changes"])
    )
    monkeypatch.setattr(dialogs, "ask_yes_no", record("yes_no", lambda: state["yes_no"]))
    monkeypatch.setattr(dialogs, "choose_open_file", record("open", lambda: state["open"]))
    monkeypatch.setattr(dialogs, "choose_save_file", record("save", lambda: state["save"]))
    monkeypatch.setattr(
        dialogs, "show_error", lambda _p, title, text: state["errors"].append((title, text))
    )
    monkeypatch.setattr(
        dialogs, "show_info", lambda _p, title, text: state["infos"].append((title, text))
    )
    return state


@pytest.fixture
def window(app, qtbot, tmp_path, replies):
    from planner.ui.main_window import MainWindow

    w = MainWindow(recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    if w.doc is not None:
        w.doc.undo_stack.clear()  # no "save changes?" at teardown
        w.doc.undo_stack.setClean()
