"""Issue 25, decision 0024: the fonts' tables kept on disk are those reportlab parses, a later
process exports the same pages without parsing a font, and a tables file that is damaged or
not ours is never used: the font is parsed anew and its file written again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from reportlab.pdfbase.ttfonts import TTFont, TTFontFile

from planner.report import font_store
from planner.report.fonts import FILES, GOTHIC, font_file

from .test_chart_replay import page_streams

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def kept_in(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("TELEWORK_PLANNER_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache" / "fonts"


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The font files reportlab parses from now on."""
    parsed = []
    extract = TTFontFile.extractInfo

    def counted(self, *args, **kw):
        parsed.append(Path(self.filename).name)
        return extract(self, *args, **kw)

    monkeypatch.setattr(TTFontFile, "extractInfo", counted)
    return parsed


@pytest.fixture(scope="module")
def fresh() -> dict[str, TTFont]:
    return {name: TTFont(name, str(font_file(name))) for name in FILES}


def _same_font(kept: TTFont, fresh: TTFont) -> None:
    """Every attribute equal, of the same types throughout (repr tells 1 from 1.0)."""
    mine, theirs = dict(kept.__dict__), dict(fresh.__dict__)
    assert type(mine.pop("state")) is type(theirs.pop("state"))
    mine_face, their_face = dict(mine.pop("face").__dict__), dict(theirs.pop("face").__dict__)
    assert type(mine.pop("encoding")) is type(theirs.pop("encoding"))
    assert mine == theirs
    assert mine_face.keys() == their_face.keys()
    assert mine_face.pop("_pdfScale")(1234) == their_face.pop("_pdfScale")(1234)
    assert mine_face.pop("_ttf_data") == their_face.pop("_ttf_data")
    for key, value in their_face.items():
        assert repr(mine_face[key]) == repr(value), key


@pytest.mark.parametrize("name", sorted(FILES))
def test_kept_tables_are_those_reportlab_parses(name, kept_in, parses, fresh):
    path = font_file(name)
    first = font_store.load_font(name, path)
    assert parses == [path.name]  # the first run parses, and keeps the tables
    assert len(list(kept_in.glob("font-*.bin"))) == 1
    again = font_store.load_font(name, path)
    assert parses == [path.name]  # the next one restores them
    assert type(again) is TTFont and type(again.face) is type(fresh[name].face)
    _same_font(again, fresh[name])
    _same_font(first, fresh[name])


def test_a_later_process_exports_the_same_pages_without_parsing_a_font(tmp_path, kept_in):
    code = (
        "import sys, pathlib\n"
        "from reportlab.pdfbase.ttfonts import TTFontFile\n"
        "parsed = []\n"
        "extract = TTFontFile.extractInfo\n"
        "TTFontFile.extractInfo = lambda self, *a: parsed.append(1) or extract(self, *a)\n"
        "from planner.loading import default_catalog\n"
        "from planner.report import export_pdf\n"
        "from tests.report_fixtures import full_plan\n"
        "catalog = default_catalog()\n"
        "export_pdf(full_plan(catalog), pathlib.Path(sys.argv[1]), catalog=catalog)\n"
        "print(len(parsed))\n"
    )  # fmt: skip
    env = {**os.environ, "TELEWORK_PLANNER_CACHE": str(kept_in.parent)}

    def run(out: Path) -> str:
        done = subprocess.run([sys.executable, "-c", code, str(out)], capture_output=True,
                              text=True, env=env, cwd=ROOT, timeout=120)  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    assert run(tmp_path / "parsed.pdf") == str(len(FILES))
    assert len(list(kept_in.glob("font-*.bin"))) == len(FILES)
    assert run(tmp_path / "kept.pdf") == "0"
    # the same page contents and the same embedded font subsets, byte for byte
    assert page_streams(tmp_path / "kept.pdf") == page_streams(tmp_path / "parsed.pdf")


# -- files not ours --------------------------------------------------------------------


def _written(face_dict: dict, path: Path) -> bytes:
    font_store.write(path, SimpleNamespace(**face_dict))
    return path.read_bytes()


def _header_edited(raw: bytes, edit) -> bytes:
    start = len(font_store.FORMAT)
    end = raw.index(b"\n", start)
    header = json.loads(raw[start:end])
    edit(header)
    return raw[:start] + json.dumps(header).encode() + raw[end:]


def _face_edited(edit):
    def made(face: dict) -> dict:
        face = {**face, "charToGlyph": dict(face["charToGlyph"]),
                "charWidths": dict(face["charWidths"]), "glyphPos": list(face["glyphPos"]),
                "hmetrics": list(face["hmetrics"]), "tables": [dict(r) for r in face["tables"]]}  # fmt: skip
        edit(face)
        return face

    return made


