"""Gifts: the day one is given, and how its note keeps the surprise at a shared home.

The day given. The satisfaction call for a gift waits until a week after the gift is
given ("Was it a success?" asked before the day spoils it). When the purchase has no day
given, the day is worked out, in this order:
  1. the recipient relation's birthday or anniversary, when that is the occasion: its next
     occurrence on or after the purchase;
  2. an occasion with a fixed day (Christmas or the holidays: 25 December; Valentine's
     Day: 14 February; New Year: 1 January): its next occurrence on or after the purchase;
  3. otherwise no day is known, and the call keeps its usual day after the purchase.

A shared home. With no business address, a gift's note goes to the home the buyer may
share with the recipient. There nothing printed ever names the recipient or the piece;
how the note goes is chosen in Settings and may be changed for one purchase:
  - "counter": the note is written and handed over at the counter, never posted;
  - "discreet": it is posted, with wording that names neither the recipient nor the piece;
  - "hold": it is posted after the gift is given (the day above), still discreet; with no
    day known it is posted at once, discreet.
"""

from __future__ import annotations

import datetime as dt

from boutique.services.cadence.dates import occurrence
from boutique.services.cadence.settings import SHARED_HOME_CHOICES

SHARED_HOME_NAMES = {
    "discreet": "Post it, discreetly worded",
    "counter": "Hand it over at the counter",
    "hold": "Hold it until after the day",
}
RULE_TEXT = {
    "counter": "Gift to a shared home: hand this note over at the counter; nothing is posted",
    "discreet": "Gift to a shared home: the wording names neither the recipient nor the piece",
    "hold": "Gift to a shared home: held until after the occasion; the wording names neither "
            "the recipient nor the piece",
}
CALL_AFTER_GIVEN_DAYS = 7
# Occasion words (folded) -> (month, day) of an occasion that falls on a fixed day.
FIXED_OCCASIONS = (
    (("christmas", "xmas", "holiday", "noël", "noel"), (12, 25)),
    (("valentine",), (2, 14)),
    (("new year",), (1, 1)),
)


def next_on_or_after(month: int, day: int, start: dt.date) -> dt.date:
    when = occurrence(start.year, month, day)
    return when if when >= start else occurrence(start.year + 1, month, day)


def fixed_occasion_day(occasion: str) -> tuple[int, int] | None:
    folded = (occasion or "").casefold()
    for words, month_day in FIXED_OCCASIONS:
        if any(word in folded for word in words):
            return month_day
    return None


def gift_day(purchase_date: dt.date, given_on: dt.date | None, occasion: str = "",
             relation_dates: dict[str, tuple[int | None, int | None]] | None = None,
             ) -> dt.date | None:
    """The day the gift is given: as recorded, else worked out (see the module's rules)."""
    if given_on is not None:
        return given_on
    folded = (occasion or "").casefold()
    for name, (month, day) in (relation_dates or {}).items():
        if month and day and name in folded:
            return next_on_or_after(month, day, purchase_date)
    fixed = fixed_occasion_day(occasion)
    if fixed:
        return next_on_or_after(*fixed, purchase_date)
    return None


def gift_day_of(purchase) -> dt.date | None:
    """gift_day for a stored purchase, with its recipient relation's dates."""
    if not purchase.is_gift:
        return None
    from boutique.models import Relation

    relation = (Relation.get_or_none(Relation.id == purchase.gift_relation_id)
                if purchase.gift_relation_id else None)
    dates = ({name: (getattr(relation, f"{name}_month"), getattr(relation, f"{name}_day"))
              for name in ("birthday", "anniversary")} if relation else None)
    return gift_day(purchase.purchase_date, purchase.gift_given_on,
                    purchase.gift_occasion or "", dates)


def shared_home(client) -> bool:
    """Whether a note to this client goes where the recipient of a gift may live."""
    return not client.has_address("business")


def delivery_for(is_gift: bool, chosen: str, client, default: str,
                 day_known: bool = True) -> str:
    """How a gift's note goes: "" when the surprise is not at risk (not a gift, or a
    business address to send it to), else the purchase's choice or the setting; a note
    to hold with no day to hold it to goes at once, discreet."""
    if not is_gift or not shared_home(client):
        return ""
    return delivery_mode(chosen, default, day_known)


def delivery_mode(chosen: str, default: str, day_known: bool = True) -> str:
    """The way a gift's note goes to a shared home: the purchase's choice, else the
    setting; "hold" with no day to hold it to is "discreet"."""
    mode = chosen if chosen in SHARED_HOME_CHOICES else default
    return "discreet" if mode == "hold" and not day_known else mode
