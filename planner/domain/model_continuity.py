"""Telework for business continuity (issue 23, §3): what the plan says about an emergency.

Held in the plan's own row (prefix ``bcp_``). A task's mark as 非常時優先業務 is the
task's own field (``Task.priority``); what can go on remotely and the capacity check are
``bcp.py``."""

from __future__ import annotations

from dataclasses import dataclass

from .declare import MAX_QUANTITY, declared


@dataclass
class Continuity:
    emergency_staff: int = declared(
        "int", "非常時にリモートアクセスが必要な職員数", "Staff needing remote access in an emergency",
        default=0, doc="staff who would work remotely on priority work in an emergency; 0: not entered",
    )  # fmt: skip
    jlis_terminal_ids: int = declared(
        "int", "申請したJ-LIS端末ID数", "J-LIS terminal IDs applied for", default=0,
        maximum=MAX_QUANTITY, doc="terminal IDs applied for with the J-LIS telework system",
    )  # fmt: skip
