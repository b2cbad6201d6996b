"""An import writes its orders in bulk; the book must come out exactly as if each order had
been recorded at the counter one by one (follow-ups, spacing, value figures, search)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from boutique.models import FollowUp, close_database, database, open_database
from boutique.services.cadence import keep_followups_ahead
from boutique.services.clients import Client, Purchase, record_purchase, save_client
from boutique.services.interchange import apply_plan, build_plan
from boutique.services.interchange.orders import order_rows
from boutique.services.interchange.reading import read_table
from boutique.services.notes.search import check_index, search

IMPORT_DAY = dt.date(2026, 11, 25)
HEADER = ["Name", "Email", "Created at", "Total", "Lineitem quantity", "Lineitem name",
          "Lineitem price", "Lineitem sku", "Billing Name", "Notes", "Refunded Amount",
          "Cancelled at"]
# Three clients; orders old and recent, close together (merged calls, the contact cap),
# one refunded, one with two lines.
ORDERS = [
    ("#1", "ines@example.com", "2026-11-12", "Sapphire ring", "1800.00", "Ines Ferreira", ""),
    ("#2", "ines@example.com", "2026-11-16", "Gold hoops", "640.00", "Ines Ferreira", ""),
    ("#3", "ines@example.com", "2026-11-22", "Tennis bracelet", "3124.00", "Ines Ferreira", ""),
    ("#4", "kofi@example.com", "2024-03-15", "Signet ring", "900.00", "Kofi Mensah", ""),
    ("#5", "kofi@example.com", "2026-11-24", "Cufflinks, onyx", "450.00", "Kofi Mensah", ""),
    ("#6", "yu@example.com", "2026-11-01", "Jade pendant", "700.00", "Yu Chen", "700.00"),
    ("#7", "yu@example.com", "2025-12-24", "Pearl strand", "2100.00", "Yu Chen", ""),
]


def _write_orders(path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(HEADER)
        for name, email, day, item, price, billing, refunded in ORDERS:
            out.writerow([name, email, f"{day} 10:00:00 -0800", price, "1", item, price,
                          "SKU", billing, "", refunded or "0.00", ""])
            if name == "#3":
                out.writerow([name, "", "", "", "2", "Polishing cloth", "20.00", "CLOTH",
                              "", "", "", ""])


def _book() -> dict:
    """Everything the bulk path writes, keyed so that ids do not matter."""
    email = {c.id: c.email for c in Client.select()}
    refs = {p.id: p.source_ref for p in Purchase.select()}
    followups = {}
    for f in FollowUp.select():
        head = FollowUp.get_by_id(f.merged_into_id) if f.merged_into_id else None
        followups[(email[f.client_id], refs.get(f.purchase_id), f.kind, f.sequence)] = (
            f.rule_due, f.due, f.deadline, f.status, f.channel, f.reason, f.is_gift,
            (refs.get(head.purchase_id), head.kind, head.sequence) if head else None)
    values = {c.email: (c.lifetime_spend_cents, c.purchase_count, c.last_purchase_date)
              for c in Client.select()}
    items = sorted((refs[p.id], p.total_cents, p.voided, tuple(
        (i.position, i.description, i.price_cents) for i in p.items)) for p in Purchase.select())
    return {"followups": followups, "values": values, "items": items}


def _one_by_one(path: Path) -> None:
    """The counter's way: each client saved, each order recorded, then trimmed to the day."""
    header, rows = read_table(path)
    for _number, mapped in order_rows(rows):
        client = Client.get_or_none(Client.email == mapped.values["email"])
        if client is None:
            client = save_client({**mapped.values, "mobile_phone": ""})
        purchase = record_purchase(client.id, mapped.purchase)
        keep_followups_ahead(purchase.id, IMPORT_DAY, keep_any=not mapped.purchase.voided)


def test_bulk_import_writes_what_recording_each_order_would(tmp_path, _template_store):
    orders = tmp_path / "orders.csv"
    _write_orders(orders)
    books = []
    for name, fill in (("bulk", lambda: apply_plan(build_plan(orders), today=IMPORT_DAY)),
                       ("counter", lambda: _one_by_one(orders))):
        open_database(tmp_path / f"{name}.sqlite3")
        try:
            fill()
            books.append(_book())
        finally:
            close_database()
    bulk, counter = books
    assert bulk["followups"] and bulk["followups"] == counter["followups"]
    assert bulk["values"] == counter["values"]
    assert bulk["items"] == counter["items"]


def test_bulk_import_keeps_the_search_index_whole_and_its_triggers(db, tmp_path):
    triggers = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    before = database.execute_sql(triggers).fetchall()
    orders = tmp_path / "orders.csv"
    _write_orders(orders)
    apply_plan(build_plan(orders), today=IMPORT_DAY)
    assert database.execute_sql(triggers).fetchall() == before
    assert check_index() == []
    [hit] = search("tennis").hits["purchase"]
    assert hit.client_name.startswith("Ines")
    # After the import, the triggers index a purchase recorded at the counter again.
    ines = Client.get(Client.email == "ines@example.com")
    from boutique.services.clients import ItemData, PurchaseData
    record_purchase(ines.id, PurchaseData(IMPORT_DAY, [ItemData("Opal brooch", price_cents=1)]))
    assert search("opal").hits["purchase"]
    assert check_index() == []
