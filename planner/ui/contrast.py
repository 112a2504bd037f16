"""Text contrast (issue 22): WCAG 2 contrast ratios of the colours the program shows.

``ratio()`` is WCAG's (L1 + 0.05) / (L2 + 0.05) of relative luminances; text must reach
4.5:1 against its background. The palette's pairs are what every widget draws with;
``readable_palette()`` mends those that the platform's styles leave faint and that carry
meaning here: placeholder text (the examples in empty fields), disabled text (a plan
opened read-only shows all its values in disabled fields) and selected rows. The colours set in
style sheets (warnings, errors, notes) are read back from the widgets by the test.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QPalette

AA = 4.5  # WCAG 2 AA, normal text
GRAPHIC = 3.0  # WCAG 2.1 non-text contrast (icons that carry a state)

Group = QPalette.ColorGroup
Role = QPalette.ColorRole
# (group, text role, background role, what the pair shows)
PALETTE_PAIRS = (
    (Group.Active, Role.WindowText, Role.Window, "labels on the window"),
    (Group.Active, Role.Text, Role.Base, "text in fields and tables"),
    (Group.Active, Role.Text, Role.AlternateBase, "text in alternate table rows"),
    (Group.Active, Role.ButtonText, Role.Button, "button text"),
    (Group.Active, Role.HighlightedText, Role.Highlight, "selected rows"),
    (Group.Inactive, Role.HighlightedText, Role.Highlight, "selected rows, window not active"),
    (Group.Active, Role.ToolTipText, Role.ToolTipBase, "tooltips"),
    (Group.Active, Role.PlaceholderText, Role.Base, "examples in empty fields"),
    (Group.Disabled, Role.Text, Role.Base, "values in read-only fields"),
    (Group.Disabled, Role.WindowText, Role.Window, "labels of unavailable parts"),
    (Group.Disabled, Role.ButtonText, Role.Button, "unavailable buttons"),
)


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of an opaque colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def over(colour: QColor, background: QColor) -> QColor:
    """``colour`` as seen on ``background`` (a translucent colour blended into it)."""
    a = colour.alphaF()
    if a >= 1.0:
        return QColor(colour.red(), colour.green(), colour.blue())
    return QColor.fromRgbF(
        colour.redF() * a + background.redF() * (1 - a),
        colour.greenF() * a + background.greenF() * (1 - a),
        colour.blueF() * a + background.blueF() * (1 - a),
    )


def ratio(foreground: QColor, background: QColor) -> float:
    """WCAG contrast ratio, 1 to 21."""
    seen = over(foreground, background)
    high, low = sorted((luminance(seen), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(foreground: QColor, background: QColor, target: float = AA) -> QColor:
    """``foreground`` made just dark (or light) enough to reach ``target`` on ``background``,
    keeping its hue: grey stays grey, so disabled text still looks disabled."""
    seen = over(foreground, background)
    if ratio(seen, background) >= target:
        return seen
    toward = QColor("black") if luminance(background) > 0.18 else QColor("white")
    for step in range(1, 21):
        k = step / 20
        mixed = QColor.fromRgbF(
            seen.redF() * (1 - k) + toward.redF() * k,
            seen.greenF() * (1 - k) + toward.greenF() * k,
            seen.blueF() * (1 - k) + toward.blueF() * k,
        )
        if ratio(mixed, background) >= target:
            return mixed
    return toward


def readable_palette(palette: QPalette) -> QPalette:
    """The palette with placeholder, disabled and selected text at 4.5:1 or better.

    Colours that already reach it (a high-contrast theme, a dark one) are kept as they are."""
    mended = QPalette(palette)
    for group in (Group.Active, Group.Inactive, Group.Disabled):
        base = palette.color(group, Role.Base)
        mended.setColor(
            group, Role.PlaceholderText, readable(palette.color(group, Role.PlaceholderText), base)
        )
    for text, back in (
        (Role.Text, Role.Base),
        (Role.WindowText, Role.Window),
        (Role.ButtonText, Role.Button),
    ):
        background = palette.color(Group.Disabled, back)
        mended.setColor(
            Group.Disabled, text, readable(palette.color(Group.Disabled, text), background)
        )
    for group in (Group.Active, Group.Inactive):  # a selected row's text (Fusion: 3.7:1)
        text = palette.color(group, Role.HighlightedText)
        mended.setColor(group, Role.Highlight, readable(palette.color(group, Role.Highlight), text))
    return mended  # fmt: skip


def palette_pairs(palette: QPalette) -> list[tuple[str, QColor, QColor]]:
    return [
        (what, palette.color(group, fg), palette.color(group, bg))
        for group, fg, bg, what in PALETTE_PAIRS
    ]


_COLOUR = re.compile(r"(?<![-\w])color\s*:\s*(#[0-9a-fA-F]{3,8}|[a-z]+)")
_BACKGROUND = re.compile(r"background(?:-color)?\s*:\s*(#[0-9a-fA-F]{3,8}|[a-z]+)")


def style_colours(sheet: str) -> tuple[QColor | None, QColor | None]:
    """The text and background colours a style sheet sets (None where it sets none)."""
    fg = _COLOUR.search(sheet)
    bg = _BACKGROUND.search(sheet)
    return (QColor(fg.group(1)) if fg else None, QColor(bg.group(1)) if bg else None)
