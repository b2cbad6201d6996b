"""The morning agenda: whom to contact on a day, how, and why.

Everything open and due on or before the day (overdue ones say by how many days), plus
the birthday and anniversary reminders whose lead time has begun. Top-tier clients come
first, then the most overdue. The Today tab, `today --json` and the printed pack all
read this one list.
"""

from __future__ import annotations

import datetime as dt
import gc
from contextlib import contextmanager
from dataclasses import dataclass

from boutique.models import database
from boutique.services.agenda.items import WRITTEN_CHANNELS, AgendaItem, sort_key
from boutique.services.agenda.rows import gather
from boutique.services.cadence import load_rules, week_start


def agenda_for(day: dt.date) -> list[AgendaItem]:
    """Open follow-ups due on or before `day`, top tier first, then most overdue."""
    rules = load_rules()
    lead = dt.timedelta(days=rules.key_date_lead_days)
    # A big book's agenda is thousands of small objects made at once; the cyclic collector
    # would walk them again and again (none of them form cycles), so it waits until done.
    with collector_paused():
        # A stored key-date reminder whose occasion has passed is no longer worth a call;
        # a computed one shows from its due day until the occasion.
        items = gather(
            "f.status = 'open' AND f.due <= ? AND (f.kind <> 'key_date' OR f.occasion_date >= ?)",
            (day, day), day - lead, day, day, rules)
        return sorted(items, key=sort_key)


@contextmanager
def collector_paused():
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _is_written(item: AgendaItem) -> bool:
    # A client who agreed to no channel is shown where the jeweler looks for that kind.
    if item.channel == "none":
        return item.kind == "thank_you_note"
    return item.channel in WRITTEN_CHANNELS


def notes_to_write(items: list[AgendaItem]) -> list[AgendaItem]:
    return [item for item in items if _is_written(item)]


def calls_to_make(items: list[AgendaItem]) -> list[AgendaItem]:
    return [item for item in items if not _is_written(item)]


@dataclass(frozen=True)
class WeekSummary:
    on_time: int  # done on or before their deadline
    counted: int  # due this week so far: done, or open and already late
    overdue: int  # open items on the agenda past their deadline

    @property
    def rate(self) -> float | None:
        return self.on_time / self.counted if self.counted else None

    def rate_text(self) -> str:
        return "—" if self.rate is None else f"{round(self.rate * 100)}%"


def week_summary(day: dt.date, items: list[AgendaItem]) -> WeekSummary:
    """This week's on-time rate and the overdue count on `day`.

    The week's follow-ups are those whose deadline falls Monday to Sunday; each counts once
    it is done or already late on `day` (one done early counts as on time; one still open
    before its deadline is not late yet). Skipped ones are left out: skipping is a
    decision, not a slip.
    """
    monday = week_start(day)
    on_time, counted = database.execute_sql(
        """SELECT COALESCE(SUM(f.status = 'done' AND f.done_on <= f.deadline), 0),
                  COALESCE(SUM(f.status = 'done' OR f.deadline < ?), 0)
           FROM followup f JOIN client c ON c.id = f.client_id
           WHERE f.deadline BETWEEN ? AND ? AND f.merged_into_id IS NULL
             AND f.status <> 'skipped' AND c.deleted_at IS NULL AND c.do_not_contact = 0""",
        (day, monday, monday + dt.timedelta(days=6))).fetchone()
    overdue = sum(1 for item in items if item.days_overdue > 0)
    return WeekSummary(on_time, counted, overdue)
