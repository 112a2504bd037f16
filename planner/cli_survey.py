"""``planner survey export|import``: the task survey in Excel (issue 20).

    planner survey export PLAN -o FOLDER [--unit NAME]… [--one-workbook] [--reply-by DATE]
    planner survey import PLAN FILE… [--apply] [--accept-mismatch]

``export`` writes one workbook per unit (or one with a sheet per unit) into an existing
folder, one line per file on standard error. ``import`` prints what the replies would
change — per unit the tasks added, changed (old → new) and removed with their new
marks, and every cell that could not be taken — the same preview the window shows;
``--apply`` makes the change and saves the plan through the same target checks and
atomic save as import-json. A reply made from another plan or for another unit is left
out unless ``--accept-mismatch`` is given. Exit status 1 when a file or a reply was left
out (the rest is still applied), 0 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from .terminal import say, terminal_safe


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def add_survey_command(command) -> None:  # noqa: ANN001 - cli.build_parser's helper
    p = command("survey", "the task survey in Excel: write the sheets, import the replies / "
                "業務の洗い出し調査票（Excel）の書き出しと回答の取り込み")  # fmt: skip
    sub = p.add_subparsers(dest="survey_command", metavar="ACTION", required=True)
    exp = sub.add_parser(
        "export", help="write a survey workbook per unit / 課ごとの調査票を書き出す"
    )
    exp.add_argument("file", type=Path)
    exp.add_argument("-o", "--output", type=Path, required=True, help="an existing folder")
    exp.add_argument("--unit", action="append", default=[], metavar="NAME",
                     help="only this unit (repeatable) / この課だけ（複数可）")  # fmt: skip
    exp.add_argument("--one-workbook", action="store_true",
                     help="one workbook with a sheet per unit / 1つのファイルに課ごとのシート")  # fmt: skip
    exp.add_argument("--reply-by", type=_day, metavar="YYYY-MM-DD",
                     help="the reply-by date (default: in two weeks) / 回答期限")  # fmt: skip
    imp = sub.add_parser("import", help="show (and with --apply make) what replies change / "
                         "回答を取り込む（--apply で反映）")  # fmt: skip
    imp.add_argument("file", type=Path)
    imp.add_argument("replies", type=Path, nargs="+", metavar="REPLY")
    imp.add_argument("--apply", action="store_true",
                     help="change the plan and save it / 計画に反映して保存する")  # fmt: skip
    imp.add_argument("--accept-mismatch", action="store_true",
                     help="also take replies made from another plan or for another unit / "
                     "別の計画・別の課の回答も取り込む")  # fmt: skip
    for q in (exp, imp):  # also after the action; SUPPRESS keeps the parent's value otherwise
        q.add_argument("--lang", choices=("ja", "en"), default=argparse.SUPPRESS)


def cmd_survey(ns: argparse.Namespace, load: Callable[[Path], Any]) -> int:
    if ns.survey_command == "export":
        return _export(ns, load)
    return _import(ns, load)


def _export(ns: argparse.Namespace, load: Callable[[Path], Any]) -> int:
    from .office.survey_files import export_survey
    from .report.documents import check_folder

    check_folder(ns.output)  # before the plan is read
    plan = load(ns.file)
    paths = export_survey(plan, ns.output, units=ns.unit, one_workbook=ns.one_workbook,
                          reply_by=ns.reply_by, lang=ns.lang)  # fmt: skip
    for path in paths:
        print(terminal_safe(path), file=sys.stderr)
    return 0


def _t(ns: argparse.Namespace, ja: str, en: str) -> str:
    return en if ns.lang == "en" else ja


def _import(ns: argparse.Namespace, load: Callable[[Path], Any]) -> int:
    from .domain.survey_text import preview_lines
    from .loading import default_catalog
    from .office.survey_files import preview_replies
    from .store.files import check_target

    json_plan = ns.file.suffix.lower() == ".json"
    if ns.apply:  # the plan is written back: the checks of import-json, before anything is read
        check_target(ns.file, suffix=".json" if json_plan else ".twplan", inputs=tuple(ns.replies))
    plan = load(ns.file)
    catalog = default_catalog()
    result = preview_replies(plan, ns.replies, catalog)
    for line in preview_lines(result, ns.lang, ns.accept_mismatch):
        say(line)
    left_out = [u for u in result.units if not u.applies(ns.accept_mismatch)]
    op = result.operation(accept_mismatch=ns.accept_mismatch)
    if not ns.apply:
        if op is not None:
            say(_t(ns, "計画に反映するには --apply を付けてください。",
                   "Add --apply to make these changes to the plan."), err=True)  # fmt: skip
    elif op is None:
        say(_t(ns, "計画は変わりません。", "The plan is unchanged."), err=True)
    else:
        op.run(plan, catalog)  # checked as every edit is: a refused one changes nothing
        _save(plan, ns.file, json_plan)
        say(f"{terminal_safe(ns.file)}: " + _t(ns, "回答を反映して保存しました。",
                                               "saved with the replies."), err=True)  # fmt: skip
    if left_out or result.failures:
        n = len(left_out) + len(result.failures)
        say("planner: " + _t(ns, f"取り込まなかった回答・ファイルが{n}件あります。",
                             f"{n} replies or files were not taken."), err=True)  # fmt: skip
        return 1
    return 0


def _save(plan: Any, path: Path, json_plan: bool) -> None:
    if json_plan:
        from .store.interchange import export_json

        export_json(plan, path)
    else:
        from .store.project import save_plan

        save_plan(plan, path)
