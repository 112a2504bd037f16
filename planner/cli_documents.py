"""``planner documents PLAN -o FOLDER [--only NAME]``: the documents a town files (issue 21).

The implementing rules draft, the rules to amend, the council summary (PDF and Word),
the forms and the plan in Word, written into an existing folder (each file checked and
written atomically, as every export is). ``--only`` (repeatable) names the documents
wanted; without it all are written. One line per file on standard error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

NAMES = ("plan", "rules", "amend", "council", "application", "work_plan", "loan_register",
         "pledge", "self_check")  # fmt: skip  (report.documents.NAMES, without importing it)


def add_documents_command(command) -> None:  # noqa: ANN001 - cli.build_parser's helper
    p = command("documents", "write the rules draft, forms, council summary and the plan in Word / "
                "実施要綱案・様式・議会説明資料・実施計画書（Word）を作成する")  # fmt: skip
    p.add_argument("file", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True, help="an existing folder")
    p.add_argument("--only", action="append", choices=NAMES, metavar="NAME",
                   help="only this document (repeatable): " + ", ".join(NAMES))  # fmt: skip


def cmd_documents(ns: argparse.Namespace, load: Callable[[Path], Any],
                  safe: Callable[[object], str]) -> int:  # fmt: skip
    from .report.documents import check_folder, make_documents

    check_folder(ns.output)  # before the plan is read
    plan = load(ns.file)
    for path in make_documents(plan, ns.output, only=ns.only or (), lang=ns.lang):
        print(safe(path), file=sys.stderr)
    return 0
