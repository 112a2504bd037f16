"""Japanese line breaking (禁則処理) for reportlab paragraphs.

reportlab's ``wordWrap='CJK'`` lets ！？：；） start a line when they are
full-width, and lets 「（ end one. ``JParagraph`` uses the same greedy
algorithm as reportlab's ``cjkFragSplit`` with complete rule sets:

- a character that may not start a line takes the character before it to
  the next line (追い出し; no hanging punctuation, so nothing ever sticks out
  of a table cell);
- a character that may not end a line moves to the next line.

Everything else about the paragraph (markup, fonts, splitting across pages)
is reportlab's own.
"""

from __future__ import annotations

from unicodedata import category

from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont, stringWidth
from reportlab.platypus.paragraph import (
    FragLine,
    Paragraph,
    ParaLines,
    _handleBulletWidth,
    _split_blParaSimple,
    cjkFragSplit,
    textTransformFrags,
)
from reportlab.platypus.paraparser import ParaParser
from reportlab.rl_config import _FUZZ

from .plain_draw import plain_operators

# 行頭禁則: closing brackets, stops, commas, small kana, prolonged sound mark, etc.
CANNOT_START = frozenset(
    "!%),.:;?]}¢°’”‰′″℃、。〃々〆〉》」』】〕〗〙〟ゝゞ゠・ヽヾ"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿー―‐"
    "゛゜！％），．：；？］｝｡｣､･ｧｨｩｪｫｬｭｮｯｰﾞﾟ￠"
)
# 行末禁則: opening brackets and prefixes
CANNOT_END = frozenset("([{£¥‘“〈《「『【〔〖〘〝（［｛｟｢￡￥＄＃＠＄$#@§〒")


def _widths(frag) -> list[float]:
    """Glyph advance of each character of a fragment (one font look-up, not one per glyph)."""
    font = getFont(frag.fontName)
    face = getattr(font, "face", None)
    size = frag.fontSize
    if getattr(face, "charWidths", None) is not None and not getattr(face, "builtIn", False):
        get = face.charWidths.get
        dw = face.defaultWidth
        scale = 0.001 * size
        return [get(ord(c), dw) * scale for c in frag.text]
    return [stringWidth(c, frag.fontName, size) for c in frag.text]


def _line(frags, chars, owner, a, b, max_width, width_used, extra, line_break):
    """A reportlab FragLine for characters a..b-1: one word per run of the same fragment."""
    words = []
    max_size = max_ascent = min_descent = 0
    i = a
    while i < b:
        o = owner[i]
        j = i + 1
        while j < b and owner[j] == o:
            j += 1
        f = frags[o]
        ascent, descent = getAscentDescent(f.fontName, f.fontSize)
        max_size = max(max_size, f.fontSize)
        max_ascent = max(max_ascent, ascent)
        min_descent = min(min_descent, descent)
        word = f.clone()
        word.text = "".join(chars[i:j])
        words.append(word)
        i = j
    return FragLine(
        kind=1, extraSpace=extra, wordCount=1, words=words, fontSize=max_size,
        ascent=max_ascent, descent=min_descent, maxWidth=max_width, currentWidth=width_used,
        lineBreak=line_break,
    )  # fmt: skip


def kinsoku_split(frags, max_widths, calc_bounds):
    """Greedy CJK line breaking with 禁則処理; returns reportlab ParaLines."""
    if any(hasattr(f, "cbDefn") for f in frags):  # inline images/anchors: not used by us
        return cjkFragSplit(frags, max_widths, calc_bounds)
    chars: list[str] = []
    widths: list[float] = []
    owner: list[int] = []
    for k, f in enumerate(frags):
        if isinstance(f.text, bytes):
            f.text = f.text.decode("utf8")
        if f.text:
            chars.extend(f.text)
            widths.extend(_widths(f))
            owner.extend([k] * len(f.text))
        else:  # an empty fragment, such as the one a <br/> makes
            chars.append("")
            widths.append(0.0)
            owner.append(k)
    lines = []
    i = width_used = line_start = 0
    max_width = max_widths[0]
    n = len(chars)
    while i < n:
        u = chars[i]
        w = widths[i]
        i += 1
        width_used += w
        line_break = hasattr(frags[owner[i - 1]], "lineBreak") and u == ""
        if (width_used > max_width + _FUZZ and width_used > 0) or line_break:
            extra = max_width - width_used
            if not line_break:
                if u and ord(u) < 0x3000:
                    # inside a run of Latin text: go back to a space or a CJK character
                    limit = (line_start + i) >> 1
                    for j in range(i - 1, limit, -1):
                        uj = chars[j]
                        if uj and (category(uj) == "Zs" or ord(uj) >= 0x3000):
                            k = j + 1
                            if k < i:
                                extra += sum(widths[k + 1 : i])
                                w = widths[k]
                                i = k + 1
                                break
                if i > line_start + 1:
                    i -= 1  # the overflowing character goes to the next line ...
                    extra += w
                    # ... and takes the character before it along if it may not start a line
                    while i > line_start + 1 and chars[i] in CANNOT_START:
                        i -= 1
                        extra += widths[i]
                    # an opening bracket never ends a line (追い出し)
                    while i > line_start + 1 and chars[i - 1] in CANNOT_END:
                        i -= 1
                        extra += widths[i]
            lines.append(
                _line(frags, chars, owner, line_start, i, max_width, width_used, extra, line_break)
            )
            try:
                max_width = max_widths[len(lines)]
            except IndexError:
                max_width = max_widths[-1]
            line_start = i
            width_used = 0  # characters carried over are measured again
    if width_used > 0 or line_start < n:
        lines.append(
            _line(frags, chars, owner, line_start, n, max_width, width_used,
                  max_width - width_used, False)
        )  # fmt: skip
    return ParaLines(kind=1, lines=lines)


