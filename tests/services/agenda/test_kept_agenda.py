"""The agenda kept between refreshes is, after any edit, the agenda worked out whole.

Edits of every kind that makes an item (done, snoozed, skipped, a new note or purchase, a
changed name or consent, a client trashed and restored, a relation's birthday, a setting)
go through the services, and some through a second connection as raw SQL; after each the
refreshed list must equal the one worked out from nothing.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3

import pytest

from boutique.models import close_database, database, open_database
from boutique.services import settings
from boutique.services.agenda import agenda_for, week_summary
from boutique.services.agenda.today import agenda_worked_out
from boutique.services.cadence.followups import act
from boutique.services.clients.book import save_client
from boutique.services.clients.purchases import ItemData, PurchaseData, record_purchase
from tests.services.agenda.book_edits import BUILT, DAY, edit_at_random


def _week_counted_whole(day: dt.date) -> tuple[int, int]:
    """The week's (on time, counted) in one query over the book, as before they were kept."""
    monday = day - dt.timedelta(days=day.weekday())
    return database.execute_sql(
        """SELECT COALESCE(SUM(f.status = 'done' AND f.done_on <= f.deadline), 0),
                  COALESCE(SUM(f.status = 'done' OR f.deadline < ?), 0)
           FROM followup f JOIN client c ON c.id = f.client_id
           WHERE f.deadline BETWEEN ? AND ? AND f.merged_into_id IS NULL
             AND f.status <> 'skipped' AND c.deleted_at IS NULL AND c.do_not_contact = 0""",
        (day, monday, monday + dt.timedelta(days=6))).fetchone()


@pytest.mark.parametrize("day", [DAY, BUILT])
def test_after_each_kind_of_edit_the_kept_agenda_is_the_whole_one(book, db_path, day):
    rng = random.Random(7)
    assert len(agenda_for(DAY)) > 30
    counted = []
    for step in range(40):
        what = edit_at_random(rng, step, db_path)
        items = agenda_for(day)
        assert items == agenda_worked_out(day), f"step {step}: {what}"
        summary = week_summary(day, items)
        assert (summary.on_time, summary.counted) == _week_counted_whole(day), what
        counted.append(summary.counted)
    assert len(set(counted)) > 1  # (the edits did change the week's counts)


def test_an_edit_works_out_again_only_its_clients_items(book):
    before = agenda_for(DAY)
    item = next(i for i in before if i.followup_id)
    save_client({"preferred_name": "Birdie"}, item.client_id)
    after = agenda_for(DAY)
    assert after == agenda_worked_out(DAY)
    kept = {id(i) for i in before}
    others = [i for i in after if i.client_id != item.client_id]
    assert others and all(id(i) in kept for i in others)
    assert all(id(i) not in kept for i in after if i.client_id == item.client_id)
    assert all(i.client_name.startswith("Birdie") for i in after
               if i.client_id == item.client_id)


def test_a_setting_or_a_new_top_tier_works_out_everything(book):
    agenda_for(DAY)
    settings.set("store.default_region", "GB")
    assert agenda_for(DAY) == agenda_worked_out(DAY)
    quiet = min(agenda_for(DAY), key=lambda i: (i.is_top, i.client_id))
    # A sale big enough to move the top tier's threshold changes others' items too.
    record_purchase(quiet.client_id, PurchaseData(purchase_date=DAY, items=[
        ItemData(description="Riviera necklace", category="necklace", price_cents=10**9)]))
    assert agenda_for(DAY) == agenda_worked_out(DAY)


def test_another_store_opened_is_never_answered_from_the_kept_list(book, db_path, tmp_path):
    agenda_for(DAY)
    close_database()
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(db_path) as source, sqlite3.connect(other) as copy:
        source.backup(copy)
    with sqlite3.connect(other) as copy:
        copy.execute("UPDATE client SET first_name = 'Other' WHERE id IN "
                     "(SELECT client_id FROM followup WHERE status = 'open')")
    open_database(other)
    try:
        assert agenda_for(DAY) == agenda_worked_out(DAY)
        assert any(i.client_name.startswith("Other") for i in agenda_for(DAY))
    finally:
        close_database()
        open_database(db_path)


def test_each_day_is_kept_on_its_own(book):
    tomorrow = DAY + dt.timedelta(days=1)
    assert agenda_for(tomorrow) == agenda_worked_out(tomorrow)
    item = next(i for i in agenda_for(DAY) if i.followup_id)
    act(item, "skip", DAY, reason="Moved away")
    assert agenda_for(tomorrow) == agenda_worked_out(tomorrow)
    assert agenda_for(DAY) == agenda_worked_out(DAY)
    assert database.execute_sql("SELECT COUNT(*) FROM agenda_change").fetchone()[0] > 0


def test_a_sale_that_moves_the_threshold_works_out_only_the_clients_it_moved(book):
    from boutique.services.clients import tier_moved, top_tier_threshold

    before = agenda_for(DAY)
    threshold = top_tier_threshold()
    buyer = next(i for i in before if not i.is_top).client_id
    record_purchase(buyer, PurchaseData(purchase_date=DAY, items=[
        ItemData(description="Opal ring", category="ring", price_cents=400_000)]))
    moved = tier_moved(threshold, top_tier_threshold(), 10_000)
    assert top_tier_threshold() != threshold and moved is not None
    after = agenda_for(DAY)
    assert after == agenda_worked_out(DAY)
    kept = {id(i) for i in before}
    untouched = [i for i in after if i.client_id not in moved | {buyer}]
    assert untouched and all(id(i) in kept for i in untouched)
    assert all(id(i) not in kept for i in after if i.client_id in moved | {buyer})
