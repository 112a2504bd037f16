"""The README's apt-get line names every system library Qt's xcb window plugin loads."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# libraries of the base system or bundled with PySide6, and GLib's part of libglib2.0-0
NOT_LISTED = re.compile(
    r"^(ld-linux[\w-]*|libc|libm|libgcc_s|libstdc\+\+|libz|libzstd|libicu\w+|libgthread-2\.0)\.so"
)
IRREGULAR = {"libglib-2.0.so.0": "libglib2.0-0"}


def debian_package(soname: str) -> str:
    """Debian's library package name: libxcb-icccm.so.4 → libxcb-icccm4, libdbus-1.so.3 → libdbus-1-3."""
    if soname in IRREGULAR:
        return IRREGULAR[soname]
    name, version = re.match(r"^(.+)\.so\.(\d+)$", soname).groups()
    name = name.lower()
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def _needed(path: Path) -> list[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True, check=True)
    return re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", out.stdout)


@pytest.mark.skipif(shutil.which("readelf") is None, reason="needs binutils' readelf")
def test_readme_installs_every_library_of_the_xcb_plugin():
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    plugin = qt / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        pytest.skip("PySide6 without the xcb plugin (not Linux)")
    libraries = set(_needed(plugin))
    for qt_lib in [n for n in libraries if n.startswith("libQt6")]:
        libraries |= set(_needed(qt / "lib" / qt_lib))  # what the plugin's Qt libraries load
    wanted = {
        debian_package(n)
        for n in libraries
        if not n.startswith("libQt6") and not NOT_LISTED.match(n)
    }
    line = next(
        ln for ln in (ROOT / "README.md").read_text("utf-8").splitlines() if "apt-get install" in ln
    )
    listed = set(line.split()[3:])
    assert {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"} <= wanted
    assert wanted - listed == set()


def test_readme_starts_with_the_two_commands():
    text = (ROOT / "README.md").read_text("utf-8")
    block = text.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert [ln.split("#")[0].strip() for ln in block] == ["make run", "make test"]
