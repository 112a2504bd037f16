"""The fonts' tables kept on disk between runs (issue 25, decision 0024).

reportlab reads a TrueType file into tables (character → glyph, widths, where each glyph
lies) in pure Python: ~25 ms a face, ~105 ms for the four before the first export of a
run. Those tables are kept in the per-user cache folder, one file a face, named by a
digest of the font file (size and time), reportlab's version and this format; a later
run restores them in ~10 ms a face, reading the font file's bytes included (the subsets
embedded in a PDF are cut from them as before).

A file read back is input like any other: it is used only if it is exactly this format
(every array of the length it declares, nothing after), names only attributes a fresh
parse sets, and every glyph, offset and character in it is in range for the font file.
Anything else, or a file that cannot be read or written, is no error: the font is parsed
anew and its file written again.
"""

from __future__ import annotations

import gc
import hashlib
import json
import math
import sys
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from fnmatch import fnmatch
from pathlib import Path
from weakref import WeakKeyDictionary

from reportlab import Version as REPORTLAB_VERSION
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

from ..domain.errors import PlannerError
from ..loading.cache import files_stamp, mark_used, prune_oldest, read_kept, user_cache_dir
from ..store.atomic import write_atomically

FORMAT = b"telework-planner font tables 1\n"
MAX_FILES = 16  # four faces, a few versions of the program or fonts
MAX_BYTES = 8_000_000  # a face's tables are ~0.5 MB
MAX_CODE = 0x10FFFF
WHOLE = "i"  # a C int: 4 bytes (a glyph, a character, an offset in a 5 MB font file)
_ITEMSIZE = {WHOLE: array(WHOLE).itemsize, "d": array("d").itemsize}
SET_HERE = frozenset({"_ttf_data", "_pdfScale", "filename"})  # from the font file, not kept


class Refused(ValueError):
    """A font tables file that is not one this program wrote for this font file."""


def load_font(name: str, path: Path) -> TTFont:
    """The font ``name`` of the TrueType file ``path``, its tables restored from the cache
    when kept there, else parsed (and kept for the next run)."""
    kept = file_for(path)
    face = _restored(kept, path) if kept is not None else None
    if face is not None:
        return _font(name, face)
    font = TTFont(name, str(path))
    if kept is not None:
        write(kept, font.face)
    return font


def file_for(path: Path) -> Path | None:
    """The tables file of a font file; None when the cache is off."""
    base = user_cache_dir()
    if base is None:
        return None
    h = hashlib.sha256(FORMAT + f"{REPORTLAB_VERSION}\0{sys.byteorder}\0".encode())
    h.update(files_stamp([path]))
    return base / "fonts" / f"font-{h.hexdigest()[:40]}.bin"


def _font(name: str, face: TTFontFace) -> TTFont:
    """What ``TTFont(name, file)`` makes, with the face given (reportlab's constructor
    parses the file itself; a test compares every attribute with a fresh font's)."""
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in rl_config.unShapedFontGlob)
    return font


# -- the file: a format line, a JSON line of attributes, then the arrays' bytes ---------

# Every attribute a parse sets (reportlab 4) and how it is kept; any other is "value": None,
# a truth value, a number or a list of numbers. A file naming any other attribute, or one
# of these in another way, is refused.
KINDS = {
    "charToGlyph": "map", "charWidths": "map", "glyphWidths": "map",
    "glyphToChar": "multimap", "hmetrics": "pairs", "glyphPos": "numbers",
    "tables": "records", "table": "by-tag", "fontRevision": "tuple", "subfontNameX": "bytes",
    "name": "name", "familyName": "name", "styleName": "name", "fullName": "name",
    "uniqueFontID": "name",
}  # fmt: skip
VALUES = frozenset({
    "_full_font", "_pos", "ascent", "bbox", "bold", "builtIn", "capHeight", "defaultWidth",
    "descent", "entrySelector", "flags", "glyphNames", "italic", "italicAngle", "numGlyphs",
    "numTables", "rangeShift", "requiredEncoding", "searchRange", "stemV",
    "underlinePosition", "underlineThickness", "unitsPerEm", "validate", "version",
})  # fmt: skip
KEPT = frozenset(KINDS) | VALUES
_ARRAYS = {"numbers": 2, "map": 3, "multimap": 3, "pairs": 4}  # arrays a kind is kept in


