"""Stationery: the plain data every printed piece is made from.

Owns the letterhead and print settings (`letterhead`), the prompts, scripts and today's
pack as dataclasses for the printing floor (`print_data`), what a gift's note to a shared
home may say (`gift_safe`), what a reminder of someone's date says (`occasion_facts`), the owner's letter at a handoff (`handoff_letters`), the client brief (`brief`), and
which pieces go in the mail for a purchase or a day (`mail`). The printing floor turns these into PDF; nothing here
knows ReportLab.

May use: the models, the top-level `settings`, `errors` and `text`, `clients`, `cadence`
(the gift rule, the occasions), `agenda`, `notes`, `associates` (who a piece
speaks as, the handoffs) and `service_desk` (a client's open tickets, for the brief).
"""

from boutique.services.stationery.brief import BriefSection, ClientBrief, client_brief
from boutique.services.stationery.handoff_letters import (
    HandoffLetter,
    handoff_letter_for_client,
    handoff_letters_for,
)
from boutique.services.stationery.letterhead import (
    Letterhead,
    demo_letterhead,
    home_country,
    load_letterhead,
    save_letterhead,
)
from boutique.services.stationery.print_data import CallScript, NotePrompt, PackData, pack_data

__all__ = [
    "BriefSection", "ClientBrief", "HandoffLetter", "client_brief", "handoff_letter_for_client",
    "handoff_letters_for",
    "CallScript", "Letterhead", "NotePrompt", "PackData", "demo_letterhead", "home_country",
    "load_letterhead", "pack_data", "save_letterhead",
]
