"""No over-contact: merge close satisfaction calls, cap the contacts a client gets.

Pure: given one client's open follow-ups (and the days already taken by key-date
reminders), say where each one goes. Everything is recomputed from each follow-up's
rule day, so running it twice changes nothing.

- Satisfaction calls whose days lie within the merge window of the first one become one
  call on the first one's day; the others point at it (`merged_into`).
- At most `weekly_cap` contacts in any 7 days and `monthly_cap` in any 30 (rolling
  windows, not calendar weeks: three calls on a Thursday, Friday and the Tuesday after
  are three calls in six days). Days the user chose (custom
  follow-ups, snoozes, retries) and key-date reminders stay put and count; thank-you
  notes stay put too (they have their own week and a card does not interrupt) and count.
  Of the rest, the most important keep their day (after-return, then satisfaction,
  then re-introduction, then service calls; earlier rule day first) and the others
  move to the first later day where every window holding it still has room.
"""

from __future__ import annotations

import datetime as dt
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


# (days, cap) for the rolling windows; a cap of 0 means no limit.
def _windows(weekly_cap: int, monthly_cap: int) -> tuple[tuple[int, int], ...]:
    return tuple((days, cap) for days, cap in ((7, weekly_cap), (30, monthly_cap)) if cap)


def _over(days: list[dt.date], windows) -> bool:
    ordered = sorted(days)
    return any((ordered[i + cap] - ordered[i]).days < length
               for length, cap in windows for i in range(len(ordered) - cap))


def _has_room(day: dt.date, placed: list[dt.date], windows) -> bool:
    """Whether one more contact on `day` keeps every rolling window within its cap."""
    for length, cap in windows:
        near = [other for other in placed if abs((other - day).days) < length]
        for start in range(length):  # each window [day - start, day - start + length)
            first = day - dt.timedelta(days=start)
            if sum(1 for other in near if 0 <= (other - first).days < length) >= cap:
                return False
    return True


def _crowded(anchors: list[tuple[dt.date, str]], taken_days: list[dt.date], window_days: int,
             windows) -> bool:
    """Whether anything needs merging or moving (most clients: no, and cheaply)."""
    calls = sorted(day for day, kind in anchors if kind == SATISFACTION_CALL)
    if any((b - a).days <= window_days for a, b in zip(calls, calls[1:], strict=False)):
        return True
    return bool(windows) and _over(taken_days + [day for day, _kind in anchors], windows)


def space_client(slots: list[Slot], taken_days: list[dt.date], window_days: int,
                 weekly_cap: int, monthly_cap: int = 0) -> dict[int, Placement]:
    """Where each open follow-up of one client goes. `taken_days`: key-date reminders."""
    anchors = [(s.due if s.fixed or s.kind in STAY_PUT else s.rule_due, s.kind) for s in slots]
    windows = _windows(weekly_cap, monthly_cap)
    if not _crowded(anchors, taken_days, window_days, windows):
        return {slot.id: Placement(day, None) for slot, (day, _k) in zip(slots, anchors,
                                                                           strict=True)}
    members = merge_groups(slots, window_days)
    contacts = [s for s in slots if s.id not in members]
    taken = list(taken_days)
    placed: dict[int, dt.date] = {}
    for slot in contacts:
        if slot.stays:
            placed[slot.id] = slot.anchor
            taken.append(slot.anchor)
    movable = sorted((s for s in contacts if not s.stays),
                     key=lambda s: (KEEP_RANK.get(s.kind, len(KEEP_RANK)), s.rule_due, s.id))
    for slot in movable:
        day = slot.rule_due
        # Bounded: past the last contact plus the longest window there is always room.
        while windows and not _has_room(day, taken, windows):
            day += dt.timedelta(days=1)
        placed[slot.id] = day
        taken.append(day)
    result = {slot_id: Placement(day, None) for slot_id, day in placed.items()}
    for member, head in members.items():
        result[member] = Placement(placed[head], head)
    return result
