"""The kinds of a declared field (``declared("money", ...)``): each kind is a class that
owns what the program does with a value of it.

* **Its check.** ``conditions`` is the one statement of the rule: Python expressions
  over the value ``v`` (and ``c``, the catalog's choice lists), each with the words of
  the refusal when it fails. ``fastcheck.py`` compiles the conditions of a record's
  fields into one test per record (as ``dataclasses`` generates ``__init__``);
  ``refusal`` evaluates them in order for the value that failed. Edits, saves and
  imports all go through these, so the fast pass and the message cannot disagree.
* **Its column** in the project file (``column``: str, int, bool or date; the store
  maps these to SQL types) and its conversion to and from that column.
* **Its JSON value** (``json``, see ``jsonvalues.py``), its JSON Schema fragment, and
  for kinds that hold records, the shape of their JSON (``json_node``, ``to_json``).
* **Its text on the screen**: ``parse`` typed text, ``format`` a value (pure text).
* **Comparing two values** (``equal``) and a short display of one (``show``), for a diff.

The kinds that hold other records (``nested``) are ``record`` (one, kept in its parent's
row), ``rows`` (a list with ids) and ``keyed`` (a dict by key), both in tables of their
own, and ``strings`` (a list of codes or texts). ``rate`` (an exact fraction) and ``codes``
(a set of codes in one value) are a subsidy rule's own (``rates.py``).
"""

from __future__ import annotations

from .base import Bind, Condition, Kind, refusal, rule
from .nested import KeyedKind, RecordKind, RowsKind, StringsKind, records_equal
from .rates import CodesKind, RateKind
from .scalars import (
    BoolKind,
    ChoiceKind,
    CountKind,
    DateKind,
    DecimalKind,
    FiscalYearKind,
    IdKind,
    MoneyKind,
    RefKind,
    TextKind,
)

__all__ = ["Bind", "Condition", "KINDS", "Kind", "records_equal", "refusal", "rule"]

KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        TextKind(), IdKind(), RefKind(), CountKind(), MoneyKind(), FiscalYearKind(), BoolKind(),
        DateKind(), DecimalKind(), ChoiceKind(), RecordKind(), RowsKind(), KeyedKind(),
        StringsKind(), RateKind(), CodesKind(),  # issue 19: a recorded subsidy rule's values
    )
}  # fmt: skip
