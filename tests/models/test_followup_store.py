"""Follow-ups in the store: the version-2 fixture upgrades with nothing lost; cascades,
constraints and the agenda's index."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import peewee
import pytest

from boutique.models import Client, FollowUp, Purchase, close_database, open_database
from boutique.models.migrations import latest_version, schema_version

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
D = dt.date


def test_version_2_store_upgrades_with_nothing_lost(tmp_path):
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "store-v2.sqlite3", path)
    db = open_database(path)
    try:
        assert schema_version(db) == latest_version()
        rows = {f.id: f for f in FollowUp.select()}
        assert len(rows) == 7
        assert (rows[1].kind, rows[1].status, rows[1].outcome, rows[1].done_on) == (
            "thank_you_note", "done", "sent", D(2026, 1, 12))
        assert rows[3].skip_reason == "Travelling <all summer> & 🎉"
        assert (rows[4].due, rows[4].snoozed_from, rows[4].due_fixed) == (
            D(2027, 7, 12), D(2027, 7, 10), True)
        assert (rows[5].occasion, rows[5].occasion_date) == ("birthday", D(2026, 2, 28))
        assert rows[6].reason == "Ask Светлана about the engraving"
        assert (rows[7].source_kind, rows[7].source_id) == ("return", 12)
        from boutique.services.agenda import agenda_for

        kinds = {(i.client_id, i.kind) for i in agenda_for(D(2026, 12, 1))}
        assert {(1, "after_return"), (2, "custom")} <= kinds
    finally:
        close_database()
    if latest_version() > 2:
        backup = tmp_path / "old.before-v3.sqlite3"
        with sqlite3.connect(backup) as copy:
            assert copy.execute("PRAGMA user_version").fetchone()[0] == 2
            assert copy.execute("SELECT COUNT(*) FROM followup").fetchone()[0] == 7


def test_status_must_be_known_and_deadline_not_before_due(db, make_client):
    client = make_client()
    values = dict(client=client, kind="custom", channel="phone", rule_due=D(2026, 1, 2),
                  due=D(2026, 1, 2), deadline=D(2026, 1, 2))
    with pytest.raises(peewee.IntegrityError):
        FollowUp.create(**values, status="snoozed-ish")
    with pytest.raises(peewee.IntegrityError):
        FollowUp.create(**{**values, "deadline": D(2026, 1, 1)})


def test_cascades(db, make_client, make_purchase):
    client = make_client(mobile_phone="+15550134567")
    first = make_purchase(client.id, D(2026, 10, 1))
    make_purchase(client.id, D(2026, 10, 3))
    member = FollowUp.get(FollowUp.merged_into.is_null(False))
    # removing the call that carries another frees it (the engine then re-merges)
    FollowUp.delete().where(FollowUp.id == member.merged_into_id).execute()
    assert FollowUp.get_by_id(member.id).merged_into_id is None
    Purchase.delete().where(Purchase.id == first.id).execute()
    assert not FollowUp.select().where(FollowUp.purchase == first.id).exists()
    Client.delete().where(Client.id == client.id).execute()
    assert FollowUp.select().count() == 0


def test_the_agenda_reads_its_index_alone(db):
    plan = db.execute_sql(
        """EXPLAIN QUERY PLAN SELECT f.id, f.client_id, f.kind, f.due, f.deadline, f.reason,
           f.channel, f.is_gift, f.purchase_id, f.occasion, f.occasion_date, f.attempts
           FROM followup f WHERE f.merged_into_id IS NULL AND f.status = 'open'
             AND f.due <= ?""", ("2026-11-25",)).fetchall()
    assert "COVERING INDEX followup_agenda" in " ".join(str(step[-1]) for step in plan)
