"""Follow-ups for the demo and benchmark stores, made in bulk by the same rules."""

from __future__ import annotations

import datetime as dt

from boutique.models import Client, FollowUp, Purchase, database
from boutique.services.agenda import agenda_for
from boutique.services.cadence.bulk import HISTORY_DAYS, RECENT_BACKLOG_DAYS
from boutique.services.cadence.engine import purchase_facts, respace_client
from boutique.services.cadence.rules import plan_purchase
from boutique.services.cadence.settings import load_rules
from boutique.services.demo.build import build_demo

DAY = dt.date(2026, 11, 25)


def test_demo_follow_ups_follow_the_rules(db):
    build_demo(80, seed=3, today=DAY)
    rules = load_rules()
    begin = DAY - dt.timedelta(days=HISTORY_DAYS)
    assert FollowUp.select().count() > 0
    # each purchase's rule days, as one purchase at the counter would get them
    for purchase in Purchase.select().join(Client).where(~Client.do_not_contact):
        planned = {(p.kind, p.sequence, p.rule_due)
                   for p in plan_purchase(purchase_facts(purchase), rules)}
        stored = {(f.kind, f.sequence, f.rule_due) for f in
                  FollowUp.select().where(FollowUp.purchase == purchase.id)}
        assert stored <= planned
        # everything since records began is there (older ones were never recorded)
        assert {k for k in planned if k[2] > begin + dt.timedelta(days=30)} <= stored
    quiet = Client.select(Client.id).where(Client.do_not_contact)
    assert not FollowUp.select().where(FollowUp.client.in_(quiet)).exists()


def test_demo_spacing_is_what_the_engine_would_do(db):
    build_demo(80, seed=3, today=DAY)
    before = {f.id: (f.due, f.merged_into_id) for f in
              FollowUp.select().where(FollowUp.status == "open")}
    for client in Client.select():
        respace_client(client)
    after = {f.id: (f.due, f.merged_into_id) for f in
             FollowUp.select().where(FollowUp.status == "open")}
    assert after == before


def test_demo_history_is_mostly_done_with_a_short_backlog(db):
    build_demo(80, seed=3, today=DAY)
    late_open = (FollowUp.select().where(
        FollowUp.status == "open",
        FollowUp.deadline < DAY - dt.timedelta(days=RECENT_BACKLOG_DAYS),
        FollowUp.kind != "custom").count())
    assert late_open == 0
    done = FollowUp.select().where(FollowUp.status == "done").count()
    assert done > FollowUp.select().where(FollowUp.status == "skipped").count() * 5
    merged = FollowUp.select().where(FollowUp.merged_into.is_null(False))
    for member in merged:
        head = FollowUp.get_by_id(member.merged_into_id)
        assert (head.client_id, head.kind, head.status) == (
            member.client_id, member.kind, member.status)
        assert member.kind in ("satisfaction_call", "thank_you_note", "service_call")
    items = agenda_for(DAY)
    assert items
    # birthdays and anniversaries too: only the last week's may still be waiting
    assert all(i.due >= DAY - dt.timedelta(days=RECENT_BACKLOG_DAYS)
               for i in items if i.kind == "key_date")


def test_building_more_demo_clients_adds_only_what_is_missing(db):
    build_demo(20, seed=1, today=DAY)
    count = FollowUp.select().count()
    build_demo(10, seed=2, today=DAY)
    assert FollowUp.select().count() > count
    duplicates = database.execute_sql(
        """SELECT COUNT(*) FROM (SELECT purchase_id, kind, sequence FROM followup
           WHERE purchase_id IS NOT NULL GROUP BY 1, 2, 3 HAVING COUNT(*) > 1)""").fetchone()
    assert duplicates == (0,)
