"""Which backups are kept: every one of the last 7 days, then the newest of each of the
last 4 ISO weeks and of each of the last 12 months (Anki's scheme, by calendar).

Every backup of the last seven days is kept, not only the day's newest, so a backup
taken before an import in the morning is not thinned by the one taken on closing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Protocol

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12


class Dated(Protocol):
    taken_at: dt.datetime


def kept_until(taken: dt.date) -> dt.date:
    """The last day a backup taken on `taken` is surely kept, whatever is backed up later."""
    return taken + dt.timedelta(days=KEEP_DAILY - 1)


def _week(day: dt.date) -> tuple[int, int]:
    year, week, _ = day.isocalendar()
    return year, week


def _months_back(today: dt.date, count: int) -> set[tuple[int, int]]:
    months, year, month = set(), today.year, today.month
    for _ in range(count):
        months.add((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months


def backups_to_keep(backups: Sequence[Dated], today: dt.date) -> list[Dated]:
    """The backups the policy keeps on `today`; the others may be deleted."""
    first_daily = today - dt.timedelta(days=KEEP_DAILY - 1)
    weeks = {_week(today - dt.timedelta(weeks=n)) for n in range(KEEP_WEEKLY)}
    months = _months_back(today, KEEP_MONTHLY)
    keep: dict[int, Dated] = {}
    newest_of_week: dict[tuple[int, int], Dated] = {}
    newest_of_month: dict[tuple[int, int], Dated] = {}
    for backup in sorted(backups, key=lambda b: b.taken_at):
        day = backup.taken_at.date()
        if first_daily <= day <= today:
            keep[id(backup)] = backup
        if _week(day) in weeks:
            newest_of_week[_week(day)] = backup
        if (day.year, day.month) in months:
            newest_of_month[(day.year, day.month)] = backup
    for backup in _chain(newest_of_week.values(), newest_of_month.values()):
        keep[id(backup)] = backup
    if backups:  # the newest backup is never thinned, however old
        newest = max(backups, key=lambda b: b.taken_at)
        keep[id(newest)] = newest
    return sorted(keep.values(), key=lambda b: b.taken_at, reverse=True)


def _chain(*groups: Iterable[Dated]) -> Iterable[Dated]:
    for group in groups:
        yield from group
