"""The spend-before-Boutique migration: a format-4 store upgrades with its value figures kept."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from boutique.models import Client, close_database, open_database
from boutique.models.migrations import latest_version, schema_version

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_a_format_4_store_gains_spend_before_with_nothing_lost(tmp_path):
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "store-v4.sqlite3", path)
    with sqlite3.connect(path) as old:
        before = old.execute("SELECT id, first_name, lifetime_spend_cents FROM client "
                             "ORDER BY id").fetchall()
    db = open_database(path)
    try:
        assert schema_version(db) == latest_version()
        rows = [(c.id, c.first_name, c.lifetime_spend_cents) for c in Client.select().order_by(Client.id)]
        assert rows == before and rows
        assert {c.spend_before_cents for c in Client.select()} == {0}
    finally:
        close_database()


def test_an_upgraded_store_keeps_its_purchases_counted_and_checks_voided(tmp_path):
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "store-v4.sqlite3", path)
    open_database(path)
    close_database()
    with sqlite3.connect(path) as store:
        assert {row[0] for row in store.execute("SELECT voided FROM purchase")} == {""}
        with pytest.raises(sqlite3.IntegrityError):
            store.execute("UPDATE purchase SET voided = 'lost' WHERE id = 1")


def test_spend_before_counts_in_the_lifetime_spend(db, make_client):
    import datetime as dt

    from boutique.services.clients import ItemData, PurchaseData, record_purchase, set_spend_before

    ana = make_client()
    set_spend_before(ana.id, 50000)
    record_purchase(ana.id, PurchaseData(dt.date(2026, 11, 1), [ItemData("Ring", price_cents=1000)]))
    assert Client.get_by_id(ana.id).lifetime_spend_cents == 51000
