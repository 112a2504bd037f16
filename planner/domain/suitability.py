"""Suitability of a task for telework (業務単位), from its factors and the plan.

The rules (see docs/decisions/0002-suitability-rules.md), each giving a reason:
- My Number work (マイナンバー利用事務系) is never done remotely.
- Counter work and on-site work are not suitable.
- The task's network must be reachable by the plan's access method: an
  LGWAN-side task needs a method that reaches LGWAN; with no method chosen yet
  a task is only *possible* until one is.
- Personal data and heavy paper make a task possible only with conditions.
- Heavy real-time coordination needs chat or web meetings.
The result is the worst level among the reasons.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from . import words
from .catalog import AccessMethod, Catalog, TaskFactors
from .model import Plan, Task
from .text import L10n


class Suitability(IntEnum):
    # ordered from best to worst, so max() picks the decisive reason
    SUITABLE = 0
    CONDITIONAL = 1
    UNSUITABLE = 2

    @property
    def mark(self) -> str:
        return ("◎", "○", "×")[self]

    @property
    def label(self) -> L10n:
        return words.word("suitability", self.key) or L10n(self.key, self.key)

    @property
    def key(self) -> str:
        return ("suitable", "conditional", "unsuitable")[self]


@dataclass(frozen=True, slots=True)
class Reason:
    level: Suitability
    text: L10n


@dataclass(frozen=True, slots=True)
class Assessment:
    level: Suitability
    reasons: tuple[Reason, ...]

    def reason_text(self, lang: str = "ja") -> str:
        return " ".join(r.text.get(lang) for r in self.reasons)


S, C, U = Suitability.SUITABLE, Suitability.CONDITIONAL, Suitability.UNSUITABLE

_MYNUMBER = L10n(
    "マイナンバー利用事務系の業務です。三層分離によりテレワークの対象外です。",
    "My Number work (個人番号利用事務系): excluded from telework by the three-layer separation.",
)
_COUNTER = L10n(
    "窓口での対面業務のため、テレワークには向きません。",
    "Counter work with residents: not suited to telework.",
)
_ONSITE = L10n(
    "現場での作業や庁舎内の設備を使う業務のため、テレワークには向きません。",
    "Needs on-site work or equipment in the office: not suited to telework.",
)
_NO_METHOD = L10n(
    "接続方式が未定です。手順7で接続方式を決めると判定が確定します。",
    "No access method chosen yet: choose one in step 7 to settle this.",
)
_LGWAN_UNREACHED = L10n(
    "LGWAN接続系の業務ですが、選んだ接続方式（{method}）ではLGWANに届きません。J-LIS自治体テレワークシステムやLGWAN側へのVDIなら実施できます。",
    "LGWAN-side task, but the chosen access method ({method}) does not reach LGWAN. The J-LIS system or a VDI into the LGWAN side would.",
)
_LGWAN_REACHED = L10n(
    "LGWAN接続系の業務です。{method}で在宅から接続できます。",
    "LGWAN-side task, reachable from home through {method}.",
)
_PERSONAL_SCREEN = L10n(
    "個人情報を扱います。画面転送方式のため端末にデータは残りませんが、取扱いルールの遵守と周囲からの覗き見対策が条件です。",
    "Handles personal data. Screen transfer keeps data off the device; handling rules and privacy screens are conditions.",
)
_PERSONAL_DATA = L10n(
    "個人情報を扱います。端末へのデータ保存の禁止や暗号化などの対策が条件です。",
    "Handles personal data: forbid storing data on the device, encrypt, and follow handling rules.",
)
_PAPER_HEAVY = L10n(
    "紙の資料への依存が大きい業務です。ペーパーレス化（電子化）の後に実施できます。",
    "Depends heavily on paper: possible once the documents are digitised.",
)
_PAPER_SOME = L10n(
    "一部に紙の資料があります。電子化するか、持ち出しのルールを決めてください。",
    "Some paper documents: digitise them or set rules for taking them out.",
)
_COORD_TOOLS = L10n(
    "チームでの即時の連携が多い業務です。チャットやWeb会議で補えます。",
    "Needs much real-time teamwork: covered by the plan's chat or web meetings.",
)
_COORD_NO_TOOLS = L10n(
    "チームでの即時の連携が多い業務です。チャットやWeb会議の導入が条件です（手順7）。",
    "Needs much real-time teamwork: chat or web meetings are a condition (step 7).",
)
_NOTHING = L10n(
    "テレワークの妨げとなる要因はありません。",
    "Nothing in this task stands in the way of telework.",
)


def assess(
    factors: TaskFactors, access: AccessMethod, tools: frozenset[str] | set[str] = frozenset()
) -> Assessment:
    """Judge one task under the plan's access method and communication tools."""
    reasons: list[Reason] = []
    add = reasons.append
    if factors.network == "mynumber" or factors.personal_data == "mynumber":
        add(Reason(U, _MYNUMBER))
    if factors.counter:
        add(Reason(U, _COUNTER))
    if factors.onsite:
        add(Reason(U, _ONSITE))
    if factors.network != "mynumber":
        add(_network_reason(factors.network, access))
    if factors.personal_data == "personal":
        add(Reason(C, _PERSONAL_SCREEN if access.screen_transfer else _PERSONAL_DATA))
    if factors.paper == "heavy":
        add(Reason(C, _PAPER_HEAVY))
    elif factors.paper == "some":
        add(Reason(S, _PAPER_SOME))
    if factors.coordination == "high":
        has_tools = bool({"chat", "web_meeting"} & set(tools))
        add(Reason(S, _COORD_TOOLS) if has_tools else Reason(C, _COORD_NO_TOOLS))
    reasons = [r for r in reasons if r is not None]
    level = max((r.level for r in reasons), default=S)
    if not any(r.level > S or r.text in (_PAPER_SOME, _COORD_TOOLS) for r in reasons):
        reasons.append(Reason(S, _NOTHING))  # say so, rather than show no reason at all
    reasons.sort(key=lambda r: -r.level)
    return Assessment(level, tuple(reasons))


def _network_reason(network: str, access: AccessMethod) -> Reason | None:
    method = access.name
    if not access.reaches:
        return Reason(C, _NO_METHOD)
    if network == "lgwan":
        if "lgwan" in access.reaches:
            return Reason(S, _with_method(_LGWAN_REACHED, method))
        return Reason(U, _with_method(_LGWAN_UNREACHED, method))
    if (
        network not in access.reaches
    ):  # an internet task under an LGWAN-only method does not occur today
        return Reason(C, _NO_METHOD)
    return None


def _with_method(text: L10n, method: L10n) -> L10n:
    return L10n(text.ja.format(method=method.ja), text.en.format(method=method.en))


def assess_in_plan(plan: Plan, task: Task, catalog: Catalog) -> Assessment:
    """A task of the plan, judged under the plan's own ICT choices (step 7)."""
    return assess(task.factors, catalog.access_method(plan.access_method), frozenset(plan.tools))
