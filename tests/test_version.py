"""The program's version constant is the one in pyproject.toml and in the installed metadata."""

from __future__ import annotations

import tomllib
from importlib.metadata import version as installed_version
from pathlib import Path

import planner

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def test_the_version_constant_is_pyprojects():
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    assert planner.version() == planner.__version__ == project["version"]


def test_the_installed_metadata_agrees():
    assert installed_version("telework-planner") == planner.__version__


def test_version_option_prints_the_package_metadata(monkeypatch, capsys):
    import importlib.metadata

    from planner.cli import run_cli

    monkeypatch.setattr(
        importlib.metadata, "version", lambda name: "9.9.9" if name == "telework-planner" else "?"
    )
    assert run_cli(["--version"]) == 0
    assert capsys.readouterr().out.strip() == "Telework Planner 9.9.9"
