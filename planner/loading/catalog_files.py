"""Reading the bundled data files (steps, catalogs, rules, survey figures, words) into
the ``Catalog`` value, with clear errors.

Every file is TOML with a ``schema`` number. A wrong or missing value raises
ResourceError naming the file and the field path (``units[3].tasks[2].paper``).
Reading one file is ``datafile.py``; the per-user cache of parsed files ``cache.py``;
one subsidy rule table (also of a file a user imports) ``rule_files.py``.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ..domain.catalog import (
    AccessMethod,
    Benchmarks,
    Catalog,
    ChecklistItemDef,
    CostCategory,
    CostItemDef,
    KpiDef,
    Option,
    SecurityMeasureDef,
    SizeClass,
    StepDef,
    SubsidyRule,
    TaskDef,
    UnitDef,
)
from ..domain.errors import ResourceError
from ..domain.model import TaskFactors
from ..domain.network_model import layer_for
from ..domain.text import L10n
from ..domain.vocabularies import (
    BUDGET_ITEMS,
    COORDINATION,
    KPI_DIRECTIONS,
    KPI_UNITS,
    NETWORKS,
    PAPER,
    PERSONAL_DATA,
    QUANTITY_BASES,
    RECURRENCES,
    ROLES,
    SECURITY_GROUPS,
    TELEWORK_TYPES,
    WORKS_ON,
)
from ..domain.words import Words
from ..resources import resource_dir
from .cache import cache_file, read_cache, write_cache
from .datafile import Reader
from .rule_files import subsidy_rule
from .words import load_words


def _load_steps(r: Reader) -> tuple[tuple[StepDef, ...], tuple[Option, ...]]:
    steps = []
    for where, s in r.tables(r.data, "steps"):
        number = r.count(s, "number", where, 1)
        if number != len(steps) + 1:
            r.fail(f"{where}.number", f"expected {len(steps) + 1} (steps must be in order)")
        checklist = tuple(
            ChecklistItemDef(r.text(c, "id", w), r.l10n(c, "text", w))
            for w, c in r.tables(s, "checklist", where)
        )
        records = r.get(s, "records", where, list)
        if not all(isinstance(x, str) for x in records):
            r.fail(f"{where}.records", "must be a list of strings")
        steps.append(
            StepDef(
                number=number,
                key=r.text(s, "key", where),
                title=r.l10n(s, "title", where),
                purpose=r.l10n(s, "purpose", where),
                guidance=r.l10n(s, "guidance", where),
                records=tuple(records),
                checklist=checklist,
            )
        )
    if len(steps) != 10:
        r.fail("steps", f"expected 10 steps, found {len(steps)}")
    r.unique([c.id for s in steps for c in s.checklist], "steps.checklist.id")
    purposes = tuple(_options(r, "purposes"))
    return tuple(steps), purposes


def _options(r: Reader, key: str) -> list[Option]:
    out = [Option(r.text(o, "id", w), r.l10n(o, "text", w)) for w, o in r.tables(r.data, key)]
    r.unique([o.id for o in out], f"{key}.id")
    return out


def _factors(r: Reader, t: dict[str, Any], where: str) -> TaskFactors:
    works_on = r.choice(t, "works_on", where, WORKS_ON)
    # the layer under the default α model; a file may still say it (it must agree)
    network = layer_for(works_on, "alpha")
    if "network" in t and r.choice(t, "network", where, NETWORKS) != network:
        r.fail(f"{where}.network", f"'{t['network']}' disagrees with works_on '{works_on}'")
    return TaskFactors(
        personal_data=r.choice(t, "personal_data", where, PERSONAL_DATA),
        network=network,
        paper=r.choice(t, "paper", where, PAPER),
        counter=r.get(t, "counter", where, bool),
        onsite=r.get(t, "onsite", where, bool),
        coordination=r.choice(t, "coordination", where, COORDINATION),
    )


def _never_remote(r: Reader, t: dict[str, Any], where: str) -> L10n | None:
    return r.l10n(t, "never_remote", where) if "never_remote" in t else None


def _load_units(r: Reader) -> tuple[UnitDef, ...]:
    units = []
    for where, u in r.tables(r.data, "units"):
        tasks = tuple(
            TaskDef(
                r.text(t, "id", w),
                r.l10n(t, "name", w),
                _factors(r, t, w),
                r.choice(t, "works_on", w, WORKS_ON),
                _never_remote(r, t, w),
                r.get(t, "priority", w, bool) if "priority" in t else False,  # issue 23
            )
            for w, t in r.tables(u, "tasks", where)
        )
        units.append(UnitDef(r.text(u, "id", where), r.l10n(u, "name", where), tasks))
    r.unique([u.id for u in units], "units.id")
    r.unique([t.id for u in units for t in u.tasks], "units.tasks.id")
    return tuple(units)


def _load_costs(r: Reader) -> tuple[tuple[CostCategory, ...], tuple[CostItemDef, ...]]:
    cats = tuple(
        CostCategory(
            r.text(c, "id", w), r.l10n(c, "name", w), r.choice(c, "budget_item", w, BUDGET_ITEMS)
        )
        for w, c in r.tables(r.data, "categories")
    )
    r.unique([c.id for c in cats], "categories.id")
    cat_ids = [c.id for c in cats]
    items = tuple(
        CostItemDef(
            id=r.text(i, "id", w),
            name=r.l10n(i, "name", w),
            category=r.choice(i, "category", w, cat_ids),
            unit_price=r.count(i, "unit_price", w, 0),
            unit=r.choice(i, "unit", w, QUANTITY_BASES),
            default_quantity=r.count(i, "default_quantity", w, 0),
            recurrence=r.choice(i, "recurrence", w, RECURRENCES),
            basis=r.l10n(i, "basis", w),
        )
        for w, i in r.tables(r.data, "items")
    )
    r.unique([i.id for i in items], "items.id")
    return cats, items


def _load_kpis(r: Reader) -> tuple[KpiDef, ...]:
    """Issue 23: the typical KPIs offered in step 2."""
    out = tuple(
        KpiDef(
            id=r.text(k, "id", w),
            name=r.l10n(k, "name", w),
            unit=r.choice(k, "unit", w, KPI_UNITS),
            direction=r.choice(k, "direction", w, KPI_DIRECTIONS),
            basis=r.l10n(k, "basis", w),
        )
        for w, k in r.tables(r.data, "kpis")
    )
    r.unique([k.id for k in out], "kpis.id")
    return out


def _load_access_methods(r: Reader) -> tuple[AccessMethod, ...]:
    methods = []
    for w, m in r.tables(r.data, "methods"):
        reaches = r.get(m, "reaches", w, list)
        inside = r.get(m, "inside_network", w, bool)
        for net in reaches:
            if net not in NETWORKS or (net == "mynumber" and not inside):
                r.fail(f"{w}.reaches", f"'{net}' cannot be reached from outside")
        methods.append(
            AccessMethod(
                id=r.text(m, "id", w),
                name=r.l10n(m, "name", w),
                reaches=frozenset(reaches),
                screen_transfer=r.get(m, "screen_transfer", w, bool),
                description=r.l10n(m, "description", w),
                telework_type=r.choice(m, "telework_type", w, TELEWORK_TYPES),
                inside_network=inside,
                licence_items=_licence_items(r, m, w),
                terminal_ids=r.get(m, "terminal_ids", w, bool) if "terminal_ids" in m else False,
            )
        )
    r.unique([m.id for m in methods], "methods.id")
    if methods[0].id != "none":
        r.fail("methods[0].id", "the first method must be 'none' (undecided)")
    return tuple(methods)


def _licence_items(r: Reader, m: dict[str, Any], where: str) -> tuple[str, ...]:
    """Issue 23: the cost items that give one user access by a method (ids of costs.toml)."""
    items = r.get(m, "licence_items", where, list) if "licence_items" in m else []
    for item in items:
        if not isinstance(item, str):
            r.fail(f"{where}.licence_items", "each item is a cost item id (text)")
    return tuple(items)


def _load_security(r: Reader) -> tuple[SecurityMeasureDef, ...]:
    out = tuple(
        SecurityMeasureDef(
            id=r.text(m, "id", w),
            role=r.choice(m, "role", w, ROLES),
            group=r.choice(m, "group", w, SECURITY_GROUPS),
            text=r.l10n(m, "text", w),
            basic=r.get(m, "basic", w, bool),
        )
        for w, m in r.tables(r.data, "measures")
    )
    r.unique([m.id for m in out], "measures.id")
    return out


def _load_subsidy_rules(r: Reader, categories: frozenset[str]) -> tuple[SubsidyRule, ...]:
    rules = [subsidy_rule(r, s, w, categories) for w, s in r.tables(r.data, "rules")]
    years = [x.fiscal_year for x in rules]
    if years != sorted(set(years)):
        r.fail("rules.fiscal_year", "fiscal years must be unique and in ascending order")
    return tuple(rules)


def _load_benchmarks(r: Reader) -> Benchmarks:
    classes = []
    for w, c in r.tables(r.data, "size_classes"):
        try:
            rate = Decimal(r.get(c, "adoption_rate", w, str))
        except InvalidOperation:
            r.fail(f"{w}.adoption_rate", "not a decimal number")
        classes.append(
            SizeClass(
                id=r.text(c, "id", w),
                min_staff=r.count(c, "min_staff", w, 0),
                max_staff=r.count(c, "max_staff", w, 0),
                adoption_rate=rate,
                label=r.l10n(c, "label", w),
            )
        )
    return Benchmarks(
        as_of=r.iso_date(r.data, "as_of", ""),
        source=r.l10n(r.data, "source", ""),
        size_classes=tuple(classes),
        raw=r.data,
    )


FILES = (
    ("steps", "steps.toml"),
    ("catalog", "costs.toml"),
    ("catalog", "units.toml"),
    ("catalog", "access_methods.toml"),
    ("catalog", "security.toml"),
    ("catalog", "rules.toml"),
    ("catalog", "kpis.toml"),  # issue 23
    ("rules", "special_allocation_tax.toml"),
    ("rules", "benchmarks.toml"),
)


def load_catalog(
    root: Path | None = None, cache_dir: Path | None = None, words: Words | None = None
) -> Catalog:
    """Read and validate every data file under ``root`` (default: bundled resources).

    With ``cache_dir``, the parsed files are read from (and written to) a cache
    there, named by the files' content (``cache.py``). ``words``: the words already
    read from the same root (default: ``words.toml`` under ``root`` is read).
    """
    root = root or resource_dir()
    raw: dict[str, bytes] = {}
    for parts in FILES:
        path = root.joinpath(*parts)
        name = str(path.relative_to(root))
        try:
            raw[name] = path.read_bytes()
        except FileNotFoundError:
            raise ResourceError(name, "-", "file not found") from None
    cache = cache_file(cache_dir, raw, "catalog") if cache_dir is not None else None
    parsed = read_cache(cache, raw) if cache is not None else None
    readers = {name: Reader(name, data, parsed and parsed[name]) for name, data in raw.items()}

    def reader(*parts: str) -> Reader:
        return readers[str(Path(*parts))]

    steps, purposes = _load_steps(reader("steps", "steps.toml"))
    cats, items = _load_costs(reader("catalog", "costs.toml"))
    catalog = Catalog(
        steps=steps,
        purposes=purposes,
        units=_load_units(reader("catalog", "units.toml")),
        cost_categories=cats,
        cost_items=items,
        access_methods=_load_access_methods(reader("catalog", "access_methods.toml")),
        security_measures=_load_security(reader("catalog", "security.toml")),
        rule_templates=tuple(_options(reader("catalog", "rules.toml"), "rules")),
        subsidy_rules=_load_subsidy_rules(
            reader("rules", "special_allocation_tax.toml"), frozenset(c.id for c in cats)
        ),
        benchmarks=_load_benchmarks(reader("rules", "benchmarks.toml")),
        words=words if words is not None else load_words(root, cache_dir),
        typical_kpis=_load_kpis(reader("catalog", "kpis.toml")),
    )
    if cache is not None and parsed is None:
        write_cache(cache, {name: r.data for name, r in readers.items()})
    return catalog
