"""Telework Planner (テレワーク導入計画ウィザード)."""

from __future__ import annotations

APP_NAME = "Telework Planner"
APP_NAME_JA = "テレワーク導入計画ウィザード"

# The same as ``version`` in pyproject.toml (tests/test_version.py keeps them equal).
# A constant, not importlib.metadata: importing that costs ~50 ms, paid at the first
# open, save or CLI command, and a bundled program need not carry the metadata.
__version__ = "0.1.0"


def version() -> str:
    """The program's version."""
    return __version__
