"""Purchases: several items, gifts, value figures kept current, all-or-nothing writes."""

from __future__ import annotations

import datetime as dt

import pytest

from boutique.models import Client, Purchase, PurchaseItem
from boutique.services.clients import purchases
from boutique.services.clients.purchases import (
    ItemData,
    PurchaseData,
    delete_purchase,
    parse_price,
    purchase_data,
    record_purchase,
    update_purchase,
)
from boutique.services.errors import ValidationError


def _data(**extra):
    items = extra.pop("items", [ItemData("Sapphire halo ring", "ring", "platinum", "sapphire",
                                         "RI-1", 425000), ItemData("Ring box", price_cents=0)])
    return PurchaseData(purchase_date=extra.pop("purchase_date", dt.date(2026, 11, 12)),
                        items=items, **extra)


def test_record_a_purchase_with_items_and_gift(db, make_client):
    client = make_client()
    purchase = record_purchase(client.id, _data(is_gift=True, gift_recipient="Erik",
                                                gift_relation="husband", gift_occasion="birthday"))
    assert purchase.total_cents == 425000
    assert [i.description for i in purchase.items.order_by(PurchaseItem.position)] == [
        "Sapphire halo ring", "Ring box"]
    again = Client.get_by_id(client.id)
    assert (again.lifetime_spend_cents, again.purchase_count, str(again.last_purchase_date)) == (
        425000, 1, "2026-11-12")
    assert purchase_data(purchase).gift_recipient == "Erik"


def test_edit_and_delete_keep_value_current(db, make_client):
    client = make_client()
    first = record_purchase(client.id, _data())
    second = record_purchase(client.id, _data(purchase_date=dt.date(2026, 11, 20),
                                              items=[ItemData("Pearl strand", price_cents=150000)]))
    update_purchase(first.id, _data(items=[ItemData("Sapphire halo ring", price_cents=400000)]))
    assert Client.get_by_id(client.id).lifetime_spend_cents == 550000
    delete_purchase(second.id)
    again = Client.get_by_id(client.id)
    assert (again.lifetime_spend_cents, again.purchase_count) == (400000, 1)
    assert str(again.last_purchase_date) == "2026-11-12"


@pytest.mark.parametrize(("data", "field"), [
    (lambda: _data(items=[]), "items"),
    (lambda: _data(items=[ItemData("", price_cents=100)]), "items[1].description"),
    (lambda: _data(items=[ItemData("Ring", price_cents=-5)]), "items[1].price_cents"),
    (lambda: _data(is_gift=True), "gift_recipient"),
])
def test_bad_purchases_are_refused(db, make_client, data, field):
    client = make_client()
    with pytest.raises(ValidationError) as caught:
        record_purchase(client.id, data())
    assert field in caught.value.errors
    assert Purchase.select().count() == 0


def test_a_failing_hook_rolls_the_purchase_back(db, make_client):
    client = make_client()

    def failing_hook(event, purchase, previous):
        raise RuntimeError("follow-ups could not be written")

    purchases.purchase_hooks.append(failing_hook)
    try:
        with pytest.raises(RuntimeError):
            record_purchase(client.id, _data())
    finally:
        purchases.purchase_hooks.remove(failing_hook)
    assert Purchase.select().count() == 0
    assert PurchaseItem.select().count() == 0
    assert Client.get_by_id(client.id).lifetime_spend_cents == 0


@pytest.mark.parametrize(("text", "cents"), [
    ("1,250.50", 125050), ("$99", 9900), ("0.5", 50), ("", 0), ("12.", 1200)])
def test_parse_price(text, cents):
    assert parse_price(text) == cents


@pytest.mark.parametrize("text", ["abc", "1.234", "-5", "1,2.3.4"])
def test_parse_price_refuses_nonsense(text):
    with pytest.raises(ValueError):
        parse_price(text)
