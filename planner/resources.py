"""The one place that knows where the bundled resources live.

Found next to the package via ``__file__``, which works from the source tree,
from an editable install and from a PyInstaller one-folder bundle (where both
``planner/`` and ``resources/`` sit under ``_internal``).
"""

from __future__ import annotations

from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent


def resource_dir() -> Path:
    return _ROOT / "resources"


def resource_path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def migrations_dir() -> Path:
    return _ROOT / "db"
