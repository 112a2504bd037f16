<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Japanese for Qt 6 dialog strings that PySide6's qtbase_ja.qm lacks (its texts predate
     Qt 6's "&Look in:" and "Files of &type:"). Compiled with:
     .venv/bin/pyside6-lrelease resources/translations/qt_gaps_ja.ts -->
<TS version="2.1" language="ja_JP">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>場所(&amp;L):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>ファイルの種類(&amp;T):</translation>
    </message>
</context>
</TS>
