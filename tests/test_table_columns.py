"""Table columns take their kind, choices and label from the plan's declaration."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planner.domain.declare import Field, declaration_of, declared
from planner.domain.model import TIME_UNITS
from planner.domain.records import RECORDS, Record, field_at
from planner.domain.text import L10n
from planner.loading import words
from planner.ui.table_model import (
    Column,
    RowTableModel,
    declared_columns,
    format_cell,
    parse_cell,
)
from tests.ui_helpers import create_plan


def test_a_column_without_a_kind_takes_the_declared_one():
    start, kind, status = declared_columns(
        ("phases",), [Column("start"), Column("kind"), Column("name")]
    )
    assert start.kind == "date" and start.header.ja == "開始日"
    assert kind.kind == "choice" and kind.choices == words.choices("phase_kind")
    assert status.kind == "text"
    assert parse_cell(start, "R7.11.5") == date(2025, 11, 5)
    line = declared_columns(("scenarios", "s", "lines"), [Column("other_revenue")])[0]
    assert (line.kind, line.header.ja) == ("money", "特定財源")
    assert parse_cell(line, "1,200円") == 1200


def test_every_declared_choice_list_has_its_words():
    for record in RECORDS.values():
        for f in record.fields:
            if f.words:
                assert set(words.codes(f.words)) == set(f.choices) - {""}, (record, f.name)


def test_every_table_of_every_page_edits_fields_as_declared(window, qtbot):
    """Walk every page of a real window: no table column contradicts its field's kind."""
    create_plan(window, qtbot)
    for n in range(1, 11):
        window.workspace.go(n - 1)
    models = {m for m in window.findChildren(RowTableModel)}
    assert len(models) >= 8
    checked = 0
    for model in models:
        for column in model.columns:
            if column.display is not None or not column.field or column.values:
                continue
            row_cls = _row_class(model)
            f: Field = field_at(row_cls, column.field)
            expected = {"id": "text", "ref": "text"}.get(f.kind, f.kind)
            # the catalog's categories and the questionnaire's questions, not a words list
            if column.field in ("category", "question"):
                assert column.kind == "choice"
                continue
            assert column.kind == expected, (model.list_path, column.field)
            if f.words:
                assert [k for k, _w in column.choices] == list(words.codes(f.words))
            checked += 1
    assert checked >= 30


def _row_class(model: RowTableModel) -> type:
    from planner.domain.records import record_at

    return record_at(tuple(model.list_path)).cls


@dataclass
class _Form:
    unit: str | None = declared(
        "choice", "時間単位", "Time unit", default=None, nullable=True, choices=TIME_UNITS,
        words="time_unit", unset=L10n("区分から自動", "From the category"),
    )  # fmt: skip


def test_a_choice_that_may_be_unset_needs_no_special_case_on_screen():
    """Issue 19: "derived unless set" is declared (``unset``), not built by hand in a page."""
    column = Column("unit").declared_in(Record(_Form, tuple(declaration_of(_Form))))
    assert column.kind == "choice"
    assert [k for k, _w in column.choices] == ["", *TIME_UNITS]
    assert format_cell(column, None) == "区分から自動"
    assert format_cell(column, "day") == "1日単位"
    assert column.key_of(None) == ""  # what the cell's editor starts at
    assert parse_cell(column, "") is None and parse_cell(column, "hour") == "hour"


def test_a_column_declared_to_wrap_wraps_and_the_others_fit_their_text(window, qtbot):
    """Issue 19: a page's table declares each column once, its width with it (``wrap``);
    no list of widths by position beside the columns."""
    from planner.domain.model import SecurityItem
    from planner.ui.fit import WRAP_WIDTH

    create_plan(window, qtbot)
    window.workspace.go(7)
    table = window.workspace.page(8).measures
    wraps = [c.wrap for c in table.model.columns]
    assert wraps == [False, True, False]  # role, the measure's text, status
    text = "端末を紛失したときは、直ちに情報政策課へ連絡し、遠隔消去の手続を取る。" * 4
    assert table.model.add_row(SecurityItem(role="teleworker", text=text))
    view, row = table.view, table.model.rowCount() - 1
    one_line = view.fontMetrics().height()
    qtbot.waitUntil(lambda: view.rowHeight(row) > 2 * one_line)  # the text runs onto lines
    assert view.columnWidth(1) < view.fontMetrics().horizontalAdvance(text)
    assert view.columnWidth(1) <= max(WRAP_WIDTH, view.viewport().width())
    widest = max(view.fontMetrics().horizontalAdvance(w.ja) for _k, w in table.model.columns[2].choices)
    assert view.columnWidth(2) >= widest  # a choice fits its words (and the drop-down's arrow)
