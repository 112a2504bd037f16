"""``planner rules import FILE`` and ``planner rules list`` (issue 15).

Imported rule files (one fiscal year's rule of the special allocation tax
measure, in the bundled TOML form) are stored per user by
planner/store/rules_store.py and merged over the bundled rules.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .terminal import terminal_safe as safe


def add_rules_command(command) -> None:  # noqa: ANN001 - cli.build_parser's helper
    p = command("rules", "subsidy rule files / 特別交付税措置のルールファイル")
    rsub = p.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    imp = rsub.add_parser("import", help="check and store a rule file / ルールファイルを取り込む")
    imp.add_argument("file", type=Path)
    lst = rsub.add_parser("list", help="list the rules in use / 使用するルールの一覧")
    for q in (imp, lst):  # also after the action; SUPPRESS keeps the parent's value otherwise
        q.add_argument("--lang", choices=("ja", "en"), default=argparse.SUPPRESS)


def cmd_rules(ns: argparse.Namespace) -> int:
    from .domain.subsidy_rules import coverage_words
    from .domain.subsidy_text import replaced_rule_note
    from .loading import bundled_catalog, with_user_rules
    from .store.rules_store import import_rule_file, list_rules

    en = ns.lang == "en"
    if ns.rules_command == "import":
        stored = import_rule_file(ns.file)
        r = stored.rule
        print(
            safe(
                f"FY{r.fiscal_year}: {r.source.en} ({r.date.isoformat()}) → {stored.path}"
                if en
                else f"{r.fiscal_year}年度: {r.source.ja}（{r.date.isoformat()}）→ {stored.path}"
            )
        )
        if stored.replaced is not None:
            print(safe(replaced_rule_note(stored.replaced, r).get(ns.lang)))
        return 0
    stored, problems = list_rules()
    catalog = with_user_rules(bundled_catalog())
    for r in catalog.subsidy_rules:
        origin = r.origin if r.origin != "bundled" else ("bundled" if en else "同梱")
        cover = coverage_words(r.coverage).get(ns.lang)
        cells = (f"FY{r.fiscal_year}", r.date.isoformat(), origin, cover, r.source.get(ns.lang))
        print("\t".join(safe(c) for c in cells))  # the tabs between columns are ours
    for p in problems:
        print(f"planner: {safe(p.get(ns.lang))}", file=sys.stderr)
    last = catalog.subsidy_rules[-1].fiscal_year
    print(
        f"Years after FY{last} assume the FY{last} rule (no notice included)."
        if en
        else f"{last + 1}年度以降は通知が含まれていないため、{last}年度のルールを仮定します。",
        file=sys.stderr,
    )
    return 0


def warn_unused_rule_files(lang: str) -> None:
    """Each imported rule file that is not used, one line on stderr (every plan command)."""
    from .loading import default_catalog

    for p in default_catalog().rule_problems:
        print(f"planner: {safe(p.get(lang))}", file=sys.stderr)
