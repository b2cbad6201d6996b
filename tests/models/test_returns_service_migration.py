"""The after-the-sale migration: a format-5 store gains returns, credit and tickets,
with its purchases and their value kept."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from boutique.models import close_database, open_database
from boutique.models.migrations import latest_version, schema_version

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_an_older_store_upgrades_with_purchases_kept_and_nothing_refunded(tmp_path):
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "store-v4.sqlite3", path)
    with sqlite3.connect(path) as old:
        before = old.execute("SELECT id, total_cents FROM purchase ORDER BY id").fetchall()
    db = open_database(path)
    try:
        assert schema_version(db) == latest_version()
    finally:
        close_database()
    with sqlite3.connect(path) as store:
        rows = store.execute("SELECT id, total_cents FROM purchase ORDER BY id").fetchall()
        assert rows == before and rows
        assert {r[0] for r in store.execute("SELECT refunded_cents FROM purchase")} == {0}
        tables = {r[0] for r in store.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"item_return", "store_credit_entry", "service_ticket"} <= tables


def test_the_new_tables_check_what_they_hold(db):
    with pytest.raises(Exception, match="CHECK"):
        db.execute_sql("""INSERT INTO store_credit_entry (client_id, entry_date, kind,
                          amount_cents, created_at) VALUES (1, '2026-01-01', 'used', 500, '')""")
    with pytest.raises(Exception, match="CHECK"):
        db.execute_sql("""INSERT INTO service_ticket (client_id, kind, received_on, promised_on,
                          status_on, created_at, updated_at) VALUES (1, 'engraving',
                          '2026-01-01', '2026-01-05', '2026-01-01', '', '')""")
