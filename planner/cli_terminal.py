"""Text made safe for a terminal: what every line the CLI prints goes through.

A leaf of the command line: ``cli``, ``cli_summary`` and ``cli_rules`` all use it, so
none of them imports another for it (no import circle between the cli modules).
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, and the invisible format characters that reorder or hide text
UNSAFE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]"
)


def _visible(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: object, *, keep_newlines: bool = False) -> str:
    """Text made safe for a terminal: control characters shown visibly (``\\x1b``, ``\\u202e``).

    Every line the CLI prints goes through here: a municipality named
    ``\\x1b[2J…`` must not clear the screen or retitle the window.
    """
    s = str(text)
    if keep_newlines:
        return "\n".join(UNSAFE.sub(_visible, part) for part in s.split("\n"))
    return UNSAFE.sub(_visible, s)
