"""The bundled program: packaging/planner.spec builds, and the bundle runs headless.

Marked ``packaging`` and left out of ``make test`` (the build takes a minute or more);
``make package-test`` runs it, and so does CI (.ci/run) after the normal tests. The
bundle is built into a temporary folder from the same spec as ``make package`` and the
Windows installer, then its executables run with the offscreen Qt platform on copies of
the shipped samples, and their output is compared with the program run from source.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.packaging, pytest.mark.timeout(1800)]

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "planner.spec"
SAMPLES = ROOT / "resources" / "samples"
EXE = ".exe" if sys.platform == "win32" else ""
# A regression guard, not a goal: a stray Qt module or toolkit adds tens of megabytes.
# 305 MB on 2026-12-04 after the Word and Excel documents (lxml, python-docx, openpyxl,
# docxtpl with Jinja: about 15 MB). Stripping the Linux binaries' debug information would
# save 45 MB but breaks NumPy's vendored OpenBLAS ("not page-aligned"), so it is not done.
MAX_BUNDLE_MB = 330


@pytest.fixture(scope="module", autouse=True)
def only_when_asked_for(request):
    """Run only when chosen by marker (``-m packaging``), never as part of a broad run."""
    expr = request.config.getoption("markexpr") or ""
    if "packaging" not in expr or "not packaging" in expr:
        pytest.skip("builds the bundle: run with `make package-test` (pytest -m packaging)")


@pytest.fixture(scope="module")
def bundle(only_when_asked_for, tmp_path_factory) -> Path:
    pytest.importorskip("PyInstaller", reason="install the 'package' extra: make package-test")
    work = tmp_path_factory.mktemp("pyinstaller")
    done = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(SPEC)],
        cwd=ROOT, capture_output=True, text=True, timeout=1500,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-4000:]
    folder = work / "dist" / "TeleworkPlanner"
    assert (folder / f"planner{EXE}").is_file(), sorted(p.name for p in folder.iterdir())
    return folder


@pytest.fixture(scope="module")
def user_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("home")


def run_bundled(bundle: Path, home: Path, cwd: Path, *args: str, exe: str = "planner"):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "MPL", "QT_"))}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_CONFIG_HOME=str(home / ".config"),
        LOCALAPPDATA=str(home / "AppData" / "Local"),
        APPDATA=str(home / "AppData" / "Roaming"),
    )
    return subprocess.run(
        [str(bundle / f"{exe}{EXE}"), *args],
        cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=300,
    )  # fmt: skip


def run_source(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "planner", *args],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=300,
    )  # fmt: skip


def sample_copy(tmp_path: Path, name: str = "kawasemi-town.twplan") -> Path:
    target = tmp_path / name
    shutil.copyfile(SAMPLES / name, target)
    return target


def test_version_comes_from_the_package_metadata(bundle, user_home, tmp_path):
    expected = f"Telework Planner {importlib.metadata.version('telework-planner')}"
    for exe in ("planner", "TeleworkPlanner"):
        done = run_bundled(bundle, user_home, tmp_path, "--version", exe=exe)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == expected
    assert "+source" not in expected


@pytest.mark.parametrize("extra", [(), ("--json",)], ids=["text", "json"])
def test_summary_of_a_sample_is_the_same_as_from_source(bundle, user_home, tmp_path, extra):
    plan = sample_copy(tmp_path)
    done = run_bundled(bundle, user_home, tmp_path, "summary", plan.name, *extra)
    assert done.returncode == 0, done.stderr
    assert "かわせみ町" in done.stdout
    source = run_source("summary", str(plan), *extra)
    assert source.returncode == 0, source.stderr
    if extra:
        assert json.loads(done.stdout) == json.loads(source.stdout)
    else:
        assert done.stdout == source.stdout


def test_an_older_file_is_migrated_with_the_bundled_migrations(bundle, user_home, tmp_path):
    old = tmp_path / "old.twplan"
    shutil.copyfile(ROOT / "tests" / "data" / "plan-rev0001.twplan", old)
    before = old.read_bytes()
    done = run_bundled(bundle, user_home, tmp_path, "validate", old.name)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("OK")
    assert old.read_bytes() == before  # a copy is migrated, never the file itself


def test_export_pdf_has_pages_and_the_font_cache_persists(bundle, user_home, tmp_path):
    from pypdf import PdfReader

    plan = sample_copy(tmp_path, "yamanami-village.twplan")
    done = run_bundled(bundle, user_home, tmp_path, "export-pdf", plan.name, "-o", "plan.pdf")
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "plan.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 10
    text = "".join(reader.pages[i].extract_text() for i in range(3))
    assert "やまなみ村" in text
    fonts = set()
    for page in reader.pages[:3]:
        for font in page["/Resources"].get_object().get("/Font", {}).values():
            fonts.add(str(font.get_object().get("/BaseFont")))
    assert any("BIZ" in name for name in fonts), fonts
    # matplotlib's font cache lives in a persistent per-user folder (packaging/rthooks)
    caches = list(user_home.rglob("matplotlib/fontlist-*.json"))
    assert caches, sorted(str(p.relative_to(user_home)) for p in user_home.rglob("*"))


def test_documents_are_written_by_the_bundle(bundle, user_home, tmp_path):
    """Word and Excel need their libraries' own templates in the bundle (python-docx)."""
    from docx import Document
    from openpyxl import load_workbook

    plan = sample_copy(tmp_path)
    out = tmp_path / "docs"
    out.mkdir()
    done = run_bundled(bundle, user_home, tmp_path, "documents", plan.name, "-o", str(out))
    assert done.returncode == 0, done.stderr
    docx = sorted(out.glob("*.docx"))
    xlsx = sorted(out.glob("*.xlsx"))
    assert len(docx) >= 5 and len(xlsx) >= 2, sorted(p.name for p in out.iterdir())
    assert any("かわせみ町" in p.text for p in Document(str(out / "実施計画書.docx")).paragraphs)
    assert load_workbook(xlsx[0]).sheetnames


