"""The contactable-clients index (migration 16): an older store gains it with every client
kept, and the reads that ask only whether a client may be contacted go through it and
count exactly what the client table says."""

from __future__ import annotations

import datetime as dt
import sqlite3

from boutique.models import database
from boutique.services.agenda.calendar import day_counts
from boutique.services.agenda.today import _week_counts
from boutique.services.cadence import lapsed_between
from boutique.services.clients.book import save_client, trash_client
from tests.models.upgrade import upgraded_v4

DAY = dt.date(2026, 11, 25)


def test_an_old_store_gains_the_contactable_index(tmp_path):
    path = upgraded_v4(tmp_path, "client", at_least=16)
    with sqlite3.connect(path) as store:
        (held,) = store.execute(
            "SELECT COUNT(*) FROM client INDEXED BY client_contactable "
            "WHERE deleted_at IS NULL AND do_not_contact = 0").fetchone()
        (expected,) = store.execute(
            "SELECT COUNT(*) FROM client NOT INDEXED "
            "WHERE deleted_at IS NULL AND do_not_contact = 0").fetchone()
        assert held == expected > 0
        assert store.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_reads_through_it_leave_out_who_may_not_be_contacted(db, make_client, make_purchase):
    ana, ben, cleo = (make_client(first_name=name) for name in ("Ana", "Ben", "Cleo"))
    for client in (ana, ben, cleo):
        make_purchase(client.id, DAY - dt.timedelta(days=9), "Pearl studs")
        make_purchase(client.id, DAY - dt.timedelta(days=40), "Gold hoops")
    everyone = _week_counts(DAY, None)
    month = day_counts(DAY - dt.timedelta(days=60), DAY + dt.timedelta(days=60))
    assert set(everyone) == {ana.id, ben.id, cleo.id}
    save_client({"do_not_contact": True}, ben.id)
    trash_client(cleo.id)
    assert set(_week_counts(DAY, None)) == {ana.id}
    fewer = day_counts(DAY - dt.timedelta(days=60), DAY + dt.timedelta(days=60))
    assert sum(c.notes + c.calls for c in fewer.values()) * 3 == sum(
        c.notes + c.calls for c in month.values())
    assert lapsed_between(DAY - dt.timedelta(days=6), DAY, DAY) >= 0
    plan = " ".join(row[3] for row in database.execute_sql(
        "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM followup f JOIN client c INDEXED BY "
        "client_contactable ON c.id = f.client_id WHERE c.deleted_at IS NULL "
        "AND c.do_not_contact = 0"))
    assert "client_contactable" in plan
