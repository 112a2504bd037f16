"""The page operators of a plain paragraph, written as reportlab's own drawing writes them.

A table cell is a paragraph of plain text: a few spans (bold, small, coloured) and line
breaks at most. reportlab draws it through its general machinery (a text object with
links, underlines, bullets, dots, background colours, word spacing), which was a quarter
of a warm export (issue 25).
``plain_operators`` writes the same operators, byte for byte, for a paragraph that needs
none of that, and answers None for any other, which reportlab then draws itself.
tests/test_plain_draw.py holds the two to the same output.

Mirrors reportlab 4's ``Paragraph.drawPara`` for lines of kind 1 (``_leftDrawParaLineX``
and its centred and right-aligned siblings, ``_putFragLine``, ``PDFTextObject``).
"""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import paragraph as _rl

_SHIFT = {TA_LEFT: 0.0, TA_CENTER: 0.5, TA_RIGHT: 1.0}  # of a line's free space, moved right


def plain_operators(p, canv) -> list[str] | None:
    """What drawing paragraph *p* adds to the canvas's page, or None where it is not plain."""
    style = p.style
    bl = p.blPara
    shift = _SHIFT.get(style.alignment)
    if (
        shift is None
        or p.bulletText
        or p.debug
        or style.backColor
        or (style.borderColor and style.borderWidth)
        or style.firstLineIndent
        or style.endDots
        or style.wordWrap == "RTL"
        or getattr(p, "_offsets", None) is not None
        or getattr(p, "autoLeading", getattr(style, "autoLeading", "")) not in ("", "off")
        or not canv.bottomup
        or getattr(canv, "_enforceColorSpace", None)
    ):
        return None
    if not bl.lines:  # an empty paragraph: reportlab draws nothing
        return []
    if bl.kind != 1 or not all(map(_plain, bl.lines)):
        return None
    first = bl.lines[0]
    top = first.fontSize if _rl.paraFontSizeHeightOffset else getattr(first, "ascent", first.fontSize)
    text = _Text(canv, style.leftIndent, p.height - top, style.leading)
    for line in bl.lines:
        text.line(line, shift)
    return ["q", text.code(), "Q"]


def _plain(line) -> bool:
    """A line of words that are only text: no word spacing (an overfull line), no link,
    underline, inline object, background or raised text; an RGB colour, a TrueType font
    (a plain ``str`` is never shaped)."""
    if not line.extraSpace > -1e-8:
        return False
    for w in line.words:
        if (
            type(w.text) is not str
            or w.rise
            or getattr(w, "cbDefn", None) is not None
            or getattr(w, "link", None)
            or getattr(w, "us_lines", None)
            or getattr(w, "backColor", None)
            or type(w.textColor) is not Color
            or not getFont(w.fontName)._dynamicFont
        ):
            return False
    return True


class _Text:
    """A text object's operators: the part of ``PDFTextObject`` a plain paragraph uses."""

    def __init__(self, canv, x: float, y: float, leading: float) -> None:
        self.canv, self.doc, self.leading = canv, canv._doc, leading
        self.ops = ["BT", f"1 0 0 1 {fp_str(x, y)} Tm"]
        self.tx_leading = None
        self.font = self.size = self.color = None
        self.subset = -1

    def code(self) -> str:
        return " ".join([*self.ops, "ET"])

    def line(self, line, shift: float) -> None:
        """One line (``_putFragLine``), moved right by *shift* of its free space."""
        m = shift * line.extraSpace
        moved = m > 1e-6 or m < -1e-6
        if moved:
            self.move(m)
        if self.tx_leading != self.leading:
            self.tx_leading = self.leading
            self.ops.append(f"{fp_str(self.leading)} TL")
        words = line.words
        for w in words:
            if (self.font, self.size) != (w.fontName, w.fontSize):
                self.font, self.size, self.subset = w.fontName, w.fontSize, -1
            if self.color != w.textColor:
                self.color = c = w.textColor
                self.ops.append(f"{fp_str((c.red, c.green, c.blue))} rg")
            shown = self.show(getFont(w.fontName), w.text)
            self.ops.append(f"{shown} T*" if w is words[-1] else shown)
        if moved:
            self.move(-m)

    def show(self, font, text: str) -> str:
        """``PDFTextObject._formatText`` for a TrueType font: a run a subset."""
        out = []
        tmpl = None
        doc, escape = self.doc, self.canv._escape
        for subset, t in font.splitString(text, doc):
            if subset != self.subset:
                if not tmpl:
                    tmpl = f"{fp_str(self.size)} Tf {fp_str(self.tx_leading)} TL"
                out.append(f"{font.getSubsetInternalName(subset, doc)} {tmpl}")
                self.subset = subset
            out.append(f"({escape(t)}) Tj")
        return " ".join(out)

    def move(self, dx: float) -> None:
        """``PDFTextObject.moveCursor(dx, 0)``: joined with a move just before it (each
        move here is an operator of its own, ``dx dy Td``)."""
        ops, dy = self.ops, 0
        if ops[-1].endswith(" Td"):
            last_dx, last_dy, _td = ops.pop().split()
            dx += float(last_dx)
            dy -= float(last_dy)
        ops.append(f"{fp_str(dx, -dy)} Td")
