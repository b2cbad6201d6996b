"""The calendar: notes and calls per day of a month, one day's list, coming key dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from boutique.models import CONTACTABLE, database
from boutique.models.followup import BIRTHDAY
from boutique.services.agenda.cards import load_cards
from boutique.services.agenda.items import WRITTEN_CHANNELS, AgendaItem, sort_agenda
from boutique.services.agenda.kept_cards import kept_cards
from boutique.services.agenda.rows import gather
from boutique.services.cadence import (
    load_rules,
    occasion_reminders_due_between,
    reminders_due_between,
)
from boutique.services.clients import TOP, tier_for, top_tier_threshold


@dataclass(frozen=True)
class DayCount:
    notes: int = 0
    calls: int = 0

    @property
    def total(self) -> int:
        return self.notes + self.calls


def _add(counts: dict[dt.date, DayCount], day: dt.date, channel: str, n: int = 1) -> None:
    current = counts.get(day, DayCount())
    if channel in WRITTEN_CHANNELS:
        counts[day] = DayCount(current.notes + n, current.calls)
    else:
        counts[day] = DayCount(current.notes, current.calls + n)


def day_counts(first: dt.date, last: dt.date) -> dict[dt.date, DayCount]:
    """Open notes and calls due on each day from `first` to `last` (days with none left out),
    key-date reminders included on their due day."""
    counts: dict[dt.date, DayCount] = {}
    rows = database.execute_sql(
        f"""SELECT f.due, f.channel, COUNT(*) FROM followup f
           JOIN {CONTACTABLE} ON c.id = f.client_id
           WHERE f.status = 'open' AND f.merged_into_id IS NULL AND f.due BETWEEN ? AND ?
             AND c.deleted_at IS NULL AND c.do_not_contact = 0
           GROUP BY f.due, f.channel""", (first, last))
    for due, channel, n in rows:
        _add(counts, dt.date.fromisoformat(str(due)[:10]), channel, n)
    rules = load_rules()
    for reminder in reminders_due_between(first, last, rules.key_date_lead_days,
                                          unstored_only=True):
        _add(counts, reminder.due, rules.key_date_channel)
    for reminder, _reason in occasion_reminders_due_between(
            first, last, rules.key_date_lead_days, unstored_only=True):
        _add(counts, reminder.due, rules.key_date_channel)
    return counts


def items_due_on(day: dt.date, today: dt.date) -> list[AgendaItem]:
    """Open follow-ups due on `day` exactly, as seen `today` (overdue if `day` is past)."""
    with kept_cards() as shelf:
        items = gather("f.status = 'open' AND f.due = ?", (day,), day, day, today,
                       shelf=shelf)
    sort_agenda(items)
    return items


@dataclass(frozen=True)
class KeyDateEntry:
    client_id: int
    client_name: str
    occasion: str
    day: dt.date
    years: int | None  # anniversaries with a known year
    is_top: bool

    @property
    def label(self) -> str:
        if self.occasion == BIRTHDAY:
            return "Birthday"
        if self.years:
            return f"Anniversary ({self.years} {'year' if self.years == 1 else 'years'})"
        return "Anniversary"


def upcoming_key_dates(start: dt.date, days: int = 30, limit: int = 200) -> list[KeyDateEntry]:
    """Birthdays and anniversaries from `start` for `days` days, soonest first."""
    occasions = reminders_due_between(start, start + dt.timedelta(days=days), 0)
    occasions.sort(key=lambda r: (r.occasion_date, r.client_id, r.occasion))
    occasions = occasions[:limit]
    clients = load_cards(r.client_id for r in occasions)
    threshold = top_tier_threshold()
    entries = []
    for r in occasions:
        client = clients[r.client_id]
        years = (r.occasion_date.year - r.since_year
                 if r.occasion != BIRTHDAY and r.since_year else None)
        entries.append(KeyDateEntry(
            r.client_id, client.display_name, r.occasion, r.occasion_date,
            years if years and years > 0 else None,
            tier_for(client.lifetime_spend_cents or 0, threshold) == TOP))
    return entries
