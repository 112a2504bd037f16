"""The menu bar of the main window: one function a menu, each action named for tests.

Features add their entries here, each in the menu a user would look in first."""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from . import i18n
from .budget_export import export_budget  # issue 20
from .file_actions import recent_files
from .i18n import t
from .mnemonics import label_menus
from .samples import sample_files


def add_action(w, menu, ja: str, en: str, slot, shortcut=None, name: str = "") -> QAction:
    action = QAction(t(ja, en), w)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    action.setObjectName(name)
    action.setProperty("text_en", en)  # its mnemonic takes a letter of the English (mnemonics.py)
    menu.addAction(action)
    w._menu_actions.append(action)
    return action


def print_preview(w) -> None:
    """ファイル › 印刷… (issue 22); QtPrintSupport and PDFium load at the first use."""
    from .print_preview import open_print_preview

    open_print_preview(w)


def compare_with_file(w) -> None:
    """ファイル › 別の版と比較… (issue 24); the comparison loads at the first use."""
    from .changes_view import compare_with_file as run

    run(w)


def compare_with_saved(w) -> None:
    """ファイル › 前回保存時と比較 (issue 24)."""
    from .changes_view import compare_with_saved as run

    run(w)


def build_menus(w) -> None:
    bar = w.menuBar()
    file_menu(w, bar)
    edit_menu(w, bar)
    view_menu(w, bar)
    help_menu(w, bar)
    label_menus(w)  # Alt+letter on every entry (issue 22)


def roll_up(w) -> None:  # issue 24: the roll-up loads only when asked for
    from .rollup_dialog import roll_up as run

    run(w)


def file_menu(w, bar) -> None:
    f = bar.addMenu(t("ファイル(&F)", "&File"))
    add_action(w, f, "新規作成", "New", w.new_plan, QKeySequence.StandardKey.New, "actionNew")
    add_action(
        w, f, "開く…", "Open…", w.files.open_dialog, QKeySequence.StandardKey.Open, "actionOpen"
    )
    recent = f.addMenu(t("最近使ったファイル", "Recent files"))
    for path in recent_files():
        recent.addAction(str(path), lambda p=path: w.files.open(p))
    recent.setEnabled(bool(recent_files()))
    f.addSeparator()
    has_doc = w.doc is not None
    add_action(
        w, f, "上書き保存", "Save", w.files.save, QKeySequence.StandardKey.Save, "actionSave"
    )
    add_action(
        w,
        f,
        "名前を付けて保存…",
        "Save As…",
        w.files.save_as,
        QKeySequence.StandardKey.SaveAs,
        "actionSaveAs",
    )
    f.addSeparator()
    add_action(
        w,
        f,
        "実施計画書（PDF）を出力…",
        "Export plan (PDF)…",
        w.files.export_pdf,
        "Ctrl+E",
        "actionExportPdf",
    )
    add_action(w, f, "印刷…", "Print…", partial(print_preview, w), QKeySequence.StandardKey.Print, "actionPrint").setEnabled(has_doc)  # issue 22  # fmt: skip
    add_action(w, f, "予算要求書（Excel）を書き出す…", "Export budget request (Excel)…", partial(export_budget, w), None, "actionExportBudget").setEnabled(has_doc)  # issue 20  # fmt: skip
    add_action(w, f, "別の版と比較…", "Compare with another version…", partial(compare_with_file, w), None, "actionCompareFile").setEnabled(has_doc)  # issue 24  # fmt: skip
    add_action(w, f, "前回保存時と比較", "Compare with the last save", partial(compare_with_saved, w), None, "actionCompareSaved").setEnabled(has_doc)  # issue 24  # fmt: skip
    add_action(w, f, "複数の計画を集計…", "Roll up plans…", partial(roll_up, w), None, "actionRollup")  # issue 24  # fmt: skip
    add_action(
        w, f, "JSONに書き出す…", "Export JSON…", w.files.export_json, None, "actionExportJson"
    )
    add_action(
        w, f, "JSONから読み込む…", "Import JSON…", w.files.import_json, None, "actionImportJson"
    )
    add_action(
        w,
        f,
        "特別交付税措置のルールを読み込む…",
        "Load a subsidy rule file…",
        w.files.import_rules,
        None,
        "actionImportRules",
    )
    f.addSeparator()  # issue 20: the task survey in Excel
    add_action(w, f, "業務の洗い出し調査票（Excel）を書き出す…", "Export the task survey (Excel)…",
                 w.survey.export_survey, None, "actionExportSurvey")  # fmt: skip
    add_action(w, f, "調査票の回答を読み込む…", "Import survey replies…",
                 w.survey.import_dialog, None, "actionImportSurvey")  # fmt: skip
    f.addSeparator()  # issue 23: the trial survey
    add_action(w, f, "試行アンケート（Excel）を書き出す…", "Export the trial survey (Excel)…",
               w.trial.export_questionnaires, None, "actionExportTrialSurvey").setEnabled(has_doc)  # fmt: skip
    add_action(w, f, "試行アンケートの回答を読み込む…", "Import trial survey answers…",
               w.trial.import_dialog, None, "actionImportTrialAnswers").setEnabled(has_doc)  # fmt: skip
    f.addSeparator()
    add_action(
        w,
        f,
        "計画を閉じる",
        "Close plan",
        w.files.close_plan,
        QKeySequence.StandardKey.Close,
        "actionClose",
    )
    add_action(w, f, "終了", "Quit", w.close, "Ctrl+Q", "actionQuit")  # Windows has no standard key
    for action in f.actions():
        if action.objectName() in (
            "actionSave",
            "actionSaveAs",
            "actionExportPdf",
            "actionExportJson",
            "actionExportSurvey",
            "actionImportSurvey",
            "actionClose",
        ):
            action.setEnabled(has_doc)


