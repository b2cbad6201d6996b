"""Many purchases at once: checked like one at the counter, unless the caller has checked
them already (an import's plan); a bad one keeps the whole batch out."""

from __future__ import annotations

import datetime as dt

import pytest

from boutique.services.clients import (
    ItemData,
    Purchase,
    PurchaseData,
    PurchaseItem,
    insert_purchases,
)
from boutique.services.errors import ValidationError

DAY = dt.date(2026, 11, 20)


def test_purchases_are_validated_unless_the_caller_did(make_client):
    client = make_client()
    good = PurchaseData(DAY, [ItemData("Opal ring", price_cents=120000)])
    no_items = PurchaseData(DAY, [])
    with pytest.raises(ValidationError) as caught:
        insert_purchases([(client.id, good), (client.id, no_items)])
    assert "items" in caught.value.errors
    assert Purchase.select().count() == PurchaseItem.select().count() == 0
    [purchase_id] = insert_purchases([(client.id, good)], validated=True)
    stored = Purchase.get_by_id(purchase_id)
    assert (stored.total_cents, stored.purchase_date, [i.description for i in stored.items]) == (
        120000, DAY, ["Opal ring"])


def test_a_purchase_not_a_gift_keeps_none_of_a_gifts_fields(make_client):
    client = make_client()
    data = PurchaseData(DAY, [ItemData("Opal ring")], is_gift=False, gift_recipient="Ana",
                        gift_given_on=DAY, gift_delivery="hold")
    gift = PurchaseData(DAY, [ItemData("Pearl strand")], is_gift=True, gift_recipient="Ana",
                        gift_given_on=DAY, gift_delivery="hold")
    plain_id, gift_id = insert_purchases([(client.id, data), (client.id, gift)])
    plain, given = Purchase.get_by_id(plain_id), Purchase.get_by_id(gift_id)
    assert (plain.gift_recipient, plain.gift_given_on, plain.gift_delivery) == ("", None, "")
    assert (given.gift_recipient, given.gift_given_on, given.gift_delivery) == ("Ana", DAY, "hold")


def test_validation_names_every_field_that_is_not_one_line():
    from boutique.services.clients import validate_purchase
    from boutique.services.text import one_line_problem

    data = PurchaseData(DAY, [ItemData("Ring", category="rose\ngold"),
                              ItemData("Pin", metal="ok", sku="PIN\u202e7")],
                        associate="Li\x01se", is_gift=True, gift_recipient="Ana\r")
    with pytest.raises(ValidationError) as caught:
        validate_purchase(data)
    assert list(caught.value.errors.items()) == [
        ("associate", one_line_problem("Li\x01se")),
        ("gift_recipient", one_line_problem("Ana\r")),
        ("items[1].category", one_line_problem("rose\ngold")),
        ("items[2].sku", one_line_problem("PIN\u202e7")),
    ]
    assert all(caught.value.errors.values())
