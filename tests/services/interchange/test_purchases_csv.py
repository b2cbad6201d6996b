"""Boutique purchases CSV: what `export purchases-csv` writes, imported back field for field."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from boutique.models import close_database, open_database
from boutique.services.clients import (
    Client,
    ItemData,
    Purchase,
    PurchaseData,
    PurchaseItem,
    record_purchase,
    save_client,
)
from boutique.services.interchange import apply_plan, build_plan, export_purchases_csv

SAMPLE = Path(__file__).parents[3] / "resources" / "import" / "boutique-purchases-sample.csv"
IMPORT_DAY = dt.date(2026, 11, 25)


def _purchases() -> list[tuple]:
    rows = []
    for p in Purchase.select().order_by(Purchase.purchase_date, Purchase.total_cents):
        items = tuple((i.description, i.category, i.metal, i.stone, i.sku, i.price_cents,
                       i.wording, i.wording_number)
                      for i in p.items.order_by(PurchaseItem.position))
        rows.append((p.client.email, p.client.first_name, p.purchase_date, p.is_gift,
                     p.gift_recipient, p.gift_relation, p.gift_occasion, p.gift_given_on,
                     p.gift_delivery, p.is_custom,
                     p.associate, p.remarks, p.voided, p.total_cents, items))
    return rows


def test_the_sample_imports_as_a_new_user_would_expect(db):
    plan = build_plan(SAMPLE)
    assert plan.format == "boutique-purchases" and plan.problems == []
    summary = apply_plan(plan, today=IMPORT_DAY)
    assert (summary["created"], summary["purchases_added"]) == (2, 2)
    margaux = Client.get(Client.email == "margaux.d@example.com")
    assert margaux.mobile_phone == "+15035550142"
    [pendant] = margaux.purchases
    assert (pendant.is_gift, pendant.gift_recipient, pendant.remarks) == (
        True, "Mia", "Gift wrap, please")
    assert [i.description for i in pendant.items] == ["Ruby pendant", "Polishing cloth"]
    assert pendant.total_cents == 125500 and margaux.lifetime_spend_cents == 125500
    [cufflinks] = Client.get(Client.email == "kofi@example.com").purchases
    assert cufflinks.items[0].description == "Cufflinks, onyx" and cufflinks.is_custom
    assert (cufflinks.items[0].wording, cufflinks.items[0].wording_number) == (
        "onyx cufflinks", "plural")


def test_a_round_trip_keeps_every_field_and_a_second_import_changes_nothing(tmp_path, db):
    ana = save_client({"first_name": "Ana", "last_name": "Ruiz", "email": "ana@example.com",
                       "mobile_phone": "+15035550111"})
    record_purchase(ana.id, PurchaseData(
        dt.date(2026, 11, 2), [ItemData("=SUM(A1) & <b>", "ring", "platinum", "sapphire",
                                        "R-1", 180000),
                               ItemData("Cufflinks, onyx", price_cents=0, wording="onyx cufflinks",
                                        wording_number="plural")],
        associate="Lea", is_gift=True, gift_recipient="Zoë 💍", gift_relation="wife",
        gift_occasion="anniversary", gift_given_on=dt.date(2026, 12, 24),
        is_custom=True, remarks="Two lines\nof remarks"))
    out = tmp_path / "purchases.csv"
    assert export_purchases_csv(out) == 1
    assert "'=SUM(A1)" in out.read_text(encoding="utf-8-sig")  # neutralised for spreadsheets
    original = _purchases()
    close_database()
    open_database(tmp_path / "other.sqlite3")
    try:
        summary = apply_plan(build_plan(out), today=IMPORT_DAY)
        assert (summary["created"], summary["purchases_added"]) == (1, 1)
        assert _purchases() == original
        again = apply_plan(build_plan(out), today=IMPORT_DAY)
        assert (again["purchases_added"], again["skipped"]) == (0, 1)
    finally:
        close_database()
        open_database(tmp_path / "store.sqlite3")
    # Into the book it came from, the same file is recognised as already there.
    home = apply_plan(build_plan(out), today=IMPORT_DAY)
    assert (home["purchases_added"], home["skipped"]) == (0, 1)


def test_a_broken_purchase_row_is_named_and_nothing_is_written(db, tmp_path):
    rows = list(csv.reader(SAMPLE.open(encoding="utf-8")))
    column = rows[0].index
    rows[2][column("item_price_cents")] = "15.00"  # dollars where cents belong
    rows[3][column("purchase_date")] = "24/11/2026"
    broken = tmp_path / "broken.csv"
    with broken.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    plan = build_plan(broken)
    problems = {(p.row, p.field) for p in plan.problems}
    assert problems == {(2, "item_price_cents"), (4, "purchase_date")}
    assert "row 3" in plan.problems[0].reason
