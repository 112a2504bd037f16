"""The plan commands of the command line: validate, summary, import-json, export-json,
export-pdf (``cli.py`` parses the words and runs them; ``cli_text.py``: export-text).

Every figure of ``summary`` comes from planner.domain.costs for the adopted scenario, as
in the GUI and the PDF; the warnings come from planner.domain.warnings, as on the summary
page and in the PDF. The domain, the store and the report are imported when a command
needs them: ``planner --help`` loads none of them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .terminal import json_safe, one_line, say, terminal_safe

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def load_plan(path: Path, rules: str | None = None):  # noqa: ANN201 - returns a Plan
    """A plan from a .twplan file, or from a plan JSON file (by suffix). ``rules``
    (``--rules``, issue 19): "plan" or "local" computes with the rules recorded in the
    file or with this PC's; None, as the plan says (as the window would show it)."""
    if path.suffix.lower() == ".json":
        from .store.interchange import import_json

        plan = import_json(path)
    else:
        from .store.project import open_plan

        plan = open_plan(path)
    if rules is not None:
        plan.subsidy_rules_from = rules
    return plan


def plan_loader(ns: argparse.Namespace):  # noqa: ANN201 - a function path -> Plan
    """``load_plan`` with the command's ``--rules``."""
    return lambda path: load_plan(path, getattr(ns, "rules", None))


RULES_HELP = (
    "subsidy rules to compute with: plan = the rules recorded in the file (the figures it was "
    "saved with), local = this PC's; default: what the plan says (this PC's unless it was "
    "switched to its recorded rules) / 措置ルール: plan=計画に記録されたルール, local=このPCのルール"
)


def add_rules_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--rules", choices=("plan", "local"), default=None, help=RULES_HELP)


def fail(message: str) -> int:
    """The one line on stderr for a refusal (``planner: …``); the exit status 1."""
    print(f"planner: {terminal_safe(one_line(message))}", file=sys.stderr)
    return EXIT_REFUSED


def _warnings(plan: Any) -> list:
    from .domain.warnings import plan_warnings
    from .loading import default_catalog

    return plan_warnings(plan, default_catalog())


def _print_warnings(warnings: list, lang: str, *, err: bool = False) -> None:
    from .domain.warnings import warning_line

    if warnings:
        say(
            f"Points to check ({len(warnings)}):"
            if lang == "en"
            else f"確認が必要な点（{len(warnings)}件）:",
            err=err,
        )
    for w in warnings:
        say("  " + terminal_safe(warning_line(w, lang)), err=err)


def cmd_validate(ns: argparse.Namespace) -> int:
    plan = load_plan(ns.file, ns.rules)
    name, path = terminal_safe(plan.municipality.name), terminal_safe(ns.file)
    if ns.lang == "en":
        say(f"OK: {path} — {name}, {len(plan.units)} units, "
            f"{len(plan.selected_tasks())} selected tasks")  # fmt: skip
    else:
        say(f"OK: {path} — {name}（課 {len(plan.units)}、"
            f"選定業務 {len(plan.selected_tasks())}件）")  # fmt: skip
    warnings = _warnings(plan)
    _print_warnings(warnings, ns.lang)
    count = sum(not w.is_note for w in warnings)
    if ns.strict and count:
        return fail(f"the plan has {count} warning(s) (--strict)." if ns.lang == "en"
                    else f"計画に警告が{count}件あります（--strict）。")  # fmt: skip
    return EXIT_OK


def cmd_summary(ns: argparse.Namespace) -> int:
    from .cli_summary import summary_data, summary_text

    plan = load_plan(ns.file, ns.rules)
    if ns.json:
        print(
            json_safe(json.dumps(summary_data(plan, _warnings(plan)), ensure_ascii=False, indent=2))
        )
    else:
        say(summary_text(plan, ns.lang, _warnings(plan)))
        _print_warnings(_warnings(plan), ns.lang)
    return EXIT_OK


def cmd_import_json(ns: argparse.Namespace) -> int:
    from .store.files import check_target
    from .store.interchange import as_exported, import_json
    from .store.project import save_plan

    check_target(ns.output, suffix=".twplan", inputs=(ns.input,))
    plan = import_json(ns.input)
    save_plan(as_exported(plan), ns.output)  # with the rules its figures use (issue 19)
    say(f"{terminal_safe(ns.output)}: {terminal_safe(plan.municipality.name)}", err=True)
    return EXIT_OK


def cmd_export_json(ns: argparse.Namespace) -> int:
    from .store.files import check_target
    from .store.interchange import as_exported, dumps, export_json

    if ns.output != "-":
        check_target(ns.output, suffix=".json", inputs=(ns.file,))
    plan = load_plan(ns.file, ns.rules)
    if ns.output == "-":
        sys.stdout.write(json_safe(dumps(as_exported(plan))))
    else:
        export_json(as_exported(plan), ns.output)  # with the rules its figures use (issue 19)
    return EXIT_OK


def cmd_export_pdf(ns: argparse.Namespace) -> int:
    from .report.result import write_error
    from .store.files import check_target

    check_target(ns.output, suffix=".pdf", inputs=(ns.file,), failure=write_error)
    plan = load_plan(ns.file, ns.rules)
    from .report import export_pdf  # reportlab and matplotlib load only for this command

    result = export_pdf(plan, ns.output, lang=ns.lang)
    for w in result.warnings:
        say(f"planner: {terminal_safe(one_line(w))}", err=True)
    _print_warnings(_warnings(plan), ns.lang, err=True)
    pages = f"{result.pages} pages" if ns.lang == "en" else f"{result.pages}ページ"
    say(f"{terminal_safe(ns.output)}: {pages}", err=True)
    return EXIT_OK
