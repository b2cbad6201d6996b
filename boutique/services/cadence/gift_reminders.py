"""Last year's gifts: which remind of their occasion in a window of days.

A gift reminds a year after the day it was given (gift_days.reminder_day); the first gift
of a client's day (by purchase date, then id) stands for the day, stored or not, so that
one day never reminds her twice. `_gift_reminders` works out every gift that may remind
in the window.
"""

from __future__ import annotations

import datetime as dt

from boutique.models import database
from boutique.services.cadence.dates import occurrence
from boutique.services.cadence.gift_days import INPUT_COLUMNS, reminder_day
from boutique.services.cadence.gifts import FIXED_OCCASIONS
from boutique.services.cadence.key_dates import Reminder, weekday_date
from boutique.services.cadence.occasions import GIFT_OCCASION, occasion_code


def gift_reason(occasion: str, recipient: str, when: dt.date) -> str:
    return f"{occasion[:1].upper()}{occasion[1:]} on {weekday_date(when)}: last year a gift for {recipient}"


def _fixed_day_between(first: dt.date, last: dt.date) -> bool:
    """Whether a fixed occasion (Christmas, Valentine's Day, New Year) falls in the window."""
    if (last - first).days >= 365:
        return True
    return any(first <= occurrence(year, month, day) <= last
               for _words, (month, day) in FIXED_OCCASIONS
               for year in range(first.year, last.year + 1))


def _read_condition(first: dt.date, last: dt.date, narrow: bool,
                    alias: str = "p") -> tuple[str, tuple]:
    """Which purchases may remind in [first, last] (see _gift_rows), as SQL on `alias`."""
    # (a day wider at the end: a day stored with its time sorts after the bare day)
    wide = (first - dt.timedelta(days=366 * 2), last - dt.timedelta(days=364))
    year_before = (first - dt.timedelta(days=366), last - dt.timedelta(days=364))
    bought, given = f"{alias}.purchase_date", f"{alias}.gift_given_on"
    if narrow and not _fixed_day_between(first, last):
        return (f"({bought} BETWEEN ? AND ? OR ({given} BETWEEN ? AND ?"
                f" AND {bought} BETWEEN ? AND ?))", (*year_before, *year_before, *wide))
    return f"{bought} BETWEEN ? AND ?", wide


def _gift_rows(first: dt.date, last: dt.date, only: str, narrow: bool = True,
               among: str = "") -> list[tuple]:
    """The gifts whose reminder may fall in [first, last], oldest first.

    A gift is given on the day recorded, else on the fixed day its occasion names, else on
    the day it was bought (a relation's date named by the occasion reminds on its own, see
    gift_days.covered): its reminder is a year (365 or 366 days) after. When no fixed
    occasion falls in the window, only the gifts bought or given a year before it can
    remind in it; else every gift of the two years before is read (a worked-out day is at
    most a year after its purchase). `narrow=False` reads those two years always; `among`
    narrows the read further (SQL on purchase p).
    """
    condition, params = _read_condition(first, last, narrow)
    return database.execute_sql(
        f"""SELECT p.id, p.client_id, {INPUT_COLUMNS}, p.gift_recipient
            FROM purchase p JOIN client c ON c.id = p.client_id
            LEFT JOIN relation r ON r.id = p.gift_relation_id
            WHERE p.is_gift = 1 AND p.voided = '' AND {condition}{among}
              AND c.deleted_at IS NULL AND c.do_not_contact = 0{only.replace('c.id', 'p.client_id')}
            ORDER BY p.purchase_date, p.id""", params).fetchall()


def _gift_reminder(pid: int, client_id: int, when: dt.date, occasion: str, recipient: str,
                   lead: dt.timedelta) -> tuple[Reminder, str]:
    return (Reminder(client_id, occasion_code(GIFT_OCCASION, pid), when, when - lead, None),
            gift_reason((occasion or "").strip(), recipient or "them", when))


def _gift_reminders(first: dt.date, last: dt.date, lead: dt.timedelta, only: str,
                    narrow: bool = True, stored=frozenset()) -> list[tuple[Reminder, str]]:
    """Last year's gifts reminding in [first, last], each gift's day worked out here; the
    first gift of a client's day (by purchase date, then id) stands for the day, stored
    or not."""
    found, seen = [], set()
    for pid, client_id, *inputs, recipient in _gift_rows(first, last, only, narrow):
        when = reminder_day(*inputs)
        if when is None or not first <= when <= last or (client_id, when) in seen:
            continue
        seen.add((client_id, when))
        if (client_id, occasion_code(GIFT_OCCASION, pid), when.isoformat()) in stored:
            continue
        found.append(_gift_reminder(pid, client_id, when, inputs[2], recipient, lead))
    return found
