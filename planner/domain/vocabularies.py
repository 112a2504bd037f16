"""The code lists of the plan's own choice fields (their words: resources/words.toml).

A leaf module: it imports nothing, so any module may use the codes.
"""

from __future__ import annotations

STEP_NUMBERS = tuple(range(1, 11))
RULE_STATUSES = ("todo", "in_progress", "done")
MEASURE_STATUSES = ("todo", "in_progress", "done", "not_applicable")
PHASE_KINDS = ("preparation", "trial", "evaluation", "rollout")
TIME_UNITS = ("hour", "half_day", "day")
CAP_PERIODS = ("week", "month")
DEVICE_POLICIES = ("loaned", "own", "mixed")
TOOLS = ("chat", "web_meeting", "groupware", "e_approval", "attendance_system")
NETWORK_LAYERS = ("mynumber", "lgwan", "internet")
APPROVERS = ("unit_head", "unit_head_hr", "appointer")  # issue 21: who approves telework
ATTENDANCE_REPORTS = ("email_phone", "chat", "attendance_system")  # issue 21


PREFECTURES = (
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県",
    "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県",
    "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府",
    "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
    "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県",
    "鹿児島県", "沖縄県",
)  # fmt: skip
