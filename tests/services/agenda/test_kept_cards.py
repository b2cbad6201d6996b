"""An agenda worked out from the kept client cards (a new day, a day on the calendar) is,
after any edit, the agenda worked out from nothing; nothing read inside a transaction that
rolls back is kept."""

from __future__ import annotations

import datetime as dt
import random

from boutique.models import database
from boutique.services.agenda import agenda_for
from boutique.services.agenda import kept_cards as kept_cards_module
from boutique.services.agenda.kept import forget_kept
from boutique.services.agenda.kept_cards import kept_cards
from boutique.services.agenda.today import agenda_worked_out
from boutique.services.clients.book import save_client
from boutique.services.clients.purchases import ItemData, PurchaseData, record_purchase
from boutique.services.notes.notebook import add_note
from tests.services.agenda.book_edits import DAY, edit_at_random


def _anew(day: dt.date):
    """The agenda of `day` as on a new day: no kept list, the cards kept."""
    forget_kept()
    return agenda_for(day)


def test_after_each_kind_of_edit_an_agenda_from_the_kept_cards_is_the_whole_one(book,
                                                                                 db_path):
    rng = random.Random(11)
    assert len(_anew(DAY)) > 30
    with kept_cards() as shelf:
        assert len(shelf.cards) > 30 and shelf.hooks  # (what the next agenda reads from)
    for step in range(40):
        what = edit_at_random(rng, step, db_path)
        day = DAY + dt.timedelta(days=step % 3)  # (today, and the next days)
        assert _anew(day) == agenda_worked_out(day), f"step {step}: {what}"


def test_a_hook_noted_on_a_purchase_is_recalled_on_the_next_agenda(book):
    item = next(i for i in _anew(DAY) if i.purchase_ids and i.kind != "key_date")
    add_note(item.client_id, "Wants the clasp checked <&> 💍", "conversation",
             purchase_id=item.purchase_ids[0])
    [again] = [i for i in _anew(DAY) if i.followup_id == item.followup_id]
    assert again.recall == "Wants the clasp checked <&> 💍"
    assert _anew(DAY) == agenda_worked_out(DAY)


def test_a_sale_that_moves_the_top_tier_is_seen_on_the_next_agenda(book):
    quiet = min(_anew(DAY), key=lambda i: (i.is_top, i.client_id))
    assert not quiet.is_top
    record_purchase(quiet.client_id, PurchaseData(purchase_date=DAY, items=[
        ItemData(description="Riviera necklace", category="necklace", price_cents=10**9)]))
    after = _anew(DAY)
    assert after == agenda_worked_out(DAY)
    assert all(i.is_top for i in after if i.client_id == quiet.client_id)


def test_cards_read_in_a_transaction_that_rolls_back_are_not_kept(book):
    item = next(i for i in _anew(DAY) if i.followup_id)
    other = next(i for i in _anew(DAY) if i.client_id != item.client_id)
    with database.atomic() as transaction:
        save_client({"first_name": "Never", "last_name": "Saved"}, item.client_id)
        assert any(i.client_name == "Never Saved" for i in agenda_for(DAY))
        transaction.rollback()
    # (a later write takes the journal id the rolled-back one had)
    add_note(other.client_id, "Prefers calls after five", "conversation")
    assert all(i.client_name != "Never Saved" for i in agenda_for(DAY))
    assert _anew(DAY) == agenda_worked_out(DAY)


def test_past_so_many_clients_the_cards_start_over(book, monkeypatch):
    monkeypatch.setattr(kept_cards_module, "MOST_KEPT", 10)
    assert len({i.client_id for i in _anew(DAY)}) > 10
    with kept_cards() as shelf:
        assert not shelf.read  # (begun again: the last agenda read more than ten)
    assert _anew(DAY) == agenda_worked_out(DAY)


def test_a_day_on_the_calendar_from_the_kept_cards_is_the_day_read_anew(book, db_path):
    from boutique.services.agenda.calendar import items_due_on

    def read_anew(day):
        # (inside a transaction nothing kept is used: every client is read again)
        with database.atomic():
            return items_due_on(day, DAY)

    rng = random.Random(5)
    days = [DAY + dt.timedelta(days=n) for n in range(-10, 11)]
    assert sum(len(items_due_on(day, DAY)) for day in days) > 10
    for step in range(20):
        what = edit_at_random(rng, step, db_path)
        for day in days[step % 3::3]:
            assert items_due_on(day, DAY) == read_anew(day), f"step {step}: {what}"


def test_a_follow_up_changed_in_place_by_another_window_is_read_again(book, db_path):
    import sqlite3

    item = next(i for i in _anew(DAY) if i.followup_id and i.kind != "key_date")
    with sqlite3.connect(db_path) as other:  # (its write is journaled by the store itself)
        other.execute("UPDATE followup SET reason = ?, attempts = 2 WHERE id = ?",
                      ("Asked to call back about the clasp <&> 💍", item.followup_id))
    [again] = [i for i in _anew(DAY) if i.followup_id == item.followup_id]
    assert (again.reason, again.attempts) == ("Asked to call back about the clasp <&> 💍", 2)
    assert _anew(DAY) == agenda_worked_out(DAY)


def test_a_gifts_delivery_changed_is_said_on_the_next_agenda(book, db_path, make_client):
    import sqlite3

    from boutique.services.cadence import GIFT_RULE_TEXT

    giver = make_client(first_name="Noor", consent_mail=True, home_line1="4 Elm Row",
                        home_city="Springfield", home_region="IL", home_postcode="62701")
    gift = record_purchase(giver.id, PurchaseData(
        purchase_date=DAY - dt.timedelta(days=2), is_gift=True, gift_recipient="Mia",
        items=[ItemData(description="Opal ring", category="ring", price_cents=90_000)]))

    def her_gift_note():
        [note] = [i for i in _anew(DAY) if i.client_id == giver.id and i.kind ==
                  "thank_you_note"]
        return note

    assert her_gift_note().warnings[0] in GIFT_RULE_TEXT.values()
    with sqlite3.connect(db_path) as other:  # (another window's write)
        other.execute("UPDATE purchase SET gift_delivery = 'counter' WHERE id = ?",
                      (gift.id,))
    assert her_gift_note().warnings[0] == GIFT_RULE_TEXT["counter"]
    assert _anew(DAY) == agenda_worked_out(DAY)
