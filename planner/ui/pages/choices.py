"""Choice lists shown in the pages, as (stored value, ja/en label) pairs."""

from __future__ import annotations

from ...domain.text import L10n

RULE_STATUS = (
    ("todo", L10n("未着手", "To do")),
    ("in_progress", L10n("作業中", "In progress")),
    ("done", L10n("整備済み", "Done")),
)
MEASURE_STATUS = (
    ("todo", L10n("未対応", "To do")),
    ("in_progress", L10n("対応中", "In progress")),
    ("done", L10n("対応済み", "Done")),
    ("not_applicable", L10n("対象外", "Not applicable")),
)
ROLES = (
    ("management", L10n("経営者（首長・幹部）", "Management")),
    ("administrator", L10n("システム・セキュリティ管理者", "System and security administrators")),
    ("teleworker", L10n("テレワーク勤務者", "Teleworkers")),
)
PHASE_KINDS = (
    ("preparation", L10n("準備", "Preparation")),
    ("trial", L10n("試行", "Trial")),
    ("evaluation", L10n("効果検証", "Evaluation")),
    ("rollout", L10n("本格導入", "Rollout")),
)
TIME_UNITS = (
    ("hour", L10n("1時間単位", "Hours")),
    ("half_day", L10n("半日単位", "Half days")),
    ("day", L10n("1日単位", "Days")),
)
CAP_PERIODS = (("week", L10n("週", "week")), ("month", L10n("月", "month")))
DEVICE_POLICIES = (
    ("loaned", L10n("貸与端末のみ", "Loaned devices only")),
    ("own", L10n("私物端末（BYOD）", "Own devices (BYOD)")),
    ("mixed", L10n("貸与端末と私物端末の併用", "Both")),
)
TOOLS = (
    ("chat", L10n("ビジネスチャット", "Business chat")),
    ("web_meeting", L10n("Web会議", "Web meetings")),
    ("groupware", L10n("グループウェア", "Groupware")),
    ("e_approval", L10n("電子決裁", "Electronic approval")),
    ("attendance_system", L10n("勤怠管理システム", "Attendance system")),
)
NETWORK_LAYERS = (
    ("mynumber", L10n("マイナンバー利用事務系", "My Number system")),
    ("lgwan", L10n("LGWAN接続系", "LGWAN side")),
    ("internet", L10n("インターネット接続系", "Internet side")),
)
QUANTITY_BASES = (
    ("fixed", L10n("固定数量", "Fixed quantity")),
    ("teleworker", L10n("実施者1人あたり", "Per teleworker")),
    ("device_needed", L10n("必要端末1台あたり", "Per device needed")),
    ("organisation", L10n("団体あたり", "Per organisation")),
    ("home_allowance_staff", L10n("在宅勤務等手当の対象者1人あたり", "Per staff paid the telework allowance")),  # issue 15
)
RECURRENCES = (
    ("one_time", L10n("初年度のみ（一時）", "One-time")),
    ("annual", L10n("毎年度", "Annual")),
)
ELIGIBILITY = (
    ("auto", L10n("区分どおり", "By category")),
    ("yes", L10n("対象にする", "Eligible")),
    ("no", L10n("対象外にする", "Not eligible")),
)
ELIGIBILITY_VALUES = (("auto", None), ("yes", True), ("no", False))