def _numbers(values) -> list[array]:
    """Whole numbers then fractional ones, as reportlab's tables hold them (an advance
    width is a whole number, then scaled ones): two arrays, the types kept."""
    values = list(values)
    kinds = set(map(type, values))
    n = len(values) if kinds <= {int} else 0 if kinds <= {float} else _first_fraction(values)
    if not (set(map(type, values[:n])) <= {int} and set(map(type, values[n:])) <= {float}):
        raise TypeError("not whole numbers then fractional ones")
    return [array(WHOLE, values[:n]), array("d", values[n:])]


def _first_fraction(values: list) -> int:
    return next(i for i, v in enumerate(values) if type(v) is not int)


def _encoded(face) -> tuple[dict, list[array]]:
    if set(face.__dict__) - SET_HERE != KEPT:
        raise TypeError("not the attributes of a face of this reportlab")
    attrs, arrays = {}, []
    for key in sorted(KEPT):
        value, kind = face.__dict__[key], KINDS.get(key, "value")
        attrs[key] = [kind]
        if kind == "numbers":
            arrays += _numbers(value)
        elif kind == "map":
            arrays += [array(WHOLE, value)] + _numbers(value.values())
        elif kind == "multimap":
            arrays += [array(WHOLE, value), array(WHOLE, map(len, value.values()))]
            arrays.append(array(WHOLE, [c for chars in value.values() for c in chars]))
        elif kind == "pairs":
            arrays += _numbers(a for a, _ in value) + _numbers(b for _, b in value)
        elif kind == "records":
            attrs[key].append([[r["tag"], r["checksum"], r["offset"], r["length"]] for r in value])
        elif kind == "name":
            attrs[key].append(value.ustr)
        elif kind == "bytes":
            attrs[key].append(value.decode("latin-1"))
        elif kind in ("tuple", "value"):
            attrs[key].append(list(value) if isinstance(value, tuple) else value)
    return attrs, arrays


def write(path: Path, face) -> None:
    """Write a face's tables through the program's one atomic write; tables that cannot be
    kept, or a file that cannot be written, are no error (the font is parsed next time)."""
    try:
        attrs, arrays = _encoded(face)
        header = {"attrs": attrs, "arrays": [[a.typecode, len(a)] for a in arrays]}
        line = json.dumps(header, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        blob = FORMAT + line.encode("utf-8") + b"\n" + b"".join(a.tobytes() for a in arrays)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, blob)
        prune_oldest(path.parent, "font-*.bin", MAX_FILES)
    except (OSError, TypeError, ValueError, OverflowError, PlannerError):
        pass


# -- reading ----------------------------------------------------------------------------


def _restored(kept: Path, path: Path) -> TTFontFace | None:
    raw = read_kept(kept, MAX_BYTES)
    if raw is None:
        return None
    try:
        data = path.read_bytes()
        with _collector_paused():
            face = _face(raw, len(data))
    except (OSError, ValueError, TypeError, KeyError, IndexError, OverflowError, RecursionError):
        return None
    face.filename = str(path)
    face._ttf_data = data
    mark_used(kept)
    return face


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection while the tables' ~50,000 objects are made: the collector
    would walk them again and again (a third of the restore)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _face(raw: bytes, size: int) -> TTFontFace:
    """The face of the tables file ``raw`` for a font file of ``size`` bytes."""
    if not raw.startswith(FORMAT):
        raise Refused("not font tables")
    end = raw.index(b"\n", len(FORMAT))
    header = json.loads(raw[len(FORMAT) : end].decode("utf-8"))
    arrays = _arrays(header["arrays"], memoryview(raw)[end + 1 :])
    attrs = header["attrs"]
    if not isinstance(attrs, dict) or set(attrs) != KEPT:
        raise Refused("attributes")
    values, columns = {}, {}
    for key in sorted(KEPT):  # as written: the arrays are taken in this order
        spec = attrs[key]
        if not (isinstance(spec, list) and spec and spec[0] == KINDS.get(key, "value")):
            raise Refused(f"{key}")
        columns[key] = [arrays.pop() for _ in range(_ARRAYS.get(spec[0], 0))]
        values[key] = _value(spec, columns[key])
    if arrays:
        raise Refused("arrays left over")
    values["table"] = {r["tag"]: r for r in values["tables"]}  # the same records
    _check(values, columns, size)
    face = TTFontFace.__new__(TTFontFace)
    pdfmetrics.TypeFace.__init__(face, None)
    face.__dict__.update(values)
    upm = values["unitsPerEm"]
    face._pdfScale = (lambda x: x) if upm == 1000 else _scale(1000 / upm)
    return face


def _scale(factor: float):
    return lambda x: x * factor


