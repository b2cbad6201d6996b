"""An import plans only what is still ahead: `plan_purchase(..., due_from=day)` must be
exactly the full plan with what is due before that day left out."""

from __future__ import annotations

import datetime as dt

from boutique.services.cadence.rules import PurchaseFacts, plan_purchase
from boutique.services.cadence.settings import CadenceRules

BOUGHT = dt.date(2025, 8, 31)  # a month end: service calls fall on shorter months' ends


def _facts(**extra) -> PurchaseFacts:
    return PurchaseFacts(1, 1, BOUGHT, "Sapphire ring", "ring", **extra)


KINDS = [
    _facts(),
    _facts(is_gift=True, gift_recipient="Ana", gift_relation="daughter"),
    _facts(is_gift=True, gift_recipient="Ana", gift_day=BOUGHT + dt.timedelta(days=40),
           delivery="hold"),
    _facts(is_gift=True, gift_recipient="Ana", gift_day=BOUGHT + dt.timedelta(days=9),
           delivery="discreet"),
]


def test_planning_from_a_day_leaves_out_exactly_what_is_due_before_it():
    rules = CadenceRules()
    whole = {id(f): plan_purchase(f, rules) for f in KINDS}
    days = {p.rule_due for plan in whole.values() for p in plan}
    for due_from in sorted(days | {d + dt.timedelta(days=1) for d in days} | {BOUGHT}):
        for facts in KINDS:
            expected = [p for p in whole[id(facts)] if p.rule_due >= due_from]
            assert plan_purchase(facts, rules, due_from=due_from) == expected
    assert plan_purchase(KINDS[0], rules, due_from=max(days) + dt.timedelta(days=1)) == []
