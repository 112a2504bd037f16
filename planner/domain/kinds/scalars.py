"""The kinds of a single value: text, ids, counts and yen, fiscal years, booleans, dates,
decimals and choices."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from .. import fiscal
from ..errors import ValidationError
from ..jsonvalues import BOOL, DATE, DECIMAL, INT, STR, TEXT, decimal_text, parse_decimal
from ..limits import MAX_STAFF, MAX_TEXT, MAX_YEN
from ..money import format_yen
from ..text import L10n
from .base import SCALAR_SPEC, Bind, Condition, Kind, clip, words

if TYPE_CHECKING:
    from ..declare import Field


class TextKind(Kind):
    name, column, json, screen = "text", "str", TEXT, "text"

    def conditions(self, f: Field, bind: Bind) -> tuple[Condition, ...]:
        ja, en = f.label.ja, f.label.en
        conditions = (
            Condition("type(v) is str", words(f"{ja}は文字で入力してください。", f"{en} must be text.")),
            Condition("v.strip() != ''", words(f"{ja}を入力してください。", f"Enter the {en.lower()}."))
            if f.required else None,
            Condition(f"len(v) <= {MAX_TEXT}", lambda v: L10n(
                f"{ja}が長すぎます（{len(v):,}文字、上限{MAX_TEXT:,}文字）。",
                f"The {en.lower()} is too long ({len(v):,} characters, at most {MAX_TEXT:,}).",
            )),
        )  # fmt: skip
        return tuple(c for c in conditions if c is not None)

    def _narrow(self, f: Field, schema: dict[str, Any]) -> None:
        if f.required:
            schema["pattern"] = r"\S"

    def default_doc(self, f: Field) -> str:
        return "required, not blank" if f.required else ""

    def show(self, f: Field, value: Any, lang: str) -> str:
        return "—" if value is None else clip(value)


class IdKind(Kind):
    """A row's stable id (any text; ``model.new_id`` makes 12 hex digits)."""

    name, column, json, screen = "id", "str", STR, "text"

    def conditions(self, f: Field, bind: Bind) -> tuple[Condition, ...]:
        ja, en = f.label.ja, f.label.en
        return (Condition(f"type(v) is str and len(v) <= {MAX_TEXT}",
                          words(f"{ja}が不正です。", f"The {en.lower()} is invalid.")),)  # fmt: skip


class RefKind(IdKind):
    """An id in the bundled catalog."""

    name = "ref"


class CountKind(Kind):
    """A whole number from 0 (or ``minimum``) to ``maximum`` (a count of staff by default)."""

    name, column, json, screen = "int", "int", INT, "int"
    numeric = True
    allows = SCALAR_SPEC | {"minimum", "maximum"}
    default_maximum = MAX_STAFF

    def problem(self, f: Field) -> str | None:
        for bound in (f.minimum, f.maximum):
            if bound is not None and (isinstance(bound, bool) or not isinstance(bound, int)):
                return f"its bounds must be whole numbers (got {bound!r})"
        if f.minimum < 0:
            return (
                f"its minimum cannot be negative ({f.minimum}): counts and yen are never negative"
            )
        if f.maximum is not None and f.maximum < f.minimum:
            return f"its maximum ({f.maximum}) is below its minimum ({f.minimum})"
        return None

    def conditions(self, f: Field, bind: Bind) -> tuple[Condition, ...]:
        ja, en = f.label.ja, f.label.en
        low, high = int(f.minimum), int(f.upper or 0)
        out = [
            Condition("type(v) is int", words(f"{ja}は整数で入力してください。", f"{en} must be a whole number.")),
            Condition("v >= 0", lambda v: L10n(f"{ja}に負の値は入力できません（入力値: {v}）。", f"{en} cannot be negative ({v}).")),
        ]  # fmt: skip
        if low > 0:
            out.append(Condition(f"v >= {low}", lambda v: L10n(
                f"{ja}は{low:,}以上で入力してください（入力値: {v}）。", f"{en} must be at least {low:,} ({v}).")))  # fmt: skip
        out.append(Condition(f"v <= {high}", lambda v: L10n(
            f"{ja}が大きすぎます（{v:,}、上限{high:,}）。", f"{en} is too large ({v:,}, at most {high:,}).")))  # fmt: skip
        return tuple(out)

    def _narrow(self, f: Field, schema: dict[str, Any]) -> None:
        if f.upper is not None:
            schema["maximum"] = int(f.upper)

    def parse(self, text: Any, name: str, where: str) -> Any:
        value = str(text).strip()
        digits = value.replace(",", "").replace("円", "").replace("¥", "").strip()
        digits = digits.translate(str.maketrans("０１２３４５６７８９－", "0123456789-"))
        try:
            return int(digits)
        except ValueError:
            raise ValidationError(
                where,
                f"{name}は数字で入力してください（入力値: {value}）。",
                f"{name}: enter a number (got '{value}').",
            ) from None

    def format(self, value: Any, lang: str) -> str:
        return "" if value is None else f"{value:,}"


