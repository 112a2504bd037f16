"""Where the rule files a user imported live, and which files are there (issue 15), with
nothing of the catalog: the window asks at start-up whether there is any to read (issue 25).

Folder: ``TELEWORK_PLANNER_RULES_DIR`` if set (an empty value turns imported
rules off); otherwise the per-user data folder, computed without Qt:
%APPDATA%\\TeleworkPlanner\\rules on Windows, $XDG_DATA_HOME/telework-planner/rules
(default ~/.local/share/...) elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV = "TELEWORK_PLANNER_RULES_DIR"
SUFFIX = ".toml"


def user_rules_dir() -> Path | None:
    env = os.environ.get(ENV)
    if env is not None:
        return Path(env) if env else None
    if os.name == "nt":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(base) / "TeleworkPlanner" / "rules"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "telework-planner" / "rules"


def rule_files(folder: Path | None) -> list[Path]:
    """Every ``*.toml`` entry of the folder (hidden ones aside: a Mac's ``._x.toml``).

    Entries that are not regular files are listed too, so that they are named
    in a warning rather than passed over (or read: a FIFO would hang the start).
    """
    if folder is None:
        return []
    try:
        if not folder.is_dir():
            return []
        return sorted(
            p for p in folder.iterdir() if p.suffix == SUFFIX and not p.name.startswith(".")
        )
    except OSError:
        return []
