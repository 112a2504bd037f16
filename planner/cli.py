"""The headless command line: same domain, store and report as the GUI."""

from __future__ import annotations

import argparse
import sys

from . import APP_NAME, version

COMMANDS = ("validate", "summary", "import-json", "export-json", "export-pdf")


def is_cli_invocation(args: list[str]) -> bool:
    return bool(args) and (args[0] in COMMANDS or args[0] in ("--version", "-V", "--help", "-h"))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="planner", description=f"{APP_NAME} — テレワーク導入計画ウィザード"
    )
    parser.add_argument("--version", "-V", action="version", version=f"{APP_NAME} {version()}")
    parser.add_subparsers(dest="command")
    return parser


def run_cli(args: list[str]) -> int:
    parser = build_parser()
    ns = parser.parse_args(args)
    if ns.command is None:
        parser.print_help(sys.stderr)
        return 2
    print(f"planner: '{ns.command}' is not available yet", file=sys.stderr)
    return 2
