"""The base of every kind: a kind's parts, and its rule compiled and worded."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from ..errors import ValidationError
from ..jsonvalues import STR, JsonValue
from ..text import L10n

if TYPE_CHECKING:
    from ..declare import Field

Bind = Callable[[Any], str]  # a constant the generated test needs -> its name there


class Condition:
    """One part of a kind's rule: a Python expression over ``v`` (and ``c``, the
    catalog's choice lists), and the refusal's words for a value that fails it
    (``words(v)``; ``words(v, c)`` with ``with_choices``, to name the codes allowed)."""

    __slots__ = ("test", "words", "with_choices")

    def __init__(self, test: str, words: Callable[..., L10n], with_choices: bool = False) -> None:
        self.test, self.words, self.with_choices = test, words, with_choices


if TYPE_CHECKING:

    class Shapes(Protocol):
        """What the JSON format builds for a field (``planner/store/interchange.py``)."""

        def scalar(self, f: Field) -> Any: ...
        def record(self, record: Any) -> Any: ...
        def array(self, item: Any, f: Field) -> Any: ...
        def keyed(self, f: Field) -> Any: ...


SCALAR_SPEC = frozenset({"required", "nullable", "column", "hint", "doc"})


class Kind:
    """A kind of field. Subclasses state what is theirs; one instance each, in ``KINDS``."""

    name: ClassVar[str] = ""
    nested: ClassVar[bool] = False
    allows: ClassVar[frozenset[str]] = SCALAR_SPEC  # what a declaration of it may say
    column: ClassVar[str] = ""  # the project file's column type: str, int, bool or date
    json: ClassVar[JsonValue] = STR
    screen: ClassVar[str] = ""  # how a table cell edits it (an id is edited as text)
    numeric: ClassVar[bool] = False  # a figure: shown right-aligned
    default_maximum: ClassVar[int | None] = None
    converts_cell: ClassVar[bool] = False  # its column holds another form than the value
    # kinds that hold records: kept in the parent's row / in a table of their own
    inline: ClassVar[bool] = False
    table: ClassVar[bool] = False
    list_items: ClassVar[bool] = False  # a list of strings (the plan's plan_list_item)
    row_ids: ClassVar[bool] = False  # its records are rows named by their ``id``

    def problem(self, f: Field) -> str | None:
        """What is wrong with a declaration of this kind, beyond what it may say."""
        return None

    # -- the check --------------------------------------------------------------------

    def conditions(self, f: Field, bind: Bind) -> tuple[Condition, ...]:
        return ()

    def check(self, f: Field, value: Any, where: str, choices: Any) -> None:
        """The checks of a field that holds other records (its own, not theirs)."""

    # -- the project file -------------------------------------------------------------

    def to_cell(self, value: Any) -> Any:
        return value

    def from_cell(self, value: Any) -> Any:
        """The value of a cell read from a file; ValueError if it is none."""
        return value

    # -- JSON ---------------------------------------------------------------------------

    def json_node(self, f: Field, shapes: Shapes) -> Any:
        return shapes.scalar(f)

    def to_json(self, f: Field, value: Any, write_record: Callable[[Any, Any], Any]) -> Any:
        return None if value is None else self.json.write(value)

    def schema(self, f: Field) -> dict[str, Any]:
        """The JSON Schema of a value (its description is added by the format)."""
        out = self.json.schema()
        self._narrow(f, out)
        if isinstance(f.choices, tuple) and f.choices:
            out["enum"] = list(f.choices)
        if f.nullable:
            out["type"] = [out["type"], "null"]
            if "enum" in out:
                out["enum"].append(None)
        return out

    def _narrow(self, f: Field, schema: dict[str, Any]) -> None:
        """Add the kind's own bounds to its JSON value's schema."""

    def default_doc(self, f: Field) -> str:
        return ""

    # -- the screen ---------------------------------------------------------------------

    def parse(self, text: Any, name: str, where: str) -> Any:
        """The value typed text stands for (``name``: the column's header, in the
        screen's language); ValidationError if it stands for none."""
        return str(text)

    def format(self, value: Any, lang: str) -> str:
        return "" if value is None else str(value)

    # -- a diff -------------------------------------------------------------------------

    def equal(self, f: Field, a: Any, b: Any) -> bool:
        return type(a) is type(b) and a == b

    def show(self, f: Field, value: Any, lang: str) -> str:
        return "—" if value is None else self.format(value, lang)


def words(ja: str, en: str) -> Callable[[Any], L10n]:
    return lambda _v: L10n(ja, en)


def clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- the rule of a field, as one expression and as the words of a refusal --------------------


def rule(f: Field, bind: Bind) -> str:
    """The Python expression a value ``v`` of the field passes (None too, if nullable)."""
    tests = [c.test for c in f.type.conditions(f, bind)]
    expression = " and ".join(f"({t})" for t in tests) or "True"
    return f"v is None or ({expression})" if f.nullable else expression


def refusal(f: Field, value: Any, where: str, choices: Any) -> ValidationError | None:
    """The refusal of a value by its field's rule (the first condition it fails), or None."""
    if value is None and f.nullable:
        return None
    env: dict[str, Any] = {}

    def bind(constant: Any) -> str:
        name = f"k{len(env)}"
        env[name] = constant
        return name

    for condition in f.type.conditions(f, bind):
        env["v"], env["c"] = value, choices
        if not eval(condition.test, env):  # noqa: S307 - an expression of our own kinds
            words = (
                condition.words(value, choices) if condition.with_choices else condition.words(value)
            )
            return ValidationError(where, words.ja, words.en)
    return None
