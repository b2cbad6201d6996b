"""Search as you type: names, email, formatted phones, accents; and the 80/20 tier."""

from __future__ import annotations

import datetime as dt

import pytest

from boutique.services.clients.book import save_client, trash_client
from boutique.services.clients.listing import SortKey, client_ids, client_rows
from boutique.services.clients.value import NEW, REGULAR, TOP, tier_for, top_tier_threshold


@pytest.fixture
def book(db):
    ids = {}
    ids["zoe"] = save_client({"first_name": "Zoë", "last_name": "Ødegård",
                              "mobile_phone": "+1 (555) 013-4567", "email": "zoe@example.com"}).id
    ids["ana"] = save_client({"first_name": "Ana", "last_name": "Alvarez",
                              "work_phone": "555-013-9999", "email": "ana.alvarez@example.org"}).id
    ids["mark"] = save_client({"first_name": "Mark", "last_name": "Anderson",
                               "home_phone": "(555) 987-6543"}).id
    ids["pct"] = save_client({"first_name": "100%", "last_name": "Real_Name"}).id
    return ids


def test_formatted_phone_search_ignores_formatting(book):
    assert client_ids("555 0134") == [book["zoe"]]
    assert client_ids("(555) 013-4") == [book["zoe"]]
    assert set(client_ids("555013")) == {book["zoe"], book["ana"]}
    assert client_ids("987.65") == [book["mark"]]


def test_name_prefixes_accents_and_email(book):
    assert client_ids("zoe") == [book["zoe"]]
    assert client_ids("ODEG") == [book["zoe"]]
    assert client_ids("an") == [book["ana"], book["mark"]]  # sorted by last name
    assert client_ids("ana alv") == [book["ana"]]
    assert client_ids("ana.alvarez@") == [book["ana"]]
    assert client_ids("derson") == []  # prefixes of words, not any substring


def test_wildcards_in_input_are_literal(book):
    assert client_ids("100%") == [book["pct"]]
    assert client_ids("real_") == [book["pct"]]
    assert client_ids("%") == []  # not the start of any word: nothing, not everything
    assert client_ids("_") == []
    assert client_ids("'\"\\") == []


def test_trashed_clients_are_not_listed(book):
    trash_client(book["zoe"])
    assert client_ids("zoe") == []
    assert client_ids("zoe", trashed=True) == [book["zoe"]]


def test_sort_by_spend(book, make_purchase):
    make_purchase(book["mark"], dt.date(2026, 1, 5), price_cents=900000)
    make_purchase(book["ana"], dt.date(2026, 2, 5), price_cents=10000)
    assert client_ids("", SortKey.SPEND, descending=True)[:2] == [book["mark"], book["ana"]]
    rows = client_rows([book["mark"]])
    assert rows[book["mark"]].lifetime_spend_cents == 900000
    assert rows[book["mark"]].last_purchase == dt.date(2026, 1, 5)


def test_top_tier_is_the_clients_making_80_percent_of_revenue(db, make_client, make_purchase):
    spends = [100_00, 50_00, 30_00, 10_00, 5_00, 5_00]  # total 200: 80% is 160
    clients = []
    for index, cents in enumerate(spends):
        client = make_client(first_name=f"C{index}")
        make_purchase(client.id, dt.date(2026, 1, 1 + index), price_cents=cents)
        clients.append(client.id)
    idle = make_client(first_name="Idle").id
    threshold = top_tier_threshold()
    rows = client_rows(clients + [idle])
    tiers = [rows[cid].tier for cid in clients]
    # 100 (0 before), 50 (100 before), 30 (150 before) are top; 10 has 180 before: not.
    assert tiers == [TOP, TOP, TOP, REGULAR, REGULAR, REGULAR]
    assert rows[idle].tier == NEW
    assert threshold == 30_00
    assert tier_for(0, threshold) == NEW


def test_tier_follows_new_purchases(db, make_client, make_purchase):
    a, b = make_client(first_name="A").id, make_client(first_name="B").id
    make_purchase(a, dt.date(2026, 1, 1), price_cents=100_00)
    make_purchase(b, dt.date(2026, 1, 1), price_cents=10_00)
    assert client_rows([b])[b].tier == REGULAR
    make_purchase(b, dt.date(2026, 2, 1), price_cents=500_00)
    assert client_rows([b])[b].tier == TOP
    assert client_rows([a])[a].tier == REGULAR
