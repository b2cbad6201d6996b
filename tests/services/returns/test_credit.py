"""The store credit ledger: issued, used as a tender, expiry, balance."""

from __future__ import annotations

import datetime as dt

import pytest

from boutique.services.errors import ValidationError
from boutique.services.returns import (
    ReturnData,
    balance,
    credit_json,
    issue_credit,
    ledger,
    record_return,
    save_policy,
    use_credit,
)

D = dt.date


def test_credit_used_as_a_tender_lowers_the_balance(make_client, buy):
    ana = make_client()
    bangle = buy(ana, D(2026, 11, 1), ("Gold bangle", 120000))
    record_return(ReturnData(bangle.id, 1, "wrong_size", "credit", D(2026, 11, 3)))
    studs = buy(ana, D(2026, 11, 20), ("Diamond studs", 90000))
    use_credit(ana.id, 90000, D(2026, 11, 20), purchase_id=studs.id)
    assert balance(ana.id, D(2026, 11, 20)) == 30000
    lines = ledger(ana.id)
    assert [(line.kind, line.amount_cents, line.balance_cents) for line in lines] == [
        ("issued", 120000, 120000), ("used", -90000, 30000)]
    assert credit_json(ana.id, D(2026, 11, 20))["balance_cents"] == 30000


def test_more_than_the_balance_is_refused(make_client, buy):
    ana = make_client()
    issue_credit(ana.id, 5000, D(2026, 11, 1))
    with pytest.raises(ValidationError) as bad:
        use_credit(ana.id, 5001, D(2026, 11, 2))
    assert "only $50.00 of store credit" in bad.value.errors["credit_cents"]
    with pytest.raises(ValidationError):
        use_credit(ana.id, 0, D(2026, 11, 2))


def test_credit_expires_on_its_day_and_uses_draw_on_the_soonest_first(make_client, buy):
    save_policy({"credit_expiry_days": 30})
    ana = make_client()
    first = buy(ana, D(2026, 1, 1), ("Ring", 10000))
    second = buy(ana, D(2026, 1, 20), ("Pendant", 20000))
    record_return(ReturnData(first.id, 1, "wrong_size", "credit", D(2026, 1, 2)))  # to 1 Feb
    record_return(ReturnData(second.id, 1, "wrong_size", "credit", D(2026, 1, 21)))  # to 20 Feb
    assert balance(ana.id, D(2026, 2, 1)) == 30000
    use_credit(ana.id, 15000, D(2026, 1, 25))  # all 10000 of the first lot, 5000 of the second
    assert balance(ana.id, D(2026, 2, 1)) == 15000
    assert balance(ana.id, D(2026, 2, 2)) == 15000  # the first lot was used up: nothing lost
    assert balance(ana.id, D(2026, 2, 21)) == 0
