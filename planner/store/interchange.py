"""The JSON interchange format of a whole plan (docs/file-format.md, "JSON").

For scripting, for templates a prefecture hands out and for comparing versions
in text. The format is derived from the plan's one declaration (``json_format.py``:
each field's kind says its part): the writer, the strict reader (optional keys take
the dataclass defaults) and the JSON Schema in ``resources/schema/`` (``make regenerate``
writes ``json_schema()`` there; tests/test_regenerate.py fails while it is stale).

``plan_to_dict`` writes every key in a fixed order, so a plan exported twice
gives the same text; ``plan_from_dict`` is strict (unknown keys, wrong types,
duplicate keys and a newer format version are refused with the JSON path of
the problem) and validates the plan with the domain's rules.

No third-party library: the program needs no JSON Schema validator.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from .. import APP_NAME, version
from ..domain import model as m
from ..domain.catalog import Catalog
from ..domain.checks import check_catalog_refs
from ..domain.errors import ValidationError
from ..domain.plan_rules import with_rules_recorded
from ..domain.records import PLAN as RECORDS_PLAN
from ..domain.validation import validate_plan
from ..loading import default_catalog
from .atomic import write_atomically
from .errors import ProjectFileError, shown
from .files import check_target, open_regular
from .json_format import (
    DOCUMENT,
    FORMAT,
    FORMAT_VERSION,
    BadValue,
    field_path,
    json_schema,
    read_value,
    record_dict,
)

MAX_JSON_BYTES = 64 * 1024 * 1024

__all__ = [
    "FORMAT", "FORMAT_VERSION", "plan_to_dict", "plan_from_dict", "export_json", "import_json",
    "dumps", "loads", "json_schema", "as_exported",
]  # fmt: skip


# -- writing ------------------------------------------------------------------------------


def plan_to_dict(plan: m.Plan) -> dict[str, Any]:
    """The whole plan as plain JSON data, every key present, in the documented order."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "generator": f"{APP_NAME} {version()}",
        "plan": record_dict(RECORDS_PLAN, plan),
    }


def dumps(plan: m.Plan) -> str:
    """The JSON text of a plan: UTF-8 Japanese as is, two-space indent, newline at the end."""
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2) + "\n"


def export_json(plan: m.Plan, path: str | os.PathLike[str]) -> None:
    """Write the plan's JSON atomically (a new file beside the target, then os.replace)."""
    target = Path(path)
    check_target(target, suffix=".json")  # not a plan, not one someone has open, not too long
    write_atomically(target, dumps(plan).encode("utf-8"))


def as_exported(plan: m.Plan, catalog: Catalog | None = None) -> m.Plan:
    """The plan as the program hands it on (saved from the window, ``import-json``, an
    export): the subsidy rules its figures use recorded (issue 19; the plan given is not
    changed). ``save_plan`` and ``export_json`` write what they are given."""
    return with_rules_recorded(plan, (catalog or default_catalog()).subsidy_rules)


# -- reading ------------------------------------------------------------------------------


def _not_json(name: str, ja: str, en: str, reason: str = "invalid") -> ProjectFileError:
    return ProjectFileError(
        reason, f"「{name}」を読み込めません: {ja}", f"'{name}' cannot be imported: {en}"
    )


def plan_from_dict(data: Any, catalog: Catalog | None = None, *, source: str = "JSON") -> m.Plan:
    """Read and validate a plan document. Raises ProjectFileError naming the JSON path."""
    refuse_surrogates(data, source)
    return _plan_from_data(data, catalog, source)


def refuse_surrogates(data: Any, source: str) -> None:
    """Issue 18: a lone surrogate would fail at every later encode (save, print, PDF)."""
    bad = lone_surrogate(data)
    if bad is not None:
        where, code = shown(field_path(bad[0]), 80), f"U+{bad[1]:04X}"
        raise _not_json(
            shown(source, 80),
            f"文字として扱えない符号（{code}）が含まれています。（項目: {where}）",
            f"it contains a code that is not a character ({code}) (field: {where})",
        )


