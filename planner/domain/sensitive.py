"""要配慮個人情報 (sensitive personal data) away from the office (issue 15).

Personal data that needs special care under the Act on the Protection of
Personal Information (要配慮個人情報: e.g. medical history, disability, care
needs) is handled at home or on the move only as the plan's policy allows:

- ``not_allowed`` (the default, the conservative choice): never outside the
  office, so a task that handles it is not suitable (×);
- ``screen_transfer_only``: only by a method where nothing but screen images
  reaches the device (○ with conditions); any other method is ×.

A satellite office inside the closed network (a 支所) is not "away from the
office": such a task is ○ there, as at the main office.
"""

from __future__ import annotations

from .catalog import AccessMethod
from .text import L10n

PERSONAL_DATA_POLICY_LABEL = L10n(
    "在宅等での要配慮個人情報の取扱い", "Sensitive personal data at home or on the move"
)

_NOT_ALLOWED = L10n(
    "要配慮個人情報を扱います。この計画では庁外で扱わない方針（手順5・8）のため、テレワークの対象外です。",
    "Handles sensitive personal data (要配慮個人情報). The plan does not allow it outside the office (steps 5 and 8), so this is excluded from telework.",
)
_NEEDS_SCREEN = L10n(
    "要配慮個人情報を扱います。計画の方針では画面転送方式に限り庁外で扱えますが、{method}は画面転送方式ではありません。",
    "Handles sensitive personal data. The plan allows it outside the office by screen transfer only, and {method} is not screen transfer.",
)
_SCREEN_OK = L10n(
    "要配慮個人情報を扱います。計画の方針により画面転送方式（{method}）に限り実施できます。覗き見対策、印刷・画面撮影の禁止と、取扱いの記録が条件です。",
    "Handles sensitive personal data. The plan allows it by screen transfer only ({method}): privacy screens, no printing or screenshots, and a record of handling are conditions.",
)
_SCREEN_ONLY = L10n(
    "要配慮個人情報を扱います。計画の方針により、画面転送方式の接続に限り庁外で扱えます。",
    "Handles sensitive personal data: the plan allows it outside the office by screen transfer only.",
)
_INSIDE = L10n(
    "要配慮個人情報を扱います。{method}は庁内ネットワークの内側にあるため、本庁と同じ取扱いルールで実施できます。",
    "Handles sensitive personal data. {method} is inside the closed network, so the office's own handling rules apply.",
)


def _fill(text: L10n, method: L10n) -> L10n:
    return L10n(text.ja.format(method=method.ja), text.en.format(method=method.en))


def sensitive_reason(access: AccessMethod, policy: str) -> tuple[int, L10n]:
    """(level 1 = conditional / 2 = unsuitable, reason) for a task with such data."""
    if access.inside_network:
        return 1, _fill(_INSIDE, access.name)
    if policy != "screen_transfer_only":  # "not_allowed", and anything unknown
        return 2, _NOT_ALLOWED
    if not access.reaches:  # no method yet: the method's own reason says so
        return 1, _SCREEN_ONLY
    if access.screen_transfer:
        return 1, _fill(_SCREEN_OK, access.name)
    return 2, _fill(_NEEDS_SCREEN, access.name)
