"""Plain data for the document layouts: what services/stationery/print_data.py hands the printing."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from boutique.services.stationery.facts import PersonFacts, PurchaseFacts
from boutique.services.stationery.letterhead import Letterhead
from boutique.services.stationery.print_data import CallScript, NotePrompt

DAY = dt.date(2026, 11, 25)
LETTERHEAD = Letterhead(
    store_name="Marsh & Finch Jewelers", address_lines=("214 Warren Street", "Hudson, NY 12534"),
    phone="(518) 555-0142", website="marshandfinch.example", jeweler_name="Elena Marsh",
    signature_line="Elena Marsh, Goldsmith", page_size="letter")
A4_LETTERHEAD = replace(LETTERHEAD, page_size="a4")
UNICODE_NAMES = ("Zoë Ødegård", "Łucja Wiśniewska", "Ελένη Παπαδοπούλου", "Светлана Иванова",
                 "דוד כהן", "ليلى حداد", "山田 花子")
LONG_NOTE = ("Talked about the trip <b>& the wedding; " * 130)[:5000]


def person(full_name: str = "Ana Alvarez", **extra) -> PersonFacts:
    first, _, last = full_name.partition(" ")
    values = dict(client_id=1, full_name=full_name, title_name=f"Mrs. {last}",
                  first_name=first, last_name=last, preferred_name=first, partner="Carlos",
                  is_top=False)
    return PersonFacts(**(values | extra))


def purchase(**extra) -> PurchaseFacts:
    values = dict(purchase_id=7, date=dt.date(2026, 11, 18), date_text="November 18, 2026",
                  items=("Diamond stud earrings (18k white gold)",),
                  item_phrase="diamond stud earrings", is_gift=True, recipient="Carlos",
                  relation="husband", occasion="anniversary")
    return PurchaseFacts(**(values | extra))


def prompt(**extra) -> NotePrompt:
    values = dict(kind="thank_you_note", due=DAY, due_text="November 25, 2026", person=person(),
                  address_lines=("Mrs. Ana Alvarez", "Hudson Valley Architects",
                                 "100 Main Street, Suite 300", "Springfield, IL 62701"),
                  address_kind="business", purchase=purchase(),
                  recall="Off to Italy in May for their anniversary.")
    return NotePrompt(**(values | extra))


def script(**extra) -> CallScript:
    values = dict(kind="satisfaction_call", due=DAY, due_text="November 25, 2026",
                  person=person(preferred_name="Annie"), phone="(555) 123-4567",
                  phone_label="mobile", purchase=purchase(),
                  pinned=("Ring size 6.5; bracelet 7 in.", "Two children: Sofia and Mateo."),
                  recall="Off to Italy in May.", reason="30 days after the purchase",
                  days_overdue=2)
    return CallScript(**(values | extra))


def flat(text: str) -> str:
    """Extracted text with its line breaks and runs of spaces made single spaces."""
    return " ".join(text.split())
