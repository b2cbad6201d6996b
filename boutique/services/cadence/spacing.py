"""No over-contact: merge close satisfaction calls, cap the contacts a client gets.

Pure: given one client's open follow-ups (and the days already taken by key-date
reminders), say where each one goes. Everything is recomputed from each follow-up's
rule day, so running it twice changes nothing.

- Satisfaction calls whose days lie within the merge window of the first one become one
  call on the first one's day; the others point at it (`merged_into`). Thank-you notes
  due within the note window of the first open one become one note naming every piece,
  and service calls for pieces bought within a season share one call, the same way.
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
    # Only follow-ups of one group merge: a gift's thank-you never shares a card with the
    # buyer's own (the card for her own piece may go where the gift must not be named).
    group: object = None

    @property
    def stays(self) -> bool:
        return self.fixed or self.kind in STAY_PUT

    @property
    def anchor(self) -> dt.date:
        return self.due if self.stays else self.rule_due


class Placement(NamedTuple):
    due: dt.date
    merged_into: int | None


# Kinds that merge into one contact, and which window (by its name in `merge_windows`).
MERGING = (SATISFACTION_CALL, THANK_YOU_NOTE, SERVICE_CALL)


def merge_group(kind: str, is_gift: bool) -> object:
    """Which follow-ups may share one contact: thank-you notes only with notes alike in
    being a gift or not; calls with any call of their kind."""
    return bool(is_gift) if kind == THANK_YOU_NOTE else None


def merge_windows(window_days: int, note_days: int = 0, service_days: int = 0) -> dict[str, int]:
    """kind -> days within which that kind's follow-ups of one client merge (absent: never)."""
    windows = {SATISFACTION_CALL: window_days}
    if note_days:
        windows[THANK_YOU_NOTE] = note_days
    if service_days:
        windows[SERVICE_CALL] = service_days
    return windows


def merge_groups(slots: list[Slot], window_days: int | dict[str, int]) -> dict[int, int]:
    """member id -> head id for follow-ups of a merging kind within the window of their
    head (the earliest of the group). `window_days`: the satisfaction calls' window, or a
    window per kind (see merge_windows)."""
    windows = (window_days if isinstance(window_days, dict)
               else {SATISFACTION_CALL: window_days})
    members: dict[int, int] = {}
    for kind, days in windows.items():
        heads: dict[object, Slot] = {}
        for slot in sorted((s for s in slots if s.kind == kind), key=lambda s: (s.anchor, s.id)):
            head = heads.get(slot.group)
            if head is not None and (slot.anchor - head.anchor).days <= days:
                members[slot.id] = head.id
            else:
                heads[slot.group] = slot
    return members


# (days, cap) for the rolling windows; a cap of 0 means no limit.
def _windows(weekly_cap: int, monthly_cap: int) -> tuple[tuple[int, int], ...]:
    return tuple((days, cap) for days, cap in ((7, weekly_cap), (30, monthly_cap)) if cap)


def _over(days: list[dt.date], windows) -> bool:
    ordered = sorted(days)
    return any((ordered[i + cap] - ordered[i]).days < length
               for length, cap in windows for i in range(len(ordered) - cap))


def _has_room(day: dt.date, placed: list[dt.date], windows) -> bool:
    """Whether one more contact on `day` keeps every rolling window within its cap.

    A window of `length` days holding `day` and `cap` others exists exactly when some
    `cap` others lie, with `day`, within a span shorter than `length`; the tightest such
    others are neighbours in date order, so one pass over them decides."""
    for length, cap in windows:
        near = sorted(other for other in placed if abs((other - day).days) < length)
        for first, last in zip(near, near[cap - 1:], strict=False):
            if (max(last, day) - min(first, day)).days < length:
                return False
    return True


def _crowded(anchors: list[tuple[dt.date, str]], taken_days: list[dt.date],
             merging: dict[str, int], windows) -> bool:
    """Whether anything needs merging or moving (most clients: no, and cheaply)."""
    for kind, days in merging.items():
        same = sorted(day for day, k in anchors if k == kind)
        if any((b - a).days <= days for a, b in zip(same, same[1:], strict=False)):
            return True
    return bool(windows) and _over(taken_days + [day for day, _kind in anchors], windows)


def space_client(slots: list[Slot], taken_days: list[dt.date], window_days: int,
                 weekly_cap: int, monthly_cap: int = 0, note_days: int = 0,
                 service_days: int = 0) -> dict[int, Placement]:
    """Where each open follow-up of one client goes. `taken_days`: key-date reminders.
    `window_days`, `note_days`, `service_days`: the merge windows (see merge_windows)."""
    anchors = [(s.due if s.fixed or s.kind in STAY_PUT else s.rule_due, s.kind) for s in slots]
    windows = _windows(weekly_cap, monthly_cap)
    merging = merge_windows(window_days, note_days, service_days)
    if not _crowded(anchors, taken_days, merging, windows):
        return {slot.id: Placement(day, None) for slot, (day, _k) in zip(slots, anchors,
                                                                           strict=True)}
    members = merge_groups(slots, merging)
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
