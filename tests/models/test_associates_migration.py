"""The associates migration: the names typed so far become associates, each client
points at hers, the letterhead's jeweler becomes the owner."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from boutique.models import close_database, open_database
from boutique.models.migrations import latest_version, schema_version

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NOW = "2026-11-25 10:00:00"


def _old_store(tmp_path, jeweler: str) -> Path:
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "store-v4.sqlite3", path)
    with sqlite3.connect(path) as store:
        for first, associate in (("Ana", "Maria"), ("Ben", " maria "), ("Cy", "James  Lee"),
                                 ("Dee", ""), ("Eve", "Zoë 💍")):
            store.execute("INSERT INTO client (first_name, associate, created_at, updated_at) "
                          "VALUES (?, ?, ?, ?)", (first, associate, NOW, NOW))
        store.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                      ("letterhead.jeweler_name", json.dumps(jeweler)))
    return path


@pytest.mark.parametrize("jeweler", ["Elena Marsh", "maria", ""])
def test_typed_names_become_associates_and_clients_point_at_them(tmp_path, jeweler):
    path = _old_store(tmp_path, jeweler)
    with sqlite3.connect(path) as store:
        before = store.execute("SELECT COUNT(*) FROM client").fetchone()[0]
        typed = {" ".join(row[0].split()) for row in store.execute(
            "SELECT associate FROM client WHERE trim(associate) <> ''")}
    db = open_database(path)
    try:
        assert schema_version(db) == latest_version()
    finally:
        close_database()
    with sqlite3.connect(path) as store:
        assert store.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.execute("PRAGMA foreign_key_check").fetchall() == []
        assert store.execute("SELECT COUNT(*) FROM client").fetchone()[0] == before
        people = dict(store.execute("SELECT name, is_owner FROM associate"))
        linked = dict(store.execute(
            "SELECT c.first_name, a.name FROM client c LEFT JOIN associate a "
            "ON a.id = c.associate_id WHERE c.first_name IN ('Ana','Ben','Cy','Dee','Eve')"))
        for table in ("handoff", "associate_change"):
            assert store.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0
        with pytest.raises(sqlite3.IntegrityError):
            store.execute("INSERT INTO associate (name, created_at, updated_at) "
                          "VALUES ('MARIA', ?, ?)", (NOW, NOW))
    assert linked == {"Ana": "Maria", "Ben": "Maria", "Cy": "James Lee", "Dee": None,
                      "Eve": "Zoë 💍"}
    expected = dict.fromkeys(typed - {"maria"}, 0)
    assert {"Maria", "James Lee", "Zoë 💍"} <= set(expected)
    if jeweler == "Elena Marsh":
        expected["Elena Marsh"] = 1
    elif jeweler == "maria":
        expected["Maria"] = 1
    assert people == expected
