"""The purchase-hook index migration: an older store gains the index with every note kept,
and the newest conversation about a purchase is read through it, with no sort."""

from __future__ import annotations

import datetime as dt
import sqlite3

from boutique.models import Note
from boutique.services.agenda.cards import CardShelf
from boutique.services.agenda.rows import _PURCHASE_HOOK, stored_sources
from tests.models.upgrade import upgraded_v4

HOOK_PLAN = f"EXPLAIN QUERY PLAN SELECT {_PURCHASE_HOOK} FROM followup f WHERE f.id = 1"


def test_an_old_store_gains_the_purchase_hook_index(tmp_path):
    path = upgraded_v4(tmp_path, "note", at_least=13)
    with sqlite3.connect(path) as store:
        plan = " ".join(row[3] for row in store.execute(HOOK_PLAN))
        assert "note_purchase_hook" in plan and "TEMP B-TREE" not in plan
        assert store.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_hook_read_through_it_is_the_newest_conversation(db, make_client, make_purchase):
    client = make_client(first_name="Lea")
    ring = make_purchase(client.id, dt.date(2026, 10, 1), "Emerald ring")
    noon = dt.datetime(2026, 10, 2, 12)
    for text, category, hours, deleted in (
            ("First fitting", "conversation", 0, False),
            ("Same hour, noted first", "conversation", 2, False),
            ("Same hour, noted next", "conversation", 2, False),
            ("Asked about the clasp", "other", 5, False), ("Taken back", "conversation", 6, True)):
        Note.create(client=client.id, purchase=ring.id, text=text, category=category,
                    created_at=noon + dt.timedelta(hours=hours),
                    deleted_at=noon if deleted else None)
    # (noted at the same time: the later id is the newer, as ORDER BY created_at, id says)
    sources = stored_sources("f.client_id = ?", (client.id,))
    assert sources and {s.hook for s in sources if s.purchase_ids} == {"Same hour, noted next"}
    shelf = CardShelf()  # (the hooks read in one query, as for the calendar file)
    assert {s.hook for s in stored_sources("f.client_id = ?", (client.id,), shelf)
            if s.purchase_ids} == {"Same hour, noted next"}
    plan = " ".join(row[3] for row in db.execute_sql(HOOK_PLAN))
    assert "note_purchase_hook" in plan
