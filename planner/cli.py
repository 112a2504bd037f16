"""The headless command line: same domain, store and report as the GUI.

    planner validate FILE [--strict]      check a plan file (.twplan or .json); --strict: warnings fail
    planner summary FILE [--json]         municipality, tasks, teleworkers, costs
    planner import-json IN.json -o OUT.twplan
    planner export-json FILE -o OUT.json  (-o - writes to standard output)
    planner export-pdf FILE -o OUT.pdf [--lang ja|en]
    planner export-text FILE -o OUT.md [--lang ja|en]  (-o - writes to standard output)
    planner survey export PLAN -o FOLDER [--unit NAME]…   the task survey in Excel (issue 20)
    planner survey import PLAN REPLY… [--apply] [--accept-mismatch]
    planner budget FILE -o OUT.xlsx [--all-scenarios]  the budget request workbook (cli_budget.py)
    planner trial export|import|results PLAN …  the trial survey (cli_trial.py, issue 23)
    planner diff OLD NEW [--json] [-o OUT.pdf|OUT.md [--with-plan]]  what changed (cli_diff.py)
    planner rollup FOLDER_OR_FILES… -o OUT.xlsx|OUT.pdf|OUT.json  many plans (cli_rollup.py)

``--rules plan|local`` (validate, summary, export-*, documents; issue 19): compute with the
subsidy rules recorded in the file or with this PC's; by default as the plan says.

``--lang ja|en`` (messages; default ja) goes before or after the command. A first word
that is neither a command nor an existing file is a usage error naming the closest
command; ``planner`` alone (or with a file) opens the window, or says in one line that
there is no display. Standard output and error never fail on a character the terminal's
encoding lacks (cp932, ASCII): it is written as an escape.

Every writer checks its target first (store/files.check_target): not its input under any
name, not a plan unless it writes one, not a plan someone has open, not a name too long.

Exit status 0 on success; 1 with a one-line reason on stderr when a file is
refused or cannot be written (or, with ``validate --strict``, when the plan has
warnings); 2 for a usage error. This module reads the words and runs a command: the
commands are in ``cli_commands.py`` (``cli_text.py``: export-text, ``cli_rules.py``: rules).

Nothing from a file or the command line reaches the terminal raw: every line
goes through ``terminal_safe`` (``terminal.py``; control characters shown as ``\x1b``,
``\u202e``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import APP_NAME, version
from .cli_budget import add_budget_command, cmd_budget  # issue 20: planner budget
from .cli_commands import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    add_rules_option,
    cmd_export_json,
    cmd_export_pdf,
    cmd_import_json,
    cmd_summary,
    cmd_validate,
    fail,
    plan_loader,
)
from .cli_diff import add_diff_command, cmd_diff  # issue 24: planner diff OLD NEW
from .cli_documents import add_documents_command, cmd_documents
from .cli_rollup import add_rollup_command, cmd_rollup  # issue 24: planner rollup
from .cli_survey import add_survey_command, cmd_survey
from .cli_text import add_text_command, cmd_export_text
from .cli_trial import add_trial_command, cmd_trial
from .domain.errors import PlannerError
from .terminal import terminal_safe, tolerant_streams

COMMANDS = ("validate", "summary", "import-json", "export-json", "export-pdf", "export-text",
            "rules", "documents", "survey", "budget", "trial", "diff", "rollup")  # fmt: skip
# the commands that take --rules (issue 19)
RULES_COMMANDS = ("validate", "summary", "export-json", "export-pdf", "export-text", "documents",
                  "budget", "diff")  # fmt: skip
__all__ = ["EXIT_OK", "EXIT_REFUSED", "EXIT_USAGE", "invocation", "no_display", "run_cli",
           "terminal_safe", "unknown_command"]  # fmt: skip


def _after_global_options(args: list[str]) -> tuple[str | None, list[str]]:
    """The ``--lang`` given before the command, and the words after it."""
    lang, i = None, 0
    while i < len(args):
        if args[i] == "--lang" and i + 1 < len(args):
            lang, i = args[i + 1], i + 2
        elif args[i].startswith("--lang="):
            lang, i = args[i].partition("=")[2], i + 1
        else:
            break
    return lang, args[i:]


def invocation(args: list[str]) -> str:
    """What the words ask for: ``"cli"``, ``"gui"`` or ``"unknown"``.

    A command or an option (``--lang`` also before the command) is the command line;
    nothing, or an existing file, is the window (a double-click passes the file). Any other
    word is a mistyped or unknown command, a usage error, except in the windowed program,
    which has no console to say so (no stderr): there the window says what is missing.
    """
    _lang, rest = _after_global_options(args)
    if not rest:
        return "cli" if args else "gui"  # options alone: the help
    if rest[0] in COMMANDS or rest[0].startswith("-"):
        return "cli"
    if sys.stderr is None:
        return "gui"
    from os.path import exists

    if exists(rest[0]):  # the window takes no options: argparse says so after --lang
        return "gui" if rest == args else "cli"
    return "unknown"


def unknown_command(args: list[str]) -> int:
    """The usage error for a word that is neither a command nor a file: the commands, and
    the closest one (``valdate`` → ``validate``)."""
    import difflib

    tolerant_streams()
    lang, rest = _after_global_options(args)
    word = terminal_safe(rest[0])
    close = difflib.get_close_matches(rest[0], COMMANDS, n=1)
    listing = ", ".join(COMMANDS)
    if lang == "en":
        hint = f" Did you mean '{close[0]}'?" if close else ""
        message = (f"'{word}' is neither a command nor an existing file.{hint} "
                   f"Commands: {listing} (see planner --help)")  # fmt: skip
    else:
        hint = f"「{close[0]}」のことですか。" if close else ""
        message = (f"「{word}」はコマンドでも既存のファイルでもありません。{hint}"
                   f"コマンド: {listing}（詳しくは planner --help）")  # fmt: skip
    print(f"planner: {message}", file=sys.stderr)
    return EXIT_USAGE


def no_display(lang: str) -> int:
    """``planner`` (the window) on a machine without a display: one line, not Qt's abort."""
    tolerant_streams()
    print("planner: " + ("there is no display to open the window on. For the commands, "
                         "see planner --help." if lang == "en" else
                         "画面（ディスプレイ）がないため、ウィンドウを開けません。"
                         "コマンドの一覧は planner --help で表示されます。"),
          file=sys.stderr)  # fmt: skip
    return EXIT_REFUSED