class MoneyKind(CountKind):
    """Integer yen (at most ¥1 trillion unless ``maximum`` says less)."""

    name, screen = "money", "money"
    default_maximum = MAX_YEN

    def format(self, value: Any, lang: str) -> str:
        return "" if value is None else format_yen(value, lang)


class FiscalYearKind(Kind):
    """A fiscal year, by the western year it starts in (2025 = 令和7年度)."""

    name, column, json, screen = "fy", "int", INT, "fy"

    def conditions(self, f: Field, bind: Bind) -> tuple[Condition, ...]:
        low, high = fiscal.MIN_FISCAL_YEAR, fiscal.MAX_FISCAL_YEAR
        return (
            Condition("type(v) is int", words("年度は数字で入力してください。", "Enter the fiscal year as a number.")),
            Condition(f"{low} <= v <= {high}", lambda v: L10n(
                f"年度は{low}年度から{high}年度の範囲で入力してください（入力値: {v}）。",
                f"The fiscal year must be between {low} and {high} (entered: {v}).")),
        )  # fmt: skip

    def default_doc(self, f: Field) -> str:
        return "western year in which the fiscal year starts (2025 = 令和7年度)"

    def parse(self, text: Any, name: str, where: str) -> Any:
        value = str(text).strip()
        return fiscal.parse_era_year(value) if value else None

    def format(self, value: Any, lang: str) -> str:
        return "" if value is None else fiscal.fiscal_year_label(value, lang)


class BoolKind(Kind):
    name, column, json, screen = "bool", "bool", BOOL, "bool"

    def conditions(self, f: Field, bind: Bind) -> tuple[Condition, ...]:
        ja, en = f.label.ja, f.label.en
        return (
            Condition(
                "type(v) is bool", words(f"{ja}の値が不正です。", f"The {en.lower()} is invalid.")
            ),
        )

    def parse(self, text: Any, name: str, where: str) -> Any:
        return text  # a check box gives the value itself

    def show(self, f: Field, value: Any, lang: str) -> str:
        if value is None:
            return "—"
        return ("yes" if value else "no") if lang == "en" else ("はい" if value else "いいえ")


class DateKind(Kind):
    name, column, json, screen = "date", "date", DATE, "date"

    def conditions(self, f: Field, bind: Bind) -> tuple[Condition, ...]:
        ja, en = f.label.ja, f.label.en
        return (Condition(f"type(v) is {bind(date)}", words(f"{ja}は日付で入力してください。", f"{en}: enter a date.")),)  # fmt: skip

    def parse(self, text: Any, name: str, where: str) -> Any:
        return fiscal.parse_date(str(text).strip(), where)

    def format(self, value: Any, lang: str) -> str:
        return "" if value is None else value.isoformat()


