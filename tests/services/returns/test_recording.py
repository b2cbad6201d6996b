"""Recording returns: each resolution's effect on spend, tier, credit and follow-ups; the
exchange's difference; overrides; one transaction."""

from __future__ import annotations

import datetime as dt

import pytest

from boutique.models import FollowUp, ItemReturn, Purchase, StoreCreditEntry
from boutique.services.clients import (
    ItemData,
    PurchaseData,
    get_client,
    tier_for,
    top_tier_threshold,
)
from boutique.services.clients.purchases import delete_purchase, purchase_data, update_purchase
from boutique.services.errors import ValidationError
from boutique.services.returns import ReturnData, balance, record_return, save_policy

D = dt.date


def open_kinds(purchase_id):
    return sorted(f.kind for f in FollowUp.select().where(FollowUp.purchase == purchase_id,
                                                          FollowUp.status == "open"))


def test_a_refund_lowers_spend_and_skips_the_pieces_calls(make_client, buy):
    ana = make_client(mobile_phone="+15550134567")
    earrings = buy(ana, D(2026, 11, 1), ("Pearl drop earrings", 45000))
    assert get_client(ana.id).lifetime_spend_cents == 45000
    row = record_return(ReturnData(earrings.id, 1, "change_of_heart", "refund",
                                   D(2026, 11, 10)))
    assert (row.settled_cents, row.fee_cents) == (45000, 0)
    assert get_client(ana.id).lifetime_spend_cents == 0
    assert get_client(ana.id).purchase_count == 1  # the sale happened; its value came back
    # The after-return note thanks her instead of the thank-you not yet written.
    assert open_kinds(earrings.id) == []
    skipped = FollowUp.select().where(FollowUp.purchase == earrings.id,
                                      FollowUp.status == "skipped")
    assert {f.kind for f in skipped} == {"satisfaction_call", "service_call", "thank_you_note"}
    assert all(f.skip_reason == "Returned on 2026-11-10" for f in skipped)
    assert balance(ana.id, D(2026, 11, 10)) == 0


def test_store_credit_is_issued_and_spend_counts_it_as_given_back(make_client, buy):
    ana = make_client()
    bangle = buy(ana, D(2026, 11, 1), ("Gold bangle", 120000))
    record_return(ReturnData(bangle.id, 1, "wrong_size", "credit", D(2026, 11, 3)))
    assert get_client(ana.id).lifetime_spend_cents == 0
    assert balance(ana.id, D(2026, 11, 3)) == 120000
    [entry] = StoreCreditEntry.select()
    assert (entry.kind, entry.amount_cents, entry.expires_on) == ("issued", 120000, None)


def test_the_fee_is_kept_in_spend_and_off_the_refund(make_client, buy):
    save_policy({"restocking_fee_percent": 15, "fee_resolutions": ["refund"]})
    ana = make_client()
    watch = buy(ana, D(2026, 11, 1), ("Steel watch", 200000))
    row = record_return(ReturnData(watch.id, 1, "change_of_heart", "refund", D(2026, 11, 4)))
    assert (row.fee_cents, row.settled_cents) == (30000, 170000)
    assert get_client(ana.id).lifetime_spend_cents == 30000


def test_other_pieces_of_the_purchase_keep_their_calls(make_client, buy):
    ana = make_client(mobile_phone="+15550134567")
    both = buy(ana, D(2026, 11, 1), ("Ruby ring", 150000), ("Ruby pendant", 90000))
    before = open_kinds(both.id)
    record_return(ReturnData(both.id, 2, "gift_not_wanted", "refund", D(2026, 11, 8)))
    assert open_kinds(both.id) == before  # the ring is still hers
    assert get_client(ana.id).lifetime_spend_cents == 150000
    record_return(ReturnData(both.id, 1, "wrong_size", "refund", D(2026, 11, 9)))
    assert open_kinds(both.id) == []
    assert get_client(ana.id).lifetime_spend_cents == 0