def edit_menu(w, bar) -> None:
    e = bar.addMenu(t("編集(&E)", "&Edit"))
    if w.doc is not None:
        stack = w.doc.undo_stack
        undo = stack.createUndoAction(w, t("元に戻す", "Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setObjectName("actionUndo")
        redo = stack.createRedoAction(w, t("やり直し", "Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence.StandardKey.Redo])
        redo.setObjectName("actionRedo")
        e.addAction(undo)
        e.addAction(redo)
        w._menu_actions += [undo, redo]
    else:
        e.setEnabled(False)


def view_menu(w, bar) -> None:
    v = bar.addMenu(t("表示(&V)", "&View"))
    if w.doc is not None:
        add_action(w, v, "前の手順", "Previous step", lambda: w._step(-1), "Alt+Left", "actionBack")
        add_action(w, v, "次の手順", "Next step", lambda: w._step(+1), "Alt+Right", "actionNext")
        v.addSeparator()
    language = v.addMenu(t("言語 / Language", "Language / 言語"))
    ja = add_action(
        w,
        language,
        "日本語",
        "日本語 (Japanese)",
        lambda: w.set_language("ja"),
        None,
        "actionJapanese",
    )
    en = add_action(
        w, language, "English", "English", lambda: w.set_language("en"), None, "actionEnglish"
    )
    for action, code in ((ja, "ja"), (en, "en")):
        action.setCheckable(True)
        action.setChecked(i18n.lang() == code)
    text_size_menu(w, v)


def text_size_menu(w, v) -> None:
    """表示 › 文字の大きさ (issue 22): a preference, kept in QSettings, not a plan edit."""
    from . import text_size

    sizes = v.addMenu(t("文字の大きさ", "Text size"))
    sizes.setObjectName("menuTextSize")
    group = QActionGroup(sizes)
    for code, (_factor, ja, en) in text_size.LEVELS.items():
        name = "actionTextSize_" + code.replace("-", "_")
        action = add_action(w, sizes, ja, en, partial(w.set_text_size, code), None, name)
        action.setCheckable(True)
        action.setChecked(text_size.level() == code)
        group.addAction(action)


def help_menu(w, bar) -> None:
    h = bar.addMenu(t("ヘルプ(&H)", "&Help"))
    # issue 22: the manual, at the section of the page shown (F1, as in every Windows program)
    add_action(w, h, "操作マニュアル", "User manual", lambda: w.show_help(), "F1", "actionHelp")
    h.addSeparator()
    samples = h.addMenu(t("見本の計画を開く", "Open a sample plan"))
    samples.setObjectName("menuSamples")
    for path, label in sample_files():
        add_action(w, samples, label, label, lambda _c=False, p=path: w.open_sample(p),
                     None, f"actionSample_{path.stem}")  # fmt: skip
    h.addSeparator()
    add_action(w, h, "このプログラムについて", "About", w.about, None, "actionAbout")
