"""The store: pragmas, migrations from every shipped version, constraints and cascades."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import peewee
import pytest

from boutique.models import Client, Note, Purchase, PurchaseItem, close_database, open_database
from boutique.models.migrations import latest_version, schema_version

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_pragmas_are_set(db):
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_new_store_is_at_latest_version(db):
    assert schema_version(db) == latest_version() >= 1


def test_version_1_store_upgrades_with_nothing_lost(tmp_path):
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "store-v1.sqlite3", path)
    db = open_database(path)
    try:
        assert schema_version(db) == latest_version()
        zoe = Client.get_by_id(1)
        assert (zoe.first_name, zoe.last_name, zoe.mobile_phone) == ("Zoë", "Ødegård", "+15550134567")
        assert Client.get_by_id(2).first_name == "Светлана"
        purchase = Purchase.get_by_id(1)
        assert purchase.is_gift and purchase.total_cents == 425000
        assert [i.description for i in purchase.items] == ["Sapphire halo ring"]
        assert {n.text for n in Note.select()} == {"Off to Italy in May <b>&</b> 🎉", "Ring size 6.5"}
    finally:
        close_database()
    if latest_version() > 1:
        backup = tmp_path / "old.before-v2.sqlite3"
        assert backup.exists()
        with sqlite3.connect(backup) as copy:
            assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
            assert copy.execute("SELECT COUNT(*) FROM client").fetchone()[0] == 2


def test_reopening_a_current_store_changes_nothing(tmp_path):
    path = tmp_path / "s.sqlite3"
    open_database(path)
    Client.create(first_name="Ana", last_name="Alvarez")
    close_database()
    open_database(path)
    try:
        assert Client.select().count() == 1
        assert not list(tmp_path.glob("*.before-*"))
    finally:
        close_database()


def test_a_client_needs_a_name(db):
    with pytest.raises(peewee.IntegrityError):
        Client.create(first_name="", last_name="")


def test_price_cannot_be_negative(db, make_client):
    client = make_client()
    purchase = Purchase.create(client=client, purchase_date=dt.date(2026, 1, 2))
    with pytest.raises(peewee.IntegrityError):
        PurchaseItem.create(purchase=purchase, description="Ring", price_cents=-1)


def test_deleting_a_client_cascades_to_purchases_items_and_notes(db, make_client, make_purchase):
    client = make_client()
    purchase = make_purchase(client.id, dt.date(2026, 3, 1))
    Note.create(client=client, purchase=purchase, text="Loves pearls")
    client.delete_instance()
    assert Purchase.select().count() == 0
    assert PurchaseItem.select().count() == 0
    assert Note.select().count() == 0


def test_deleting_a_purchase_keeps_its_notes(db, make_client, make_purchase):
    client = make_client()
    purchase = make_purchase(client.id, dt.date(2026, 3, 1))
    note = Note.create(client=client, purchase=purchase, text="Proposal at the lake")
    purchase.delete_instance()
    assert Note.get_by_id(note.id).purchase_id is None
    assert PurchaseItem.select().count() == 0


def test_a_failed_write_inside_a_transaction_leaves_the_store_as_it_was(db, make_client):
    make_client(first_name="Kept")
    with pytest.raises(peewee.IntegrityError), db.atomic():
        Client.create(first_name="Half", last_name="Written")
        Client.create(first_name="", last_name="")
    assert [c.first_name for c in Client.select()] == ["Kept"]
