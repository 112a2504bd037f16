"""The layering contracts of pyproject.toml hold, and a violation is caught."""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=cwd, capture_output=True, text=True,
        env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip


def test_contracts_are_kept():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["importlinter"]
    assert f"Contracts: {len(contracts['contracts'])} kept, 0 broken." in result.stdout


def test_a_qt_import_in_the_domain_breaks_the_contract(tmp_path):
    shutil.copytree(
        ROOT / "planner", tmp_path / "planner", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    (tmp_path / "planner" / "domain" / "leak.py").write_text("import PySide6.QtCore\n")
    result = _lint(tmp_path)
    assert result.returncode != 0
    assert "planner.domain.leak -> PySide6" in result.stdout


def test_a_circle_or_a_file_read_in_the_domain_breaks_the_contracts(tmp_path):
    """Issue 19: the domain's layers contract fails on an import circle, and the domain may
    not read files (os, pathlib, tomllib, the loader)."""
    shutil.copytree(
        ROOT / "planner", tmp_path / "planner", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    domain = tmp_path / "planner" / "domain"
    leaf = domain / "vocabularies.py"  # the bottom layer, made to import the top one
    leaf.write_text(leaf.read_text("utf-8") + "\n\ndef late():\n    from . import warnings\n")
    text = domain / "text.py"
    text.write_text(text.read_text("utf-8") + "\nimport pathlib\nfrom ..loading import words\n")
    result = _lint(tmp_path)
    assert result.returncode != 0
    assert "planner.domain.vocabularies -> planner.domain.warnings" in result.stdout
    assert "planner.domain.text -> pathlib" in result.stdout
    assert "planner.domain.text -> planner.loading.words" in result.stdout
