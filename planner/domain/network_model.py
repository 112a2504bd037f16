"""The body's network model and the layer each task works in (issue 15).

The policy guideline (「地方公共団体における情報セキュリティポリシーに関する
ガイドライン」, October 2024 edition) knows four models of the three-layer
separation. In the α model (and α′, added in the 2024-10 revision) the main
office work (documents, mail) sits on the LGWAN-connected side. The β and β′
models date from the 2020 revision: β moves the business terminals
(documents, mail) to the internet-connected side while the business systems
stay on LGWAN; β′ moves the business systems too. See
docs/decisions/0006-network-model.md.

A catalog task says what it works on (``TaskFactors.works_on``); its layer
follows from that and the plan's model:

===================  =========  =========  =========
works_on             α / α′     β          β′
===================  =========  =========  =========
documents            lgwan      internet   internet
business_systems     lgwan      lgwan      internet
core_systems         mynumber   mynumber   mynumber
internet_services    internet   internet   internet
===================  =========  =========  =========

An own task (made by the user, ``works_on`` empty and no catalog task behind
it) keeps its ``network`` field as its layer under every model: the user
said where its data sits, and the program does not guess.
"""

from __future__ import annotations

from .catalog import Catalog
from .model import TaskFactors
from .text import L10n

_LAYERS = {
    # (α/α′, β, β′)
    "documents": ("lgwan", "internet", "internet"),
    "business_systems": ("lgwan", "lgwan", "internet"),
    "core_systems": ("mynumber", "mynumber", "mynumber"),
    "internet_services": ("internet", "internet", "internet"),
}
_COLUMN = {"beta": 1, "beta_prime": 2}


def is_beta(model: str) -> bool:
    return model in _COLUMN


def layer_for(works_on: str, model: str) -> str:
    """The layer (mynumber / lgwan / internet) a kind of work sits on under a model."""
    return _LAYERS[works_on][_COLUMN.get(model, 0)]


def task_works_on(factors: TaskFactors, catalog_id: str | None, catalog: Catalog) -> str:
    """What a plan's task works on: its own value, else its catalog task's, else ""."""
    if factors.works_on:
        return factors.works_on
    found = catalog.task(catalog_id)
    return found.works_on if found is not None else ""


def effective_layer(factors: TaskFactors, model: str, works_on: str | None = None) -> str:
    """The task's layer under the model; without ``works_on``, its own ``network``."""
    kind = works_on if works_on is not None else factors.works_on
    return layer_for(kind, model) if kind else factors.network


MODEL_SOURCE = L10n(
    "総務省「地方公共団体における情報セキュリティポリシーに関するガイドライン」（令和6年10月版）",
    "MIC, guidelines on information security policies for local public bodies (October 2024 edition)",
)
