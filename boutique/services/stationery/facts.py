"""The facts a printed piece states about a client and a purchase, as plain data: her name
as the letter greets her, the pieces as a sentence names them, dates as the region writes
them, her pinned facts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from boutique.models import Client, Purchase, PurchaseItem
from boutique.services.clients import TOP, item_words, join_phrases, tier_for, wording_from
from boutique.services.notes import pinned_facts_of
from boutique.services.stationery.letterhead import paper_region

PINNED_FACTS = 6

PHONE_LABELS = {"mobile_phone": "mobile", "work_phone": "work", "home_phone": "home"}
# Month before day in these regions' written dates ("November 18, 2026").
_MONTH_FIRST = frozenset({"US", "PH", "FM", "MH", "PW"})


@dataclass(frozen=True)
class PersonFacts:
    client_id: int
    full_name: str  # "Ana Alvarez"
    title_name: str  # "Mrs. Alvarez": the salutation's name
    first_name: str = ""
    last_name: str = ""
    preferred_name: str = ""  # the name they go by, else the first name
    partner: str = ""
    is_top: bool = False


@dataclass(frozen=True)
class PurchaseFacts:
    purchase_id: int
    date: dt.date
    date_text: str
    items: tuple[str, ...]  # one line per item, as typed
    item_phrase: str  # for a sentence: "diamond stud earrings and pearl bracelet"
    is_gift: bool = False
    recipient: str = ""
    relation: str = ""
    occasion: str = ""
    plural: bool = False  # "them" (earrings, cufflinks, several pieces), else "it"
    date_short: str = ""  # "Apr 1, 2026" or "1 Apr 2026": beside a piece in a list

    @property
    def gift_line(self) -> str:
        """"Gift for Ana (wife) · anniversary", or "" when not a gift."""
        if not self.is_gift:
            return ""
        whom = self.recipient or "someone"
        line = f"Gift for {whom}" + (f" ({self.relation})" if self.relation else "")
        return line + (f" · {self.occasion}" if self.occasion else "")


def purchase_lines(bought: Sequence[PurchaseFacts]) -> list[str]:
    """The facts column's lines for what was bought: one purchase as items, date and gift
    line; several (a merged note or call) one line per piece with its date, so that every
    purchase shows however small the column."""
    if len(bought) == 1:
        p = bought[0]
        return [line for line in (*p.items, p.date_text, p.gift_line) if line]
    return [line for p in bought
            for line in (*(f"{item} \u00b7 {p.date_short or p.date_text}" for item in p.items),
                         p.gift_line)
            if line]



def day_heading(day: dt.date, region: str | None = None) -> str:
    """"Wednesday, November 25, 2026": the day a pack is for."""
    return f"{day.strftime('%A')}, {long_date(day, region)}"


def short_date_text(day: dt.date, region: str | None = None) -> str:
    """"Apr 1, 2026" where the month comes first, else "1 Apr 2026"."""
    if (region or paper_region()).upper() in _MONTH_FIRST:
        return f"{day:%b} {day.day}, {day.year}"
    return f"{day.day} {day:%b %Y}"


def long_date(day: dt.date | None, region: str | None = None) -> str:
    """"November 18, 2026" where the month comes first, else "18 November 2026"."""
    if day is None:
        return ""
    month = day.strftime("%B")
    if (region or paper_region()).upper() in _MONTH_FIRST:
        return f"{month} {day.day}, {day.year}"
    return f"{day.day} {month} {day.year}"


def item_phrase(descriptions: list[str]) -> str:
    """What was bought, for a sentence: each piece once, "a, b and c", then "and N more";
    a description's commas never reach the sentence ("Cufflinks, onyx" is "cufflinks")."""
    return join_phrases([wording_from(d) for d in descriptions if d and d.strip()]) or "piece"


def _items_in_words(items: list[PurchaseItem]) -> tuple[str, bool]:
    """The purchase's pieces as a sentence names them, and whether they are "them"."""
    words = [item_words(i.description, i.wording, i.wording_number) for i in items
             if (i.description or "").strip() or (i.wording or "").strip()]
    phrases = list(dict.fromkeys(w.phrase for w in words if w.phrase))
    if not phrases:
        return "piece", False
    return join_phrases(phrases), len(phrases) > 1 or any(w.plural for w in words)


def person_facts(client: Client, threshold: int | None = None,
                 is_top: bool | None = None) -> PersonFacts:
    last = client.last_name.strip()
    first = client.first_name.strip()
    title = client.salutation.strip()
    # As the agenda greets them: "Mrs. Alvarez", or the name they go by without a title.
    preferred = (client.preferred_name or first).strip()
    title_name = f"{title} {last}" if title and last else preferred or last
    if is_top is None:
        is_top = tier_for(client.lifetime_spend_cents, threshold) == TOP
    return PersonFacts(
        client_id=client.id, full_name=client.full_name, title_name=title_name or "Friend",
        first_name=first, last_name=last,
        preferred_name=preferred, partner=client.partner_name.strip(),
        is_top=is_top)


def items_of_purchases(purchase_ids: Iterable[int]) -> dict[int, list[PurchaseItem]]:
    """Each purchase's items in their order, for many purchases in one query (a purchase
    with none maps to an empty list)."""
    ids = list(dict.fromkeys(purchase_ids))
    out: dict[int, list[PurchaseItem]] = {pid: [] for pid in ids}
    if ids:
        for item in (PurchaseItem.select().where(PurchaseItem.purchase.in_(ids))
                     .order_by(PurchaseItem.position, PurchaseItem.id)):
            out[item.purchase_id].append(item)
    return out


def purchase_facts(purchase: Purchase, region: str | None = None,
                   items: Sequence[PurchaseItem] | None = None) -> PurchaseFacts:
    """`items`: the purchase's items in order, when already read (items_of_purchases)."""
    items = list(items_of_purchases([purchase.id])[purchase.id] if items is None else items)
    counts: dict[str, int] = {}
    for item in items:
        detail = ", ".join(p for p in (item.metal, item.stone) if p and p.lower()
                           not in (item.description or "").lower())
        line = item.description + (f" ({detail})" if detail else "")
        counts[line] = counts.get(line, 0) + 1
    lines = [line if n == 1 else f"{line} \u00d7 {n}" for line, n in counts.items()]
    phrase, plural = _items_in_words(items)
    return PurchaseFacts(
        purchase_id=purchase.id, date=purchase.purchase_date,
        date_text=long_date(purchase.purchase_date, region), items=tuple(lines),
        item_phrase=phrase, is_gift=purchase.is_gift,
        recipient=purchase.gift_recipient.strip(), relation=purchase.gift_relation.strip(),
        occasion=purchase.gift_occasion.strip(), plural=plural,
        date_short=short_date_text(purchase.purchase_date, region))


def pinned_facts(client_id: int, limit: int = PINNED_FACTS) -> tuple[str, ...]:
    """The client's pinned facts, newest first (as the profile shows them)."""
    return pinned_facts_for([client_id], limit)[client_id]


def pinned_facts_for(client_ids: Iterable[int],
                     limit: int = PINNED_FACTS) -> dict[int, tuple[str, ...]]:
    """`pinned_facts` of many clients in one query; every client asked for is a key."""
    ids = list(client_ids)
    found = pinned_facts_of(ids)
    return {cid: tuple(note.text for note in found.get(cid, [])[:limit]) for cid in ids}
