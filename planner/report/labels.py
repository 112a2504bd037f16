"""Words the report prints for the plan's coded values (ja / en)."""

from __future__ import annotations

from ..domain.text import L10n

NOT_ENTERED = L10n("未記入", "not yet entered")

RULE_STATUS = {
    "todo": L10n("未着手", "Not started"),
    "in_progress": L10n("作業中", "In progress"),
    "done": L10n("完了", "Done"),
}
MEASURE_STATUS = {**RULE_STATUS, "not_applicable": L10n("対象外", "Not applicable")}
PHASE_KIND = {
    "preparation": L10n("準備", "Preparation"),
    "trial": L10n("試行", "Trial"),
    "evaluation": L10n("効果検証", "Evaluation"),
    "rollout": L10n("本格導入", "Full rollout"),
}
TIME_UNIT = {
    "hour": L10n("時間単位", "by the hour"),
    "half_day": L10n("半日単位", "half days"),
    "day": L10n("1日単位", "whole days"),
}
CAP_PERIOD = {"week": L10n("週", "week"), "month": L10n("月", "month")}
DEVICE_POLICY = {
    "loaned": L10n("貸与端末", "Loaned devices"),
    "own": L10n("私物端末（BYOD）", "Staff's own devices (BYOD)"),
    "mixed": L10n("貸与端末と私物端末の併用", "Loaned and own devices"),
}
TOOL = {
    "chat": L10n("チャット", "Chat"),
    "web_meeting": L10n("Web会議", "Web meetings"),
    "groupware": L10n("グループウェア", "Groupware"),
    "e_approval": L10n("電子決裁", "Electronic approval"),
    "attendance_system": L10n("勤怠管理システム", "Attendance system"),
}
NETWORK_LAYER = {
    "mynumber": L10n("マイナンバー利用事務系", "My Number segment"),
    "lgwan": L10n("LGWAN接続系", "LGWAN segment"),
    "internet": L10n("インターネット接続系", "Internet segment"),
}
ROLE = {
    "management": L10n("経営者（幹部）", "Management"),
    "administrator": L10n("システム・セキュリティ管理者", "System and security administrators"),
    "teleworker": L10n("テレワーク勤務者", "Teleworkers"),
}
QUANTITY_BASIS = {
    "teleworker": L10n("実施者数", "per teleworker"),
    "device_needed": L10n("必要端末数", "per device needed"),
    "organisation": L10n("団体", "per body"),
    "fixed": L10n("固定", "fixed"),
    "home_allowance_staff": L10n("手当対象者数", "per allowance recipient"),  # issue 15
}
RECURRENCE = {
    "one_time": L10n("初年度のみ", "one-time"),
    "annual": L10n("毎年度", "every year"),
}


def label(table: dict[str, L10n], key: str | None, lang: str) -> str:
    """The printed word for a code; an unknown code is printed as it is."""
    if key is None:
        return NOT_ENTERED.get(lang)
    found = table.get(key)
    return found.get(lang) if found else key
