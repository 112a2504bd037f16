"""The example plan of docs/file-format.md, section 2: the first of each list of a sample
plan, as the program writes it, its longer texts left out (``…``), in a compact layout."""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

WIDTH = 100  # display columns (a Japanese character takes two)
SHORT = 8  # texts up to this long are shown as they are: names, prefectures, dates
_CODE = re.compile(r"[\x21-\x7e]*")  # codes, ids, dates and decimals, shown as they are


def example(document: dict[str, Any]) -> str:
    """The document (``interchange.plan_to_dict``) trimmed and laid out."""
    return _layout(_trimmed(document), 0, 0) + "\n"


def _trimmed(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _trimmed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_trimmed(v) for v in value[:1]]
    if isinstance(value, str) and len(value) > SHORT and not _CODE.fullmatch(value):
        return "…"
    return value


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _flat(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)}: {_flat(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flat(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _layout(value: Any, column: int, indent: int) -> str:
    """``value`` starting at ``column``; its lines after the first indented by ``indent``.

    On one line if it fits; else an object or list opens a line, its members follow as
    many to a line as fit (a member that does not fit on a line is laid out the same way),
    and it closes on a line of its own.
    """
    flat = _flat(value)
    if column + _width(flat) <= WIDTH or not isinstance(value, dict | list):
        return flat
    inner = indent + 2
    members = list(value.items()) if isinstance(value, dict) else [(None, v) for v in value]
    lines: list[str] = []
    line = ""
    for i, (key, member) in enumerate(members):
        comma = "," if i < len(members) - 1 else ""
        head = "" if key is None else f"{json.dumps(key)}: "
        text = head + _flat(member) + comma
        if line and inner + _width(line) + 1 + _width(text) <= WIDTH:
            line += " " + text
            continue
        if line:
            lines.append(line)
        if inner + _width(text) <= WIDTH:
            line = text
        else:
            lines.append(head + _layout(member, inner + _width(head), inner) + comma)
            line = ""
    if line:
        lines.append(line)
    opening, closing = ("{", "}") if isinstance(value, dict) else ("[", "]")
    pad = " " * inner
    return opening + "\n" + "\n".join(pad + ln for ln in lines) + "\n" + " " * indent + closing
