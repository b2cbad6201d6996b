"""The first keystrokes of a search read the prefix table: it finds exactly the clients
the word index finds, in the same order, and follows every change to the book."""

from __future__ import annotations

import datetime as dt

from boutique.models import database
from boutique.services.clients import insert_clean_clients
from boutique.services.clients.book import purge_client, restore_client, save_client, trash_client
from boutique.services.clients.listing import SortKey, client_ids
from boutique.services.demo.build import build_demo

_TOP = "\U0010ffff"


def _by_words(prefix: str, descending: bool = False) -> list[int]:
    """The clients with a word starting with `prefix`, from the word index alone."""
    direction = "DESC" if descending else "ASC"
    return [row[0] for row in database.execute_sql(
        f"""SELECT DISTINCT client_id, sort_name FROM client_word WHERE word >= ? AND word < ?
            ORDER BY sort_name {direction}, client_id {direction}""", (prefix, prefix + _TOP))]


def _short_prefixes() -> list[str]:
    return [row[0] for row in database.execute_sql(
        """SELECT DISTINCT substr(word, 1, 1) FROM client_word UNION
           SELECT DISTINCT substr(word, 1, 2) FROM client_word WHERE length(word) >= 2""")]


def test_every_short_prefix_finds_what_the_word_index_finds(db):
    build_demo(300, seed=5, today=dt.date(2026, 11, 25), years=1.0)
    prefixes = _short_prefixes()
    assert len(prefixes) > 100
    for prefix in prefixes:
        assert client_ids(prefix) == _by_words(prefix), prefix
    for prefix in prefixes[::7]:
        assert client_ids(prefix, descending=True) == _by_words(prefix, descending=True)
        by_spend = client_ids(prefix, sort=SortKey.SPEND)
        assert sorted(by_spend) == sorted(_by_words(prefix))


def test_the_prefix_table_follows_edits_trash_and_purge(db):
    (ana_id,) = insert_clean_clients([{"first_name": "Ana", "last_name": "Ödegård",
                                       "email": "ana@example.com"}], [0])
    assert ana_id in client_ids("an") and ana_id in client_ids("o")
    ana = save_client({"first_name": "Zoë", "last_name": "Ödegård", "email": "zoe@example.com"},
                      ana_id)
    assert ana.id not in client_ids("an") and ana.id in client_ids("zo")
    trash_client(ana.id)
    assert ana.id not in client_ids("zo")
    restore_client(ana.id)
    assert ana.id in client_ids("z")
    trash_client(ana.id)
    purge_client(ana.id)
    assert database.execute_sql("SELECT COUNT(*) FROM client_prefix").fetchone() == (0,)


def test_two_short_words_are_both_required(db):
    ids = insert_clean_clients([{"first_name": "Ana", "last_name": "Jones"},
                                {"first_name": "Ana", "last_name": "Smith"},
                                {"first_name": "Jo", "last_name": "Anders"}], [0, 0, 0])
    assert client_ids("an jo") == [ids[2], ids[0]]  # Anders, Jo before Jones, Ana
    assert client_ids("s an") == [ids[1]]
