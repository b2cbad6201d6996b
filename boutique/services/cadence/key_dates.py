"""Key dates: birthday and anniversary reminders a lead time ahead, every year.

Reminders are computed from the client's dates whenever they are asked for, so a date
edited today is right tomorrow; one is stored only once the jeweler acts on it (done,
snoozed, skipped), which also keeps it from showing again. A reminder shows from its
due day until the occasion itself; after that it has passed.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from boutique.models import database
from boutique.models.followup import ANNIVERSARY, BIRTHDAY, OCCASIONS
from boutique.services.cadence.dates import occurrence, short_date

WEEKDAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class Reminder:
    client_id: int
    occasion: str  # "birthday" | "anniversary"
    occasion_date: dt.date
    due: dt.date
    since_year: int | None  # the year of birth or of the wedding, when known

    @property
    def key(self) -> tuple[dt.date, int, str]:
        return (self.occasion_date, self.client_id, self.occasion)


def occurrences_between(month: int, day: int, first: dt.date, last: dt.date) -> list[dt.date]:
    """Each yearly occurrence of month/day from `first` to `last` inclusive."""
    found = []
    for year in range(first.year, last.year + 1):
        when = occurrence(year, month, day)
        if first <= when <= last:
            found.append(when)
    return found


def reminder_days(month: int | None, day: int | None, due_from: dt.date, due_to: dt.date,
                  lead_days: int) -> list[dt.date]:
    """Due days of one date's reminders with a due day in [due_from, due_to]."""
    if not month or not day:
        return []
    lead = dt.timedelta(days=lead_days)
    return [when - lead for when in occurrences_between(month, day, due_from + lead, due_to + lead)]


def occasion_lead(occasion: str, lead_days: int, rules=None) -> int:
    """Days ahead a reminder shows: the client's own birthday is a greeting on the day (a
    call) or just before it (a card, to arrive in time); the others remind her of a gift
    to find, `lead_days` ahead."""
    if occasion != BIRTHDAY or lead_days == 0:
        return lead_days
    from boutique.services.cadence.settings import load_rules

    rules = rules or load_rules()
    greeting = rules.birthday_card_days if rules.key_date_channel == "mail" else 0
    return min(lead_days, greeting)


def weekday_date(day: dt.date) -> str:
    """'Mon 3 Mar', as a reminder's reason names its day."""
    return f"{WEEKDAY_ABBR[day.weekday()]} {short_date(day)}"


def stored_between(first: dt.date, last: dt.date,
                   occasions: str = "*") -> set[tuple[int, str, str]]:
    """(client, occasion, ISO day) of the key-date reminders stored for days in the range,
    of the occasions matching `occasions` (a GLOB pattern): one read of the key-date index,
    not one query per reminder."""
    return set(database.execute_sql(
        """SELECT client_id, occasion, occasion_date FROM followup
           WHERE kind = 'key_date' AND occasion_date BETWEEN ? AND ? AND occasion GLOB ?""",
        (first, last, occasions)))


def reason_for(reminder: Reminder, partner_name: str = "") -> str:
    when = reminder.occasion_date
    weekday = WEEKDAY_ABBR[when.weekday()]
    if reminder.occasion == BIRTHDAY:
        return f"Birthday on {weekday} {short_date(when)}"
    text = f"Anniversary on {weekday} {short_date(when)}"
    if partner_name:
        text = f"Anniversary with {partner_name} on {weekday} {short_date(when)}"
    if reminder.since_year and when.year > reminder.since_year:
        years = when.year - reminder.since_year
        text += f" ({years} {'year' if years == 1 else 'years'})"
    return text


def _month_day_ranges(first: dt.date, last: dt.date) -> list[tuple[int, int, int, bool]]:
    """(year, low month*100+day, high, also 29 Feb) per calendar year the span touches."""
    spans = []
    for year in range(first.year, last.year + 1):
        low = first if first.year == year else dt.date(year, 1, 1)
        high = last if last.year == year else dt.date(year, 12, 31)
        feb28 = dt.date(year, 2, 28)
        leap_day_lands = not calendar.isleap(year) and low <= feb28 <= high
        spans.append((year, low.month * 100 + low.day, high.month * 100 + high.day,
                      leap_day_lands))
    return spans


def reminders_due_between(due_from: dt.date, due_to: dt.date, lead_days: int,
                          client_ids: list[int] | None = None,
                          unstored_only: bool = False) -> list[Reminder]:
    """Reminders with a due day in [due_from, due_to] for every client who may be contacted;
    with `unstored_only`, only those nobody has acted on yet (not stored as follow-ups).

    Uses the month*100+day indexes, so a window of days reads only the clients whose
    date falls in it, not the whole book.
    """
    if due_to < due_from:
        return []
    found: list[Reminder] = []
    only = ""
    if client_ids is not None:
        if not client_ids:
            return []
        only = f" AND id IN ({','.join(str(int(i)) for i in client_ids)})"
    for occasion in OCCASIONS:
        lead = dt.timedelta(days=occasion_lead(occasion, lead_days))
        first, last = due_from + lead, due_to + lead
        md = f"({occasion}_month * 100 + {occasion}_day)"
        # The occasion's day in the year asked for, as the store writes dates; 29 February
        # falls on the 28th in other years, as occurrence() says.
        day_sql = (f"printf('%04d-%02d-%02d', ?, {occasion}_month, CASE WHEN ? AND "
                   f"{occasion}_month = 2 AND {occasion}_day = 29 THEN 28 "
                   f"ELSE {occasion}_day END)")
        not_stored = (f""" AND NOT EXISTS (SELECT 1 FROM followup f
                           WHERE f.kind = 'key_date' AND f.occasion_date = {day_sql}
                             AND f.client_id = client.id AND f.occasion = '{occasion}')"""
                      if unstored_only else "")
        for year, low, high, leap_day in _month_day_ranges(first, last):
            condition = f"{md} BETWEEN ? AND ?" + (f" OR {md} = 229" if leap_day else "")
            params = [low, high] + ([year, not calendar.isleap(year)] if unstored_only else [])
            rows = database.execute_sql(
                f"""SELECT id, {occasion}_month, {occasion}_day, {occasion}_year FROM client
                    WHERE deleted_at IS NULL AND {occasion}_month IS NOT NULL
                      AND do_not_contact = 0 AND ({condition}){only}{not_stored}""",
                params,
            )
            for client_id, month, day, since in rows:
                when = occurrence(year, month, day)
                if first <= when <= last:
                    found.append(Reminder(client_id, occasion, when, when - lead, since))
    return found


def client_reminder_days(client, due_from: dt.date, due_to: dt.date, lead_days: int,
                         stored: frozenset | set = frozenset()) -> list[dt.date]:
    """Due days of one client's reminders in a span (the weekly cap counts them), but for
    those whose occasion day is in `stored` (stored reminders count as follow-ups)."""
    if client.do_not_contact or client.deleted_at is not None:
        return []
    days = []
    for occasion in (BIRTHDAY, ANNIVERSARY):
        lead = occasion_lead(occasion, lead_days)
        days += [day for day in reminder_days(getattr(client, f"{occasion}_month"),
                                              getattr(client, f"{occasion}_day"), due_from,
                                              due_to, lead)
                 if day + dt.timedelta(days=lead) not in stored]
    return days