def _plan_from_data(data: Any, catalog: Catalog | None, source: str) -> m.Plan:
    """A plan document whose strings are known to be whole characters, read and validated."""
    name = shown(source, 80)
    catalog = catalog or default_catalog()
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _not_json(
            name,
            'テレワーク導入計画のJSONファイルではありません（"format" がありません）。',
            'this is not a plan JSON file (no "format": "telework-planner-plan").',
            "not_ours",
        )
    fv = data.get("format_version")
    if type(fv) is int and fv > FORMAT_VERSION:
        raise _not_json(
            name,
            f"新しいバージョンのプログラムで書き出された形式です（形式の版 {fv}）。プログラムを更新してください。",
            f"it was written by a newer version of the program (format version {fv}). Update the program.",
            "newer",
        )
    if fv != FORMAT_VERSION:
        raise _not_json(name, "形式の版（format_version）が不正です。", "invalid format_version.")
    try:
        doc = read_value(DOCUMENT, data, "$", catalog)
    except BadValue as e:
        where = shown(field_path(e.where), 80)
        raise _not_json(name, f"{e.ja}（項目: {where}）", f"{e.en} (field: {where})") from None
    plan = doc["plan"]
    try:
        validate_plan(plan, catalog.category_ids())
        check_catalog_refs(plan, catalog)  # issue 18: ids that decide a figure or a judgement
    except ValidationError as e:
        raise _not_json(
            name, f"{e.text('ja')}（項目: {e.field}）", f"{e.text('en')} (field: {e.field})"
        ) from None
    return plan


def lone_surrogate(data: Any) -> tuple[str, int] | None:
    """The JSON path and code of a lone surrogate in any string or key of ``data``
    (``json.loads`` lets ``"\\ud800"`` through). Iterative: the nesting ``loads`` allows
    may be near the recursion limit."""
    stack: list[tuple[Any, str]] = [(data, "$")]
    while stack:
        value, where = stack.pop()
        if isinstance(value, str):
            code = _surrogate_in(value)
            if code is not None:
                return where, code
            continue
        if not isinstance(value, dict | list):
            continue
        is_dict = isinstance(value, dict)
        for key, item in value.items() if is_dict else enumerate(value):
            if is_dict and isinstance(key, str) and (code := _surrogate_in(key)) is not None:
                return f"{where}.{_escaped(key)}", code
            if isinstance(item, str) and _surrogate_in(item) is None:
                continue  # most values: no path string is built for them
            if isinstance(item, str | dict | list):
                stack.append((item, f"{where}.{key}" if is_dict else f"{where}[{key}]"))
    return None


def _surrogate_in(text: str) -> int | None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        return ord(text[e.start])
    return None


def _escaped(text: str) -> str:
    """A key with surrogates, printable in a message (``\\ud83d``)."""
    return "".join(f"\\u{ord(c):04x}" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise ValueError(f"duplicate key {k!r}")
        out[k] = v
    return out


def loads(text: str | bytes, source: str = "JSON") -> Any:
    """Parse JSON strictly: no NaN/Infinity, no duplicate keys, no lone surrogates."""
    name = shown(source, 80)
    try:
        data = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicates)
    except (ValueError, RecursionError) as e:
        raise _not_json(
            name,
            f"JSONとして読めません（{shown(e, 60)}）。",
            f"not valid JSON ({shown(e, 60)}).",
            "not_json",
        ) from None
    if _may_hold_surrogates(text):  # the walk costs ~10 ms per MB; the test, a regex
        refuse_surrogates(data, source)
    return data


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _may_hold_surrogates(text: str | bytes) -> bool:
    """Whether parsed ``text`` can hold a surrogate: from str, only by an escape such as
    ``\\ud800`` or one already in the text; bytes are decoded by json with surrogatepass."""
    if isinstance(text, bytes):
        return True
    return _SURROGATE_ESCAPE.search(text) is not None or _surrogate_in(text) is not None


def import_json(path: str | os.PathLike[str], catalog: Catalog | None = None) -> m.Plan:
    """Read a plan JSON file (UTF-8) and validate it. Raises ProjectFileError."""
    p = Path(path)
    name = shown(p.name, 80)
    with open_regular(p) as f:  # a folder or a FIFO is refused before a byte is read
        try:
            too_big = os.fstat(f.fileno()).st_size > MAX_JSON_BYTES
            raw = b"" if too_big else f.read(MAX_JSON_BYTES + 1)
        except OSError as e:
            raise _not_json(name, f"読み込めません（{shown(e.strerror or e, 40)}）。",
                            f"cannot read it ({shown(e.strerror or e, 40)}).", "unreadable") from None  # fmt: skip
    if too_big or len(raw) > MAX_JSON_BYTES:
        raise _not_json(name, "ファイルが大きすぎます。", "the file is too large.", "too_large")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _not_json(
            name, "UTF-8のテキストではありません。", "it is not UTF-8 text.", "not_json"
        ) from None
    return _plan_from_data(loads(text, p.name), catalog, p.name)  # loads refused surrogates
