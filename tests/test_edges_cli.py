"""Issue 14, items 3, 4 and 5 on the command line: nothing printed raw, one cost rule for
validate and summary, and the plan's warnings on every way out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli import run_cli, terminal_safe
from planner.domain.errors import ValidationError
from planner.domain.validation import validate_plan
from planner.store.interchange import import_json
from tests.store_plans import sample_json

HOSTILE = "やまなみ村\x1b[2J\x1b]0;pwned\x07"
HOSTILE_SHOWN = "やまなみ村\\x1b[2J\\x1b]0;pwned\\x07"
RAW = ("\x1b", "\x07", "\x9b", "\u202e")


def run(capsys, *args) -> tuple[int, str, str]:
    code = run_cli([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def village() -> dict:
    return json.loads(sample_json("yamanami-village").read_text(encoding="utf-8"))


def write(tmp_path: Path, data: dict, name: str = "plan.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def assert_clean(*texts: str) -> None:
    for text in texts:
        for ch in RAW:
            assert ch not in text, f"raw {ch!r} printed"


@pytest.fixture
def hostile(tmp_path) -> Path:
    data = village()
    p = data["plan"]
    p["municipality"]["name"] = HOSTILE
    p["units"][0]["name"] = "総務課\u202e"
    task = next(t for t in p["units"][0]["tasks"] if t["selected"])
    task["name"] = "例規\x9b2J"
    line = p["scenarios"][0]["lines"][0]
    line["name"] = "端末\x1b[31m"
    line["eligible_override"] = True  # without a reason: a warning that quotes the name
    return write(tmp_path, data, "hostile.json")


# -- 3. terminal control characters -------------------------------------------------------


def test_terminal_safe_shows_controls_visibly():
    assert terminal_safe(HOSTILE) == HOSTILE_SHOWN
    assert terminal_safe("a\u202eb\x9bc\td\ne") == "a\\u202eb\\x9bc\\x09d\\x0ae"
    assert terminal_safe("行1\n行2\x1b", keep_newlines=True) == "行1\n行2\\x1b"


def test_validate_prints_user_text_visibly(capsys, hostile):
    code, out, err = run(capsys, "validate", hostile)
    assert code == 0 and err == ""
    assert out.splitlines()[0] == f"OK: {hostile} — {HOSTILE_SHOWN}（課 5、選定業務 14件）"
    assert (
        "  手順 7: J-LIS 自治体テレワークシステム（自宅PC＋一部貸与PC）「端末\\x1b[31m」: 対象経費の判定を変更した理由が未記入です。"
        in out
    )
    assert_clean(out)


def test_summary_prints_user_text_visibly(capsys, hostile):
    code, out, err = run(capsys, "summary", hostile)
    assert code == 0 and err == ""
    assert out.splitlines()[0] == f"団体: {HOSTILE_SHOWN}（長野県） 一般行政職員 40人"
    assert "  総務課\\u202e: 例規\\x9b2J" in out
    assert_clean(out)


def test_summary_json_escapes_and_keeps_the_data(capsys, hostile):
    code, out, _err = run(capsys, "summary", hostile, "--json")
    assert code == 0
    assert_clean(out)
    data = json.loads(out)
    assert data["municipality"]["name"] == HOSTILE
    assert data["selected_tasks"][0] == {"unit": "総務課\u202e", "task": "例規\x9b2J"}


def test_import_confirmation_prints_the_name_visibly(capsys, hostile, tmp_path):
    code, out, err = run(capsys, "import-json", hostile, "-o", tmp_path / "h.twplan")
    assert code == 0 and out == ""
    assert err == f"{tmp_path / 'h.twplan'}: {HOSTILE_SHOWN}\n"


def test_export_json_to_stdout_escapes_and_keeps_the_data(capsys, hostile):
    code, out, _err = run(capsys, "export-json", hostile, "-o", "-")
    assert code == 0
    assert_clean(out)
    assert json.loads(out)["plan"]["units"][0]["name"] == "総務課\u202e"
    assert json.loads(out)["plan"]["municipality"]["name"] == HOSTILE


def test_export_pdf_messages_are_visible(capsys, hostile, tmp_path):
    code, out, err = run(capsys, "export-pdf", hostile, "-o", tmp_path / "h.pdf")
    assert code == 0 and out == ""
    assert (
        "  手順 7: J-LIS 自治体テレワークシステム（自宅PC＋一部貸与PC）「端末\\x1b[31m」: 対象経費の判定を変更した理由が未記入です。"
        in err
    )
    assert_clean(err)


def test_error_messages_print_user_text_visibly(capsys, tmp_path):
    data = village()
    line = data["plan"]["scenarios"][0]["lines"][0]
    line.update(name="\x1b]0;pwned\x07工事", unit_price=10**12, quantity=2)
    code, out, err = run(capsys, "validate", write(tmp_path, data))
    assert code == 1 and out == ""
    assert err.startswith(
        "planner: 「plan.json」を読み込めません: 「\\x1b]0;pwned\\x07工事」の金額"
    )
    assert_clean(err)


def test_usage_errors_echo_arguments_visibly(capsys):
    code, out, err = run(capsys, "validate", "a.twplan", "b\x1b[2J")
    assert code == 2
    assert "b\\x1b[2J" in err
    assert_clean(out, err)


# -- 4. one cost rule: what validates can be summarised and exported ----------------------

OVER_JA = (
    "planner: 「over.json」を読み込めません: 「庁内LAN工事」の金額（2,000,000,000,000円）が"
    "上限（1兆円）を超えています。単価と数量を確認してください。"
    "（項目: scenarios[0].lines[0].unit_price）\n"
)
OVER_EN = (
    "planner: 'over.json' cannot be imported: '庁内LAN工事' comes to ¥2,000,000,000,000, over the "
    "limit of ¥1 trillion. Check price and quantity. (field: scenarios[0].lines[0].unit_price)\n"
)


@pytest.fixture
def over(tmp_path) -> Path:
    data = village()
    line = data["plan"]["scenarios"][0]["lines"][0]
    line.update(name="庁内LAN工事", unit_price=10**12, quantity=2, quantity_basis="fixed")
    return write(tmp_path, data, "over.json")


def test_a_line_over_a_trillion_is_refused_by_every_command(capsys, over, tmp_path):
    for args in (
        ("validate", over),
        ("summary", over),
        ("summary", over, "--json"),
        ("import-json", over, "-o", tmp_path / "o.twplan"),
        ("export-json", over, "-o", tmp_path / "o.json"),
        ("export-pdf", over, "-o", tmp_path / "o.pdf"),
    ):
        assert run(capsys, *args) == (1, "", OVER_JA), args
    assert run(capsys, "validate", over, "--lang", "en") == (1, "", OVER_EN)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["over.json"]  # no PDF, no plan file


def test_a_year_over_a_trillion_is_refused_at_validation(catalog):
    plan = import_json(sample_json("yamanami-village"))
    lines = plan.scenarios[1].lines
    del lines[2:]
    for line in lines:
        line.unit_price, line.quantity, line.quantity_basis = 6 * 10**11, 1, "fixed"
        line.start_fy = line.end_fy = 2026
        line.recurrence = "one_time"
    with pytest.raises(ValidationError) as e:
        validate_plan(plan, catalog.category_ids())
    assert e.value.field == "scenarios[1]"  # not the adopted one: the PDF compares every scenario
    assert (
        e.value.text("ja")
        == "2026年度の事業費（1,200,000,000,000円）が上限（1兆円）を超えています。"
    )


# -- 5. warnings on every way out ---------------------------------------------------------

SCENARIO = "J-LIS 自治体テレワークシステム（自宅PC＋一部貸与PC）"
OVERRIDE_JA = f"手順 7: {SCENARIO}「貸与用ノートPC」: 対象経費の判定を変更した理由が未記入です。"
OVERRIDE_EN = f"Step 7: {SCENARIO}: '貸与用ノートPC' overrides eligibility without a reason."


@pytest.fixture
def overridden(tmp_path) -> Path:
    data = village()
    line = next(
        ln for ln in data["plan"]["scenarios"][0]["lines"] if ln["name"] == "貸与用ノートPC"
    )
    line["eligible_override"] = False
    return write(tmp_path, data, "warned.json")


def test_validate_lists_warnings_and_strict_fails_on_them(capsys, overridden):
    code, out, err = run(capsys, "validate", overridden)
    assert code == 0 and err == ""
    # the sample's J-LIS terminal shortfall (step 7's BCP) comes first, then the override
    assert out.splitlines()[1] == "確認が必要な点（6件）:"
    assert out.splitlines()[3] == "  " + OVERRIDE_JA
    code, out, err = run(capsys, "validate", overridden, "--strict")
    assert code == 1
    assert err == "planner: 計画に警告が3件あります（--strict）。\n"  # BCP's and multiplier's
    code, out, err = run(capsys, "validate", overridden, "--strict", "--lang", "en")
    assert "  " + OVERRIDE_EN in out.splitlines()
    assert err == "planner: the plan has 3 warning(s) (--strict).\n"


def test_summary_lists_warnings_in_text_and_json(capsys, overridden):
    _c, out, _e = run(capsys, "summary", overridden)
    assert "  " + OVERRIDE_JA in out.splitlines()
    _c, out, _e = run(capsys, "summary", overridden, "--json")
    warnings = json.loads(out)["warnings"]
    assert warnings[1] == {
        "code": "override_without_reason",
        "severity": "warning",
        "step": 7,
        "field": "scenarios[0].lines[2].override_reason",
        "ja": OVERRIDE_JA.removeprefix("手順 7: "),
        "en": OVERRIDE_EN.removeprefix("Step 7: "),
    }
    assert [(w["code"], w["severity"]) for w in warnings[:1] + warnings[2:]] == [
        ("bcp_jlis_terminal_ids_short", "warning"),
        ("multiplier_not_checked", "warning"),
        *[("assumed_rule", "note")] * 3,
    ]


def test_export_pdf_prints_warnings_and_the_pdf_lists_them(capsys, overridden, tmp_path):
    from pypdf import PdfReader

    code, out, err = run(capsys, "export-pdf", overridden, "-o", tmp_path / "w.pdf")
    assert code == 0 and out == ""
    assert "  " + OVERRIDE_JA in err.splitlines()
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "w.pdf").pages[:6])
    flat = "".join(text.split())
    assert "確認が必要な点" in flat
    assert "".join(OVERRIDE_JA.removeprefix("手順 7: ").split()) in flat
