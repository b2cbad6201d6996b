"""The morning agenda kept between refreshes: after an edit, only the clients it touched
are worked out again.

The Today tab reloads its list after every edit. A client's items are made of her own
rows only (her follow-ups, purchases, notes, relations and card), so the list of the day
is kept with the journal id it was read at (models.agenda_journal), and a refresh works
out again only the clients journaled since; the rest of the list is the one kept. What
every item depends on is checked each time: the store (a store opened anew starts
over) and the top-tier threshold; a settings change journals "everyone".
"""

from __future__ import annotations

import bisect
import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass

from boutique.models import database
from boutique.models.agenda_journal import changes_since, journal_position
from boutique.services.agenda.items import AgendaItem, sort_key
from boutique.services.clients import top_tier_threshold

# Beyond this many changed clients, the whole list is worked out again: the per-client
# reads cost more than the one pass by then.
MOST_CHANGED = 300
KEPT_DAYS = 3  # today, and a day or two looked at on the calendar

Build = Callable[[frozenset[int] | None], list[AgendaItem]]


@dataclass
class _Kept:
    store: object  # the database it was read from
    threshold: int | None
    position: int  # the journal id it was read at
    items: list[AgendaItem]  # in agenda order
    keys: list[tuple]  # sort_key of each item


_lock = threading.Lock()
_kept: dict[dt.date, _Kept] = {}


def kept_agenda(day: dt.date, build: Build) -> list[AgendaItem]:
    """The agenda of `day` in agenda order. `build(clients)` gives the unsorted items of
    those clients (None: of everyone)."""
    with _lock:
        store, threshold = database.obj, top_tier_threshold()
        kept = _kept.get(day)
        if kept is None or kept.store is not store or kept.threshold != threshold:
            kept = _whole(day, build, store, threshold)
        else:
            changes = changes_since(kept.position, MOST_CHANGED)
            if changes.clients is None:
                kept = _whole(day, build, store, threshold)
            elif changes.clients:
                _refresh(kept, changes.clients, build(changes.clients))
            kept.position = changes.position
        return list(kept.items)


def forget_kept() -> None:
    """Drop every kept list (the next agenda is worked out whole)."""
    with _lock:
        _kept.clear()


def _whole(day: dt.date, build: Build, store, threshold) -> _Kept:
    # The journal is read first: a write landing while the list is built is read again
    # at the next refresh, never missed.
    position = journal_position()
    items = sorted(build(None), key=sort_key)
    kept = _Kept(store, threshold, position, items, [sort_key(i) for i in items])
    _kept.pop(day, None)
    while len(_kept) >= KEPT_DAYS:
        del _kept[next(iter(_kept))]  # (the oldest kept)
    _kept[day] = kept
    return kept


def _refresh(kept: _Kept, clients: frozenset[int], fresh: list[AgendaItem]) -> None:
    staying = [n for n, item in enumerate(kept.items) if item.client_id not in clients]
    items = [kept.items[n] for n in staying]
    keys = [kept.keys[n] for n in staying]
    for item in sorted(fresh, key=sort_key):
        key = sort_key(item)
        at = bisect.bisect_right(keys, key)
        keys.insert(at, key)
        items.insert(at, item)
    kept.items, kept.keys = items, keys
