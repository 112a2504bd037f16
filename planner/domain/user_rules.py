"""Rule files a user has imported (issue 15): where they live, and reading them.

The bundled rule file ends with the last fiscal year a notice was found for.
A town can add a newer year's rule (same TOML form, one fiscal year, with its
source and date); planner/store/rules_store.py checks and stores such files
in the folder below, and ``default_catalog`` merges them over the bundled
rules (an imported year replaces the bundled rule of that year).

Folder: ``TELEWORK_PLANNER_RULES_DIR`` if set (an empty value turns imported
rules off); otherwise the per-user data folder, computed without Qt:
%APPDATA%\\TeleworkPlanner\\rules on Windows, $XDG_DATA_HOME/telework-planner/rules
(default ~/.local/share/...) elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

from .catalog import SubsidyRule
from .errors import ResourceError
from .text import L10n

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
    if folder is None or not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix == SUFFIX and p.is_file())


def load_user_rules(
    folder: Path | None, categories: frozenset[str]
) -> tuple[list[SubsidyRule], list[L10n]]:
    """The valid imported rules, and a message for each file that is not (never a crash:
    the program must start even if a stored file was damaged)."""
    from .subsidy_rules import parse_rule_file

    rules: list[SubsidyRule] = []
    problems: list[L10n] = []
    for path in rule_files(folder):
        try:
            rules.append(parse_rule_file(path.read_bytes(), path.name, categories))
        except ResourceError as e:
            problems.append(e.message)
        except OSError as e:
            problems.append(
                L10n(
                    f"取り込んだルールファイル {path.name} を読めません（{e.strerror}）。",
                    f"Cannot read the imported rule file {path.name} ({e.strerror}).",
                )
            )
    rules.sort(key=lambda r: (r.fiscal_year, r.date))
    return rules, problems
