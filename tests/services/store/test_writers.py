"""Writers wait their turn (BEGIN IMMEDIATE), and kill -9 never loses an acknowledged write."""

from __future__ import annotations

import sqlite3

from boutique.models import close_database
from tests.services.store.writers import kill_burst, run_writers


def _ids(path) -> set[int]:
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {row[0] for row in conn.execute("SELECT id FROM note")}


def test_three_writer_processes_at_once_lose_nothing_and_show_nothing(make_client, db_path):
    make_client()
    close_database()
    acknowledged, errors = run_writers(db_path, writers=3, count=100)
    assert errors == []
    assert len(acknowledged) == 300
    assert set(acknowledged) <= _ids(db_path)


def test_the_transaction_begins_immediate(db):
    from boutique.services.store import store_path

    other = sqlite3.connect(store_path(), timeout=0)
    with db.atomic():
        # An IMMEDIATE transaction holds the write lock from its first statement on.
        db.execute_sql("SELECT 1")
        try:
            other.execute("BEGIN IMMEDIATE")
            locked = False
        except sqlite3.OperationalError:
            locked = True
    other.close()
    assert locked


def test_kill_9_during_three_concurrent_writers_loses_no_acknowledged_write(make_client, db_path):
    make_client()
    close_database()
    figures = kill_burst(db_path, rounds=10)
    assert figures["kills"] >= 30
    assert figures["acknowledged"] >= 30 and figures["errors"] == 0
    assert set(figures["ids"]) <= _ids(db_path)
