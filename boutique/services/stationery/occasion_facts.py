"""What a reminder of someone's date says: whose date it is, their wish list, and what
the client chose last year ("Last year you chose the ruby pendant for Mia")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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


def _descriptions(purchase: Purchase) -> list[str]:
    return [i.description for i in purchase.items.order_by(PurchaseItem.position)]


def _last_gift(client_id: int, occasion_date: dt.date, relation_id: int | None,
               word: str, phrase) -> str:
    last = occasion_date.replace(year=occasion_date.year - 1) if not (
        occasion_date.month == 2 and occasion_date.day == 29) else dt.date(
        occasion_date.year - 1, 2, 28)
    query = (Purchase.select().where(
        Purchase.client == client_id, Purchase.is_gift == True,  # noqa: E712
        Purchase.voided == "",
        Purchase.purchase_date.between(last - dt.timedelta(days=BEFORE_DAYS),
                                       last + dt.timedelta(days=AFTER_DAYS)))
        .order_by(Purchase.purchase_date.desc(), Purchase.id.desc()))
    for purchase in query:
        if relation_id is not None and purchase.gift_relation_id != relation_id:
            continue
        if relation_id is None and word and word not in (purchase.gift_occasion or "").casefold():
            continue
        whom = purchase.gift_recipient.strip()
        return f"the {phrase(_descriptions(purchase))}" + (f" for {whom}" if whom else "")
    return ""


def reminder_facts(client, code: str, occasion_date: dt.date | None, phrase,
                   private: bool = False) -> ReminderFacts | None:
    """The facts of a reminder to find a gift; None for the client's own birthday (a
    greeting). `phrase` says a purchase's pieces in a sentence (print_data.item_phrase);
    `private`: the piece goes to a shared home, so it names nobody."""
    if occasion_date is None or not code:
        return None
    occasion = parse_occasion(code)
    if not occasion.is_reminder_to_buy:
        return None
    day_text = f"{occasion_date:%A} {occasion_date.day} {occasion_date:%B}"
    if private:  # the couple's own anniversary has its own discreet lines
        return ReminderFacts("" if occasion.what == "anniversary" else PRIVATE_COMING, day_text)
    if occasion.relation_id is not None:
        relation = Relation.get_or_none(Relation.id == occasion.relation_id)
        if relation is None:
            return None
        which = "birthday" if occasion.what.endswith("birthday") else "anniversary"
        return ReminderFacts(f"{relation.name}'s {which}", day_text, relation.wish_list,
                             _last_gift(client.id, occasion_date, relation.id, which, phrase))
    if occasion.purchase_id is not None:
        gift = Purchase.get_or_none(Purchase.id == occasion.purchase_id)
        if gift is None:
            return None
        whom = gift.gift_recipient.strip()
        relation = (Relation.get_or_none(Relation.id == gift.gift_relation_id)
                    if gift.gift_relation_id else None)
        return ReminderFacts(gift.gift_occasion.strip() or "the occasion", day_text,
                             relation.wish_list if relation else "",
                             f"the {phrase(_descriptions(gift))}"
                             + (f" for {whom}" if whom else ""))
    # The couple's anniversary: the partner's wish list and last year's anniversary gift.
    partner = (Relation.select().where(Relation.client == client.id,
                                       Relation.kind == "partner").first())
    return ReminderFacts("", day_text, partner.wish_list if partner else "",
                         _last_gift(client.id, occasion_date, None, "anniversary", phrase))
