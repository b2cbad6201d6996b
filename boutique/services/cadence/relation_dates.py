"""Reminders for the people in a client's life and for last year's gift occasions
(these read in gift_reminders).

A relation's birthday or anniversary, and the day a gift was given last year with its
occasion (Christmas, her mother's 70th), remind the client a lead time ahead (21 days by
default) so a gift can be chosen. Like the client's own dates they are computed when
asked for and stored only once the jeweler acts on one. A gift whose occasion is the
recipient's own birthday or anniversary is not reminded twice: that date reminds already.
"""

from __future__ import annotations

import datetime as dt

from boutique.models import database
from boutique.services.cadence.dates import occurrence
from boutique.services.cadence.gift_reminders import _gift_reminders, kept_gift_reminders
from boutique.services.cadence.key_dates import (
    Reminder,
    _month_day_ranges,
    stored_between,
    weekday_date,
)
from boutique.services.cadence.occasions import (
    RELATION_ANNIVERSARY,
    RELATION_BIRTHDAY,
    RELATION_PREFIX,
    occasion_code,
)


def relation_reason(name: str, kind: str, what: str, when: dt.date, since: int | None) -> str:
    occasion = "birthday" if what == RELATION_BIRTHDAY else "anniversary"
    text = f"{name}'s {occasion} ({kind}) on {weekday_date(when)}"
    if since and when.year > since:
        years = when.year - since
        text += f" ({'turns ' if occasion == 'birthday' else ''}{years}"
        text += ")" if occasion == "birthday" else f" {'year' if years == 1 else 'years'})"
    return text


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
    # window's gift reminders were stored when they were planned. A few clients' gifts are
    # read by client (a handful each, worked out here); the whole book's through the days
    # the gifts keep, which leave the stored ones out themselves.
    if only:
        stored = stored_between(first, last) if unstored_only else frozenset()
        gifts = _gift_reminders(first, last, lead, only, stored=stored)
    else:
        stored = (stored_between(first, last, f"{RELATION_PREFIX}*") if unstored_only
                  else frozenset())
        gifts = kept_gift_reminders(first, last, lead, only, unstored_only=unstored_only)
    return _relation_reminders(first, last, lead, only, stored) + gifts
