"""The day last year's gift reminds of.

A gift reminds a year after the day it was given (see gift_reminders._gift_rows for which
day that is), unless its occasion names nothing to remind of ("just because") or a date
that reminds on its own (the recipient relation's birthday or anniversary, or the client's
own anniversary when the gift names no relation with dates). `reminder_day` is that rule.
"""

from __future__ import annotations

import datetime as dt

from boutique.services.cadence.dates import occurrence
from boutique.services.cadence.gifts import gift_day

NO_OCCASION = frozenset({"", "just because", "none"})
# What `reminder_day` takes, as columns of purchase p, its relation r and its client c.
INPUT_COLUMNS = ("p.purchase_date, p.gift_given_on, p.gift_occasion, r.birthday_month, "
                 "r.birthday_day, r.anniversary_month, r.anniversary_day, c.anniversary_month")


def covered(occasion: str, relation_dates: dict[str, tuple]) -> bool:
    """Whether the occasion is a relation's date that reminds on its own."""
    folded = occasion.casefold()
    return any(name in folded and month for name, (month, _day) in relation_dates.items())


def reminder_day(bought, given, occasion, birthday_month, birthday_day, anniversary_month,
                 anniversary_day, own_anniversary) -> dt.date | None:
    """The day a gift reminds of (INPUT_COLUMNS, as read), or None when it never does."""
    occasion = (occasion or "").strip()
    if occasion.casefold() in NO_OCCASION:
        return None
    dates = {"birthday": (birthday_month, birthday_day),
             "anniversary": (anniversary_month, anniversary_day)}
    if covered(occasion, dates) or ("anniversary" in occasion.casefold() and own_anniversary
                                    and birthday_month is None and anniversary_month is None):
        return None
    bought_on = dt.date.fromisoformat(str(bought)[:10])
    day = gift_day(bought_on, dt.date.fromisoformat(str(given)[:10]) if given else None,
                   occasion, dates) or bought_on
    return occurrence(day.year + 1, day.month, day.day)
