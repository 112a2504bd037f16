"""The survey import's preview as lines of text: what the CLI prints and the window lists.

    ■ 総務課（総務課.xlsx［総務課］）
      追加 1件
        ＋ 会議録の作成 — ◎ 適
      変更 1件
        ＊ 文書の収受 — ○ 条件付き → ◎ 適
            紙への依存: 多い → 一部
      削除 1件
        － 公印の管理 — × 不適
      課の職員数: 12 → 14
      取り込めないセル 1件
        総務課.xlsx［総務課］7行目 紙への依存（E列）: 『たくさん』は選べません（なし／一部／多い）
"""

from __future__ import annotations

from .survey import FieldChange, Preview, TaskChange, UnitReply
from .text import L10n, shown


def _t(lang: str, ja: str, en: str) -> str:
    return en if lang == "en" else ja


def unit_heading(u: UnitReply, lang: str) -> str:
    where = f"{shown(u.file, 80)}［{shown(u.sheet, 40)}］" if lang != "en" else \
        f"{shown(u.file, 80)} [{shown(u.sheet, 40)}]"  # fmt: skip
    name = shown(u.unit_name, 40)
    return _t(lang, f"■ {name}（{where}）", f"■ {name} ({where})")


def status_line(u: UnitReply, lang: str, accept_mismatch: bool = False) -> str:
    """Why a reply is held back or refused; "" when it applies as it is."""
    if u.refused is not None:
        return _t(lang, "取り込めません: ", "Not imported: ") + u.refused.get(lang)
    if u.mismatch is not None:
        if accept_mismatch:
            return _t(lang, "確認のうえ取り込みます: ", "Imported as confirmed: ") + u.mismatch.get(lang)
        return _t(lang, "確認が必要です（確認しなければ取り込みません）: ",
                  "Needs confirmation (not imported unless confirmed): ") + u.mismatch.get(lang)  # fmt: skip
    return ""


def task_line(sign: str, c: TaskChange, lang: str) -> str:
    mark = c.mark.get(lang) if c.old_mark is None or c.old_mark == c.mark else \
        f"{c.old_mark.get(lang)} → {c.mark.get(lang)}"  # fmt: skip
    return f"{sign} {shown(c.task.name, 60)} — {mark}"


def change_lines(c: TaskChange, lang: str) -> list[str]:
    return [f"{ch.label.get(lang)}: {ch.old.get(lang)} → {ch.new.get(lang)}" for ch in c.changes]


SECTIONS = (
    ("added", "＋", L10n("追加", "Added")),
    ("changed", "＊", L10n("変更", "Changed")),
    ("removed", "－", L10n("削除", "Removed")),
)


NO_CHANGES = L10n("変更はありません。", "No changes.")
NOT_TAKEN = L10n("取り込めないセル", "Cells not imported")


def unit_change_line(change: FieldChange, lang: str) -> str:
    """「課の職員数: 12 → 14」"""
    return f"{change.label.get(lang)}: {change.old.get(lang)} → {change.new.get(lang)}"


def count_text(label: L10n, n: int, lang: str) -> str:
    return _t(lang, f"{label.ja} {n}件", f"{label.en}: {n}")


def unit_lines(u: UnitReply, lang: str, accept_mismatch: bool = False) -> list[str]:
    out = [unit_heading(u, lang)]
    status = status_line(u, lang, accept_mismatch)
    if status:
        out.append("  " + status)
    for name, sign, label in SECTIONS:
        changes: list[TaskChange] = getattr(u, name)
        if changes:
            out.append("  " + count_text(label, len(changes), lang))
        for c in changes:
            out.append("    " + task_line(sign, c, lang))
            out += ["        " + line for line in change_lines(c, lang)]
    out += ["  " + unit_change_line(change, lang) for change, _v in u.unit_changes.values()]
    if u.refused is None and not u.has_changes:
        out.append("  " + NO_CHANGES.get(lang))
    if u.messages:
        out.append("  " + count_text(NOT_TAKEN, len(u.messages), lang))
        out += ["    " + m.line(lang) for m in u.messages]
    return out


def preview_lines(preview: Preview, lang: str = "ja", accept_mismatch: bool = False) -> list[str]:
    """The whole preview: each reply's unit, then the files that could not be read."""
    out: list[str] = []
    for u in preview.units:
        out += unit_lines(u, lang, accept_mismatch)
    if preview.failures:
        out.append(_t(lang, f"読み込めなかったファイル {len(preview.failures)}件",
                      f"Files not read: {len(preview.failures)}"))  # fmt: skip
        out += ["  " + m.line(lang) for m in preview.failures]
    return out
