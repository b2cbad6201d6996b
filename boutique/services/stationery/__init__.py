"""Stationery: the plain data every printed piece is made from.

Owns the letterhead and print settings (`letterhead`), the prompts, scripts and today's
pack as dataclasses for the printing floor (`print_data`), what a gift's note to a shared
home may say (`gift_safe`), what a reminder of someone's date says (`occasion_facts`), and
which pieces go in the mail for a purchase or a day (`mail`). The printing floor turns these into PDF; nothing here
knows ReportLab.

May use: the models, the top-level `settings`, `errors` and `text`, `clients`, `cadence`
(the gift rule, the occasions), `agenda`, `notes` and `associates` (who a piece
speaks as).
"""

from boutique.services.stationery.letterhead import (
    Letterhead,
    demo_letterhead,
    home_country,
    load_letterhead,
    save_letterhead,
)
from boutique.services.stationery.print_data import CallScript, NotePrompt, PackData, pack_data

__all__ = [
    "CallScript", "Letterhead", "NotePrompt", "PackData", "demo_letterhead", "home_country",
    "load_letterhead", "pack_data", "save_letterhead",
]
