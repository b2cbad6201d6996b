"""Who an envelope or a label goes to, read from the store for the printing floor.

The address itself is chosen by services/clients/contact.py (choose_mail: the gift and consent
rule); here it only becomes lines for the envelope, with the warnings the jeweler must
see on screen before the envelope goes out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from boutique.models import Purchase
from boutique.services import settings
from boutique.services.agenda import agenda_for
from boutique.services.clients import addressee_name, choose_mail
from boutique.services.errors import NotFound
from boutique.services.stationery.gift_safe import COUNTER, mode_for, rule_warnings
from boutique.services.stationery.letterhead import home_country

# The last card and envelope chosen from a purchase ("" = by the store's paper size).
CARD_LAYOUT_KEY = "stationery.card_layout"
ENVELOPE_KEY = "stationery.envelope"
GUIDES_KEY = "stationery.guides"
settings.register_defaults({CARD_LAYOUT_KEY: "", ENVELOPE_KEY: "", GUIDES_KEY: False})


def preferred_card_layout(page_size: str) -> str:
    """The last card layout used, else the folded card of the store's paper system."""
    return settings.get(CARD_LAYOUT_KEY) or ("a6-folded" if page_size == "a4" else "a2-folded")


def preferred_envelope(page_size: str) -> str:
    """The last envelope used, else the one that takes the default folded card."""
    return settings.get(ENVELOPE_KEY) or ("c6" if page_size == "a4" else "a2")


def remember_choices(**values) -> None:
    """Keep the jeweler's last choice: card_layout=, envelope=, guides=."""
    keys = {"card_layout": CARD_LAYOUT_KEY, "envelope": ENVELOPE_KEY, "guides": GUIDES_KEY}
    settings.set_many({keys[name]: value for name, value in values.items()})


@dataclass(frozen=True)
class MailPiece:
    """One envelope or label: the lines to print and what the jeweler should know."""

    client_id: int
    client_name: str
    lines: tuple[str, ...]  # as on the envelope, the name first; only the name if no address
    address_kind: str = ""  # "home", "business" or "" (no address on file)
    warnings: tuple[str, ...] = ()

    @property
    def has_address(self) -> bool:
        return bool(self.address_kind)


def get_purchase(purchase_id: int) -> Purchase:
    purchase = Purchase.get_or_none(Purchase.id == purchase_id)
    if purchase is None:
        raise NotFound(f"no purchase {purchase_id}")
    return purchase


def mail_for_purchase(purchase_id: int) -> MailPiece:
    """The envelope for the thank-you note of one purchase (a gift: the buyer's business
    address when there is one). With no address on file it still has the name, so the
    envelope prints and the address can be written by hand."""
    purchase = get_purchase(purchase_id)
    client = purchase.client
    choice = choose_mail(client, purchase.is_gift)
    address = choice.address
    mode = mode_for(client, purchase, address.kind if address else "")
    if mode == COUNTER:  # handed over at the counter: the name only, nothing to post
        address = None
    lines = tuple(address.envelope_lines(home_country())) if address else (addressee_name(client),)
    return MailPiece(client.id, client.full_name, lines,
                     address.kind if address else "", rule_warnings(choice.warnings, mode))


def mail_for_day(day: dt.date) -> tuple[list[MailPiece], list[MailPiece]]:
    """The notes to post on `day` (the agenda's mail items, in its order), split into
    those with an address and those without. Notes sent by email or text need no label.

    Each agenda item already carries the address chosen by the gift and consent rule.
    """
    country = home_country()
    ready: list[MailPiece] = []
    missing: list[MailPiece] = []
    items = [item for item in agenda_for(day) if item.channel == "mail"]
    bought = [pid for item in items for pid in item.purchase_ids[:1]]
    gifts = ({p.id: p for p in Purchase.select().where(Purchase.id.in_(bought),
                                                       Purchase.is_gift == True)}  # noqa: E712
             if bought else {})
    for item in items:
        gift = gifts.get(item.purchase_ids[0]) if item.purchase_ids else None
        if gift is not None and mode_for(gift.client, gift, item.address.kind if item.address
                                         else "") == COUNTER:
            continue  # handed over at the counter: no label, nothing posted
        address = item.address
        lines = tuple(address.envelope_lines(country)) if address else ()
        piece = MailPiece(item.client_id, item.client_name, lines or (item.client_name,),
                          address.kind if address and lines else "", tuple(item.warnings))
        (ready if piece.has_address else missing).append(piece)
    return ready, missing
