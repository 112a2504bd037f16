"""Loading the bundled data files (steps, catalogs, rules) with clear errors.

Every file is TOML with a ``schema`` number. A wrong or missing value raises
ResourceError naming the file and the field path (``units[3].tasks[2].paper``).

Reading a file and the per-user cache of parsed files are in ``datafile.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

from ..resources import resource_dir
from .datafile import Reader, cache_file, quoted, read_cache, user_cache_dir, write_cache
from .declare import declared
from .errors import ResourceError
from .fiscal import MAX_FISCAL_YEAR, MIN_FISCAL_YEAR
from .text import L10n

# issue 15: "sensitive" = 要配慮個人情報, between ordinary personal data and My Number
PERSONAL_DATA = ("none", "personal", "sensitive", "mynumber")
NETWORKS = ("internet", "lgwan", "mynumber")
# issue 15: what a task works on; with the plan's network model it gives the task's layer
# (planner/domain/network_model.py). "" on a task = not said: its ``network`` decides.
WORKS_ON = ("documents", "business_systems", "core_systems", "internet_services")
TELEWORK_TYPES = (  # issue 15: MIC telework security guideline, 5th ed. (2021-05)
    "none", "vpn", "remote_desktop", "vdi", "secure_container", "secure_browser",
    "cloud_service", "standalone", "on_premises",
)  # fmt: skip
COVERAGES = ("introduction", "introduction_and_running")  # issue 15
PAPER = ("none", "some", "heavy")
COORDINATION = ("low", "medium", "high")
QUANTITY_BASES = (
    "teleworker", "device_needed", "organisation", "fixed",
    "home_allowance_staff",  # issue 15: staff paid the 在宅勤務等手当 (plan field, step 5)
)  # fmt: skip
RECURRENCES = ("one_time", "annual")
ROLES = ("management", "administrator", "teleworker")
SECURITY_GROUPS = ("framework", "malware", "loss", "eavesdrop", "intrusion", "external")
ROUNDING_MODES = ("down", "half_up", "up")


@dataclass(frozen=True, slots=True)
class TaskFactors:
    """What decides a task's suitability; part of a plan's task (declared as its fields)."""

    personal_data: str = declared(
        "choice",
        "個人情報",
        "Personal data",
        default="none",
        choices=PERSONAL_DATA,
        words="personal_data",
    )
    network: str = declared(
        "choice", "ネットワーク", "Network", default="lgwan", choices=NETWORKS, words="network"
    )
    paper: str = declared(
        "choice", "紙への依存", "Paper dependence", default="none", choices=PAPER, words="paper"
    )
    counter: bool = declared("bool", "窓口業務", "Counter work", default=False)
    onsite: bool = declared("bool", "現地業務", "On-site work", default=False)
    coordination: str = declared(
        "choice",
        "連携の必要性",
        "Coordination",
        default="low",
        choices=COORDINATION,
        words="coordination",
    )
    works_on: str = declared(
        "choice",
        "業務の対象",
        "Works on",
        default="",
        choices=("", *WORKS_ON),
        words="works_on",
        doc='what the task works on (with the plan\'s network model it gives the layer); "" = not said: network decides',
    )  # issue 15


@dataclass(frozen=True, slots=True)
class ChecklistItemDef:
    id: str
    text: L10n


@dataclass(frozen=True, slots=True)
class StepDef:
    number: int
    key: str
    title: L10n
    purpose: L10n
    guidance: L10n
    records: tuple[str, ...]
    checklist: tuple[ChecklistItemDef, ...]


@dataclass(frozen=True, slots=True)
class Option:
    """A choice offered by id with a bilingual text (purposes, rules to prepare)."""

    id: str
    text: L10n


@dataclass(frozen=True, slots=True)
class TaskDef:
    id: str
    name: L10n
    factors: TaskFactors  # works_on "" here; a plan's copy gets ``works_on`` (builders)
    works_on: str = "documents"  # issue 15: one of WORKS_ON
    # issue 15: a statute or rule that keeps the task in the office whatever the method
    # (e.g. questionnaires of statistical surveys under 統計法); None: no such rule
    never_remote: L10n | None = None


@dataclass(frozen=True, slots=True)
class UnitDef:
    id: str
    name: L10n
    tasks: tuple[TaskDef, ...]


@dataclass(frozen=True, slots=True)
class CostCategory:
    id: str
    name: L10n


@dataclass(frozen=True, slots=True)
class CostItemDef:
    id: str
    name: L10n
    category: str
    unit_price: int
    unit: str
    default_quantity: int
    recurrence: str
    basis: L10n


@dataclass(frozen=True, slots=True)
class AccessMethod:
    id: str
    name: L10n
    reaches: frozenset[str]
    screen_transfer: bool
    description: L10n
    telework_type: str = "none"  # issue 15: one of TELEWORK_TYPES (security guideline 5th ed.)
    # issue 15: the place is inside the body's closed network (a 支所 satellite office):
    # not "access from outside", so even the My Number layer can be in ``reaches``
    inside_network: bool = False


@dataclass(frozen=True, slots=True)
class SecurityMeasureDef:
    id: str
    role: str
    group: str
    text: L10n
    basic: bool


@dataclass(frozen=True, slots=True)
class SubsidyRule:
    fiscal_year: int
    rate: Fraction
    eligible_categories: frozenset[str]
    rounding_unit: int
    rounding_mode: str
    source: L10n
    date: date
    note: L10n
    coverage: str = "introduction"  # issue 15: one of COVERAGES
    coverage_source: str = "unconfirmed"  # issue 15: where the coverage is stated
    origin: str = "bundled"  # issue 15: "bundled", or the file name of an imported rule
    date_assumed: bool = False  # issue 18: no document gives the date; it is an assumption


@dataclass(frozen=True, slots=True)
class SizeClass:
    id: str
    min_staff: int
    max_staff: int
    adoption_rate: Decimal
    label: L10n


@dataclass(frozen=True, slots=True)
class Benchmarks:
    as_of: date
    source: L10n
    size_classes: tuple[SizeClass, ...]
    raw: dict[str, Any]


@dataclass(frozen=True)
class Catalog:
    steps: tuple[StepDef, ...]
    purposes: tuple[Option, ...]
    units: tuple[UnitDef, ...]
    cost_categories: tuple[CostCategory, ...]
    cost_items: tuple[CostItemDef, ...]
    access_methods: tuple[AccessMethod, ...]
    security_measures: tuple[SecurityMeasureDef, ...]
    rule_templates: tuple[Option, ...]
    subsidy_rules: tuple[SubsidyRule, ...]
    benchmarks: Benchmarks
    # issue 15: messages about imported rule files that could not be used
    rule_problems: tuple[L10n, ...] = ()

    def task(self, task_id: str | None) -> TaskDef | None:
        """The catalog task of an id (issue 15: the network model needs its ``works_on``)."""
        if not task_id:
            return None
        index = self.__dict__.get("_task_index")
        if index is None:
            index = {t.id: t for u in self.units for t in u.tasks}
            self.__dict__["_task_index"] = index  # frozen: cached beside the fields
        return index.get(task_id)

    def step(self, number: int) -> StepDef:
        return self.steps[number - 1]

    def access_method(self, method_id: str) -> AccessMethod:
        for m in self.access_methods:
            if m.id == method_id:
                return m
        return self.access_methods[0]  # "none": an unknown id means undecided

    def cost_item(self, item_id: str) -> CostItemDef | None:
        return next((i for i in self.cost_items if i.id == item_id), None)

    def category_ids(self) -> frozenset[str]:
        return frozenset(c.id for c in self.cost_categories)

    def category_name(self, category_id: str) -> L10n:
        for c in self.cost_categories:
            if c.id == category_id:
                return c.name
        return L10n(category_id, category_id)


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
    network = ALPHA_LAYERS[works_on]
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


# issue 15: the layer each kind of work sits on under the α model (the program's default)
ALPHA_LAYERS = {
    "documents": "lgwan",
    "business_systems": "lgwan",
    "core_systems": "mynumber",
    "internet_services": "internet",
}


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
            )
            for w, t in r.tables(u, "tasks", where)
        )
        units.append(UnitDef(r.text(u, "id", where), r.l10n(u, "name", where), tasks))
    r.unique([u.id for u in units], "units.id")
    r.unique([t.id for u in units for t in u.tasks], "units.tasks.id")
    return tuple(units)


def _load_costs(r: Reader) -> tuple[tuple[CostCategory, ...], tuple[CostItemDef, ...]]:
    cats = tuple(
        CostCategory(r.text(c, "id", w), r.l10n(c, "name", w))
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
            )
        )
    r.unique([m.id for m in methods], "methods.id")
    if methods[0].id != "none":
        r.fail("methods[0].id", "the first method must be 'none' (undecided)")
    return tuple(methods)


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


# "1/2", "0.5": a short fraction or decimal, never an exponent (Fraction("1e-99999999") hangs)
_RATE = re.compile(r"\d{1,9}(?:\.\d{1,9}|/\d{1,9})?")


def _rate(r: Reader, s: dict[str, Any], w: str) -> Fraction:
    value = r.get(s, "rate", w, (str, int, float))  # a number is read, then refused below
    text = value.strip() if isinstance(value, str) else ""
    try:
        rate = Fraction(text) if _RATE.fullmatch(text) else None
    except ZeroDivisionError:
        rate = None
    if rate is None or not 0 < rate <= 1:
        r.fail(
            f"{w}.rate",
            L10n(
                f'{quoted(value)} は措置率ではありません。"1/2" のように、0より大きく1以下の分数を文字列で書いてください',
                f'{quoted(value)} is not a rate such as "1/2" (a fraction above 0 and at most 1, as text)',
            ),
        )
    return rate  # type: ignore[return-value]


def subsidy_rule(
    r: Reader, s: dict[str, Any], w: str, categories: frozenset[str], origin: str = "bundled"
) -> SubsidyRule:
    """One ``[[rules]]`` table, checked (also used for rule files a user imports)."""
    eligible = r.get(s, "eligible_categories", w, list)
    for i, c in enumerate(eligible):
        r.check_kind(c, f"{w}.eligible_categories[{i}]", str)
        if c not in categories:
            r.fail(
                f"{w}.eligible_categories",
                L10n(
                    f"経費区分 {quoted(c)} はありません（使える区分: {', '.join(sorted(categories))}）",
                    f"unknown cost category {quoted(c)} (known: {', '.join(sorted(categories))})",
                ),
            )
    rounding = r.get(s, "rounding", w, dict)
    return SubsidyRule(
        fiscal_year=r.count(s, "fiscal_year", w, MIN_FISCAL_YEAR, MAX_FISCAL_YEAR),
        rate=_rate(r, s, w),
        eligible_categories=frozenset(eligible),
        rounding_unit=r.count(rounding, "unit", f"{w}.rounding", 1),
        rounding_mode=r.choice(rounding, "mode", f"{w}.rounding", ROUNDING_MODES),
        source=r.l10n(s, "source", w),
        date=r.iso_date(s, "date", w),
        note=r.l10n(s, "note", w),
        coverage=r.choice(s, "coverage", w, COVERAGES),
        coverage_source=r.text(s, "coverage_source", w),
        origin=origin,
        date_assumed=_date_assumed(r, s, w),
    )


def _date_assumed(r: Reader, s: dict[str, Any], w: str) -> bool:
    """Optional ``date_assumed`` (issue 18): true when no document carries the rule's date."""
    return r.get(s, "date_assumed", w, bool) if "date_assumed" in s else False


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
    ("rules", "special_allocation_tax.toml"),
    ("rules", "benchmarks.toml"),
)


