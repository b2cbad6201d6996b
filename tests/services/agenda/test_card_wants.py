"""What a list reads of each client, or-ed from her items one by one (item_wants,
load_wanted), is what load_cards reads from the sets of the same items."""

from __future__ import annotations

import pytest

from boutique.services.agenda.cards import CardShelf, item_wants, load_cards, load_wanted
from boutique.services.agenda.rows import stored_sources
from boutique.services.demo.build import build_demo
from tests.services.agenda.test_kept_agenda import BUILT


@pytest.fixture
def sources(db):
    build_demo(250, seed=5, today=BUILT, years=3.0)
    return stored_sources("f.status = 'open'", ())


def _by_sets(sources):
    """load_cards of the sources' clients, each read with what her items need."""
    ids = {s.client_id for s in sources}
    return load_cards(
        ids, with_address={s.client_id for s in sources if s.channel == "mail"},
        without_hook=ids - {s.client_id for s in sources if not s.hook},
        planned={(s.client_id, s.channel) for s in sources if s.channel != "mail"})


def _by_wants(sources, shelf=None):
    wanted: dict[int, int] = {}
    for s in sources:
        wanted[s.client_id] = wanted.get(s.client_id, 0) | item_wants(bool(s.hook))[s.channel]
    return load_wanted(wanted, shelf)


def test_a_book_s_open_follow_ups_read_the_same_cards_either_way(sources):
    channels = {s.channel for s in sources}
    assert {"mail", "phone"} <= channels and len(sources) > 200
    assert any(s.hook for s in sources) and any(not s.hook for s in sources)
    by_sets = _by_sets(sources)
    assert any(card.hook for card in by_sets.values())
    assert any(card.home_json.strip('[",]') for card in by_sets.values())
    assert _by_wants(sources) == by_sets
    # (a channel the contact rules do not know of asks for her hook only)
    odd = [s._replace(channel="fax") for s in sources[::7]]
    assert _by_wants(odd) == _by_sets(odd)


def test_on_a_shelf_a_client_is_read_again_only_for_more(sources):
    shelf = CardShelf()
    calls = [s for s in sources if s.channel != "mail"]
    _by_wants(calls, shelf)
    first = dict(shelf.cards)
    assert _by_wants(sources, shelf) == _by_sets(sources)
    written = {s.client_id for s in sources if s.channel == "mail"}
    assert any(shelf.cards[i] != first[i] for i in written if i in first)
