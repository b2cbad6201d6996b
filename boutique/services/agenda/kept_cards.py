"""The client cards kept from one agenda to the next: a new day's agenda, or a day looked
at on the calendar, reads again only the clients changed since.

A card (services.agenda.cards.ClientCard) is what an agenda item needs of its client: her
names, ways of reaching her, tier and personal hook, and what the contact rules chose
from them; with it, the hook of each purchase her items recall, and each of her stored
follow-ups as read (rows.Source: which of them are due is still asked each time). None of
it depends on the day, and on a 100,000-client book reading it for the two or three
thousand clients of a morning is about two thirds of the agenda's time. The kept cards
are brought up to date from the journal of changes (models.agenda_journal) each time they
are used, as the kept agenda is: the clients it names are read again, and when it names
too many or "everyone" (a settings change) or another store is open, everything is. The
top-tier threshold is checked too: when a sale moves it, what was chosen is chosen again
(each card's tier goes with it).

Nothing is kept from inside a transaction: what it reads may yet be rolled back.
"""

from __future__ import annotations

import pickle
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from boutique.models import database
from boutique.models.agenda_journal import changes_since, journal_position
from boutique.services.agenda.cards import CardShelf
from boutique.services.clients import top_tier_threshold

# Beyond this many clients read, the cards start over: each takes about 2.4 KB with what
# was chosen for her and her follow-ups (a 100k book's morning, 2,609 clients: 6.3 MB).
MOST_KEPT = 8_000
# Beyond this many clients changed since, reading them one by one is not worth it.
MOST_CHANGED = 2_000


@dataclass
class _Kept:
    store: object  # the database the cards were read from
    position: int  # the journal id they are up to date with
    threshold: int | None  # the top tier's, as it was when their tiers were chosen
    shelf: CardShelf


_lock = threading.RLock()
_kept: _Kept | None = None
_handed: tuple | None = None  # (store, journal id, threshold, the shelf pickled): adopt_cards


@contextmanager
def kept_cards() -> Iterator[CardShelf]:
    """The cards kept, up to date, for the agenda being made (which adds those it reads)."""
    if database.in_transaction():
        yield CardShelf()
        return
    with _lock:
        yield _up_to_date()


def _up_to_date() -> CardShelf:
    global _kept, _handed
    threshold = top_tier_threshold()
    if _kept is None and _handed is not None and _handed[0] is database.obj:
        store, position, handed_threshold, packed = _handed
        _kept = _Kept(store, position, handed_threshold, pickle.loads(packed))
    _handed = None
    kept = _kept
    if kept is None or kept.store is not database.obj or len(kept.shelf.read) > MOST_KEPT:
        return _started_over(threshold)
    changes = changes_since(kept.position, MOST_CHANGED)
    if changes.clients is None:
        return _started_over(threshold)
    shelf = kept.shelf
    for client_id in changes.clients:
        shelf.drop(client_id)
    kept.position = changes.position
    if kept.threshold != threshold:
        shelf.choices.clear()
        kept.threshold = threshold
    return shelf


def _started_over(threshold: int | None) -> CardShelf:
    global _kept
    # The journal is read first: a write landing while the cards are read is read again
    # the next time, never missed.
    _kept = _Kept(database.obj, journal_position(), threshold, CardShelf(kept=True))
    return _kept.shelf


def kept_cards_entry() -> tuple | None:
    """The cards kept, to hand to another process: (journal id, threshold, the shelf
    pickled), or None."""
    with _lock:
        if _kept is None:
            return None
        return _kept.position, _kept.threshold, pickle.dumps(_kept.shelf, pickle.HIGHEST_PROTOCOL)


def adopt_cards(entry: tuple | None) -> None:
    """Keep the cards another process read from the store now open (kept_cards_entry
    there), unless some are kept here: unpickled when first used (a 100k book's morning
    is 1.5 MB, some twenty milliseconds), and then brought up to date from the journal."""
    global _handed
    with _lock:
        if entry is not None and _kept is None:
            _handed = (database.obj, *entry)


def forget_cards() -> None:
    """Drop the kept cards (the next agenda reads every client it shows)."""
    global _kept, _handed
    with _lock:
        _kept = _handed = None
