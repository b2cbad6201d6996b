"""Shopify orders become purchases with items; only follow-ups still ahead are scheduled."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from boutique.models import FollowUp
from boutique.services.clients import Client, Purchase, client_purchases
from boutique.services.interchange import apply_plan, build_plan
from boutique.services.notes import purchase_notes

FIXTURES = Path(__file__).parents[2] / "fixtures" / "import"
ORDERS = FIXTURES / "shopify_orders.csv"
IMPORT_DAY = dt.date(2026, 11, 25)


def _by_name():
    return {c.first_name: c for c in Client.select()}


def test_orders_become_purchases_with_items_and_notes(db):
    plan = build_plan(ORDERS)
    assert plan.format == "shopify-orders"
    summary = apply_plan(plan, today=IMPORT_DAY)
    assert (summary["created"], summary["purchases_added"]) == (3, 4)
    margaux = _by_name()["Margaux"]
    assert margaux.mobile_phone == "+15035550142" and margaux.email == "margaux.d@example.com"
    [order] = client_purchases(margaux.id)
    assert order.purchase_date == dt.date(2026, 11, 20) and order.total_cents == 124000
    assert [(i.description, i.sku, i.price_cents) for i in order.items] == [
        ("Rose gold halo ring", "RG-HALO-6", 115000), ("Polishing cloth ×2", "CLOTH", 9000)]
    assert [n.text for n in purchase_notes(order.id)] == ['Gift wrap, please.\nCard: "Happy 10th"']


def test_refunded_and_cancelled_orders_are_marked_not_counted(db):
    apply_plan(build_plan(ORDERS), today=IMPORT_DAY)
    people = _by_name()
    assert {p.source_ref: p.voided for p in Purchase.select()} == {
        "shopify:#1001": "", "shopify:#1002": "refunded", "shopify:#1003": "",
        "shopify:#1004": "cancelled"}
    assert (people["Omar"].lifetime_spend_cents, people["Omar"].purchase_count) == (0, 0)
    assert (people["Lena"].lifetime_spend_cents, people["Lena"].purchase_count) == (52000, 1)
    voided = [p.id for p in Purchase.select().where(Purchase.voided != "")]
    assert FollowUp.select().where(FollowUp.purchase.in_(voided)).count() == 0


def test_only_follow_ups_ahead_of_the_import_day_are_scheduled(db):
    preview = apply_plan(build_plan(ORDERS), dry_run=True, today=IMPORT_DAY)
    assert Client.select().count() == 0  # the preview wrote nothing
    summary = apply_plan(build_plan(ORDERS), today=IMPORT_DAY)
    rows = list(FollowUp.select())
    assert rows and all(f.rule_due >= IMPORT_DAY for f in rows)
    assert summary["followups_added"] == preview["followups_added"] == len(rows)


def test_reimporting_orders_changes_nothing(db):
    apply_plan(build_plan(ORDERS), today=IMPORT_DAY)
    counts = (Client.select().count(), Purchase.select().count(), FollowUp.select().count())
    again = apply_plan(build_plan(ORDERS), today=IMPORT_DAY)
    assert (again["created"], again["merged"], again["purchases_added"]) == (0, 0, 0)
    assert (Client.select().count(), Purchase.select().count(),
            FollowUp.select().count()) == counts
