"""Suitability of a task for telework (業務単位), from its factors and the plan.

The rules (see docs/decisions/0002-suitability-rules.md and, for issue 15,
0006-network-model.md), each giving a reason:
- The task's layer follows from what it works on and the plan's network model
  (network_model.py); an own task keeps its ``network`` field.
- My Number work (マイナンバー利用事務系) is never done by access from outside;
  a satellite office inside the closed network (a 支所) can do it.
- An employer's handling of its staff's My Numbers (個人番号関係事務, e.g.
  年末調整) is not My Number work, but 特定個人情報 stays in the office too.
- A task the catalog marks ``never_remote`` (e.g. questionnaires of statistical
  surveys under 統計法) is never remote, whatever the method.
- 要配慮個人情報 follows the plan's policy ``personal_data_at_home``: "not
  allowed" (the default) makes the task ×; "screen transfer only" makes it ○
  under a screen-transfer method and × under any other.
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

from .catalog import AccessMethod, Catalog
from .model import Plan, Task, TaskFactors
from .network_model import effective_layer, is_beta, task_works_on
from .sensitive import sensitive_reason
from .text import L10n
from .words import Words


class Suitability(IntEnum):
    # ordered from best to worst, so max() picks the decisive reason
    SUITABLE = 0
    CONDITIONAL = 1
    UNSUITABLE = 2

    @property
    def mark(self) -> str:
        return ("◎", "○", "×")[self]

    @property
    def key(self) -> str:
        """Its code; its word is the catalog's (``words.word("suitability", key)``)."""
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
_MYNUMBER_INSIDE = L10n(
    "マイナンバー利用事務系の業務です。庁外からの接続では行えませんが、{method}は閉域の庁内ネットワークの内側にあるため、基幹系の端末が置かれていれば実施できます。",
    "My Number work: never by access from outside, but {method} is inside the closed network, so it can be done where a core-system terminal is installed.",
)
_MYNUMBER_RELATED = L10n(
    "職員のマイナンバー（特定個人情報）を扱う個人番号関係事務です（マイナンバー利用事務ではありません）。特定個人情報は庁外で扱わないため、テレワークの対象外とします。",
    "Handles staff's My Numbers as the employer (個人番号関係事務, not My Number work). Such data (特定個人情報) is not handled outside the office, so this is excluded from telework.",
)
_MYNUMBER_RELATED_INSIDE = L10n(
    "職員のマイナンバーを扱う個人番号関係事務です。{method}は庁内ネットワークの内側にあるため、特定個人情報の取扱いルールに従えば実施できます。",
    "Handles staff's My Numbers as the employer (個人番号関係事務). {method} is inside the closed network, so it can be done under the rules for such data.",
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
_INTERNET_SIDE_DOCS = L10n(
    "{model}では文書・メール等の業務はインターネット接続系で行います。{method}で接続できます。",
    "Under the {model_en}, documents and mail are on the internet-connected side, reachable through {method_en}.",
)
_INTERNET_SIDE_SYSTEMS = L10n(
    "{model}では業務システムもインターネット接続系で行います。{method}で接続できます。",
    "Under the {model_en}, the business systems are on the internet-connected side too, reachable through {method_en}.",
)
# what moved to the internet side under β / β′ (network_model.py), and the reason that says so
_MOVED = {"documents": _INTERNET_SIDE_DOCS, "business_systems": _INTERNET_SIDE_SYSTEMS}
_NOTHING = L10n(
    "テレワークの妨げとなる要因はありません。",
    "Nothing in this task stands in the way of telework.",
)


def assess(
    factors: TaskFactors,
    access: AccessMethod,
    tools: frozenset[str] | set[str] = frozenset(),
    *,
    words: Words,
    network_model: str = "alpha",
    personal_policy: str = "not_allowed",
    never_remote: L10n | None = None,
) -> Assessment:
    """Judge one task under the plan's access method, tools, network model and policy;
    ``words``: the catalog's, for the network model's name in a reason."""
    reasons: list[Reason] = []
    add = reasons.append
    layer = effective_layer(factors, network_model)
    if never_remote is not None:
        add(Reason(U, never_remote))
    if layer == "mynumber":
        if "mynumber" in access.reaches:  # only a place inside the closed network
            add(Reason(C, _with_method(_MYNUMBER_INSIDE, access.name)))
        else:
            add(Reason(U, _MYNUMBER))
    elif factors.personal_data == "mynumber":
        inside = access.inside_network
        text = _with_method(_MYNUMBER_RELATED_INSIDE, access.name) if inside else _MYNUMBER_RELATED
        add(Reason(C if inside else U, text))
    if factors.counter:
        add(Reason(U, _COUNTER))
    if factors.onsite:
        add(Reason(U, _ONSITE))
    if layer != "mynumber":
        add(_network_reason(layer, access, words, network_model, factors.works_on))
    if factors.personal_data == "personal":
        add(Reason(C, _PERSONAL_SCREEN if access.screen_transfer else _PERSONAL_DATA))
    elif factors.personal_data == "sensitive":
        level, text = sensitive_reason(access, personal_policy)
        add(Reason(Suitability(level), text))
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


def _network_reason(
    network: str, access: AccessMethod, words: Words, model: str = "alpha", works_on: str = ""
) -> Reason | None:
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
    moved = _MOVED.get(works_on)
    if moved is not None and is_beta(model):  # only what the model moved to the internet side
        name = words.word("network_model", model) or L10n(model, model)
        return Reason(
            S,
            L10n(
                moved.ja.format(model=name.ja, method=method.ja),
                moved.en.format(model_en=name.en, method_en=method.en),
            ),
        )
    return None


def _with_method(text: L10n, method: L10n) -> L10n:
    return L10n(text.ja.format(method=method.ja), text.en.format(method=method.en))


def assess_in_plan(plan: Plan, task: Task, catalog: Catalog) -> Assessment:
    """A task of the plan, judged under the plan's own ICT choices (step 7), its network
    model (step 3) and its policy on sensitive personal data (steps 5/8).

    A task made from the catalog takes ``works_on`` and ``never_remote`` from its
    catalog task when the plan's copy does not say (files saved before issue 15)."""
    factors = task.factors
    found = catalog.task(task.catalog_id)
    works_on = task_works_on(factors, task.catalog_id, catalog)
    # files from before issue 15 could not say 要配慮個人情報: the catalog's level counts
    upgrade = (
        found is not None
        and factors.personal_data == "personal"
        and found.factors.personal_data == "sensitive"
    )
    if works_on != factors.works_on or upgrade:
        from dataclasses import replace

        level = "sensitive" if upgrade else factors.personal_data
        factors = replace(factors, works_on=works_on, personal_data=level)
    return assess(
        factors,
        catalog.access_method(plan.access_method),
        frozenset(plan.tools),
        words=catalog.words,
        network_model=plan.network_model,
        personal_policy=plan.personal_data_at_home,
        never_remote=found.never_remote if found is not None else None,
    )
