"""Chapter 2: purposes and targets (KPIs: issue 23, ``kpis.py``)."""

from __future__ import annotations

from ..content import Block
from . import kpis
from .common import Context


def blocks(ctx: Context) -> list[Block]:
    out: list[Block] = [ctx.section(ctx.t("導入の目的", "Purposes"))]
    out += ctx.purposes()
    out += kpis.blocks(ctx)
    return out
