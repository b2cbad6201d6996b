"""The store's letterhead on paper: page sizes, the masthead and the logo.

The Letterhead dataclass itself is plain data kept with its settings
(services/stationery/letterhead.py) so that the store can build it without reaching up a
floor; it is re-exported here for every layout.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportlab.lib.utils import ImageReader

from boutique.printing.draw import INK, MUTED, tracked
from boutique.printing.fit import fit_lines
from boutique.printing.fonts import DISPLAY, SANS, register_fonts
from boutique.printing.sheets import page_size
from boutique.services.stationery.letterhead import Letterhead

__all__ = ["Letterhead", "draw_logo", "draw_masthead", "page_size_points"]


def page_size_points(letterhead: Letterhead) -> tuple[float, float]:
    return page_size(letterhead.page_size or "letter")


def _logo(path: str) -> ImageReader | None:
    """The logo image, read once per version of the file (a replaced logo is re-read)."""
    try:
        stamp = Path(path).stat().st_mtime_ns if path else None
    except OSError:
        return None
    return _read_logo(path, stamp) if stamp is not None else None


@lru_cache(maxsize=8)
def _read_logo(path: str, stamp: int) -> ImageReader | None:
    try:
        image = ImageReader(path)
        image.getSize()
        return image
    except Exception:  # an unreadable image must never stop a print run: print without it
        return None


def draw_logo(canvas, letterhead: Letterhead, x: float, y: float, width: float,
              height: float, align: str = "center") -> float:
    """The logo inside the box (x, y bottom-left), aspect kept; returns the width used."""
    image = _logo(letterhead.logo_path or "")
    if image is None:
        return 0.0
    iw, ih = image.getSize()
    scale = min(width / iw, height / ih)
    w, h = iw * scale, ih * scale
    left = {"left": x, "right": x + width - w}.get(align, x + (width - w) / 2)
    canvas.drawImage(image, left, y + (height - h) / 2, w, h, mask="auto")
    return w


def draw_masthead(canvas, letterhead: Letterhead, x: float, top: float, width: float,
                  name_size: float = 15, align: str = "center", with_contact: bool = True,
                  logo_height: float = 0) -> float:
    """Store name in serif capitals over a small sans contact line; returns the bottom y."""
    register_fonts()
    y = top
    if logo_height and _logo(letterhead.logo_path or ""):
        draw_logo(canvas, letterhead, x, y - logo_height, width, logo_height, align)
        y -= logo_height + 6
    canvas.setFillColorRGB(*INK)
    if letterhead.store_name:
        used = tracked(canvas, letterhead.store_name, DISPLAY, name_size, x, y, width,
                       tracking=0.12, align=align, min_size=name_size * 0.55)
        y -= used * 1.3 + 3
    if with_contact and letterhead.contact_line:
        canvas.setFillColorRGB(*MUTED)
        contact = fit_lines([letterhead.contact_line], SANS, 7, width, 18, min_size=5.5)
        contact.draw(canvas, x, y, align=align, width=width)
        y -= contact.height + 2
        canvas.setFillColorRGB(*INK)
    return y
