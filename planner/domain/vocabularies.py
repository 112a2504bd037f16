"""The code lists of the plan's and the catalog's choice fields (their words:
resources/words.toml).

A leaf module: it imports nothing, so any module may use the codes — the declaration
(``model.py``), the catalog's types, the rules, and the loader that checks the data files.
"""

from __future__ import annotations

# -- the plan's own choices ------------------------------------------------------------------

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
ROLES = ("management", "administrator", "teleworker")
# issue 15: the α / α′ / β / β′ models of the policy guideline (network_model.py)
NETWORK_MODELS = ("alpha", "alpha_prime", "beta", "beta_prime")
# issue 15: 要配慮個人情報 at home or on the move (sensitive.py)
PERSONAL_DATA_POLICIES = ("screen_transfer_only", "not_allowed")
# issue 23: a KPI's unit, which way it improves, and the period a measured value covers
KPI_UNITS = ("persons", "percent", "hours", "sheets", "days")
KPI_DIRECTIONS = ("up", "down")
KPI_PERIODS = ("month", "quarter", "year")

# -- a task's factors (suitability.py) ---------------------------------------------------------

# issue 15: "sensitive" = 要配慮個人情報, between ordinary personal data and My Number
PERSONAL_DATA = ("none", "personal", "sensitive", "mynumber")
NETWORKS = ("internet", "lgwan", "mynumber")
# issue 15: what a task works on; with the plan's network model it gives the task's layer
# (network_model.py). "" on a task = not said: its ``network`` decides.
WORKS_ON = ("documents", "business_systems", "core_systems", "internet_services")
PAPER = ("none", "some", "heavy")
COORDINATION = ("low", "medium", "high")

# -- cost lines and the catalog ------------------------------------------------------------------

QUANTITY_BASES = (
    "teleworker", "device_needed", "organisation", "fixed",
    "home_allowance_staff",  # issue 15: staff paid the 在宅勤務等手当 (plan field, step 5)
)  # fmt: skip
RECURRENCES = ("one_time", "annual", "lease")  # issue 20: a lease, monthly price × months
# issue 20: a contract over several fiscal years: 債務負担行為 (地方自治法214条) or
# 長期継続契約 (地方自治法234条の3, which needs no 債務負担行為)
CONTRACTS = ("debt_burden", "long_term")
# issue 19/20: the budget item (節) a cost is budgeted under, numbered as since the FY2020
# revision of the expenditure classes (地方自治法施行規則 別記): 3 職員手当等, 8 旅費, 10 需用費,
# 11 役務費, 12 委託料, 13 使用料及び賃借料, 17 備品購入費, 18 負担金補助及び交付金
BUDGET_ITEMS = (
    "allowances", "travel", "supplies", "services", "commission", "rental", "equipment",
    "contributions",
)  # fmt: skip
TELEWORK_TYPES = (  # issue 15: MIC telework security guideline, 5th ed. (2021-05)
    "none", "vpn", "remote_desktop", "vdi", "secure_container", "secure_browser",
    "cloud_service", "standalone", "on_premises",
)  # fmt: skip
SECURITY_GROUPS = ("framework", "malware", "loss", "eavesdrop", "intrusion", "external")
COVERAGES = ("introduction", "introduction_and_running")  # issue 15: a subsidy rule's coverage
ROUNDING_MODES = ("down", "half_up", "up")
RULES_FROM = ("local", "plan")  # issue 19: this PC's subsidy rules, or the plan's record


PREFECTURES = (
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県",
    "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県",
    "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府",
    "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
    "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県",
    "鹿児島県", "沖縄県",
)  # fmt: skip
# issue 23: the trial survey's respondent groups, a criterion's measure and comparison
TRIAL_AUDIENCES = ("teleworker", "supervisor", "colleague", "front_line")
TRIAL_MEASURES = ("share", "average")
TRIAL_COMPARISONS = ("at_least", "at_most")
