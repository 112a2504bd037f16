"""Text for a terminal: what the command line prints goes through here.

A leaf module (it imports no other module of the program), so every ``cli`` module may
use it without an import circle.
"""

from __future__ import annotations

import json
import re
import sys

# C0 and C1 controls, DEL, and the invisible format characters that reorder or hide text
_UNSAFE = re.compile(
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
        return "\n".join(_UNSAFE.sub(_visible, part) for part in s.split("\n"))
    return _UNSAFE.sub(_visible, s)


def json_safe(text: str) -> str:
    """JSON text with the same data, but no raw control or format character (\\u escapes),
    and no character standard output cannot encode (cp932, ASCII): still valid JSON.

    json.dumps escapes C0 controls inside strings; the newlines left are its own layout.
    Outside strings JSON text is ASCII, so every character escaped here is in a string.
    """
    esc = lambda m: f"\\u{ord(m.group()):04x}"  # noqa: E731
    text = "\n".join(_UNSAFE.sub(esc, part) for part in text.split("\n"))
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
        return text
    except UnicodeEncodeError:  # each character it lacks as JSON's \\u escape (pairs above FFFF)
        return _NON_ASCII.sub(lambda m: _encodable(m.group(), encoding), text)
    except LookupError:
        return text


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _encodable(ch: str, encoding: str) -> str:
    try:
        ch.encode(encoding)
        return ch
    except UnicodeEncodeError:
        return json.dumps(ch)[1:-1]


def tolerant_streams() -> None:
    """What the terminal's encoding cannot show is written as ``\\u2014``, never a crash:
    redirected output on Japanese Windows is cp932 (no ``—``, no ``〜``), and an ASCII
    locale has no Japanese at all."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):  # no stream (windowed), or not a text file
            pass


def say(text: str = "", *, err: bool = False) -> None:
    """Print a line (or lines) made terminal-safe, to stdout or stderr."""
    print(terminal_safe(text, keep_newlines=True), file=sys.stderr if err else sys.stdout)


def one_line(text: str) -> str:
    return " ".join(text.split())
