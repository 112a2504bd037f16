"""The words of a comparison of two versions (issue 24 §2), said once for the screen, the
変更点一覧 page and the command line: a change as one line, a suitability mark that
changed, a fiscal year's figures before and after."""

from __future__ import annotations

from .diff import ADDED, CHANGED, REMOVED, Change
from .diff_effects import Comparison, MarkChange, YearEffect
from .fiscal import fiscal_year_label
from .money import format_yen
from .text import L10n

KIND_WORDS = {
    CHANGED: L10n("変更", "Changed"),
    ADDED: L10n("追加", "Added"),
    REMOVED: L10n("削除", "Removed"),
}
FIGURES = (L10n("事業費", "Total"), L10n("特別交付税措置見込額", "Estimated subsidy"),
           L10n("実質負担額", "Net burden"))  # fmt: skip


def what(c: Change, lang: str = "ja") -> str:
    """What changed: ``総務課 › 実施形態 › 実施日数の上限``, or for a row ``業務「文書管理」``."""
    place = [w.get(lang) for w in c.where]
    if c.kind == CHANGED:
        return " › ".join([*place, c.label.get(lang)])
    name = (c.new or c.old or L10n("", "")).get(lang)
    row = f"{c.label.get(lang)} '{name}'" if lang == "en" else f"{c.label.get(lang)}「{name}」"
    return " › ".join([*place, row])


def old_new(c: Change, lang: str = "ja") -> tuple[str, str]:
    """The value before and after, as the 変更前 / 変更後 columns show them."""
    if c.kind == ADDED:
        return "—", L10n("（追加）", "(added)").get(lang)
    if c.kind == REMOVED:
        return L10n("（削除）", "(removed)").get(lang), "—"
    return (c.old or L10n("—", "—")).get(lang), (c.new or L10n("—", "—")).get(lang)


def change_line(c: Change, lang: str = "ja") -> str:
    """One line: ``変更: 団体 › 財政力指数: 0.62 → 0.35``; ``追加: 課「企画課」``."""
    head = f"{KIND_WORDS[c.kind].get(lang)}: {what(c, lang)}"
    if c.kind != CHANGED:
        return head
    a, b = old_new(c, lang)
    return f"{head}: {a} → {b}"


def mark_line(m: MarkChange, lang: str = "ja") -> str:
    """``総務課 › 文書管理: ◎ → ○ — 接続方式が未定です。…``"""
    reason = m.new_reason.get(lang) if m.new_mark != "◎" else m.old_reason.get(lang)
    if m.new_mark == "◎":
        reason = f"no longer: {reason}" if lang == "en" else f"解消: {reason}"
    return f"{m.where_text(lang)}: {m.old_mark} → {m.new_mark} — {reason}"


def signed_yen(amount: int, lang: str = "ja") -> str:
    if amount == 0:
        return "±0" if lang == "en" else "±0円"
    return ("+" if amount > 0 else "−") + format_yen(abs(amount), lang)


def year_label(y: YearEffect, lang: str = "ja") -> str:
    if not y.fiscal_year:
        return L10n("計画期間の合計", "Period total").get(lang)
    return fiscal_year_label(y.fiscal_year, lang)


def figures_line(y: YearEffect, lang: str = "ja") -> str:
    """``令和7年度: 事業費 19,852,400円 → 19,936,400円（+84,000円）、…``"""
    a, b, d = y.old, y.new, y.delta()
    parts = []
    for i, word in enumerate(FIGURES):
        before = format_yen(a[i], lang) if a else "—"
        after = format_yen(b[i], lang) if b else "—"
        parts.append(f"{word.get(lang)} {before} → {after} ({signed_yen(d[i], lang)})"
                     if lang == "en" else
                     f"{word.get(lang)} {before} → {after}（{signed_yen(d[i], lang)}）")  # fmt: skip
    sep = "; " if lang == "en" else "、"
    return f"{year_label(y, lang)}: {sep.join(parts)}"


def counts_line(c: Comparison, lang: str = "ja") -> str:
    n = c.diff.counts()
    marks = len(c.marks)
    if lang == "en":
        return (f"{n[CHANGED]} changed, {n[ADDED]} added, {n[REMOVED]} removed; "
                f"{marks} suitability mark(s) changed")  # fmt: skip
    return (
        f"変更 {n[CHANGED]}件・追加 {n[ADDED]}件・削除 {n[REMOVED]}件、適性の変わった業務 {marks}件"
    )


def scenario_line(c: Comparison, lang: str = "ja") -> str:
    a, b = c.old_scenario or "—", c.new_scenario or "—"
    if lang == "en":
        return f"Adopted scenario: {a}" if a == b else f"Adopted scenario: {a} → {b}"
    return f"採用シナリオ: {a}" if a == b else f"採用シナリオ: {a} → {b}"


NOTHING = L10n("2つの版に違いはありません。", "The two versions do not differ.")
