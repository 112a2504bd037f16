"""Short papers a town files beside the plan, as content (issue 21): the council summary,
the rules to amend, the forms. Each is a ``content.Document`` without a cover, rendered
by the PDF writer and the Word writer (one content, two writers).

    doc = paper("council", plan, catalog, "ja")   # -> content.Document
"""

from __future__ import annotations

from collections.abc import Callable

from ...domain.catalog import Catalog
from ...domain.model import Plan
from ..chapters.amend import amend_blocks
from ..chapters.common import Context
from ..content import Chapter, Document
from .council import council_document
from .forms import application_form, pledge, self_check


def amend_document(ctx: Context) -> Document:
    """The rules to make or amend, with the union's consultation and the decision."""
    mu = ctx.plan.municipality
    title = ctx.t(f"{mu.name} テレワーク導入に伴い制定・改正する規程", f"{mu.name}: rules to make or amend")
    head = ctx.p(f"{mu.name}　{mu.department}".strip(), style="note")
    return Document(lang=ctx.lang, title=title, subject=title, author=mu.department or mu.name,
                    cover=None, contents_title="",
                    chapters=[Chapter("amend", title, [head, *amend_blocks(ctx)])])  # fmt: skip


PAPERS: dict[str, Callable[[Context], Document]] = {
    "council": council_document,
    "amend": amend_document,
    "application": application_form,
    "pledge": pledge,
    "self_check": self_check,
}


def paper(name: str, plan: Plan, catalog: Catalog, lang: str) -> Document:
    return PAPERS[name](Context(plan, catalog, lang))
