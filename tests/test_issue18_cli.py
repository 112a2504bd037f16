"""Issue 18 on the command line: no writer replaces its input, a plan or an open plan; the CLI
survives any terminal encoding; options in either position; unknown words and no display are
usage errors, not a GUI that aborts; long names, read-only places and stale temporaries."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from planner.__main__ import main
from planner.cli import run_cli
from planner.store.lock import acquire_lock
from tests.store_plans import sample_json, sample_twplan

VILLAGE = sample_twplan("yamanami-village")
VILLAGE_JSON = sample_json("yamanami-village")
TOWN_JSON = sample_json("kawasemi-town")


def run(capsys, *args) -> tuple[int, str, str]:
    code = run_cli([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def refused(code: int, out: str, err: str) -> str:
    """The one line a refusal prints (exit 1, nothing on stdout)."""
    assert (code, out) == (1, ""), err
    assert err.startswith("planner: ") and err.count("\n") == 1, err
    return err.removeprefix("planner: ").removesuffix("\n")


@pytest.fixture
def plan(tmp_path) -> Path:
    path = tmp_path / "plan.twplan"
    path.write_bytes(VILLAGE.read_bytes())
    return path


def unchanged(path: Path) -> bool:
    """The plan is the village, byte for byte, and no backup was made beside it."""
    return (
        path.read_bytes() == VILLAGE.read_bytes()
        and not path.with_name(path.name + ".bak").exists()
    )


# -- 1. the output is the input, or a plan ------------------------------------------------

SAME_JA = "出力先「plan.twplan」は読み込むファイルそのものです。別の名前を指定してください。"
SAME_EN = "The output 'plan.twplan' is the input file itself. Name another file."


@pytest.mark.parametrize("command", ["export-pdf", "export-json", "export-text"])
def test_an_export_onto_its_input_is_refused(capsys, plan, tmp_path, command, monkeypatch):
    assert refused(*run(capsys, command, plan, "-o", plan)) == SAME_JA
    assert unchanged(plan)
    monkeypatch.chdir(tmp_path)  # another spelling of the same name
    assert (
        refused(*run(capsys, command, "plan.twplan", "-o", "./plan.twplan", "--lang", "en"))
        == SAME_EN
    )
    assert unchanged(plan)


def test_the_same_file_under_another_name_is_refused(capsys, plan, tmp_path):
    """Compared by device and inode, not by name: a hard link and a symbolic link."""
    hard = tmp_path / "copy.json"
    os.link(plan, hard)
    err = refused(*run(capsys, "export-json", plan, "-o", hard))
    assert err == "出力先「copy.json」は読み込むファイルそのものです。別の名前を指定してください。"
    soft = tmp_path / "plan.pdf"
    soft.symlink_to(plan)
    err = refused(*run(capsys, "export-pdf", plan, "-o", soft, "--lang", "en"))
    assert err == "The output 'plan.pdf' is the input file itself. Name another file."
    assert unchanged(plan)
    data = tmp_path / "plan.json"
    data.write_bytes(VILLAGE_JSON.read_bytes())
    err = refused(*run(capsys, "import-json", data, "-o", data))
    assert err == "出力先「plan.json」は読み込むファイルそのものです。別の名前を指定してください。"
    assert data.read_bytes() == VILLAGE_JSON.read_bytes()


def test_an_export_never_writes_a_plan_file(capsys, plan, tmp_path):
    """A .twplan name, or a file that is a plan whatever its name, only ever receives a plan."""
    other = tmp_path / "other.twplan"
    other.write_bytes(VILLAGE.read_bytes())
    err = refused(*run(capsys, "export-pdf", VILLAGE, "-o", other))
    assert err == ("出力先「other.twplan」は計画ファイルの名前（.twplan）です。"
                   "計画を上書きしないよう、「.pdf」で終わる名前を指定してください。")  # fmt: skip
    err = refused(*run(capsys, "export-json", VILLAGE, "-o", other, "--lang", "en"))
    assert err == ("The output 'other.twplan' has a plan file's name (.twplan). "
                   "So that no plan is replaced, name a file ending in .json.")  # fmt: skip
    assert unchanged(other)
    new = tmp_path / "NEW.TWPLAN"
    refused(*run(capsys, "export-json", VILLAGE, "-o", new))
    assert not new.exists()
    disguised = tmp_path / "plan-backup.dat"  # a plan by its content
    disguised.write_bytes(VILLAGE.read_bytes())
    err = refused(*run(capsys, "export-json", VILLAGE, "-o", disguised))
    assert (
        err
        == "出力先「plan-backup.dat」は計画ファイルです。計画を上書きしないよう、別のファイルを指定してください。"
    )
    assert unchanged(disguised)
    # a plan saved as one still replaces a plan (with its .bak)
    code, _out, _err = run(capsys, "import-json", TOWN_JSON, "-o", other)
    assert code == 0 and other.with_name("other.twplan.bak").read_bytes() == VILLAGE.read_bytes()


# -- 2. every writer respects the lock, through one check ---------------------------------

LOCKED = (
    "計画「plan.twplan」は {owner}開いています。開いている間は上書きできません。"
    "閉じてから実行するか、別の名前を指定してください。"
)


def test_no_writer_replaces_a_plan_someone_has_open(capsys, plan):
    lock = acquire_lock(plan)  # as the GUI does when it opens the plan
    try:
        errors = {
            command: refused(*run(capsys, command, source, "-o", plan))
            for command, source in (("export-json", VILLAGE), ("export-pdf", VILLAGE),
                                    ("export-text", VILLAGE), ("import-json", TOWN_JSON))
        }  # fmt: skip
        assert unchanged(plan)
        assert set(errors.values()) == {LOCKED.format(owner=lock.info.describe("ja"))}
        err = refused(*run(capsys, "export-pdf", VILLAGE, "-o", plan, "--lang", "en"))
        assert err == (f"The plan 'plan.twplan' is open by {lock.info.describe('en')}. It cannot "
                       "be replaced while open: close it first, or name another file.")  # fmt: skip
    finally:
        lock.release()
    code, _out, _err = run(capsys, "import-json", TOWN_JSON, "-o", plan)
    assert code == 0  # closed: the writer goes ahead


# -- 3. output the terminal cannot encode -------------------------------------------------


def planner(*args, encoding: str, env: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": encoding, **(env or {})}
    return subprocess.run([sys.executable, "-m", "planner", *map(str, args)],
                          capture_output=True, env=env)  # fmt: skip


def test_validate_and_summary_write_what_a_cp932_terminal_cannot_show():
    ok = planner("validate", VILLAGE, encoding="cp932")
    assert ok.returncode == 0 and ok.stderr == b""
    first = ok.stdout.decode("cp932").splitlines()[0]
    assert first == f"OK: {VILLAGE} \\u2014 やまなみ村（課 5、選定業務 14件）"
    summary = planner("summary", VILLAGE, "--lang", "en", encoding="cp932")
    assert summary.returncode == 0 and summary.stderr == b""
    lines = summary.stdout.decode("cp932").splitlines()
    assert lines[1] == "Plan period: FY2025 (Reiwa 7) \\u2013 FY2027 (Reiwa 9)"
    assert any(ln.startswith("FY2025 (Reiwa 7) *  \\xa51,890,900") for ln in lines)  # ¥


def test_json_on_an_ascii_terminal_stays_valid_json():
    summary = planner("summary", VILLAGE, "--json", encoding="ascii")
    assert summary.returncode == 0 and summary.stderr == b""
    assert json.loads(summary.stdout.decode("ascii"))["municipality"]["name"] == "やまなみ村"
    export = planner("export-json", VILLAGE, "-o", "-", encoding="ascii")
    assert export.returncode == 0 and export.stderr == b""
    assert json.loads(export.stdout.decode("ascii")) == json.loads(VILLAGE_JSON.read_bytes())
    text = planner("validate", VILLAGE, "--lang", "en", encoding="ascii")
    assert text.returncode == 0
    assert text.stdout.decode("ascii").splitlines()[0] == (
        f"OK: {VILLAGE} \\u2014 \\u3084\\u307e\\u306a\\u307f\\u6751, 5 units, 14 selected tasks"
    )


# -- 4. global options before the command -------------------------------------------------


@pytest.fixture
def gui(monkeypatch) -> list:
    """The GUI replaced by a recorder (a real one would block the test)."""
    opened: list = []
    import planner.ui.app as app

    monkeypatch.setattr(app, "run_gui", lambda args: opened.append(args) or 0)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    return opened


def test_lang_works_before_and_after_the_command(capsys, gui, plan):
    after = main(["validate", str(VILLAGE), "--lang", "en"]), capsys.readouterr()
    before = main(["--lang", "en", "validate", str(VILLAGE)]), capsys.readouterr()
    assert gui == []
    assert before == after and before[0] == 0
    assert before[1].out.startswith(f"OK: {VILLAGE} — やまなみ村, 5 units")
    code, _out, err = run(capsys, "--lang=en", "export-json", plan, "-o", plan)
    assert code == 1 and "is the input file itself" in err and unchanged(plan)


# -- 5. a word that is no command, and no display -----------------------------------------

COMMANDS = "validate, summary, import-json, export-json, export-pdf, export-text, rules, documents, survey, budget, trial, diff, rollup"


def test_an_unknown_word_is_a_usage_error_with_the_closest_command(capsys, gui, tmp_path):
    assert main(["valdate", str(VILLAGE)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err == (
        "planner: 「valdate」はコマンドでも既存のファイルでもありません。「validate」のことですか。"
        f"コマンド: {COMMANDS}（詳しくは planner --help）\n"
    )
    assert main(["--lang", "en", "merge", str(VILLAGE), "-o", "b.xlsx"]) == 2  # a later issue's
    assert capsys.readouterr().err == (
        f"planner: 'merge' is neither a command nor an existing file. Commands: {COMMANDS} "
        "(see planner --help)\n"
    )
    assert gui == []
    assert main([str(VILLAGE)]) == 0 and gui == [[str(VILLAGE)]]  # an existing file opens


def test_without_a_console_an_unknown_word_goes_to_the_window(gui, monkeypatch):
    """The windowed program (no stderr) has only its window to say that a file is missing."""
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["missing.twplan"]) == 0 and gui == [["missing.twplan"]]


def no_display_env(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}  # fmt: skip
    return {**env, "XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path)}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a display is a Linux question")
def test_without_a_display_the_window_says_so_in_one_line(tmp_path):
    env = no_display_env(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "planner"], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=60)  # fmt: skip
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr == (
        "planner: 画面（ディスプレイ）がないため、ウィンドウを開けません。"
        "コマンドの一覧は planner --help で表示されます。\n"
    )
    # in the language the user chose in the program
    subprocess.run([sys.executable, "-c", "from PySide6.QtCore import QSettings; "
                    "QSettings('TeleworkPlanner', 'Telework Planner').setValue('ui/language', 'en')"],
                   env=env, check=True)  # fmt: skip
    proc = subprocess.run([sys.executable, "-m", "planner", str(VILLAGE)], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=60)  # fmt: skip
    assert proc.returncode == 1 and proc.stderr == (
        "planner: there is no display to open the window on. For the commands, see planner --help.\n"
    )


# -- 6. and 7. long names and read-only places: the message save gives --------------------

TOO_LONG_JA = (
    "ファイルの名前かパスが長すぎます。短い名前にするか、浅いフォルダーに保存してください。"
)
TOO_LONG_EN = "the file name or path is too long. Use a shorter name or a folder nearer the top."


@pytest.mark.parametrize("length", [240, 252])  # the temporary file's name, or the target's
def test_a_name_too_long_is_said_so_by_every_writer(capsys, tmp_path, length):
    stem = "a" * length
    shown = "a" * 79 + "…"
    for command, source, suffix, ja, en in (
        ("import-json", TOWN_JSON, ".twplan", f"「{shown}」を保存できませんでした。",
         f"'{shown}' could not be saved: "),
        ("export-json", VILLAGE, ".json", f"「{shown}」を保存できませんでした。",
         f"'{shown}' could not be saved: "),
        ("export-pdf", VILLAGE, ".pdf", f"PDF「{shown}」を書き出せませんでした。",
         f"The PDF '{shown}' could not be written: "),
        ("export-text", VILLAGE, ".md", f"テキスト「{shown}」を書き出せませんでした。",
         f"The text file '{shown}' could not be written: "),
    ):  # fmt: skip
        target = tmp_path / (stem[len(suffix) :] + suffix)
        assert refused(*run(capsys, command, source, "-o", target)) == ja + TOO_LONG_JA
        assert (
            refused(*run(capsys, command, source, "-o", target, "--lang", "en")) == en + TOO_LONG_EN
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_long_name_that_fits_is_written(capsys, tmp_path):
    target = tmp_path / ("計画" * 35 + ".json")  # 215 bytes in UTF-8
    assert run(capsys, "export-json", VILLAGE, "-o", target)[0] == 0
    assert target.read_bytes() == VILLAGE_JSON.read_bytes()


@pytest.fixture
def read_only(tmp_path, monkeypatch) -> Path:
    """A folder on a read-only file system, as Linux reports one: EROFS for every change in it,
    even for removing a file that is not there. Faked, since the tests may run as root."""
    folder = tmp_path / "ro"
    folder.mkdir()

    def inside(path) -> bool:
        return os.path.dirname(os.path.abspath(os.fsdecode(path))) == str(folder)

    def refuse(path) -> OSError:
        return OSError(errno.EROFS, os.strerror(errno.EROFS), os.fsdecode(path))

    real_open, real_unlink, real_replace = os.open, os.unlink, os.replace

    def fake_open(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) and inside(path):
            raise refuse(path)
        return real_open(path, flags, *args, **kwargs)

    def fake_unlink(path, *args, **kwargs):
        if inside(path):
            raise refuse(path)
        return real_unlink(path, *args, **kwargs)

    def fake_replace(src, dst, *args, **kwargs):
        if inside(dst):
            raise refuse(dst)
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "unlink", fake_unlink)
    monkeypatch.setattr(os, "remove", fake_unlink)
    monkeypatch.setattr(os, "replace", fake_replace)
    return folder


READ_ONLY_JA = "保存先は読み取り専用です。別の場所に保存してください。"


def test_exports_into_a_read_only_place_say_so(capsys, read_only):
    err = refused(*run(capsys, "export-json", VILLAGE, "-o", read_only / "plan.json"))
    assert err == "「plan.json」を保存できませんでした。" + READ_ONLY_JA
    err = refused(*run(capsys, "export-pdf", VILLAGE, "-o", read_only / "plan.pdf"))
    assert err == "PDF「plan.pdf」を書き出せませんでした。" + READ_ONLY_JA
    err = refused(*run(capsys, "export-text", VILLAGE, "-o", read_only / "plan.md"))
    assert err == "テキスト「plan.md」を書き出せませんでした。" + READ_ONLY_JA
    err = refused(*run(capsys, "import-json", TOWN_JSON, "-o", read_only / "plan.twplan"))
    assert err == "「plan.twplan」を保存できませんでした。" + READ_ONLY_JA


# -- 8. stale temporaries of a killed export-json -------------------------------------------


def test_export_json_removes_the_temporaries_a_killed_export_left(capsys, tmp_path):
    target = tmp_path / "plan.json"
    stale = tmp_path / ".plan.json.4242-deadbeef.tmp"
    fresh = tmp_path / ".plan.json.4243-cafebabe.tmp"  # an export running right now
    for path in (stale, fresh):
        path.write_text("{", encoding="utf-8")
    hours_ago = time.time() - 7200
    os.utime(stale, (hours_ago, hours_ago))
    assert run(capsys, "export-json", VILLAGE, "-o", target)[0] == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [fresh.name, "plan.json"]
