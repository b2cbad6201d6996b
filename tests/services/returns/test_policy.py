"""The return policy: windows at their edges, final sale, the restocking fee."""

from __future__ import annotations

import datetime as dt

import pytest

from boutique.services.errors import ValidationError
from boutique.services.returns import load_policy, policy_check, save_policy

D = dt.date


def test_the_return_window_holds_on_day_30_and_closes_on_day_31(make_client, buy):
    client = make_client()
    ring = buy(client, D(2026, 10, 1), ("Gold band", 90000))
    on_edge = policy_check(ring.id, 1, D(2026, 10, 31), "refund")
    past = policy_check(ring.id, 1, D(2026, 11, 1), "refund")
    assert (on_edge.days, on_edge.inside_window, on_edge.allowed) == (30, True, True)
    assert (past.days, past.inside_window, past.allowed) == (31, False, False)
    assert "Day 31 of a 30-day window: outside the window" in past.lines


def test_an_exchange_has_its_own_window(make_client, buy):
    client = make_client()
    ring = buy(client, D(2026, 10, 1), ("Gold band", 90000))
    assert policy_check(ring.id, 1, D(2026, 11, 30), "exchange").inside_window  # day 60
    assert not policy_check(ring.id, 1, D(2026, 12, 1), "exchange").inside_window
    save_policy({"exchange_window_days": 14})
    assert not policy_check(ring.id, 1, D(2026, 10, 16), "exchange").inside_window


def test_custom_engraved_and_special_order_pieces_are_final_sale(make_client, buy):
    client = make_client()
    custom = buy(client, D(2026, 11, 1), ("Signet ring", 120000), is_custom=True)
    engraved = buy(client, D(2026, 11, 1), ("Locket, engraved 'A & M'", 60000))
    ordered = buy(client, D(2026, 11, 1), ("Sapphire ring", 300000, {"category": "Special order"}))
    plain = buy(client, D(2026, 11, 1), ("Pearl studs", 30000))
    day = D(2026, 11, 5)
    assert policy_check(custom.id, 1, day, "refund").final_sale == "custom"
    assert policy_check(engraved.id, 1, day, "refund").final_sale == "engraved"
    assert policy_check(ordered.id, 1, day, "credit").final_sale == "special order"
    assert policy_check(plain.id, 1, day, "refund").final_sale == ""
    assert not policy_check(custom.id, 1, day, "refund").allowed


def test_the_fee_applies_only_to_the_resolutions_chosen(make_client, buy):
    client = make_client()
    piece = buy(client, D(2026, 11, 1), ("Bangle", 45_005))
    save_policy({"restocking_fee_percent": 10, "fee_resolutions": ["refund"]})
    refund = policy_check(piece.id, 1, D(2026, 11, 5), "refund")
    assert (refund.fee_cents, refund.settled_cents) == (4501, 40504)  # rounded half up
    assert policy_check(piece.id, 1, D(2026, 11, 5), "credit").fee_cents == 0
    save_policy({"fee_resolutions": ["refund", "credit"]})
    assert policy_check(piece.id, 1, D(2026, 11, 5), "credit").fee_cents == 4501


def test_bad_policy_values_are_named(db):
    with pytest.raises(ValidationError) as bad:
        save_policy({"return_window_days": "thirty", "restocking_fee_percent": 90,
                     "fee_resolutions": ["swap"], "thank_you_code": "THANK YOU",
                     "colour": "red"})
    assert set(bad.value.errors) == {"return_window_days", "restocking_fee_percent",
                                     "fee_resolutions", "thank_you_code", "colour"}
    assert load_policy().return_window_days == 30


def test_the_policy_text_fills_in_the_windows(db):
    save_policy({"return_window_days": 21, "exchange_window_days": 45})
    text = load_policy().client_text
    assert "within 21 days" in text and "within 45 days" in text


def test_an_item_number_out_of_range_is_named(make_client, buy):
    client = make_client()
    piece = buy(client, D(2026, 11, 1), ("Bangle", 45000))
    with pytest.raises(ValidationError) as bad:
        policy_check(piece.id, 2, D(2026, 11, 5), "refund")
    assert "has items 1 to 1, not 2" in bad.value.errors["item"]