def load_catalog(root: Path | None = None, cache_dir: Path | None = None) -> Catalog:
    """Read and validate every data file under ``root`` (default: bundled resources).

    With ``cache_dir``, the parsed files are read from (and written to) a cache
    there, named by the files' content; see the module's docstring.
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
    )
    if cache is not None and parsed is None:
        write_cache(cache, {name: r.data for name, r in readers.items()})
    return catalog


@cache
def default_catalog() -> Catalog:
    """The bundled catalog, read once per process (through the per-user cache), with the
    subsidy rules a user has imported merged in (issue 15, user_rules.py)."""
    return with_user_rules(load_catalog(cache_dir=user_cache_dir()))


def with_user_rules(catalog: Catalog, folder: Path | None | bool = True) -> Catalog:
    """The catalog with imported rule files merged over its rules (``True``: the user's
    folder; ``None``: none)."""
    from dataclasses import replace

    from .subsidy_rules import merge_rules
    from .user_rules import load_user_rules, user_rules_dir

    where = user_rules_dir() if folder is True else folder
    if where is None:
        return catalog
    imported, problems = load_user_rules(where, catalog.category_ids())
    if not imported and not problems:
        return catalog
    return replace(
        catalog,
        subsidy_rules=merge_rules(catalog.subsidy_rules, imported),
        rule_problems=tuple(problems),
    )
