"""The gift-day index migration: an older store gains the index with every purchase kept,
and the gifts given on a day are found through it."""

from __future__ import annotations

import sqlite3

from tests.models.upgrade import upgraded_v4


def test_an_old_store_gains_the_gift_day_index(tmp_path):
    path = upgraded_v4(tmp_path, "purchase", at_least=10)
    with sqlite3.connect(path) as store:
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
