"""Reminders for the people in a client's life and for last year's gift occasions.

A relation's birthday or anniversary, and the day a gift was given last year with its
occasion (Christmas, her mother's 70th), remind the client a lead time ahead (21 days by
default) so a gift can be chosen. Like the client's own dates they are computed when
asked for and stored only once the jeweler acts on one. A gift whose occasion is the
recipient's own birthday or anniversary is not reminded twice: that date reminds already.
"""

from __future__ import annotations

import datetime as dt

from boutique.models import database
from boutique.services.cadence.dates import occurrence, short_date
from boutique.services.cadence.gifts import FIXED_OCCASIONS, gift_day
from boutique.services.cadence.key_dates import WEEKDAY_ABBR, Reminder, _month_day_ranges
from boutique.services.cadence.occasions import (
    GIFT_OCCASION,
    RELATION_ANNIVERSARY,
    RELATION_BIRTHDAY,
    occasion_code,
)

NO_OCCASION = frozenset({"", "just because", "none"})


def _when(day: dt.date) -> str:
    return f"{WEEKDAY_ABBR[day.weekday()]} {short_date(day)}"


def relation_reason(name: str, kind: str, what: str, when: dt.date, since: int | None) -> str:
    occasion = "birthday" if what == RELATION_BIRTHDAY else "anniversary"
    text = f"{name}'s {occasion} ({kind}) on {_when(when)}"
    if since and when.year > since:
        years = when.year - since
        text += f" ({'turns ' if occasion == 'birthday' else ''}{years}"
        text += ")" if occasion == "birthday" else f" {'year' if years == 1 else 'years'})"
    return text


def gift_reason(occasion: str, recipient: str, when: dt.date) -> str:
    return f"{occasion[:1].upper()}{occasion[1:]} on {_when(when)}: last year a gift for {recipient}"


def _stored_between(first: dt.date, last: dt.date) -> set[tuple[int, str, str]]:
    """(client, occasion, ISO day) of the key-date reminders stored for days in the range:
    one read of the key-date index, not one query per reminder."""
    return set(database.execute_sql(
        """SELECT client_id, occasion, occasion_date FROM followup
           WHERE kind = 'key_date' AND occasion_date BETWEEN ? AND ?""", (first, last)))


def _relation_reminders(first: dt.date, last: dt.date, lead: dt.timedelta,
                        only: str, stored=frozenset()) -> list[tuple[Reminder, str]]:
    found = []
    for prefix, what in (("birthday", RELATION_BIRTHDAY), ("anniversary", RELATION_ANNIVERSARY)):
        md = f"(r.{prefix}_month * 100 + r.{prefix}_day)"
        for year, low, high, leap_day in _month_day_ranges(first, last):
            condition = f"{md} BETWEEN ? AND ?" + (f" OR {md} = 229" if leap_day else "")
            rows = database.execute_sql(
                f"""SELECT r.id, r.client_id, r.name, r.kind, r.{prefix}_month, r.{prefix}_day,
                           r.{prefix}_year
                    FROM relation r JOIN client c ON c.id = r.client_id
                    WHERE r.{prefix}_month IS NOT NULL AND c.deleted_at IS NULL
                      AND c.do_not_contact = 0 AND ({condition}){only}""", (low, high))
            for rid, client_id, name, kind, month, day, since in rows:
                when = occurrence(year, month, day)
                code = occasion_code(what, rid)
                if first <= when <= last and (client_id, code, when.isoformat()) not in stored:
                    found.append((Reminder(client_id, code, when,
                                           when - lead, since),
                                  relation_reason(name, kind, what, when, since)))
    return found


def _covered(occasion: str, relation_dates: dict[str, tuple]) -> bool:
    folded = occasion.casefold()
    return any(name in folded and month for name, (month, _day) in relation_dates.items())


def _fixed_day_between(first: dt.date, last: dt.date) -> bool:
    """Whether a fixed occasion (Christmas, Valentine's Day, New Year) falls in the window."""
    if (last - first).days >= 365:
        return True
    return any(first <= occurrence(year, month, day) <= last
               for _words, (month, day) in FIXED_OCCASIONS
               for year in range(first.year, last.year + 1))


