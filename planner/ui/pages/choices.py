"""Choice lists shown in the pages, as (stored value, ja/en label) pairs.

The words come from ``resources/words.toml`` (``planner.loading.words``), the
same words the PDF and the CLI print.
"""

from __future__ import annotations

from ...loading import words

RULE_STATUS = words.choices("rule_status")
MEASURE_STATUS = words.choices("measure_status")
ROLES = words.choices("role")
PHASE_KINDS = words.choices("phase_kind")
TIME_UNITS = words.choices("time_unit")
CAP_PERIODS = words.choices("cap_period")
DEVICE_POLICIES = words.choices("device_policy")
TOOLS = words.choices("tool")
NETWORK_LAYERS = words.choices("network_layer")
QUANTITY_BASES = words.choices("quantity_basis")
RECURRENCES = words.choices("recurrence")
ELIGIBILITY = words.choices("eligibility")
ELIGIBILITY_VALUES = (("auto", None), ("yes", True), ("no", False))
PERSONAL_DATA = words.choices("personal_data")
NETWORKS = words.choices("network")
PAPER = words.choices("paper")
COORDINATION = words.choices("coordination")
