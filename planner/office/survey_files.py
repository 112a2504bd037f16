"""The survey's way in and out, for the window and the command line alike (issue 20).

    paths = export_survey(plan, folder, units=("総務課",), one_workbook=False)
    result = preview_replies(plan, [Path("総務課.xlsx")])   # planner.domain.survey.Preview
    op = result.operation(accept_mismatch=False)            # one undoable Batch, or None

Each workbook is checked as every writer's target (``export.export_target``: not a
folder, not a plan, not a plan someone has open, not a name too long) and written
through the one atomic write (``store/atomic.write_atomically``): on any failure the
old file is unchanged. openpyxl loads only when a workbook is written or read.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

from ..domain.catalog import Catalog
from ..domain.model import Plan, Unit
from ..domain.survey import Preview, preview
from ..domain.text import shown
from ..domain.unit_rules import unit_named
from ..loading import default_catalog
from ..report.documents import check_folder
from ..report.export import check_language, export_target
from ..report.result import XLSX, ReportError
from ..store.atomic import write_atomically
from . import survey_layout as lay

ONE_WORKBOOK = ("業務の洗い出し調査", "task-survey")


def choose_units(plan: Plan, names: Sequence[str]) -> list[Unit]:
    """The units named (as people write names: full-width or not), or every unit."""
    if not plan.units:
        raise ReportError("計画に課がありません。手順4で課を追加してから書き出してください。",
                          "The plan has no units. Add them in step 4 first.")  # fmt: skip
    if not names:
        return list(plan.units)
    chosen: list[Unit] = []
    for name in names:
        unit = unit_named(plan.units, name)
        if unit is None:
            known = "、".join(shown(u.name, 30) for u in plan.units)
            raise ReportError(f"課「{shown(name, 40)}」は計画にありません。計画の課: {known}",
                              f"The plan has no unit '{shown(name, 40)}'. Its units: {known}")  # fmt: skip
        if unit not in chosen:
            chosen.append(unit)
    return chosen


def export_survey(
    plan: Plan,
    folder: str | os.PathLike[str],
    *,
    units: Sequence[str] = (),
    one_workbook: bool = False,
    reply_by: date | None = None,
    lang: str = "ja",
    catalog: Catalog | None = None,
    now: datetime | None = None,
) -> list[Path]:
    """Write the survey into ``folder``: 「総務課.xlsx」… one per unit, or 「業務の洗い出し
    調査.xlsx」 with a sheet per unit. Returns the files written."""
    from .survey_book import write_survey

    check_language(lang)
    target = check_folder(folder)
    chosen = choose_units(plan, units)
    catalog = catalog or default_catalog()
    now = (now or datetime.now()).replace(microsecond=0)
    reply_by = reply_by or now.date() + timedelta(days=lay.REPLY_DAYS)
    if one_workbook:
        groups = [(ONE_WORKBOOK[lang == "en"], chosen)]
    else:
        taken: set[str] = set()
        groups = [(lay.unique_stem(lay.file_stem(u.name), taken), [u]) for u in chosen]
    paths = [export_target(target / f"{stem}{XLSX.suffix}", XLSX) for stem, _u in groups]
    for path, (_stem, group) in zip(paths, groups, strict=True):
        write_atomically(path, lambda tmp, group=group: write_survey(
            plan, group, tmp, catalog=catalog, reply_by=reply_by, exported_at=now, lang=lang),
            failure=XLSX.failure)  # fmt: skip
    return paths


def preview_replies(plan: Plan, paths: Sequence[Path], catalog: Catalog | None = None) -> Preview:
    """What the replies in ``paths`` would change in ``plan`` (nothing is changed yet)."""
    from .survey_reply import read_replies

    sheets, failures = read_replies(paths)
    return preview(plan, catalog or default_catalog(), sheets, failures)
