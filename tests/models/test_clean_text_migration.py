"""The cleaning migration: a store of the previous format with dirty one-line fields."""

from __future__ import annotations

import importlib
import json
import shutil
import sqlite3
from pathlib import Path

from boutique.models import Client, Note, Setting, close_database, open_database
from boutique.models.migrations import latest_version, schema_version

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CLEAN = importlib.import_module("boutique.models.migrations.m004_clean_text")


def test_the_previous_format_upgrades_with_its_text_cleaned(tmp_path):
    path = tmp_path / "dirty.sqlite3"
    shutil.copy(FIXTURES / "store-v3.sqlite3", path)
    with sqlite3.connect(path) as conn:
        previous = conn.execute("PRAGMA user_version").fetchone()[0]
        first = conn.execute("SELECT id FROM client ORDER BY id").fetchone()[0]
        conn.execute("UPDATE client SET first_name = ?, home_line1 = ? WHERE id = ?",
                     ("\u202eZo\x00ë", "12 Rue\nde la Paix", first))
        conn.execute("INSERT INTO note (client_id, text, category, pinned, created_at)"
                     " VALUES (?, ?, 'other', 0, '2026-01-01 10:00:00')",
                     (first, "line one\n\tline\x00 two"))
    assert previous == 3  # the format before the cleaning migration
    db = open_database(path)
    try:
        assert schema_version(db) == latest_version()
        client = Client.get_by_id(first)
        assert (client.first_name, client.home_line1) == ("Zoë", "12 Rue de la Paix")
        assert Note.select().order_by(Note.id.desc()).first().text == "line one\n\tline two"
        report = json.loads(Setting.get_by_id(CLEAN.REPORT_KEY).value)
        assert report["client.first_name"] == 1 and report["client.home_line1"] == 1
        assert report["note.text"] == 1
    finally:
        close_database()


def test_the_cleaned_name_is_found_by_search(tmp_path):
    path = tmp_path / "dirty.sqlite3"
    shutil.copy(FIXTURES / "store-v3.sqlite3", path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE client SET last_name = ? WHERE id = 1", ("\u202eNakamura",))
    open_database(path)
    try:
        from boutique.services.notes.search import search_clients

        name = Client.get_by_id(1).last_name
        assert name == "Nakamura" or "\u202e" not in name
        assert any(hit.client_id == 1 for hit in search_clients(name))
    finally:
        close_database()
