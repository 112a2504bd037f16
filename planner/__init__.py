"""Telework Planner (テレワーク導入計画ウィザード)."""

from __future__ import annotations

APP_NAME = "Telework Planner"
APP_NAME_JA = "テレワーク導入計画ウィザード"


def version() -> str:
    """The installed package's version (from its metadata)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as _version

    try:
        return _version("telework-planner")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+source"
