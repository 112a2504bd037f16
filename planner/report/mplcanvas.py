"""A small matplotlib renderer that draws a Figure straight onto a reportlab canvas.

The charts stay matplotlib figures (``matplotlib.figure.Figure``, no pyplot),
but instead of being rasterised they are drawn as vector paths and real text
in the embedded BIZ UD fonts: sharp at any print size, searchable, no image
compression, and faster than rendering 200-dpi bitmaps. Only what our charts
use is supported: paths (lines, bars, markers), clip rectangles and plain
(non-math) text; anything else falls back to matplotlib's generic behaviour.
"""

from __future__ import annotations

from matplotlib.backend_bases import FigureCanvasBase, GraphicsContextBase, RendererBase
from matplotlib.path import Path

from .fonts import PGOTHIC, PGOTHIC_BOLD

_CAPS = {"butt": 0, "round": 1, "projecting": 2}
_JOINS = {"miter": 0, "round": 1, "bevel": 2}


class ReportLabRenderer(RendererBase):
    """Renders in PDF points (figure dpi 72): one figure pixel is one point."""

    def __init__(self, canv, width: float, height: float) -> None:
        super().__init__()
        self.canv = canv
        self.width = width
        self.height = height

    # -- what matplotlib asks of every renderer ----------------------------------------

    def flipy(self) -> bool:
        return False

    def get_canvas_width_height(self):
        return self.width, self.height

    def points_to_pixels(self, points):
        return points

    def new_gc(self):
        return GraphicsContextBase()

    def option_image_nocomposite(self) -> bool:
        return True

    # -- drawing ------------------------------------------------------------------------

    def _clip(self, gc) -> None:
        rect = gc.get_clip_rectangle()
        if rect is not None:
            x0, y0, w, h = rect.bounds
            p = self.canv.beginPath()
            p.rect(x0, y0, w, h)
            self.canv.clipPath(p, stroke=0, fill=0)

    def draw_path(self, gc, path, transform, rgbFace=None):  # noqa: N803 - matplotlib's name
        rgb = gc.get_rgb()
        stroke = gc.get_linewidth() > 0 and rgb[3] > 0
        fill = rgbFace is not None and (len(rgbFace) < 4 or rgbFace[3] > 0)
        if not (stroke or fill):
            return
        canv = self.canv
        canv.saveState()
        self._clip(gc)
        p = canv.beginPath()
        last = (0.0, 0.0)
        for verts, code in path.iter_segments(transform, remove_nans=True, simplify=False):
            if code == Path.MOVETO:
                p.moveTo(*verts[-2:])
            elif code == Path.LINETO:
                p.lineTo(*verts[-2:])
            elif code == Path.CURVE3:
                (cx, cy), (x, y) = verts[0:2], verts[2:4]
                lx, ly = last
                p.curveTo(lx + 2 / 3 * (cx - lx), ly + 2 / 3 * (cy - ly),
                          x + 2 / 3 * (cx - x), y + 2 / 3 * (cy - y), x, y)  # fmt: skip
            elif code == Path.CURVE4:
                p.curveTo(*verts[:6])
            elif code == Path.CLOSEPOLY:
                p.close()
            if code != Path.CLOSEPOLY and len(verts) >= 2:
                last = (verts[-2], verts[-1])
        if fill:
            r, g, b = rgbFace[:3]
            alpha = rgbFace[3] if len(rgbFace) > 3 else 1.0
            if gc.get_forced_alpha():
                alpha = gc.get_alpha()
            canv.setFillColorRGB(r, g, b, alpha=alpha)
        if stroke:
            canv.setStrokeColorRGB(*rgb[:3], alpha=rgb[3])
            canv.setLineWidth(gc.get_linewidth())
            canv.setLineCap(_CAPS.get(gc.get_capstyle(), 0))
            canv.setLineJoin(_JOINS.get(gc.get_joinstyle(), 0))
            offset, dashes = gc.get_dashes()
            if dashes:
                canv.setDash(list(dashes), offset or 0)
        canv.drawPath(p, stroke=int(stroke), fill=int(fill), fillMode=0)
        canv.restoreState()

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        canv = self.canv
        canv.saveState()
        self._clip(gc)
        font = PGOTHIC_BOLD if _is_bold(prop.get_weight()) else PGOTHIC
        canv.setFont(font, prop.get_size_in_points())
        rgb = gc.get_rgb()
        canv.setFillColorRGB(*rgb[:3], alpha=rgb[3])
        canv.translate(x, y)
        if angle:
            canv.rotate(angle)
        canv.drawString(0, 0, s)
        canv.restoreState()

    def draw_image(self, gc, x, y, im, transform=None):
        from PIL import Image
        from reportlab.lib.utils import ImageReader

        h, w = im.shape[:2]
        img = Image.fromarray(im[::-1], "RGBA").convert("RGB")
        self.canv.drawImage(ImageReader(img), x, y, w, h)


def _is_bold(weight) -> bool:
    if isinstance(weight, str):
        return weight in ("bold", "heavy", "extra bold", "black", "semibold", "demibold", "demi")
    return weight >= 600


def draw_figure(fig, canv, width: float, height: float) -> None:
    """Draw ``fig`` (made with dpi=72 and this size in points) at the canvas origin."""
    FigureCanvasBase(fig)  # text layout needs a canvas attached to the figure
    fig.draw(ReportLabRenderer(canv, width, height))
