"""Entry point: ``planner`` starts the program; ``planner COMMAND …`` runs the CLI."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from .cli import is_cli_invocation, run_cli

    if is_cli_invocation(args):
        return run_cli(args)
    from .ui.app import run_gui  # Qt is imported only for the GUI

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
