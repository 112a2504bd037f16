"""``planner export-text FILE -o OUT.md`` (``-o -``: standard output): the plan as Markdown.

The same content as the PDF (issue 19: the writer seam), every chapter, table and
figure (as its data). The target is checked as every writer's is, before the plan is
read (store/files.check_target), and written through the one atomic write.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def add_text_command(command) -> None:  # noqa: ANN001 - cli.build_parser's helper
    p = command("export-text", "write the implementation plan as Markdown text / "
                "実施計画書をテキスト（Markdown）に出力する")  # fmt: skip
    p.add_argument("file", type=Path)
    p.add_argument("-o", "--output", required=True, help="output file, or - for standard output")


def cmd_export_text(ns: argparse.Namespace, load: Callable[[Path], Any]) -> int:
    from .report import export_text, plan_text
    from .report.result import TEXT
    from .store.files import check_target

    if ns.output == "-":
        sys.stdout.write(plan_text(load(ns.file), lang=ns.lang))
        return 0
    check_target(ns.output, suffix=TEXT.suffix, inputs=(ns.file,), failure=TEXT.failure)
    export_text(load(ns.file), ns.output, lang=ns.lang)
    return 0
