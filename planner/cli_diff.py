"""``planner diff OLD NEW [--json] [-o OUT.pdf|OUT.md] [--with-plan]``: what changed between
two versions of a plan (issue 24 §2).

Without ``-o``: the 変更点一覧 on standard output, by step (fields old → new, rows added
and removed), then the tasks whose suitability mark changed and why, each fiscal year's
total, subsidy and net before and after, and the rows matched by name where the ids
differ; ``--json``: the same as JSON for scripts (integer yen, texts in ja and en). With
``-o``: the 変更点一覧 as a PDF (or Markdown, .md) of its own; ``--with-plan``: the new
version's whole plan with the list as its last appendix. Each plan is read as Open reads
it, and computed with the rules it says (``--rules`` as for the other commands).
Exit status 0 whether or not the versions differ (the counts say it); 1 if a file is refused.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .terminal import json_safe, say, terminal_safe


def add_diff_command(command) -> None:  # noqa: ANN001 - cli.build_parser's helper
    p = command("diff", "what changed between two versions of a plan / 2つの版の変更点一覧")
    p.add_argument("old", type=Path, help="the earlier version (.twplan or .json) / 変更前")
    p.add_argument("new", type=Path, help="the later version / 変更後")
    p.add_argument("--json", action="store_true", help="machine-readable output (integer yen)")
    p.add_argument("-o", "--output", type=Path, default=None,
                   help="write the list as PDF (or Markdown: .md) / 変更点一覧をPDFに出力")  # fmt: skip
    p.add_argument("--with-plan", action="store_true",
                   help="with -o: the new version's whole plan, the list as its appendix / "
                   "計画書全体に付録として含める")  # fmt: skip


def cmd_diff(ns: argparse.Namespace, load: Callable[[Path], Any]) -> int:
    from .domain.diff_effects import compare, comparison_data
    from .domain.errors import PlannerError
    from .domain.text import L10n
    from .loading import default_catalog

    if ns.with_plan and ns.output is None:  # run_cli says it in one line, exit status 1
        raise PlannerError(L10n("--with-plan には -o OUT.pdf を指定してください。",
                                "--with-plan needs -o OUT.pdf"))  # fmt: skip
    if ns.output is not None:
        from .report.result import write_error
        from .store.files import check_target

        suffix = ".md" if ns.output.suffix.lower() == ".md" else ".pdf"
        check_target(ns.output, suffix=suffix, inputs=(ns.old, ns.new), failure=write_error)
    old, new = load(ns.old), load(ns.new)
    catalog = default_catalog()
    comparison = compare(old, new, catalog)
    if ns.output is not None:
        return _write(ns, comparison, new, catalog)
    if ns.json:
        data = {"old": {"file": str(ns.old), "title": old.title},
                "new": {"file": str(ns.new), "title": new.title}, **comparison_data(comparison)}  # fmt: skip
        print(json_safe(json.dumps(data, ensure_ascii=False, indent=2)))
        return 0
    for line in comparison_lines(comparison, catalog, ns.lang, (str(ns.old), str(ns.new))):
        say(terminal_safe(line))
    return 0


def _write(ns: argparse.Namespace, comparison: Any, new: Any, catalog: Any) -> int:
    from .report.changes_export import export_changes
    from .report.chapters.changes import Versions

    result = export_changes(comparison, new, ns.output, versions=Versions(ns.old.name, ns.new.name),
                            with_plan=ns.with_plan, lang=ns.lang, catalog=catalog)  # fmt: skip
    for w in result.warnings:
        say(f"planner: {terminal_safe(w)}", err=True)
    pages = "" if not result.pages else (f": {result.pages} pages" if ns.lang == "en"
                                         else f": {result.pages}ページ")  # fmt: skip
    say(f"{terminal_safe(result.path)}{pages}", err=True)
    return 0


def comparison_lines(c: Any, catalog: Any, lang: str, names: tuple[str, str]) -> list[str]:
    """The 変更点一覧 as lines of text (the terminal's, and the tests')."""
    from .domain.diff_text import (
        NOTHING,
        change_line,
        counts_line,
        figures_line,
        mark_line,
        scenario_line,
    )
    from .domain.diff_words import step_title

    en = lang == "en"
    lines = [
        f"{'What changed' if en else '変更点一覧'}: {names[0]} → {names[1]}",
        counts_line(c, lang),
    ]
    if c.is_empty:
        return [*lines, NOTHING.get(lang)]
    for step, changes in c.diff.by_step():
        lines += ["", f"■ {step_title(step, catalog).get(lang)}"]
        lines += [f"  {change_line(x, lang)}" for x in changes]
    if c.marks:
        lines += ["", "■ " + ("Tasks whose suitability changed" if en else "適性の変わった業務")]
        lines += [f"  {mark_line(m, lang)}" for m in c.marks]
    lines += [
        "",
        "■ " + ("Effect on costs" if en else "経費への影響") + f" ({scenario_line(c, lang)})",
    ]
    lines += [f"  {n.get(lang)}" for n in c.notes]
    changed = [y for y in c.years if y.changed]
    if not changed:
        lines.append("  " + ("No fiscal year's figures changed." if en
                             else "各年度の事業費・措置見込額・実質負担額に変わりはありません。"))  # fmt: skip
    lines += [f"  {figures_line(y, lang)}" for y in changed]
    if changed and c.period is not None:
        lines.append(f"  {figures_line(c.period, lang)}")
    if c.diff.matches:
        lines += ["", "■ " + ("Rows matched by name (the ids differ)" if en
                              else "名前で対応づけた行（IDが異なる）")]  # fmt: skip
        lines += [f"  {m.text(lang)}" for m in c.diff.matches]
    return lines
