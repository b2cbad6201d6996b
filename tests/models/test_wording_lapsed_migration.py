"""The item-wording and lapsed-follow-up migrations: a format-5 store (made from the
format-4 fixture) upgrades with every row, index and merge kept."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from boutique.models import close_database, open_database
from boutique.models.migrations import latest_version, schema_version

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _snapshot(path: Path):
    with sqlite3.connect(path) as store:
        followups = store.execute("SELECT * FROM followup ORDER BY id").fetchall()
        items = store.execute("SELECT id, purchase_id, description FROM purchase_item "
                              "ORDER BY id").fetchall()
        indexes = sorted(row[0] for row in store.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'followup'"))
    return followups, items, indexes


def test_an_old_store_upgrades_with_its_follow_ups_and_items_kept(tmp_path):
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "store-v4.sqlite3", path)
    followups, items, indexes = _snapshot(path)
    assert followups and items
    db = open_database(path)
    try:
        assert schema_version(db) == latest_version()
    finally:
        close_database()
    after_followups, after_items, after_indexes = _snapshot(path)
    assert after_followups == followups  # same rows, same columns, merges included
    assert after_items == items
    assert after_indexes == sorted([*indexes, "followup_lapsed"])
    with sqlite3.connect(path) as store:
        assert store.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.execute("PRAGMA foreign_key_check").fetchall() == []
        assert {row[0] for row in store.execute(
            "SELECT wording || '|' || wording_number FROM purchase_item")} == {"|"}
        first = followups[0][0]
        store.execute("UPDATE followup SET status = 'lapsed' WHERE id = ?", (first,))
        with pytest.raises(sqlite3.IntegrityError):
            store.execute("UPDATE followup SET status = 'forgotten' WHERE id = ?", (first,))
        with pytest.raises(sqlite3.IntegrityError):
            store.execute("UPDATE purchase_item SET wording_number = 'dual' WHERE id = 1")
        # the agenda's index still serves only open rows
        plan = store.execute("""EXPLAIN QUERY PLAN SELECT f.id FROM followup f
            WHERE f.merged_into_id IS NULL AND f.status = 'open' AND f.due <= '2026-11-25'""")
        assert "followup_agenda" in " ".join(str(step[-1]) for step in plan)


def test_a_new_store_takes_lapsed_follow_ups(db, make_client, make_purchase):
    import datetime as dt

    from boutique.models import FollowUp

    client = make_client()
    make_purchase(client.id, dt.date(2026, 1, 5))
    row = FollowUp.select().first()
    FollowUp.update(status="lapsed").where(FollowUp.id == row.id).execute()
    assert FollowUp.get_by_id(row.id).status == "lapsed"
