"""The shipped sample plans, opened as untitled copies so the originals never change."""

from __future__ import annotations

import json
import shutil
import tempfile
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import PlannerError
from ..resources import resource_path
from . import dialogs
from .i18n import lang, t

if TYPE_CHECKING:
    from .main_window import MainWindow


@cache
def sample_files() -> tuple[tuple[Path, str], ...]:
    """Each shipped sample plan with the municipality it describes, e.g. 「かわせみ町（静岡県）」.

    Read once per process: the welcome screen and the Help menu both list them."""
    out = []
    for path in sorted(resource_path("samples").glob("*.twplan")):
        label = path.stem
        try:  # the JSON twin names the municipality without opening the plan file
            info = json.loads(path.with_suffix(".json").read_text("utf-8"))["plan"]["municipality"]
            label = f"{info['name']}（{info['prefecture']}）"
        except (OSError, ValueError, KeyError, TypeError):
            pass
        out.append((path, label))
    return tuple(out)


def open_sample(window: MainWindow, path: Path) -> bool:
    """Open a copy of the sample with no file name: saving asks where to keep it."""
    from ..store.project import open_plan
    from .document import PlanDocument

    if not window.files.close_plan():
        return False
    try:
        # read from a private copy: even opening never touches the shipped file
        with tempfile.TemporaryDirectory(prefix="planner-sample-") as folder:
            copy = Path(folder) / path.name
            shutil.copyfile(path, copy)
            plan = open_plan(copy, window.catalog)
    except (PlannerError, OSError) as err:
        text = err.text(lang()) if isinstance(err, PlannerError) else str(err)
        dialogs.show_error(window, t("見本を開けません", "Cannot open the sample"), text)
        return False
    doc = PlanDocument(plan, window.catalog)
    from .file_actions import default_folder

    doc.suggested_path = default_folder() / path.name
    window.set_document(doc)
    return True
