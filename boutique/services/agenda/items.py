"""One row of the morning agenda, and the order the agenda is read in."""

from __future__ import annotations

import datetime as dt
from operator import itemgetter
from typing import NamedTuple

from boutique.services.cadence import KIND_LABELS, occasion_label, parse_occasion
from boutique.services.clients import MailingAddress

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
    def contact_text(self) -> str:
        """The address or number as shown, or why there is none."""
        if self.contact:
            return self.contact
        return "no agreed way to reach" if self.channel == "none" else "nothing on file"

    @property
    def kind_label(self) -> str:
        if self.kind == "key_date" and self.occasion:
            return occasion_label(self.occasion)
        return KIND_LABELS.get(self.kind, self.kind)

    def when_text(self, day: dt.date) -> str:
        """How it stands on `day`: '3 days overdue', 'today', 'by Tue 01 Dec' (a note still
        in its week) or, for a birthday or anniversary, how far off the occasion is."""
        if self.kind == "key_date" and self.occasion_date is not None:
            days = (self.occasion_date - day).days
            if days == 0:
                return "today"
            if days < 0:
                return f"{-days} day{'s' if days != -1 else ''} overdue"
            return f"in {days} day{'s' if days != 1 else ''}"
        if self.days_overdue:
            return f"{self.days_overdue} day{'s' if self.days_overdue != 1 else ''} overdue"
        deadline = self.deadline or self.due
        return f"by {deadline:%a %d %b}" if deadline > day else "today"

    @property
    def is_call(self) -> bool:
        return self.channel == "phone"

    def to_json(self, day: dt.date | None = None) -> dict:
        """The item as JSON; with `day`, also "when": how it stands on that day, as the
        Today tab says it ("today", "in 21 days", "3 days overdue")."""
        extra = {"when": self.when_text(day)} if day is not None else {}
        return {**extra, **self._json()}

    def _json(self) -> dict:
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
            "relation_id": parse_occasion(self.occasion).relation_id if self.occasion else None,
        }


_COMPARED = len(AgendaItem._fields) - 1  # all but sort_name


def _fields(*names: str) -> itemgetter:
    return itemgetter(*(AgendaItem._fields.index(name) for name in names))


# The agenda's order: top tier first, then the most overdue, then by these.
# sort_name is already folded (lower case, no accents) by services.clients.book
# (the last three only part a client's reminders of one day, so any two items differ)
_BY_NAME = _fields("due", "sort_name", "client_id", "followup_id", "occasion", "kind", "reason")
_BY_LATENESS = _fields("days_overdue")
_BY_TIER = _fields("is_top")


def sort_key(item: AgendaItem):
    """The agenda's order as one key (what the kept agenda keeps beside each item)."""
    return (not item.is_top, -item.days_overdue, *_BY_NAME(item))


def sort_agenda(items: list[AgendaItem]) -> None:
    """Sort `items` in place in sort_key's order, in three stable sorts (the last key
    first) on keys read in C: a year's calendar file sorts hundreds of thousands, where a
    key made in Python for each costs more than the sorting."""
    items.sort(key=_BY_NAME)
    items.sort(key=_BY_LATENESS, reverse=True)  # (reversed, a sort stays stable)
    items.sort(key=_BY_TIER, reverse=True)
