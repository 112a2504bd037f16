"""What every Word document we write shares: A4 pages, the fonts, styles and small XML helpers.

Fonts are named for Word, not embedded: the BIZ UD faces that ship with Windows 10
(1809) and later, with the font table saying what to use where they are missing
(``w:altName``: 游ゴシック for the Gothic, ＭＳ 明朝 for the Mincho). python-docx's
``font.name`` sets only the Latin font (``w:ascii``/``w:hAnsi``); Japanese text would
fall back to the theme's East Asian font, so every font here is set with
``w:eastAsia`` too and the theme's font attributes are removed (they win over names).

Headings are Word's built-in ``Heading 1``–``3`` styles, so the navigation pane and a
table of contents work. Imported only when a Word document is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from .textsafe import clean_plain

GOTHIC = "BIZ UDゴシック"
MINCHO = "BIZ UD明朝 Medium"
FALLBACK = {GOTHIC: "游ゴシック", MINCHO: "ＭＳ 明朝"}
HEAD_FILL = "DDE6F0"  # header rows and form labels, as the PDF's
TOTAL_FILL = "F2F2F2"
TONES = {"muted": RGBColor(0x88, 0x88, 0x88), "alert": RGBColor(0xB0, 0x00, 0x00)}
A4 = (Mm(210), Mm(297))
MARGIN = Mm(20)
TEXT_WIDTH_MM = 170.0
LANDSCAPE_WIDTH_MM = 257.0
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def safe(text: object) -> str:
    """A user's text as Word data: control and invisible characters removed (XML 1.0 cannot
    hold most of them; python-docx escapes <, & and > itself)."""
    return clean_plain(text)


def set_fonts(element, name: str) -> None:
    """``name`` for Latin and East Asian text of a style's, a run's or the defaults' rPr."""
    rpr = _rpr(element)
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def _rpr(element):
    """The element's rPr (an rPrDefault is a plain lxml element, without python-docx's helpers)."""
    rpr = element.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        element.append(rpr)
    return rpr


def new_document(lang: str = "ja") -> docx.document.Document:
    """An empty A4 document with our fonts and styles."""
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = A4
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)
    styles = doc.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    if rpr_default is not None:
        set_fonts(rpr_default, MINCHO)
    normal = styles["Normal"]
    set_fonts(normal.element, MINCHO)
    normal.font.size = Pt(10.5)
    _language(normal.element, lang)
    for name, size in (("Title", 20), ("Heading 1", 15), ("Heading 2", 12.5), ("Heading 3", 11)):
        style = styles[name]
        set_fonts(style.element, GOTHIC)
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)
    for name in ("Title", "Subtitle"):
        set_fonts(styles[name].element, GOTHIC)
    _font_fallbacks(doc)
    doc.core_properties.language = "ja-JP" if lang == "ja" else "en"
    return doc


def _language(style_element, lang: str) -> None:
    rpr = _rpr(style_element)
    el = OxmlElement("w:lang")
    el.set(qn("w:val"), "ja-JP" if lang == "ja" else "en-US")
    el.set(qn("w:eastAsia"), "ja-JP")
    rpr.append(el)


def _font_fallbacks(doc) -> None:
    """Declare our fonts in the font table, each with the face Word uses where it is missing."""
    part = next((p for p in doc.part.package.iter_parts()
                 if str(p.partname) == "/word/fontTable.xml"), None)  # fmt: skip
    if part is None:
        return
    xml = part.blob.decode("utf-8")
    entries = "".join(
        f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="80"/>'
        f'<w:family w:val="{"roman" if name == MINCHO else "modern"}"/></w:font>'
        for name, alt in FALLBACK.items()
    )
    part._blob = re.sub(r"</w:fonts>\s*$", entries + "</w:fonts>", xml).encode("utf-8")


def add_text(paragraph, text: str, *, bold: bool = False, size: float | None = None,
             tone: str | None = None, font: str | None = None):  # fmt: skip
    """A run of ``text`` (cleaned) with its line breaks as Word line breaks."""
    run = paragraph.add_run()
    for i, line in enumerate(safe(text).split("\n")):
        if i:
            run.add_break(WD_BREAK.LINE)
        if line:
            run.add_text(line)
    run.bold = bold or None
    if size:
        run.font.size = Pt(size)
    if tone:
        run.font.color.rgb = TONES[tone]
    if font:
        set_fonts(run._element, font)
    return run


def shade(cell, fill: str) -> None:
    pr = cell._element.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    pr.append(shd)


def repeat_header(row) -> None:
    """The row repeats at the top of every page the table runs onto."""
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def grid_table(doc_or_cell, rows: int, widths_mm: Iterable[float]):
    """A bordered table ("Table Grid") with fixed column widths."""
    widths = list(widths_mm)
    table = doc_or_cell.add_table(rows=rows, cols=len(widths))
    table.style = "Table Grid"
    table.autofit = False
    for i, w in enumerate(widths):
        table.columns[i].width = Mm(w)
        for cell in table.columns[i].cells:
            cell.width = Mm(w)
    return table


def add_field(paragraph, instruction: str, shown: str = "") -> None:
    """A Word field (PAGE, TOC, …) with the text shown until Word updates it."""

    def char(kind: str) -> None:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._element.append(el)

    char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._element.append(instr)
    char("separate")
    if shown:
        paragraph.add_run(safe(shown))
    char("end")


def page_numbers(section) -> None:
    """The page number centred in the footer."""
    p = section.footer.paragraphs[0]
    p.alignment = 1  # centre
    add_field(p, "PAGE", "1")


def landscape(section) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = A4[1], A4[0]


def portrait(section) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = A4


def update_fields_on_open(doc) -> None:
    """Word fills the table of contents (and page numbers) when the file is opened."""
    settings = doc.settings.element
    el = OxmlElement("w:updateFields")
    el.set(qn("w:val"), "true")
    settings.append(el)