def test_the_window_starts_from_the_bundle_with_a_plan(bundle, user_home, tmp_path):
    """The GUI executable opens a plan given on its command line (as a double-click does)."""
    plan = sample_copy(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "MPL", "QT_"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(user_home),
               XDG_CACHE_HOME=str(user_home / ".cache"), XDG_CONFIG_HOME=str(user_home / ".config"))  # fmt: skip
    proc = subprocess.Popen(
        [str(bundle / f"TeleworkPlanner{EXE}"), str(plan)], cwd=tmp_path, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
    )  # fmt: skip
    try:
        with pytest.raises(subprocess.TimeoutExpired):  # still running: the event loop is up
            proc.wait(timeout=8)
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=30)
    assert "Traceback" not in err, err
    assert "Could not load the Qt platform plugin" not in err, err


def test_the_bundle_holds_what_the_program_needs_and_nothing_unneeded(bundle):
    internal = bundle / "_internal"
    for needed in (  # the planner package itself is in the executables' archive (PYZ)
        "resources/fonts/BIZUDGothic-Regular.ttf",
        "resources/fonts/OFL.txt",
        "resources/steps/steps.toml",
        "resources/samples/kawasemi-town.twplan",
        "resources/icons/telework-planner-256.png",
        "resources/help/contents.toml",  # issue 22: the manual, its pages and pictures
        "resources/help/ja/step04.html",
        "resources/help/en/step04.html",
        "resources/help/images/ja_step04.png",
        "db/env.py",
        "db/versions/0001_initial.py",
    ):
        assert (internal / needed).exists(), needed
    assert [p for p in internal.glob("telework_planner*-info") if p.is_dir()]  # --version
    # issue 22: printing (QtPrintSupport) and the pages drawn by PDFium (decision 0015)
    assert [p for p in internal.rglob("*pdfium*") if p.suffix in (".so", ".dll", ".dylib")]
    assert (internal / "pypdfium2_raw" / "version.json").exists()
    assert [p for p in internal.rglob("QtPrintSupport*") if p.suffix in (".so", ".pyd")]
    assert [p for p in internal.rglob("_rl_accel*") if p.suffix in (".so", ".pyd")]  # issue 25
    names = [p.relative_to(internal).as_posix() for p in internal.rglob("*")]
    unwanted = (
        "PyQt5", "PyQt6", "PySide2", "tkinter", "_tkinter", "Qt6Qml", "Qt6Quick",
        "WebEngine", "Qt63D", "Qt6Multimedia", "Qt6Pdf", "Qt6Network", "Wayland", "gtk",
        "pytest", "hypothesis", "/tests/", "sample_data", "backend_qt", "backend_tk",
    )  # fmt: skip
    found = sorted(n for n in names for bad in unwanted if bad.lower() in f"/{n}/".lower())
    assert not found, found[:20]
    plugins = internal / "PySide6" / "Qt" / "plugins"
    groups = {p.name for p in plugins.iterdir()} if plugins.exists() else set()
    assert groups <= {"platforms", "styles", "platforminputcontexts", "xcbglintegrations",
                      "printsupport"}  # fmt: skip
    platforms = {p.name for p in (plugins / "platforms").iterdir()}
    assert any("offscreen" in name for name in platforms), platforms
    dangling = [p for p in internal.iterdir() if p.is_symlink() and not p.exists()]
    assert not dangling, dangling
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"\nbundle {bundle.name}: {size / 1e6:.0f} MB")
    assert size < MAX_BUNDLE_MB * 1e6