class JParagraph(Paragraph):
    """A Paragraph whose CJK wrapping follows Japanese line-breaking rules."""

    def _setup(self, text, style, bulletText, frags, cleaner):  # noqa: N803 - reportlab's names
        """Text without markup (most table cells) is not run through reportlab's HTML
        parser: its one fragment is the style's, with the text (issue 25: the parser was
        a tenth of a large plan's export)."""
        markup = not isinstance(text, str) or "<" in text or "&" in text
        plain = cleaner(text) if frags is None and not bulletText and not markup else ""
        if plain:
            frags = [_style_frag(style).clone(text=plain, link=[], us_lines=[])]
            textTransformFrags(frags, style)
            text = plain
        super()._setup(text, style, bulletText, frags, cleaner)

    def draw(self):
        """A paragraph drawn before in this document, of the same style, text and size, is
        drawn by repeating the page operators it made then (issue 25: three in four table
        cells of the large plan repeat one drawn before). They do not depend on where it is
        drawn (its origin is translated to) nor on the canvas's state (it sets its own
        colour and font), and its characters are in the document's font subsets already."""
        key = self._draw_key()
        if key is None:
            return self._draw_anew()
        canv = self.canv
        drawn = canv.__dict__.setdefault("_planner_drawn_paragraphs", {})
        known = drawn.get(key)
        if known is not None and known[0] is self.style:
            canv._code.extend(known[1])
            return None
        start = len(canv._code)
        self._draw_anew()
        drawn[key] = (self.style, canv._code[start:])  # the style kept: its id stays its own
        return None

    def _draw_anew(self) -> None:
        """A plain paragraph's operators written directly (``plain_draw``); reportlab draws
        every other one."""
        ops = plain_operators(self, self.canv)
        if ops is None:
            super().draw()
        else:
            self.canv._code.extend(ops)

    def _draw_key(self) -> tuple | None:
        """What this paragraph's drawing depends on, for a paragraph of one plain fragment."""
        frags = self.frags
        if (
            len(frags) != 1
            or self.bulletText
            or "_part_of_split" in self.__dict__
            or getattr(self, "_splitpara", 0)
        ):
            return None
        f = frags[0]
        if _decorated(f) or getattr(f, "backColor", None) or "_offsets" in self.__dict__:
            return None
        return (type(self), id(self.style), f.text, f.fontName, f.fontSize, f.textColor,
                f.rise, self.width, self.height, getattr(self, "_JustifyLast", False))  # fmt: skip

    def breakLinesCJK(self, maxWidths):  # noqa: N802, N803 - reportlab's names
        if not isinstance(maxWidths, list | tuple):
            maxWidths = [maxWidths]
        style = self.style
        self.height = 0
        _handleBulletWidth(self.bulletText, style, maxWidths)
        frags = self.frags
        if not frags:
            return ParaLines(
                kind=0, fontSize=style.fontSize, fontName=style.fontName,
                textColor=style.textColor, lines=[], ascent=style.fontSize,
                descent=-0.2 * style.fontSize,
            )  # fmt: skip
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        auto_leading = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        if self._drawn_as_broken() and auto_leading in ("", "off"):
            return _broken_once(frags, maxWidths, style)
        return kinsoku_split(frags, maxWidths, auto_leading not in ("", "off"))

    def _drawn_as_broken(self) -> bool:
        """Its lines are only read, never changed: not split by reportlab's own split,
        which appends spaces to the words of the lines."""
        style = self.style
        return not (self.bulletText or style.endDots or style.firstLineIndent)

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        # a table wraps each cell to measure it and again to draw it: break the lines once
        key = (availWidth, self.style.wordWrap)
        if getattr(self, "_wrapped_for", None) == key and "blPara" in self.__dict__:
            return self.width, self.height
        lines = self.__dict__.pop("_spaced_from", None)
        if lines is not None:  # a part kept as lines, now for a frame of another width
            self.frags = _with_spaces(lines)
        size = super().wrap(availWidth, availHeight)
        self._wrapped_for = key
        return size

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        """Split at a page end keeping the lines already broken: linear, and the rest intact.

        reportlab's own split builds the rest from the lines' words with a space added to
        each line's last word, and breaks it again on every page: a paragraph over n pages
        cost n² line breaks, and a ``<br/>`` lost its line break on the next page (its empty
        word became a space). Here both parts keep their lines, Japanese and English; the
        rest is broken again only if the next frame is of another width.
        """
        style = self.style
        plain = (
            not self.bulletText and not style.endDots and not style.firstLineIndent
            and getattr(self, "autoLeading", getattr(style, "autoLeading", "")) in ("", "off")
        )  # fmt: skip
        if not plain or not self.frags or availWidth < _FUZZ or availHeight < _FUZZ:
            return super().split(availWidth, availHeight)
        if getattr(self, "_wrapped_for", None) != (availWidth, style.wordWrap):
            self.wrap(availWidth, availHeight)
        bl = self.blPara
        if bl.kind != 1 and (style.wordWrap == "CJK" or bl.kind != 0):
            return super().split(availWidth, availHeight)
        # where it cannot split here, the lines stay: the next page breaks nothing again
        n, s = len(bl.lines), int(availHeight / float(style.leading))
        if (not style.allowOrphans and s <= 1) or s == 0:  # orphan or no room
            return []
        if n <= s:
            return [self]
        if not style.allowWidows and n == s + 1:  # a widow: give it company
            if (style.allowOrphans and n == 3) or n > 3:
                s -= 1
            else:
                return []
        return [self._part(bl, 0, s, availWidth), self._part(bl, s, n, availWidth)]

    def _part(self, bl, a: int, b: int, width: float) -> JParagraph:
        lines = bl.lines[a:b]
        if bl.kind == 0:  # one font throughout (English): lines of words
            part = self.__class__(None, self.style, frags=_split_blParaSimple(bl, a, b))
            part.blPara = bl.clone(lines=lines)
        else:
            part = self.__class__(None, self.style, frags=[w for line in lines for w in line.words])
            part.blPara = ParaLines(kind=1, lines=lines)
            if self.style.wordWrap != "CJK":
                part._spaced_from = lines  # English words need their spaces to break again
        part._JustifyLast = not getattr(lines[-1], "lineBreak", False)
        part._part_of_split = True
        part.width, part.height = width, len(lines) * self.style.leading
        part._wrapped_for = (width, self.style.wordWrap)
        return part


