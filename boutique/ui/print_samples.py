"""A made-up client for the live previews in Settings: nothing here is read from the store."""

from __future__ import annotations

import datetime as dt

from boutique.services.stationery.facts import PersonFacts, PurchaseFacts, long_date
from boutique.services.stationery.print_data import CallScript, NotePrompt

SAMPLE_DAY = dt.date(2026, 11, 25)


def _person() -> PersonFacts:
    return PersonFacts(client_id=0, full_name="Ana Alvarez", title_name="Mrs. Alvarez",
                       first_name="Ana", last_name="Alvarez", preferred_name="Ana",
                       partner="Carlos", is_top=True)


def _purchase(is_gift: bool) -> PurchaseFacts:
    bought = SAMPLE_DAY - dt.timedelta(days=6)
    return PurchaseFacts(
        purchase_id=0, date=bought, date_text=long_date(bought),
        items=("Diamond stud earrings (18k white gold)",), item_phrase="diamond stud earrings",
        is_gift=is_gift, recipient="Carlos" if is_gift else "",
        relation="husband" if is_gift else "", occasion="anniversary" if is_gift else "",
        plural=True)


def sample_prompt(kind: str = "thank_you_note", is_gift: bool = True) -> NotePrompt:
    return NotePrompt(
        kind=kind, due=SAMPLE_DAY, due_text=long_date(SAMPLE_DAY), person=_person(),
        address_lines=("Mrs. Ana Alvarez", "Hudson Valley Architects", "100 Main Street",
                       "Albany, NY 12207"),
        address_kind="business", purchase=_purchase(is_gift),
        recall="The trip to Italy in May for their anniversary.",
        reason="Anniversary on December 14")


def sample_script(kind: str = "satisfaction_call", is_gift: bool = True) -> CallScript:
    return CallScript(
        kind=kind, due=SAMPLE_DAY, due_text=long_date(SAMPLE_DAY), person=_person(),
        phone="(518) 555-0187", phone_label="mobile", purchase=_purchase(is_gift),
        pinned=("Ring size 6.5; bracelet 7 in.", "Loves sapphires; nothing too flashy."),
        recall="The trip to Italy in May for their anniversary.",
        reason="Anniversary on December 14")


SAMPLE_ADDRESS = ("Mrs. Ana Alvarez", "Hudson Valley Architects", "100 Main Street",
                  "Albany, NY 12207")
