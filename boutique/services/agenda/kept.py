"""The morning agenda and the week's counts kept between refreshes: after an edit, only the
clients it touched are worked out again.

The Today tab reloads its list and its week summary after every edit. A client's items
and counts are made of her own rows only (her follow-ups, purchases, notes, relations and
card), so what was worked out is kept with the journal id it was read at
(models.agenda_journal), and a refresh works out again only the clients journaled since;
the rest is what was kept. What all of it depends on is checked each time: the store (a
store opened anew starts over) and, for the agenda, the top-tier threshold (when a sale
moves it, the clients whose tier it moved are worked out again too); a settings change
journals "everyone". Nothing is kept from inside a transaction (it may yet roll back).
"""

from __future__ import annotations

import bisect
import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from boutique.models import database
from boutique.models.agenda_journal import changes_since, journal_position
from boutique.services.agenda.items import AgendaItem, sort_key
from boutique.services.clients import tier_moved, top_tier_threshold
from boutique.services.collector import collector_paused

# Beyond this many changed clients, everything is worked out again: the per-client reads
# cost more than the one pass by then.
MOST_CHANGED = 300
KEPT_DAYS = 3  # of each kind: today, and a day or two looked at on the calendar

Clients = frozenset[int] | None  # None: everyone
Counts = dict[int, tuple[int, ...]]  # client id -> her counts


@dataclass
class _Entry:
    store: object  # the database it was read from
    guard: Any  # what else it depends on, as it was then
    position: int  # the journal id it was read at
    value: Any


_lock = threading.Lock()
_entries: dict[tuple[str, dt.date], _Entry] = {}


def _kept(kind: str, day: dt.date, guard, whole: Callable[[], Any],
          refresh: Callable[[Any, frozenset[int]], Any],
          moved: Callable[[Any, Any], frozenset[int] | None] | None = None):
    """What `whole()` gives, kept; after a change to a few clients, `refresh(kept, them)`.
    `moved(old guard, new guard)`: the clients a change of the guard touches (None: all).
    Inside a transaction nothing kept is read or kept: what it reads may be rolled back."""
    if database.in_transaction():
        return whole()
    with _lock:
        entry = _entries.get((kind, day))
        if entry is not None and entry.store is database.obj:
            clients = _changed_since(entry, guard, moved)
            if clients is not None:
                if clients:
                    entry.value = refresh(entry.value, clients)
                return entry.value
        # The journal is read first: a write landing while the value is worked out is
        # read again at the next refresh, never missed.
        position = journal_position()
        entry = _Entry(database.obj, guard, position, whole())
        _entries.pop((kind, day), None)
        same = [key for key in _entries if key[0] == kind]
        for key in same[:max(0, len(same) - KEPT_DAYS + 1)]:
            del _entries[key]  # (the oldest kept of the kind)
        _entries[kind, day] = entry
        return entry.value


def _changed_since(entry: _Entry, guard, moved) -> frozenset[int] | None:
    """Whose values may differ from the entry's, which is moved on to now; None when too
    many do (or anyone may) and the entry must be worked out whole."""
    if entry.guard == guard:
        touched = frozenset()
    else:
        touched = moved(entry.guard, guard) if moved is not None else None
        if touched is None:
            return None
    changes = changes_since(entry.position, MOST_CHANGED)
    if changes.clients is None or len(changes.clients | touched) > MOST_CHANGED:
        return None
    entry.position, entry.guard = changes.position, guard
    return changes.clients | touched


def kept_entries() -> list[tuple]:
    """What is kept, to hand to another process: (kind, day, guard, position, value)."""
    with _lock:
        return [(kind, day, e.guard, e.position, e.value) for (kind, day), e in _entries.items()]


def adopt(entries: list[tuple]) -> None:
    """Keep what another process worked out from the store now open (kept_entries there);
    the journal brings each up to date at its next reading. What is kept here stays."""
    with _lock:
        for kind, day, guard, position, value in entries:
            _entries.setdefault((kind, day), _Entry(database.obj, guard, position, value))


def forget_kept() -> None:
    """Drop everything kept (the next agenda and counts are worked out whole)."""
    with _lock:
        _entries.clear()


def kept_agenda(day: dt.date, build: Callable[[Clients], list[AgendaItem]]
                ) -> list[AgendaItem]:
    """The agenda of `day` in agenda order. `build(clients)` gives the unsorted items of
    those clients (None: of everyone)."""

    def whole():
        # (thousands of items and their keys, none in a cycle: see services.collector)
        with collector_paused():
            items = build(None)
            keys = list(map(sort_key, items))  # (each made once: a big book's is thousands)
            order = sorted(range(len(items)), key=keys.__getitem__)
            return [items[n] for n in order], [keys[n] for n in order]

    def refresh(kept, clients: frozenset[int]):
        items, keys = kept
        staying = [n for n, item in enumerate(items) if item.client_id not in clients]
        items, keys = [items[n] for n in staying], [keys[n] for n in staying]
        for item in sorted(build(clients), key=sort_key):
            key = sort_key(item)
            at = bisect.bisect_right(keys, key)
            keys.insert(at, key)
            items.insert(at, item)
        return items, keys

    # A sale moves the top tier's threshold: only the clients it moved change tier.
    items, _keys = _kept("agenda", day, top_tier_threshold(), whole, refresh,
                         lambda old, new: tier_moved(old, new, MOST_CHANGED))
    return list(items)


def kept_counts(kind: str, day: dt.date, read: Callable[[Clients], Counts],
                width: int) -> tuple[int, ...]:
    """`width` per-client counts of `day` summed over the book; `read(clients)` gives each
    client's counts (None: everyone's), leaving out clients with none."""

    def whole():
        counts = read(None)
        return counts, _summed(counts.values(), width)

    def refresh(kept, clients: frozenset[int]):
        counts, total = kept
        fresh = read(clients)  # (read before anything kept is touched)
        gone = _summed((counts.pop(c) for c in clients if c in counts), width)
        counts.update(fresh)
        added = _summed(fresh.values(), width)
        return counts, tuple(t - g + a for t, g, a in zip(total, gone, added, strict=True))

    return _kept(kind, day, None, whole, refresh)[1]


def _summed(rows, width: int) -> tuple[int, ...]:
    return tuple(sum(column) for column in zip(*rows, strict=True)) or (0,) * width