def _with_spaces(lines) -> list:
    """The lines' words as fragments again (copies: the lines keep theirs), a space after
    each line's last word where the line did not end at a line break."""
    frags = []
    for line in lines:
        words = [w.clone() for w in line.words]
        if words and not getattr(line, "lineBreak", False):
            words[-1].text += " "
        frags += words
    return frags


def _style_frag(style):
    """The fragment reportlab's parser makes of a style's plain text, made once a style."""
    frag = style.__dict__.get("_plain_frag")
    if frag is None:
        _style, frags, _bullet = ParaParser().parse("x", style)
        frag = style.__dict__["_plain_frag"] = frags[0]
    return frag


def _decorated(frag) -> bool:
    """A link, an underline or strike, or an inline object: drawn with more than its text."""
    return bool(getattr(frag, "link", None) or getattr(frag, "us_lines", None)) or hasattr(
        frag, "cbDefn"
    )


MAX_KEPT = 50_000  # the broken lines kept a style for one export, at most
_KEPT, _BEFORE = "_planner_broken_lines", "_planner_broken_before"


def new_export(style) -> None:
    """An export begins with *style*: the lines the last export kept stay at hand for this
    one (the same plan exported again, or after an edit, breaks few lines anew); older
    ones are let go, so what is kept is never more than two exports' texts."""
    d = style.__dict__
    d[_BEFORE] = d.pop(_KEPT, {})


def _broken_once(frags, max_widths, style) -> ParaLines:
    """The lines of a plain text (spans and line breaks, nothing drawn beside the text),
    broken once for each text and width, kept for the export and the next (the large plan
    has one text cell in four distinct). The lines are shared, read only."""
    if any(_decorated(f) or getattr(f, "backColor", None) for f in frags):
        return kinsoku_split(frags, max_widths, False)
    spans = tuple(
        (f.text, f.fontName, f.fontSize, f.textColor, f.rise, hasattr(f, "lineBreak")) for f in frags
    )
    key = (spans, tuple(max_widths))
    kept = style.__dict__.setdefault(_KEPT, {})
    lines = kept.get(key)
    if lines is None:
        lines = style.__dict__.get(_BEFORE, {}).pop(key, None)
        if lines is None:
            lines = kinsoku_split(frags, max_widths, False)
        if len(kept) < MAX_KEPT:
            kept[key] = lines
    return lines
