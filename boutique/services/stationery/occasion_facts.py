"""What a reminder of someone's date says: whose date it is, their wish list, and what
the client chose last year ("Last year you chose the ruby pendant for Mia").

What the reminders of a whole pack need from the store (the relations, the gifts named
by the occasions, the partners, last year's gifts and their pieces) is read by
`read_occasions` in a few queries for all of them; a single reminder reads the same way,
for itself alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from boutique.models import Purchase, PurchaseItem, Relation
from boutique.services.cadence import parse_occasion

# A gift bought this long before a date's last occurrence was for it (the weeks before).
BEFORE_DAYS, AFTER_DAYS = 75, 7
PRIVATE_COMING = "a special date"


@dataclass(frozen=True)
class ReminderFacts:
    coming: str  # "Mia's birthday", "Christmas"
    day_text: str  # "Thursday 12 March"
    wish_list: str = ""
    last_gift: str = ""  # "the ruby pendant for Mia"


@dataclass(frozen=True)
class OccasionReads:
    """The store's answers for a set of reminders (see read_occasions)."""

    relations: dict[int, Relation] = field(default_factory=dict)
    gifts: dict[int, Purchase] = field(default_factory=dict)
    partners: dict[int, Relation] = field(default_factory=dict)  # by client id
    # Each client's gifts that may be last year's, newest first.
    past_gifts: dict[int, list[Purchase]] = field(default_factory=dict)
    descriptions: dict[int, list[str]] = field(default_factory=dict)  # by purchase id


def _last_year(occasion_date: dt.date) -> dt.date:
    if occasion_date.month == 2 and occasion_date.day == 29:
        return dt.date(occasion_date.year - 1, 2, 28)
    return occasion_date.replace(year=occasion_date.year - 1)


def _window(occasion_date: dt.date) -> tuple[dt.date, dt.date]:
    last = _last_year(occasion_date)
    return last - dt.timedelta(days=BEFORE_DAYS), last + dt.timedelta(days=AFTER_DAYS)


def read_occasions(wanted: Iterable[tuple[int, str, dt.date | None]]) -> OccasionReads:
    """What the reminders (client id, occasion code, date) need, one query per kind of
    record for all of them together."""
    asks = [(cid, parse_occasion(code), day) for cid, code, day in wanted
            if day is not None and code and parse_occasion(code).is_reminder_to_buy]
    if not asks:
        return OccasionReads()
    gift_ids = {o.purchase_id for _, o, _ in asks if o.purchase_id is not None}
    gifts = ({p.id: p for p in Purchase.select().where(Purchase.id.in_(list(gift_ids)))}
             if gift_ids else {})
    relation_ids = {o.relation_id for _, o, _ in asks if o.relation_id is not None}
    relation_ids |= {g.gift_relation_id for g in gifts.values() if g.gift_relation_id}
    relations = ({r.id: r for r in Relation.select().where(Relation.id.in_(list(relation_ids)))}
                 if relation_ids else {})
    couples = {cid for cid, o, _ in asks if o.relation_id is None and o.purchase_id is None}
    partners: dict[int, Relation] = {}
    if couples:
        for relation in (Relation.select().where(Relation.client.in_(list(couples)),
                                                 Relation.kind == "partner")
                         .order_by(Relation.id)):
            partners.setdefault(relation.client_id, relation)
    windows = [(cid, _window(day)) for cid, o, day in asks if o.purchase_id is None]
    past: dict[int, list[Purchase]] = {}
    if windows:
        low = min(w[0] for _, w in windows)
        high = max(w[1] for _, w in windows)
        for purchase in (Purchase.select().where(
                Purchase.client.in_(list({cid for cid, _ in windows})),
                Purchase.is_gift == True,  # noqa: E712
                Purchase.voided == "", Purchase.purchase_date.between(low, high))
                .order_by(Purchase.purchase_date.desc(), Purchase.id.desc())):
            past.setdefault(purchase.client_id, []).append(purchase)
    described = [*gifts, *(p.id for ps in past.values() for p in ps)]
    descriptions: dict[int, list[str]] = {pid: [] for pid in described}
    if described:
        for item in (PurchaseItem.select(PurchaseItem.purchase, PurchaseItem.description)
                     .where(PurchaseItem.purchase.in_(described))
                     .order_by(PurchaseItem.position, PurchaseItem.id)):
            descriptions[item.purchase_id].append(item.description)
    return OccasionReads(relations, gifts, partners, past, descriptions)


def _last_gift(reads: OccasionReads, client_id: int, occasion_date: dt.date,
               relation_id: int | None, word: str, phrase) -> str:
    low, high = _window(occasion_date)
    for purchase in reads.past_gifts.get(client_id, ()):
        if not low <= purchase.purchase_date <= high:
            continue
        if relation_id is not None and purchase.gift_relation_id != relation_id:
            continue
        if relation_id is None and word and word not in (purchase.gift_occasion or "").casefold():
            continue
        whom = purchase.gift_recipient.strip()
        return (f"the {phrase(reads.descriptions.get(purchase.id, []))}"
                + (f" for {whom}" if whom else ""))
    return ""


def reminder_facts(client, code: str, occasion_date: dt.date | None, phrase,
                   private: bool = False, reads: OccasionReads | None = None
                   ) -> ReminderFacts | None:
    """The facts of a reminder to find a gift; None for the client's own birthday (a
    greeting). `phrase` says a purchase's pieces in a sentence (print_data.item_phrase);
    `private`: the piece goes to a shared home, so it names nobody. `reads`: what
    read_occasions found for a list holding this reminder (else it is read here)."""
    if occasion_date is None or not code:
        return None
    occasion = parse_occasion(code)
    if not occasion.is_reminder_to_buy:
        return None
    day_text = f"{occasion_date:%A} {occasion_date.day} {occasion_date:%B}"
    if private:  # the couple's own anniversary has its own discreet lines
        return ReminderFacts("" if occasion.what == "anniversary" else PRIVATE_COMING, day_text)
    if reads is None:
        reads = read_occasions([(client.id, code, occasion_date)])
    if occasion.relation_id is not None:
        relation = reads.relations.get(occasion.relation_id)
        if relation is None:
            return None
        which = "birthday" if occasion.what.endswith("birthday") else "anniversary"
        return ReminderFacts(f"{relation.name}'s {which}", day_text, relation.wish_list,
                             _last_gift(reads, client.id, occasion_date, relation.id, which,
                                        phrase))
    if occasion.purchase_id is not None:
        gift = reads.gifts.get(occasion.purchase_id)
        if gift is None:
            return None
        whom = gift.gift_recipient.strip()
        relation = reads.relations.get(gift.gift_relation_id) if gift.gift_relation_id else None
        return ReminderFacts(gift.gift_occasion.strip() or "the occasion", day_text,
                             relation.wish_list if relation else "",
                             f"the {phrase(reads.descriptions.get(gift.id, []))}"
                             + (f" for {whom}" if whom else ""))
    # The couple's anniversary: the partner's wish list and last year's anniversary gift.
    partner = reads.partners.get(client.id)
    return ReminderFacts("", day_text, partner.wish_list if partner else "",
                         _last_gift(reads, client.id, occasion_date, None, "anniversary",
                                    phrase))
