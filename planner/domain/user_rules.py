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
from .datafile import read_small_file
from .errors import ResourceError
from .text import L10n

ENV = "TELEWORK_PLANNER_RULES_DIR"
SUFFIX = ".toml"
MAX_RULE_FILE = 256 * 1024  # one year's rule is about 1 KB


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


def load_user_rules(
    folder: Path | None, categories: frozenset[str]
) -> tuple[list[SubsidyRule], list[L10n]]:
    """The valid imported rules, and a message naming each file that is not (never a crash:
    the program must start whatever a user or another program left in the folder)."""
    from .subsidy_rules import parse_rule_file

    rules: list[SubsidyRule] = []
    problems: list[L10n] = []
    for path in rule_files(folder):
        try:
            rules.append(
                parse_rule_file(read_small_file(path, MAX_RULE_FILE), path.name, categories)
            )
            continue
        except ResourceError as e:
            why: ResourceError | L10n = e
        except OSError as e:
            detail = e.strerror or type(e).__name__
            why = L10n(f"読めません（{detail}）", f"cannot be read ({detail})")
        except Exception as e:  # noqa: BLE001 - a fault of ours must not stop the start either
            why = L10n(f"読めません（{type(e).__name__}）", f"cannot be read ({type(e).__name__})")
        problems.append(not_used(path.name, why))
    rules.sort(key=lambda r: (r.fiscal_year, r.date))
    return rules, problems


def not_used(name: str, why: ResourceError | L10n) -> L10n:
    """取り込んだルールファイル x.toml を使いません — 項目「rules[0].date」: …, in ja and en."""
    if isinstance(why, ResourceError):
        whole = why.field in ("", "-")
        problem = why.problem
        at_ja = "" if whole else f"項目「{why.field}」: "
        at_en = "" if whole else f"field '{why.field}': "
    else:
        problem, at_ja, at_en = why, "", ""
    return L10n(
        f"取り込んだルールファイル {name} は使いません — {at_ja}{problem.ja}",
        f"The imported rule file {name} is not used — {at_en}{problem.en}",
    )