def test_a_refund_can_cost_the_top_tier(make_client, buy):
    ana, bea, cleo = (make_client(first_name=n) for n in ("Ana", "Bea", "Cleo"))
    big = buy(ana, D(2026, 11, 1), ("Emerald necklace", 700000), ("Pearl studs", 50000))
    buy(bea, D(2026, 11, 1), ("Diamond studs", 300000))
    buy(cleo, D(2026, 11, 1), ("Gold chain", 200000))
    assert tier_for(get_client(ana.id).lifetime_spend_cents, top_tier_threshold()) == "Top"
    record_return(ReturnData(big.id, 1, "change_of_heart", "refund", D(2026, 11, 20)))
    assert tier_for(get_client(ana.id).lifetime_spend_cents, top_tier_threshold()) == "Regular"


def test_an_exchange_records_the_new_piece_and_the_client_pays_the_difference(make_client, buy):
    ana = make_client()
    ring = buy(ana, D(2026, 11, 1), ("Band, size 6", 80000))
    row = record_return(ReturnData(
        ring.id, 1, "wrong_size", "exchange", D(2026, 11, 6),
        exchange=PurchaseData(D(2026, 11, 6), [ItemData(description="Band, size 7, wider", price_cents=95000)])))
    new = Purchase.get_by_id(row.exchange_purchase_id)
    assert new.client_id == ana.id and new.total_cents == 95000
    assert row.difference_cents == 15000
    assert get_client(ana.id).lifetime_spend_cents == 95000  # 80000 back, 95000 bought
    assert balance(ana.id, D(2026, 11, 6)) == 0


def test_an_exchange_for_less_leaves_the_rest_as_credit(make_client, buy):
    ana = make_client()
    ring = buy(ana, D(2026, 11, 1), ("Sapphire ring", 300000))
    row = record_return(ReturnData(
        ring.id, 1, "change_of_heart", "exchange", D(2026, 11, 6),
        exchange=PurchaseData(D(2026, 11, 6), [ItemData(description="Sapphire studs", price_cents=220000)])))
    assert row.difference_cents == -80000
    assert balance(ana.id, D(2026, 11, 6)) == 80000
    assert get_client(ana.id).lifetime_spend_cents == 220000


def test_outside_the_policy_needs_a_recorded_reason(make_client, buy):
    ana = make_client()
    late = buy(ana, D(2026, 9, 1), ("Gold hoops", 60000))
    custom = buy(ana, D(2026, 11, 1), ("Signet ring", 120000), is_custom=True)
    with pytest.raises(ValidationError) as bad:
        record_return(ReturnData(late.id, 1, "defect", "refund", D(2026, 11, 1)))
    assert "outside the window" in bad.value.errors["override_reason"]
    with pytest.raises(ValidationError) as bad:
        record_return(ReturnData(custom.id, 1, "change_of_heart", "credit", D(2026, 11, 2)))
    assert "Final sale (custom)" in bad.value.errors["override_reason"]
    assert ItemReturn.select().count() == 0
    row = record_return(ReturnData(late.id, 1, "defect", "refund", D(2026, 11, 1),
                                   override_reason="Clasp failed: our fault"))
    assert row.override_reason == "Clasp failed: our fault"
    assert "outside the window" in row.policy_note


def test_bad_returns_are_named_and_write_nothing(make_client, buy):
    ana = make_client()
    piece = buy(ana, D(2026, 11, 1), ("Bangle", 45000))
    with pytest.raises(ValidationError) as bad:
        record_return(ReturnData(piece.id, 1, "bored", "swap", D(2026, 10, 1)))
    assert set(bad.value.errors) == {"reason", "resolution", "return_date"}
    with pytest.raises(ValidationError) as bad:
        record_return(ReturnData(piece.id, 1, "other", "refund", D(2026, 11, 2)))
    assert set(bad.value.errors) == {"reason_text"}
    with pytest.raises(ValidationError) as bad:
        record_return(ReturnData(piece.id, 1, "wrong_size", "exchange", D(2026, 11, 2)))
    assert set(bad.value.errors) == {"exchange"}
    record_return(ReturnData(piece.id, 1, "wrong_size", "refund", D(2026, 11, 2)))
    with pytest.raises(ValidationError) as bad:
        record_return(ReturnData(piece.id, 1, "wrong_size", "refund", D(2026, 11, 3)))
    assert "already returned" in bad.value.errors["item"]


