from __future__ import annotations

import datetime as dt

import pytest

from boutique.services.clients.purchases import ItemData, PurchaseData, record_purchase


@pytest.fixture
def buy(db):
    def make(client, when, *pieces, **extra):
        return record_purchase(client.id, PurchaseData(
            purchase_date=when,
            items=[ItemData(description=name, price_cents=cents, **item_extra)
                   for name, cents, *rest in pieces
                   for item_extra in [rest[0] if rest else {}]],
            **extra))
    return make


D = dt.date
