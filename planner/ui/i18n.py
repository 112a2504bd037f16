"""The UI language: Japanese by default, English selectable, remembered in QSettings.

Every visible string is a ja/en pair — written inline with ``t(ja, en)`` or
taken from the resources' L10n texts with ``tx()`` — so no string can exist in
one language only. Qt's own dialogs are translated by Qt's translation files.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from ..domain.text import L10n

_state = {"lang": "ja"}
_translators: list[QTranslator] = []
# short texts as shown -> their English, so a Japanese button can take the letter of its
# English word as its mnemonic (「次へ(&N)」, ``mnemonics.py``)
_english: dict[str, str] = {}
_REMEMBERED = 60  # characters: labels of buttons and menus, not sentences


def lang() -> str:
    return _state["lang"]


def t(ja: str, en: str) -> str:
    if len(ja) <= _REMEMBERED:
        _remember(ja, en)
    return en if _state["lang"] == "en" else ja


def tx(text: L10n) -> str:
    if len(text.ja) <= _REMEMBERED:
        _remember(text.ja, text.en)
    return text.get(_state["lang"])


def _remember(ja: str, en: str) -> None:
    if len(_english) > 50_000:  # texts with figures in them: keep the memory small
        _english.clear()
    _english[ja] = en
    _english[en] = en


def english(text: str) -> str | None:
    """The English of a short text shown by ``t()``/``tx()`` (itself if it is English)."""
    return _english.get(text)


def saved_language() -> str:
    value = QSettings().value("ui/language", "ja")
    return value if value in ("ja", "en") else "ja"


def set_language(code: str, *, remember: bool = True) -> None:
    _state["lang"] = "en" if code == "en" else "ja"
    if remember:
        QSettings().setValue("ui/language", _state["lang"])
    _install_qt_translations()


def _install_qt_translations() -> None:
    """Qt's own strings (standard buttons, file dialogs, context menus) in the chosen language.

    qtbase_ja.qm comes with PySide6 (Qt/translations); resources/translations/qt_gaps_ja.qm
    adds the few Qt 6 file dialog strings it lacks ("&Look in:", "Files of &type:").
    """
    app = QApplication.instance()
    if app is None:
        return
    for tr in _translators:
        app.removeTranslator(tr)
    _translators.clear()
    if _state["lang"] != "ja":
        return
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    tr = QTranslator(app)
    if tr.load(QLocale(QLocale.Language.Japanese), "qtbase", "_", folder):
        app.installTranslator(tr)
        _translators.append(tr)
    from ..resources import resource_path

    gaps = QTranslator(app)
    if gaps.load(str(resource_path("translations", "qt_gaps_ja.qm"))):
        app.installTranslator(gaps)  # installed last, asked first
        _translators.append(gaps)


def plain_tip(text: str | None) -> str | None:
    """A tooltip that shows its text as typed: Qt renders a tooltip that looks like HTML
    as rich text, and tooltips carry names from the plan (data, never markup)."""
    if not text:
        return text
    from PySide6.QtGui import Qt as QtGui

    return QtGui.convertFromPlainText(text)
