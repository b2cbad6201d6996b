"""Format 6: the people in a client's life, and gifts with a recipient, a day and a way
to a shared home. A format-4 store upgrades (through 5) with nothing lost."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from boutique.models import Purchase, close_database, open_database
from boutique.models.migrations import latest_version, schema_version

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_an_older_store_gains_relations_and_keeps_its_gifts(tmp_path):
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "store-v4.sqlite3", path)
    with sqlite3.connect(path) as old:
        before = old.execute("SELECT id, is_gift, gift_recipient, gift_relation, gift_occasion "
                             "FROM purchase ORDER BY id").fetchall()
        tables = {r[0] for r in old.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "relation" not in tables
    db = open_database(path)
    try:
        assert schema_version(db) == latest_version()
        rows = [(p.id, p.is_gift, p.gift_recipient, p.gift_relation, p.gift_occasion)
                for p in Purchase.select().order_by(Purchase.id)]
        assert rows == [(i, bool(g), r, rel, o) for i, g, r, rel, o in before] and rows
        assert {(p.gift_relation_id, p.gift_given_on, p.gift_delivery)
                for p in Purchase.select()} == {(None, None, "")}
    finally:
        close_database()


def test_the_store_checks_relation_kinds_names_and_gift_deliveries(tmp_path):
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "store-v4.sqlite3", path)
    open_database(path)
    close_database()
    with sqlite3.connect(path) as store:
        store.execute("PRAGMA foreign_keys = ON")
        client_id = store.execute("SELECT id FROM client LIMIT 1").fetchone()[0]
        insert = ("INSERT INTO relation (client_id, kind, name, created_at, updated_at) "
                  "VALUES (?, ?, ?, '2026-01-01', '2026-01-01')")
        with pytest.raises(sqlite3.IntegrityError):
            store.execute(insert, (client_id, "cousin", "Ana"))
        with pytest.raises(sqlite3.IntegrityError):
            store.execute(insert, (client_id, "child", "  "))
        with pytest.raises(sqlite3.IntegrityError):
            store.execute("UPDATE purchase SET gift_delivery = 'pigeon' WHERE id = 1")
        relation_id = store.execute(insert, (client_id, "child", "Leo")).lastrowid
        store.execute("UPDATE purchase SET gift_relation_id = ? WHERE id = 1", (relation_id,))
        store.execute("DELETE FROM relation WHERE id = ?", (relation_id,))
        # the gift stays, with its recipient's name; only the link goes
        assert store.execute("SELECT gift_relation_id FROM purchase WHERE id = 1"
                             ).fetchone() == (None,)
