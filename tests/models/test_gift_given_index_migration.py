"""The gift-day index migration: an older store gains the index with every purchase kept,
and the gifts given on a day are found through it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from boutique.models import close_database, open_database
from boutique.models.migrations import latest_version, schema_version

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_an_old_store_gains_the_gift_day_index(tmp_path):
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "store-v4.sqlite3", path)
    with sqlite3.connect(path) as store:
        purchases = store.execute("SELECT * FROM purchase ORDER BY id").fetchall()
    assert purchases
    db = open_database(path)
    try:
        assert schema_version(db) == latest_version() >= 10
    finally:
        close_database()
    with sqlite3.connect(path) as store:
        after = store.execute("SELECT * FROM purchase ORDER BY id").fetchall()
        # (later formats add columns after the old ones)
        assert [row[:len(purchases[0])] for row in after] == purchases
        (sql,) = store.execute("SELECT sql FROM sqlite_master WHERE name = "
                               "'purchase_gift_given'").fetchone()
        assert "gift_given_on" in sql and "IS NOT NULL" in sql
        plan = " ".join(row[3] for row in store.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM purchase WHERE gift_given_on BETWEEN ? AND ?",
            ("2025-01-01", "2025-01-31")))
        assert "purchase_gift_given" in plan
        assert store.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_new_store_has_it_too(db, db_path):
    assert db.execute_sql("SELECT COUNT(*) FROM sqlite_master WHERE name = "
                          "'purchase_gift_given'").fetchone()[0] == 1
