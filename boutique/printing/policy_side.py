"""The receipt side of a care card: the return policy as the client reads it."""

from __future__ import annotations

from boutique.printing.draw import ACCENT, MUTED, block, hairline, tracked
from boutique.printing.fonts import DISPLAY, SANS, register_fonts
from boutique.services.stationery.letterhead import Letterhead

MARGIN = 26


def draw_policy_side(c, width: float, height: float, policy_text: str,
                     letterhead: Letterhead) -> None:
    register_fonts()
    inner = width - 2 * MARGIN
    top = height - MARGIN
    tracked(c, "Our promise", SANS, 6, MARGIN, top, inner, tracking=0.22, align="center",
            color=ACCENT)
    top -= 12
    title = block(c, ["Returns and exchanges"], DISPLAY, 15, MARGIN, top, inner, 20,
                  min_size=10, align="center")
    top -= title.height + 6
    hairline(c, width / 2 - 14, top, width / 2 + 14, top, color=ACCENT)
    top -= 12
    block(c, [policy_text], SANS, 8.4, MARGIN, top, inner, top - MARGIN - 30, min_size=6)
    block(c, [letterhead.contact_line], SANS, 6, MARGIN, MARGIN + 16, inner, 16, min_size=5,
          color=MUTED, align="center")
