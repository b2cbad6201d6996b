"""No over-contact: merge close satisfaction calls, cap the contacts a client gets a week.

Pure: given one client's open follow-ups (and the days already taken by key-date
reminders), say where each one goes. Everything is recomputed from each follow-up's
rule day, so running it twice changes nothing.

- Satisfaction calls whose days lie within the merge window of the first one become one
  call on the first one's day; the others point at it (`merged_into`).
- At most `weekly_cap` contacts in a Monday-to-Sunday week. Days the user chose (custom
  follow-ups, snoozes, retries) and key-date reminders stay put and count; thank-you
  notes stay put too (they have their own week and a card does not interrupt) and count.
  Of the rest, the most important keep their day (after-return, then satisfaction,
  then re-introduction, then service calls; earlier rule day first) and the others
  move to the next day whose week still has room.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import NamedTuple

from boutique.models.followup import (
    AFTER_RETURN,
    CUSTOM,
    KEY_DATE,
    RE_INTRODUCTION,
    SATISFACTION_CALL,
    SERVICE_CALL,
    THANK_YOU_NOTE,
)
from boutique.services.cadence.dates import week_start

# Lower keeps its day first when a week is over the cap.
KEEP_RANK = {AFTER_RETURN: 0, SATISFACTION_CALL: 1, RE_INTRODUCTION: 2, SERVICE_CALL: 3}
# Kinds the cap never moves (they still count).
STAY_PUT = {THANK_YOU_NOTE, CUSTOM, KEY_DATE}


class Slot(NamedTuple):
    """One open follow-up of a client as spacing sees it."""

    id: int
    kind: str
    rule_due: dt.date
    due: dt.date
    fixed: bool  # the user chose the day

    @property
    def stays(self) -> bool:
        return self.fixed or self.kind in STAY_PUT

    @property
    def anchor(self) -> dt.date:
        return self.due if self.stays else self.rule_due


class Placement(NamedTuple):
    due: dt.date
    merged_into: int | None


def merge_groups(slots: list[Slot], window_days: int) -> dict[int, int]:
    """member id -> head id for satisfaction calls within the window of their head."""
    calls = sorted((s for s in slots if s.kind == SATISFACTION_CALL),
                   key=lambda s: (s.anchor, s.id))
    members: dict[int, int] = {}
    head: Slot | None = None
    for call in calls:
        if head is not None and (call.anchor - head.anchor).days <= window_days:
            members[call.id] = head.id
        else:
            head = call
    return members


def _crowded(anchors: list[tuple[dt.date, str]], taken_days: list[dt.date], window_days: int,
             weekly_cap: int) -> bool:
    """Whether anything needs merging or moving (most clients: no, and cheaply)."""
    calls = sorted(day for day, kind in anchors if kind == SATISFACTION_CALL)
    if any((b - a).days <= window_days for a, b in zip(calls, calls[1:], strict=False)):
        return True
    if not weekly_cap:
        return False
    weeks = Counter(day.toordinal() - day.weekday() for day in taken_days)
    weeks.update(day.toordinal() - day.weekday() for day, _kind in anchors)
    return max(weeks.values(), default=0) > weekly_cap


def space_client(slots: list[Slot], taken_days: list[dt.date], window_days: int,
                 weekly_cap: int) -> dict[int, Placement]:
    """Where each open follow-up of one client goes. `taken_days`: key-date reminders."""
    anchors = [(s.due if s.fixed or s.kind in STAY_PUT else s.rule_due, s.kind) for s in slots]
    if not _crowded(anchors, taken_days, window_days, weekly_cap):
        return {slot.id: Placement(day, None) for slot, (day, _k) in zip(slots, anchors,
                                                                           strict=True)}
    members = merge_groups(slots, window_days)
    contacts = [s for s in slots if s.id not in members]
    per_week: Counter[dt.date] = Counter(week_start(day) for day in taken_days)
    placed: dict[int, dt.date] = {}
    for slot in contacts:
        if slot.stays:
            placed[slot.id] = slot.anchor
            per_week[week_start(slot.anchor)] += 1
    movable = sorted((s for s in contacts if not s.stays),
                     key=lambda s: (KEEP_RANK.get(s.kind, len(KEEP_RANK)), s.rule_due, s.id))
    for slot in movable:
        day = slot.rule_due
        if weekly_cap:
            while per_week[week_start(day)] >= weekly_cap:
                day = week_start(day) + dt.timedelta(days=7)
        placed[slot.id] = day
        per_week[week_start(day)] += 1
    result = {slot_id: Placement(day, None) for slot_id, day in placed.items()}
    for member, head in members.items():
        result[member] = Placement(placed[head], head)
    return result