def test_a_failed_exchange_rolls_everything_back(make_client, buy):
    ana = make_client()
    ring = buy(ana, D(2026, 11, 1), ("Band", 80000))
    with pytest.raises(ValidationError):
        record_return(ReturnData(ring.id, 1, "wrong_size", "exchange", D(2026, 11, 6),
                                 exchange=PurchaseData(D(2026, 11, 6), [ItemData(description="", price_cents=1000)])))
    assert ItemReturn.select().count() == 0
    assert Purchase.select().count() == 1
    assert get_client(ana.id).lifetime_spend_cents == 80000


def test_a_purchase_with_a_return_keeps_its_items_as_sold(make_client, buy):
    ana = make_client()
    both = buy(ana, D(2026, 11, 1), ("Ruby ring", 150000), ("Ruby pendant", 90000))
    record_return(ReturnData(both.id, 2, "gift_not_wanted", "refund", D(2026, 11, 8)))
    data = purchase_data(both)
    data.remarks = "Wrapped in blue"
    update_purchase(both.id, data)  # other fields still edit
    assert ItemReturn.select().count() == 1
    data.items[0].price_cents = 1
    with pytest.raises(ValidationError) as bad:
        update_purchase(both.id, data)
    assert "has a returned item" in bad.value.errors["items"]
    assert get_client(ana.id).lifetime_spend_cents == 150000
    with pytest.raises(ValidationError) as bad:
        delete_purchase(both.id)  # the return (and any credit it issued) stays
    assert "stays in the history" in bad.value.errors["purchase"]
    assert Purchase.select().count() == 1


def test_text_of_any_kind_is_kept(make_client, buy):
    ana = make_client()
    piece = buy(ana, D(2026, 11, 1), ("Bangle", 45000))
    words = "Scratched <b>&</b> 💎 " + "مرحبا " * 300
    row = record_return(ReturnData(piece.id, 1, "other", "refund", D(2026, 11, 2),
                                   reason_text=words[:1990], condition="<fine> & 💎"))
    stored = ItemReturn.get_by_id(row.id)
    assert stored.reason_text == words[:1990].strip() and stored.condition == "<fine> & 💎"


def test_a_thank_you_already_written_stays_done(make_client, buy):
    from boutique.services.cadence import followups

    ana = make_client(mobile_phone="+15550134567")
    ring = buy(ana, D(2026, 11, 1), ("Gold band", 80000))
    note = FollowUp.get(FollowUp.purchase == ring.id, FollowUp.kind == "thank_you_note")
    followups.complete(note.id, "sent", D(2026, 11, 3))
    record_return(ReturnData(ring.id, 1, "change_of_heart", "refund", D(2026, 11, 9)))
    assert FollowUp.get_by_id(note.id).status == "done"


def test_no_after_return_note_for_a_client_who_asked_for_no_contact(make_client, buy):
    from boutique.services.clients.book import save_client

    ana = make_client(mobile_phone="+15550134567")
    ring = buy(ana, D(2026, 11, 1), ("Gold band", 80000))
    save_client({"do_not_contact": True}, ana.id)
    record_return(ReturnData(ring.id, 1, "change_of_heart", "refund", D(2026, 11, 9)))
    assert not FollowUp.select().where(FollowUp.kind == "after_return").exists()
    assert get_client(ana.id).lifetime_spend_cents == 0


def test_a_client_in_the_trash_can_still_return_a_piece(make_client, buy):
    from boutique.services.clients.book import trash_client

    ana = make_client(mobile_phone="+15550134567")
    ring = buy(ana, D(2026, 11, 1), ("Gold band", 80000))
    trash_client(ana.id)
    record_return(ReturnData(ring.id, 1, "change_of_heart", "refund", D(2026, 11, 9)))
    assert not FollowUp.select().where(FollowUp.kind == "after_return").exists()
