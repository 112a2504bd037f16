"""Removing a unit removes its tasks and their ticks: ask first, naming what goes."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...domain.model import Unit
from .. import dialogs
from ..i18n import t

NAMED = 3  # units named in the question; more are counted


def removal_question(units: list[Unit]) -> str:
    """「総務課と、その業務 8件・選択 5件を削除します。よろしいですか？」 and its English."""
    tasks = sum(len(u.tasks) for u in units)
    picked = sum(task.selected for u in units for task in u.tasks)
    names = [u.name for u in units[:NAMED]]
    if len(units) == 1:
        what_ja, what_en, its = names[0], names[0], "its"
    else:
        rest = len(units) - len(names)
        what_ja = "・".join(names) + (f"ほか{rest}課" if rest else "") + f"の{len(units)}課"
        what_en = f"{len(units)} units ({', '.join(names)}{', …' if rest else ''})"
        its = "their"
    if not tasks:
        return t(f"{what_ja}を削除します。よろしいですか？", f"This deletes {what_en}. Delete?")
    noun = "task" if tasks == 1 else "tasks"
    return t(
        f"{what_ja}と、その業務 {tasks}件・選択 {picked}件を削除します。よろしいですか？",
        f"This deletes {what_en} with {its} {tasks} {noun} ({picked} selected). Delete?",
    )


def confirm_unit_removal(parent: QWidget, units: list[Unit]) -> bool:
    """Ask (Cancel is the default); True to remove."""
    return dialogs.ask_yes_no(
        parent, t("課の削除", "Delete units"), removal_question(units), confirm=t("削除", "Delete")
    )
