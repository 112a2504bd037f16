"""Render the application icon from its SVG source into PNG sizes and a Windows .ico.

    .venv/bin/python packaging/make_icons.py

Source: resources/icons/telework-planner.svg (our own drawing). Writes, beside it,
telework-planner-{16,24,32,48,64,128,256}.png and telework-planner.ico (all sizes in one
file; used for the .exe, the installer and the .twplan file type). Rendering uses Qt's
SVG renderer (QtSvg is part of PySide6-Essentials; only this script uses it, the program
loads the PNGs), the .ico is written by Pillow. Run it after editing the SVG and commit
the results: the build does not regenerate them.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICONS / "telework-planner.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SOURCE}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    images = {}
    for size in SIZES:
        png = render_png(size)
        (ICONS / f"telework-planner-{size}.png").write_bytes(png)
        images[size] = Image.open(io.BytesIO(png)).convert("RGBA")
    largest = images[max(SIZES)]
    largest.save(
        ICONS / "telework-planner.ico",
        format="ICO",
        sizes=[(s, s) for s in SIZES],
        append_images=[images[s] for s in SIZES if s != max(SIZES)],
    )
    print(f"wrote {len(SIZES)} PNG files and telework-planner.ico to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