class _PrintVersion(argparse.Action):
    """``--version``: the version in the installed package's metadata (read only when asked)."""

    def __init__(self, option_strings, dest, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from importlib.metadata import PackageNotFoundError
        from importlib.metadata import version as dist_version

        try:
            installed = dist_version("telework-planner")
        except PackageNotFoundError:  # a source tree that was never installed
            installed = version()
        print(f"{APP_NAME} {installed}")
        parser.exit()


class _Parser(argparse.ArgumentParser):
    """argparse echoes unknown arguments as typed: its messages go through terminal_safe too."""

    def _print_message(self, message: str, file=None) -> None:  # noqa: ANN001
        if message:
            super()._print_message(terminal_safe(message, keep_newlines=True), file)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="planner",
        description=f"{APP_NAME} — テレワーク導入計画ウィザード. "
        "Without a command the program window opens; 'planner FILE' opens FILE in it.",
    )
    parser.add_argument(
        "--version", "-V", action=_PrintVersion, help="show the installed version and exit"
    )
    lang_help = "language of messages (default ja), before or after the command"
    parser.add_argument("--lang", choices=("ja", "en"), default="ja", help=lang_help)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        # SUPPRESS: not given after the command, the value given before it (or ja) stays
        p.add_argument("--lang", choices=("ja", "en"), default=argparse.SUPPRESS, help=lang_help)
        return p

    p = command("validate", "check a plan file (.twplan or .json) / 計画ファイルを検査する")
    p.add_argument("file", type=Path)
    p.add_argument(
        "--strict", action="store_true", help="exit 1 when the plan has warnings / 警告があれば失敗"
    )
    p = command("summary", "print the plan's key figures / 計画の概要と経費")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="machine-readable output (integer yen)")
    p = command("import-json", "make a .twplan from a plan JSON file / JSONから計画ファイルを作る")
    p.add_argument("input", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True)
    p = command("export-json", "write a plan as JSON / 計画をJSONに書き出す")
    p.add_argument("file", type=Path)
    p.add_argument("-o", "--output", required=True, help="output file, or - for standard output")
    p = command("export-pdf", "write the implementation plan as PDF / 実施計画書をPDFに出力する")
    p.add_argument("file", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True)
    from .cli_rules import add_rules_command  # issue 15: planner rules import/list

    add_text_command(command)  # issue 19: planner export-text
    add_rules_command(command)
    add_documents_command(command)  # issue 21: planner documents
    add_survey_command(command)  # issue 20: planner survey export|import
    add_budget_command(command)  # issue 20: planner budget
    add_trial_command(command)  # issue 23: planner trial export|import|results
    add_diff_command(command)  # issue 24: planner diff
    add_rollup_command(command)  # issue 24: planner rollup
    for name in RULES_COMMANDS:
        add_rules_option(sub.choices[name])  # issue 19: the recorded rules, or this PC's
    return parser


def _cmd_rules(ns: argparse.Namespace) -> int:  # issue 15: planner rules import/list
    from .cli_rules import cmd_rules

    return cmd_rules(ns)


HANDLERS = {
    "validate": cmd_validate,
    "summary": cmd_summary,
    "import-json": cmd_import_json,
    "export-json": cmd_export_json,
    "export-pdf": cmd_export_pdf,
    "export-text": lambda ns: cmd_export_text(ns, plan_loader(ns)),  # issue 19: as Markdown
    "rules": _cmd_rules,  # issue 15
    "documents": lambda ns: cmd_documents(ns, plan_loader(ns), terminal_safe),  # issue 21
    "survey": lambda ns: cmd_survey(ns, plan_loader(ns)),  # issue 20
    "budget": lambda ns: cmd_budget(ns, plan_loader(ns), terminal_safe),  # issue 20
    "trial": lambda ns: cmd_trial(ns, plan_loader(ns)),  # issue 23
    "diff": lambda ns: cmd_diff(ns, plan_loader(ns)),  # issue 24
    "rollup": lambda ns: cmd_rollup(ns, terminal_safe),  # issue 24
}


def run_cli(args: list[str]) -> int:
    tolerant_streams()
    parser = build_parser()
    try:
        ns = parser.parse_args(args)
    except SystemExit as e:  # --help, --version (0) and usage errors (2)
        return int(e.code or 0)
    if ns.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        if ns.command != "rules":  # issue 18: rule files not used, named (rules list says it)
            from .cli_rules import warn_unused_rule_files

            warn_unused_rule_files(ns.lang)
        return HANDLERS[ns.command](ns)
    except PlannerError as e:
        return fail(e.text(ns.lang))
    except BrokenPipeError:  # e.g. `planner summary FILE | head`
        sys.stderr.close()
        return EXIT_OK
    except OSError as e:
        return fail(f"{e.strerror or e}: {e.filename or ''}")  # fail makes it terminal-safe
    except KeyboardInterrupt:
        return 130
