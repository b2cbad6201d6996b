"""A demo book and the edits of every kind that changes an agenda item, made at random: the
kept and the prepared agendas must give, after each, the agenda worked out whole."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3

from boutique.services.agenda import agenda_for
from boutique.services.cadence.followups import act, outcomes_for
from boutique.services.clients.book import restore_client, save_client, trash_client
from boutique.services.clients.purchases import ItemData, PurchaseData, record_purchase
from boutique.services.clients.relations import save_relation
from boutique.services.notes.notebook import add_note

BUILT = dt.date(2026, 11, 25)
DAY = BUILT + dt.timedelta(days=30)  # (a month ahead: most of the book's next calls)


def edit_at_random(rng: random.Random, step: int, db_path) -> str:
    items = agenda_for(DAY)
    item = rng.choice(items)
    client = item.client_id
    what = ["done", "snooze", "skip", "note", "name", "consent", "trash", "purchase",
            "relation", "raw"][step % 10]
    if what == "done":
        act(item, "done", DAY, outcome=outcomes_for(item.channel, item.kind)[0])
    elif what == "snooze":
        act(item, "snooze", DAY, until=DAY + dt.timedelta(days=3))
    elif what == "skip":
        act(item, "skip", DAY, reason="Moved away")
    elif what == "note":
        add_note(client, f"Asked about opals <&> 💎 {step}", "conversation")
    elif what == "name":
        save_client({"first_name": f"Zoë שרה {step}", "last_name": "Ångström"}, client)
    elif what == "consent":
        save_client({"consent_phone": False, "consent_mail": True}, client)
    elif what == "trash":
        trash_client(client)
        assert all(i.client_id != client for i in agenda_for(DAY))
        restore_client(client)
    elif what == "purchase":
        record_purchase(client, PurchaseData(
            purchase_date=DAY - dt.timedelta(days=5), is_gift=True, gift_recipient="Mia",
            items=[ItemData(description="Opal ring", category="ring", price_cents=90_000)]))
    elif what == "relation":
        soon = DAY + dt.timedelta(days=10)
        save_relation(client, {"kind": "child", "name": "Mia", "birthday_month": soon.month,
                               "birthday_day": soon.day})
    else:  # another window's write, straight to the file
        with sqlite3.connect(db_path) as other:
            other.execute("UPDATE followup SET due = MIN(due, ?) WHERE client_id = ? "
                          "AND status = 'open'", (DAY - dt.timedelta(days=2), client))
    return what
