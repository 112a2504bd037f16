"""One word per code: the screen, the PDF and the CLI read resources/words.toml."""

from __future__ import annotations

import shutil

import pytest

from planner.domain.errors import ResourceError
from planner.domain.records import RECORDS
from planner.domain.suitability import Suitability
from planner.loading import words
from planner.loading.words import load_words
from planner.resources import resource_dir


def code_lists() -> dict[str, tuple[str, ...]]:
    """Every list of codes the program has, by the name of its words list: each choice
    field's codes (its declaration names the list, ``words``), and the two lists that are
    no field of the plan. Read from the declarations, never written out a second time."""
    lists: dict[str, tuple[str, ...]] = {}
    for record in RECORDS.values():
        for f in record.fields:
            if f.words:
                codes = tuple(c for c in f.choices if c)  # "": not said (a choice's empty state)
                assert lists.setdefault(f.words, codes) == codes, (f.words, f.name)
    from planner.ui.pages.choices import ELIGIBILITY_VALUES

    lists["suitability"] = tuple(s.key for s in Suitability)  # a judgement of a task
    lists["eligibility"] = tuple(k for k, _v in ELIGIBILITY_VALUES)  # step 7's override
    lists["yes_no"] = ("yes", "no")  # issue 20: a yes/no column of the task survey
    return lists


CODE_LISTS = code_lists()


@pytest.mark.parametrize("name", sorted(CODE_LISTS))
def test_every_code_of_the_plan_has_one_word_and_no_more(name):
    assert sorted(words.codes(name)) == sorted(CODE_LISTS[name])


def test_the_file_has_no_list_the_program_does_not_know():
    assert set(words.default_words().lists) == set(CODE_LISTS)


def test_the_screens_choice_lists_are_the_files():
    from planner.ui.pages import choices

    assert choices.RULE_STATUS == words.choices("rule_status")
    assert choices.QUANTITY_BASES[0] == ("fixed", words.word("quantity_basis", "fixed"))
    assert [c for c, _w in choices.ELIGIBILITY] == [c for c, _v in choices.ELIGIBILITY_VALUES]


def test_label_of_unknown_and_missing_codes():
    assert words.label("rule_status", "done", "ja") == "整備済み"
    assert words.label("rule_status", "done", "en") == "Done"
    assert words.label("rule_status", "bogus", "ja") == "bogus"
    assert words.label("rule_status", None, "ja") == "未記入"
    assert words.label("rule_status", None, "en") == "not yet entered"
    assert words.word("suitability", Suitability.CONDITIONAL.key).ja == "条件付き"
    with pytest.raises(KeyError, match="no word list 'statuses'"):
        words.label("statuses", "done", "ja")


def _copy_with(tmp_path, text: str):
    (tmp_path / "words.toml").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ('schema = 1\nnot_entered = { ja = "未記入", en = "n/a" }\n[rule_status]\n'
         'done = { ja = "済" }\n', "rule_status.done.en"),
        ('schema = 1\nnot_entered = { ja = "未記入", en = "n/a" }\nrule_status = 3\n',
         "rule_status"),
        ('schema = 1\n[rule_status]\ndone = { ja = "済", en = "Done" }\n', "not_entered"),
        ('schema = 2\n', "schema"),
    ],
)  # fmt: skip
def test_a_wrong_words_file_names_the_file_and_the_field(tmp_path, text, field):
    with pytest.raises(ResourceError) as e:
        load_words(_copy_with(tmp_path, text))
    assert "words.toml" in str(e.value) and field in str(e.value)


def test_words_are_read_through_the_cache_equal(tmp_path):
    shutil.copy(resource_dir() / "words.toml", tmp_path / "words.toml")
    first = load_words(tmp_path, cache_dir=tmp_path / "cache")
    assert list((tmp_path / "cache" / "words").glob("*.json"))
    again = load_words(tmp_path, cache_dir=tmp_path / "cache")
    assert again == first == load_words(tmp_path)
