"""``planner trial export|import|results``: the trial survey (issue 23, section 2).

    planner trial export PLAN -o FOLDER [--audience ID]… [--reply-by DATE]
    planner trial import PLAN FILE… [--apply]
    planner trial results PLAN [--json]

``export`` writes a questionnaire workbook per group (teleworker, supervisor,
colleague, front_line) into an existing folder. ``import`` reads answer workbooks or
CSVs, prints per file the group and the respondents, and every cell that could not be
taken (sheet, row, column); ``--apply`` keeps the answers in the plan (a file imported
again replaces what it gave before) and saves it. ``results`` prints the counts, shares,
averages, comments and each go/no-go criterion's outcome. Exit status 1 when a file or
a cell could not be taken, 0 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .cli_survey import _day, _save
from .terminal import say, terminal_safe


def add_trial_command(command) -> None:  # noqa: ANN001 - cli.build_parser's helper
    p = command("trial", "the trial survey: questionnaires, answers, results / "
                "試行アンケートの書き出し・回答の取り込み・結果")  # fmt: skip
    sub = p.add_subparsers(dest="trial_command", metavar="ACTION", required=True)
    exp = sub.add_parser("export", help="write the questionnaires / アンケートを書き出す")
    exp.add_argument("file", type=Path)
    exp.add_argument("-o", "--output", type=Path, required=True, help="an existing folder")
    exp.add_argument("--audience", action="append", default=[], metavar="ID",
                     choices=("teleworker", "supervisor", "colleague", "front_line"),
                     help="only this group (repeatable) / この回答者だけ（複数可）")  # fmt: skip
    exp.add_argument("--reply-by", type=_day, metavar="YYYY-MM-DD", help="回答期限")
    imp = sub.add_parser(
        "import", help="read answers (.xlsx, .csv) / 回答を取り込む（--apply で保存）"
    )
    imp.add_argument("file", type=Path)
    imp.add_argument("answers", type=Path, nargs="+", metavar="ANSWERS")
    imp.add_argument("--apply", action="store_true", help="keep them in the plan and save it")
    res = sub.add_parser("results", help="counts, shares, averages, criteria / 集計と判定")
    res.add_argument("file", type=Path)
    res.add_argument("--json", action="store_true")
    for q in (exp, imp, res):
        q.add_argument("--lang", choices=("ja", "en"), default=argparse.SUPPRESS)


def cmd_trial(ns: argparse.Namespace, load: Callable[[Path], Any]) -> int:
    from .loading import default_catalog
    from .loading.trial_questions import default_questions

    words = default_catalog().words
    if ns.trial_command == "export":
        from .office.trial_files import export_questionnaires
        from .report.documents import check_folder

        check_folder(ns.output)
        paths = export_questionnaires(load(ns.file), ns.output, audiences=ns.audience,
                                      reply_by=ns.reply_by, lang=ns.lang)  # fmt: skip
        for path in paths:
            print(terminal_safe(path), file=sys.stderr)
        return 0
    if ns.trial_command == "results":
        from .domain.trial_text import result_lines, results_data

        plan = load(ns.file)
        if ns.json:
            print(json.dumps(results_data(plan, default_questions()), ensure_ascii=False, indent=2))
        else:
            for line in result_lines(plan, default_questions(), words, ns.lang):
                say(line)
        return 0
    return _import(ns, load)


def _import(ns: argparse.Namespace, load: Callable[[Path], Any]) -> int:
    from .domain.trial_text import preview_lines
    from .loading import default_catalog
    from .office.trial_files import preview_trial_answers
    from .store.files import check_target

    json_plan = ns.file.suffix.lower() == ".json"
    if ns.apply:
        check_target(ns.file, suffix=".json" if json_plan else ".twplan", inputs=tuple(ns.answers))
    plan = load(ns.file)
    catalog = default_catalog()
    result = preview_trial_answers(plan, ns.answers)
    for line in preview_lines(result, catalog.words, ns.lang):
        say(line)
    op = result.operation(plan)
    en = ns.lang == "en"
    if not ns.apply:
        if op is not None:
            say("Add --apply to keep these answers in the plan." if en
                else "計画に保存するには --apply を付けてください。", err=True)  # fmt: skip
    elif op is not None:
        op.run(plan, catalog)
        _save(plan, ns.file, json_plan)
        say(f"{terminal_safe(ns.file)}: " + ("saved with the answers." if en
                                             else "回答を保存しました。"), err=True)  # fmt: skip
    return 1 if result.messages else 0
