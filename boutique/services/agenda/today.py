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
from typing import NamedTuple

from boutique.models import database
from boutique.services.agenda.rows import gather
from boutique.services.cadence.dates import week_start
from boutique.services.cadence.settings import load_rules
from boutique.services.clients.contact import MailingAddress

KIND_LABELS = {
    "thank_you_note": "Thank-you note",
    "satisfaction_call": "Satisfaction call",
    "service_call": "Service call",
    "key_date": "Key date",
    "after_return": "After return",
    "custom": "Follow-up",
    "re_introduction": "Re-introduction",
}
WRITTEN_CHANNELS = ("mail", "email", "text")


class AgendaItem(NamedTuple):
    """One row of the agenda. A named tuple: a big book's agenda makes thousands at once,
    and a tuple is made several times faster than a frozen dataclass."""

    followup_id: int  # 0 for a key-date reminder not stored yet (see followups.resolve)
    client_id: int
    client_name: str
    salutation_name: str
    kind: str
    due: dt.date
    days_overdue: int
    reason: str
    channel: str  # "mail" | "phone" | "email" | "text" | "none"
    contact: str
    address: MailingAddress | None
    warnings: tuple[str, ...]
    purchase_ids: tuple[int, ...]
    recall: str
    is_top: bool
    deadline: dt.date | None = None
    occasion: str = ""
    occasion_date: dt.date | None = None
    attempts: int = 0
    sort_name: str = ""  # folded, for sorting only: not part of what the item is (see __eq__)

    # Equal like the record it stands for (not like any tuple), whatever its sort name.
    def __eq__(self, other) -> bool:
        if type(other) is not AgendaItem:
            return False if isinstance(other, tuple) else NotImplemented
        return self[:_COMPARED] == other[:_COMPARED]

    def __ne__(self, other) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return hash(self[:_COMPARED])

    @property
    def kind_label(self) -> str:
        if self.kind == "key_date" and self.occasion:
            return self.occasion.capitalize()
        return KIND_LABELS.get(self.kind, self.kind)

    def when_text(self, day: dt.date) -> str:
        """How it stands on `day`: '3 days overdue', 'today', 'by Tue 01 Dec' (a note still
        in its week) or, for a birthday or anniversary, how far off the occasion is."""
        if self.kind == "key_date" and self.occasion_date is not None:
            days = (self.occasion_date - day).days
            return "the day itself" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
        if self.days_overdue:
            return f"{self.days_overdue} day{'s' if self.days_overdue != 1 else ''} overdue"
        deadline = self.deadline or self.due
        return f"by {deadline:%a %d %b}" if deadline > day else "today"

    @property
    def is_call(self) -> bool:
        return self.channel == "phone"

    def to_json(self) -> dict:
        return {
            "followup_id": self.followup_id or None,
            "client_id": self.client_id,
            "client_name": self.client_name,
            "salutation_name": self.salutation_name,
            "kind": self.kind,
            "due": self.due.isoformat(),
            "deadline": (self.deadline or self.due).isoformat(),
            "days_overdue": self.days_overdue,
            "reason": self.reason,
            "channel": self.channel,
            "contact": self.contact,
            "address_lines": self.address.envelope_lines() if self.address else [],
            "warnings": list(self.warnings),
            "purchase_ids": list(self.purchase_ids),
            "recall": self.recall,
            "is_top": self.is_top,
            "occasion": self.occasion or None,
            "occasion_date": self.occasion_date.isoformat() if self.occasion_date else None,
        }


_COMPARED = len(AgendaItem._fields) - 1  # all but sort_name


def sort_key(item: AgendaItem):
    # sort_name is already folded (lower case, no accents) by services.clients
    return (not item.is_top, -item.days_overdue, item.due, item.sort_name,
            item.client_id, item.followup_id)


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


def notes_to_write(items: list[AgendaItem]) -> list[AgendaItem]:
    return [item for item in items if item.channel in WRITTEN_CHANNELS]


def calls_to_make(items: list[AgendaItem]) -> list[AgendaItem]:
    return [item for item in items if item.channel not in WRITTEN_CHANNELS]


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