class DecimalKind(Kind):
    """A decimal number from ``minimum`` to ``maximum`` (kept as entered: 0.90 stays 0.90)."""

    name, column, json, screen = "decimal", "str", DECIMAL, "decimal"
    allows = SCALAR_SPEC | {"minimum", "maximum"}
    converts_cell = True

    def problem(self, f: Field) -> str | None:
        for bound in (f.minimum, f.maximum):
            if bound is not None and (
                isinstance(bound, bool) or not isinstance(bound, Decimal | int)
            ):
                return f"its bounds must be Decimal or whole numbers (got {bound!r})"
        if f.maximum is not None and f.maximum < f.minimum:
            return f"its maximum ({f.maximum}) is below its minimum ({f.minimum})"
        return None

    def conditions(self, f: Field, bind: Bind) -> tuple[Condition, ...]:
        low, high = f.minimum, f.upper
        test = f"type(v) is {bind(Decimal)} and v.is_finite() and {bind(low)} <= v"
        if high is None:
            words = L10n(f"{f.label.ja}は{low}以上の数値で入力してください。",
                         f"{f.label.en} must be a number of at least {low}.")  # fmt: skip
        else:
            test += f" <= {bind(high)}"
            words = L10n(f"{f.label.ja}は{low}以上{high}以下の数値で入力してください。",
                         f"{f.label.en} must be a number from {low} to {high}.")  # fmt: skip
        hint = f.hint or words
        return (Condition(test, lambda _v: hint),)

    def to_cell(self, value: Any) -> Any:
        return None if value is None else decimal_text(value)

    def from_cell(self, value: Any) -> Any:
        if value is None:
            return None
        number = parse_decimal(value)
        if number is None:
            raise ValueError(value)
        return number

    def parse(self, text: Any, name: str, where: str) -> Any:
        value = str(text).strip()
        try:
            number = Decimal(
                value.translate(str.maketrans("０１２３４５６７８９．", "0123456789."))
            )
        except InvalidOperation:
            number = None
        if value and (number is None or not number.is_finite()):
            raise ValidationError(
                where,
                f"{name}は数値で入力してください（入力値: {value}）。",
                f"{name}: enter a number (got '{value}').",
            )
        return number

    def equal(self, f: Field, a: Any, b: Any) -> bool:
        return type(a) is type(b) and a == b  # 0.9 and 0.90 are one number


class ChoiceKind(Kind):
    """One of ``choices`` (a tuple of codes, or the name of a catalog list); with ``unset``,
    None too, shown with its own word ("区分から自動": derived unless chosen)."""

    name, column, json, screen = "choice", "str", STR, "choice"
    allows = SCALAR_SPEC | {"choices", "words", "unset"}

    def problem(self, f: Field) -> str | None:
        if not f.choices:
            return "a choice field needs 'choices' (a tuple of codes or a catalog list's name)"
        if f.words and not isinstance(f.choices, tuple):
            return "'words' names the words of a tuple of choices, not of a catalog list"
        if f.unset is not None:
            if not isinstance(f.unset, L10n):
                return "'unset' is the word for no choice, as L10n(ja, en)"
            if not f.nullable:
                return "a choice that may be unset must be nullable=True (unset is None)"
        return None

    def conditions(self, f: Field, bind: Bind) -> tuple[Condition, ...]:
        if isinstance(f.choices, str):
            test = f"type(v) is str and v in c.get({f.choices!r}, ())"
        else:
            test = f"type(v) is str and v in {bind(frozenset(f.choices))}"
        if f.hint is not None:
            hint = f.hint
            return (Condition(test, lambda _v: hint),)
        ja, en = f.label.ja, f.label.en
        return (Condition(test, lambda v: L10n(
            f"{ja}の値「{v}」は選択肢にありません。", f"'{v}' is not a valid {en.lower()}.")),)  # fmt: skip

    def parse(self, text: Any, name: str, where: str) -> Any:
        return text  # a list gives the code itself

    def show(self, f: Field, value: Any, lang: str) -> str:
        if value is None and f.unset is not None:
            return f.unset.get(lang)
        return super().show(f, value, lang)