def _arrays(specs, rest: memoryview) -> list[list]:
    """The arrays the header declares, each of its type and length, and nothing more;
    last first (they are taken from the end)."""
    if not isinstance(specs, list):
        raise Refused("arrays")
    out, at = [], 0
    for typecode, count in specs:
        if typecode not in _ITEMSIZE or type(count) is not int or count < 0:
            raise Refused("an array")
        size = _ITEMSIZE[typecode] * count
        if at + size > len(rest):
            raise Refused("an array cut short")
        a = array(typecode)
        a.frombytes(rest[at : at + size])
        values = a.tolist()
        if typecode == "d" and not all(map(math.isfinite, values)):
            raise Refused("not a finite number")
        out.append(values)
        at += size
    if at != len(rest):
        raise Refused("bytes left over")
    out.reverse()
    return out


def _value(spec: list, taken: list[list]):
    """An attribute's value from its entry in the header and the arrays it is kept in."""
    kind = spec[0]
    if kind in _ARRAYS:
        if kind == "numbers":
            return taken[0] + taken[1]
        if kind == "map":
            return dict(zip(taken[0], taken[1] + taken[2], strict=True))
        if kind == "pairs":
            return list(zip(taken[0] + taken[1], taken[2] + taken[3], strict=True))
        return _multimap(*taken)
    if kind == "records":
        return [_record(r) for r in spec[1]]
    if kind == "by-tag":
        return None  # made from "tables" once all are read
    if kind == "name":
        return TTFNameBytes(_str(spec[1]).encode("utf-8"))
    if kind == "bytes":
        return _str(spec[1]).encode("latin-1")
    if kind == "tuple":
        return tuple(_plain_number(v) for v in spec[1])
    value = spec[1]  # "value"
    if isinstance(value, list):
        return [_plain_number(v) for v in value]
    return value if value is None or type(value) is bool else _plain_number(value)


def _multimap(keys: list, lengths: list, flat: list) -> dict[int, list[int]]:
    if len(keys) != len(lengths) or sum(lengths) != len(flat) or (lengths and min(lengths) < 1):
        raise Refused("a multimap")
    if len(flat) == len(keys):  # one character a glyph, nearly always
        return {k: [c] for k, c in zip(keys, flat, strict=True)}
    out, at = {}, 0
    for k, n in zip(keys, lengths, strict=True):
        out[k] = flat[at : at + n]
        at += n
    return out


def _record(r) -> dict:
    tag, checksum, offset, length = r
    if not (isinstance(tag, str) and len(tag) == 4):
        raise Refused("a table")
    return {"tag": tag, "checksum": _int(checksum), "offset": _int(offset), "length": _int(length)}


def _check(v: dict, columns: dict, size: int) -> None:
    """Every glyph, character, offset and width in range for the font file of ``size``
    (checked on the arrays: whole numbers, or fractional ones where widths may be)."""
    glyphs = _int(v["numGlyphs"])
    if not 0 < glyphs <= 65_535 or _int(v["unitsPerEm"]) <= 0:
        raise Refused("glyphs")
    for r in v["tables"]:
        if r["offset"] < 0 or r["length"] < 0 or r["offset"] + r["length"] > size:
            raise Refused("a table")
    if len(v["glyphPos"]) != glyphs + 1 or len(v["hmetrics"]) != glyphs:
        raise Refused("glyphs")
    chars, glyph, no_fraction = columns["charToGlyph"]
    widths_of, *widths = columns["charWidths"]
    glyph_of, _lengths, chars_of = columns["glyphToChar"]
    positions, no_fraction_either = columns["glyphPos"]
    if no_fraction or no_fraction_either:
        raise Refused("a glyph")
    for values, low, high in (
        (chars, 0, MAX_CODE), (widths_of, 0, MAX_CODE), (chars_of, 0, MAX_CODE),
        (glyph, 0, glyphs - 1), (glyph_of, 0, glyphs - 1), (positions, 0, size),
        *((w, 0, 100_000) for w in widths),
        *((a, 0, 65_535) for a in columns["hmetrics"][:2]),
        *((b, -32_768, 65_535) for b in columns["hmetrics"][2:]),
    ):  # fmt: skip
        if values and not (low <= min(values) and max(values) <= high):
            raise Refused("out of range")


def _int(v) -> int:
    if type(v) is not int:
        raise Refused("a whole number")
    return v


def _plain_number(v) -> int | float:
    if type(v) not in (int, float) or not math.isfinite(v):
        raise Refused("a number")
    return v


def _str(v) -> str:
    if not isinstance(v, str):
        raise Refused("a text")
    return v
