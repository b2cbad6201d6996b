"""Migration 15: every write to what an agenda item is made of journals whose it is."""

from __future__ import annotations

import sqlite3

import pytest

from boutique.models import database
from boutique.models.agenda_journal import (
    EVERYONE,
    agenda_journal_paused,
    changes_since,
    journal_position,
)
from boutique.models.migrations.m015_agenda_changes import KEPT
from tests.models.upgrade import upgraded_v4


def _journaled_by(sql: str, params: tuple = ()) -> list[int]:
    before = journal_position()
    database.execute_sql(sql, params)
    return sorted({c for (c,) in database.execute_sql(
        "SELECT client_id FROM agenda_change WHERE id > ?", (before,))})


def _two_clients(make_client) -> tuple[int, int]:
    return make_client(first_name="Ana").id, make_client(first_name="Bea").id


def test_each_watched_table_journals_its_client_on_every_kind_of_write(db, make_client):
    ana, bea = _two_clients(make_client)
    assert _journaled_by("UPDATE client SET first_name = 'Anna' WHERE id = ?", (ana,)) == [ana]
    assert _journaled_by("INSERT INTO purchase (client_id, purchase_date, total_cents, "
                         "created_at) VALUES (?, '2026-11-01', 100, '2026-11-01')",
                         (ana,)) == [ana]
    purchase = database.execute_sql("SELECT MAX(id) FROM purchase").fetchone()[0]
    # A row moved to another client changes both agendas.
    assert _journaled_by("UPDATE purchase SET client_id = ? WHERE id = ?",
                         (bea, purchase)) == [ana, bea]
    assert _journaled_by("INSERT INTO note (client_id, text, category, created_at) VALUES "
                         "(?, 'Loves opals', 'conversation', '2026-11-02')", (bea,)) == [bea]
    assert _journaled_by("DELETE FROM note WHERE client_id = ?", (bea,)) == [bea]
    assert _journaled_by("INSERT INTO relation (client_id, kind, name, created_at, updated_at)"
                         " VALUES (?, 'child', 'Mia', '2026-11-02', '2026-11-02')",
                         (ana,)) == [ana]
    assert _journaled_by("INSERT INTO followup (client_id, kind, channel, reason, rule_due, "
                         "due, deadline, status, created_at, updated_at) VALUES (?, "
                         "'satisfaction_call', 'phone', 'x', '2026-12-01', '2026-12-01', "
                         "'2026-12-08', 'open', '2026-11-01', '2026-11-01')", (bea,)) == [bea]
    assert _journaled_by("UPDATE followup SET status = 'done'") == [bea]
    assert _journaled_by("DELETE FROM purchase WHERE id = ?", (purchase,)) == [bea]
    assert _journaled_by("INSERT OR REPLACE INTO setting (key, value) "
                         "VALUES ('store.default_region', 'GB')") == [EVERYONE]


def test_a_write_of_another_connection_is_journaled_and_a_rolled_back_one_is_not(
        db, db_path, make_client):
    ana, _bea = _two_clients(make_client)
    before = journal_position()
    with sqlite3.connect(db_path) as other:
        other.execute("UPDATE client SET last_name = 'Ruiz' WHERE id = ?", (ana,))
    assert changes_since(before, 10).clients == {ana}
    after = journal_position()
    with pytest.raises(RuntimeError), database.atomic():
        database.execute_sql("UPDATE client SET last_name = 'Diaz' WHERE id = ?", (ana,))
        raise RuntimeError("cancelled")
    assert changes_since(after, 10) == (after, frozenset())


def test_changes_say_anyone_when_too_many_everyone_or_rows_were_pruned(db, make_client):
    ana, bea = _two_clients(make_client)
    start = journal_position()
    database.execute_sql("UPDATE client SET first_name = first_name || '!'")
    assert changes_since(start, 2).clients == {ana, bea}
    assert changes_since(start, 1).clients is None
    # The journal keeps its newest rows only: a reader from before them cannot know.
    for _ in range(KEPT):  # (two clients: two rows each)
        database.execute_sql("UPDATE client SET first_name = first_name")
    assert database.execute_sql("SELECT COUNT(*) FROM agenda_change").fetchone()[0] < 2 * KEPT
    assert changes_since(start, 10**6).clients is None
    recent = journal_position()
    database.execute_sql("UPDATE client SET first_name = 'Bee' WHERE id = ?", (bea,))
    assert changes_since(recent, 10) == (recent + 1, frozenset({bea}))


def test_a_bulk_write_paused_journals_everyone_once_and_keeps_the_schema(db, make_client):
    ana, _bea = _two_clients(make_client)
    schema = database.execute_sql("SELECT type, name, sql FROM sqlite_master ORDER BY name"
                                  ).fetchall()
    start = journal_position()
    with database.atomic(), agenda_journal_paused():
        database.execute_sql("UPDATE client SET first_name = 'Anna' WHERE id = ?", (ana,))
    assert database.execute_sql("SELECT client_id FROM agenda_change WHERE id > ?",
                                (start,)).fetchall() == [(EVERYONE,)]
    assert changes_since(start, 10).clients is None
    assert database.execute_sql("SELECT type, name, sql FROM sqlite_master ORDER BY name"
                                ).fetchall() == schema
    with pytest.raises(RuntimeError), agenda_journal_paused():
        pass


def test_an_old_store_gains_the_journal_with_its_rows_kept(tmp_path):
    path = upgraded_v4(tmp_path, "followup", at_least=15)
    with sqlite3.connect(path) as store:
        triggers = {name for (name,) in store.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%agenda%'")}
        journal = store.execute("SELECT client_id FROM agenda_change").fetchall()
    assert len(triggers) == 5 * 3 + 3 + 1
    # (nothing read of the store before it had a journal is taken as current)
    assert journal[-1] == (EVERYONE,)