def _gift_rows(first: dt.date, last: dt.date, only: str, narrow: bool = True) -> list[tuple]:
    """The gifts whose reminder may fall in [first, last], oldest first.

    A gift is given on the day recorded, else on the fixed day its occasion names, else on
    the day it was bought (a relation's date named by the occasion reminds on its own, see
    _covered): its reminder is a year (365 or 366 days) after. When no fixed occasion falls
    in the window, only the gifts bought or given a year before it can remind in it; else
    every gift of the two years before is read (a worked-out day is at most a year after
    its purchase). `narrow=False` reads those two years always.
    """
    # (a day wider at the end: a day stored with its time sorts after the bare day)
    wide = (first - dt.timedelta(days=366 * 2), last - dt.timedelta(days=364))
    year_before = (first - dt.timedelta(days=366), last - dt.timedelta(days=364))
    condition = "p.purchase_date BETWEEN ? AND ?"
    params: tuple = wide
    if narrow and not _fixed_day_between(first, last):
        condition = ("(p.purchase_date BETWEEN ? AND ? OR (p.gift_given_on BETWEEN ? AND ?"
                     " AND p.purchase_date BETWEEN ? AND ?))")
        params = (*year_before, *year_before, *wide)
    return database.execute_sql(
        f"""SELECT p.id, p.client_id, p.purchase_date, p.gift_given_on, p.gift_occasion,
                   p.gift_recipient, r.birthday_month, r.birthday_day, r.anniversary_month,
                   r.anniversary_day, c.anniversary_month
            FROM purchase p JOIN client c ON c.id = p.client_id
            LEFT JOIN relation r ON r.id = p.gift_relation_id
            WHERE p.is_gift = 1 AND p.voided = '' AND {condition}
              AND c.deleted_at IS NULL AND c.do_not_contact = 0{only.replace('c.id', 'p.client_id')}
            ORDER BY p.purchase_date, p.id""", params).fetchall()


def _gift_reminders(first: dt.date, last: dt.date, lead: dt.timedelta, only: str,
                    narrow: bool = True, stored=frozenset()) -> list[tuple[Reminder, str]]:
    rows = _gift_rows(first, last, only, narrow)
    found, seen = [], set()
    for (pid, client_id, bought, given, occasion, recipient, bm, bd, am, ad,
         own_anniversary) in rows:
        occasion = (occasion or "").strip()
        if occasion.casefold() in NO_OCCASION:
            continue
        dates = {"birthday": (bm, bd), "anniversary": (am, ad)}
        if _covered(occasion, dates) or ("anniversary" in occasion.casefold()
                                         and own_anniversary and bm is None and am is None):
            continue
        day = gift_day(dt.date.fromisoformat(str(bought)[:10]),
                       dt.date.fromisoformat(str(given)[:10]) if given else None, occasion,
                       dates) or dt.date.fromisoformat(str(bought)[:10])
        when = occurrence(day.year + 1, day.month, day.day)
        if not first <= when <= last or (client_id, when) in seen:
            continue
        seen.add((client_id, when))
        code = occasion_code(GIFT_OCCASION, pid)
        if (client_id, code, when.isoformat()) in stored:
            continue
        found.append((Reminder(client_id, code, when, when - lead, None),
                      gift_reason(occasion, recipient or "them", when)))
    return found


def occasion_reminders_due_between(due_from: dt.date, due_to: dt.date, lead_days: int,
                                   client_ids: list[int] | None = None,
                                   unstored_only: bool = False) -> list[tuple[Reminder, str]]:
    """(reminder, reason) for the relations' dates and last year's gift occasions with a
    due day in [due_from, due_to], for clients who may be contacted."""
    if due_to < due_from:
        return []
    only = ""
    if client_ids is not None:
        if not client_ids:
            return []
        only = f" AND c.id IN ({','.join(str(int(i)) for i in client_ids)})"
    lead = dt.timedelta(days=lead_days)
    first, last = due_from + lead, due_to + lead
    # Stored ones are left out before their reason is written: in a big book most of a
    # window's gift reminders were stored when they were planned.
    stored = _stored_between(first, last) if unstored_only else frozenset()
    return (_relation_reminders(first, last, lead, only, stored)
            + _gift_reminders(first, last, lead, only, stored=stored))