RAW = {  # edits of a good file's bytes
    "another format": lambda raw: (
        b"telework-planner font tables 0\n" + raw[len(font_store.FORMAT) :]
    ),
    "cut short": lambda raw: raw[:-100],
    "a byte more": lambda raw: raw + b"\0",
    "empty": lambda raw: b"",
    "a header not JSON": lambda raw: font_store.FORMAT + b"{attrs\n" + raw.split(b"\n", 2)[2],
    "not UTF-8": lambda raw: font_store.FORMAT + b"\xff\xfe\n",
    "an attribute more": lambda raw: _header_edited(
        raw, lambda h: h["attrs"].update(getCharWidth=["value", 1])
    ),
    "an attribute less": lambda raw: _header_edited(raw, lambda h: h["attrs"].pop("ascent")),
    "a kind not its own": lambda raw: _header_edited(
        raw, lambda h: h["attrs"].update(numGlyphs=["name", "x"])
    ),
    "a text for a number": lambda raw: _header_edited(
        raw, lambda h: h["attrs"].update(ascent=["value", "x"])
    ),
    "a name not a text": lambda raw: _header_edited(
        raw, lambda h: h["attrs"].update(name=["name", 5])
    ),
    "an unknown array type": lambda raw: _header_edited(
        raw, lambda h: h["arrays"][0].__setitem__(0, "u")
    ),
    "a negative count": lambda raw: _header_edited(
        raw, lambda h: h["arrays"][0].__setitem__(1, -1)
    ),
    "a huge count": lambda raw: _header_edited(
        raw, lambda h: h["arrays"][0].__setitem__(1, 10**30)
    ),
}
FACES = {  # faces written as the program writes them, with values no font file has
    "a glyph beyond the font": _face_edited(
        lambda f: f["charToGlyph"].__setitem__(0x3042, f["numGlyphs"] + 5)
    ),
    "a character beyond Unicode": _face_edited(lambda f: f["charToGlyph"].__setitem__(0x110000, 3)),
    "a width not a number": _face_edited(lambda f: f["charWidths"].__setitem__(0x41, float("nan"))),
    "an infinite width": _face_edited(lambda f: f["charWidths"].__setitem__(0x41, float("inf"))),
    "a glyph beyond the file": _face_edited(lambda f: f["glyphPos"].__setitem__(-1, 10**8)),
    "a table beyond the file": _face_edited(lambda f: f["tables"][0].__setitem__("offset", 10**8)),
    "an advance beyond TrueType's": _face_edited(
        lambda f: f["hmetrics"].__setitem__(0, (70_000, 0))
    ),
    "no glyphs": _face_edited(lambda f: f.__setitem__("numGlyphs", 0)),
}


@pytest.mark.parametrize(
    "damage", [*RAW.values(), *FACES.values()], ids=[*RAW.keys(), *FACES.keys()]
)
def test_a_tables_file_not_ours_is_not_used(damage, kept_in, parses, fresh):
    path = font_file(GOTHIC)
    font_store.load_font(GOTHIC, path)
    kept = font_store.file_for(path)
    good = kept.read_bytes()
    if damage in RAW.values():
        bad = damage(good)
    else:
        face = {
            k: v for k, v in fresh[GOTHIC].face.__dict__.items() if k not in font_store.SET_HERE
        }
        bad = _written(damage(face), kept)
    kept.write_bytes(bad)
    parses.clear()
    font = font_store.load_font(GOTHIC, path)
    assert parses == [path.name]  # parsed anew,
    _same_font(font, fresh[GOTHIC])
    assert kept.read_bytes() == good  # and kept again as it should be


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_place_of_a_tables_file_is_not_read(kept_in, parses):
    path = font_file(GOTHIC)
    kept = font_store.file_for(path)
    kept.parent.mkdir(parents=True)
    os.mkfifo(kept)  # reading it would wait for a writer for ever
    font = font_store.load_font(GOTHIC, path)
    assert parses == [path.name] and font.face.numGlyphs > 0


def test_with_the_cache_turned_off_nothing_is_kept(tmp_path, monkeypatch, parses):
    monkeypatch.setenv("TELEWORK_PLANNER_CACHE", "")
    monkeypatch.setenv("HOME", str(tmp_path))
    path = font_file(GOTHIC)
    font_store.load_font(GOTHIC, path)
    font_store.load_font(GOTHIC, path)
    assert parses == [path.name] * 2
    assert not list(tmp_path.rglob("font-*"))


def test_the_oldest_tables_are_removed_beyond_the_limit(kept_in, monkeypatch):
    monkeypatch.setattr(font_store, "MAX_FILES", 2)
    for name in sorted(FILES):
        font_store.load_font(name, font_file(name))
    assert len(list(kept_in.glob("font-*.bin"))) == 2
