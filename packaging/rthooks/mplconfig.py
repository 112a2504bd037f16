"""PyInstaller runtime hook: a persistent per-user folder for matplotlib's caches.

Runs before the program in the bundle only. Without it, matplotlib in a frozen
program rebuilds its font cache at every start (see shared pitfalls.md). A folder
already named by the user (MPLCONFIGDIR set) is kept.
"""

import os
import sys
from pathlib import Path


def _cache_root() -> Path:
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local"
        return Path(base) / "TeleworkPlanner"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "TeleworkPlanner"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "telework-planner"


if not os.environ.get("MPLCONFIGDIR"):
    folder = _cache_root() / "matplotlib"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # matplotlib then falls back to a temporary folder by itself
    else:
        os.environ["MPLCONFIGDIR"] = str(folder)
