"""Boutique purchases CSV: one row per item, the purchase's own fields on each of its rows.

`purchase_ref` ties the rows of one purchase together and makes a second import of the same
file change nothing: an order imported from elsewhere keeps its reference there; a
purchase made in Boutique is `boutique:<store>:<id>`, the store named by an id of its own,
so a file exported here and imported back is recognised, while the same file imported into
another book is new there. The client is found by `client_email` or `client_mobile_phone`
(merged like any imported client), or created from the `client_` columns.
"""

from __future__ import annotations

import csv
import datetime as dt
import uuid
from pathlib import Path

from boutique.services import settings
from boutique.services.clients import Client, ItemData, Purchase, PurchaseData, PurchaseItem
from boutique.services.interchange.export import neutralise
from boutique.services.interchange.mapping import MappedRow

CLIENT_PART = ("client_first_name", "client_last_name", "client_email", "client_mobile_phone")
PURCHASE_PART = ("purchase_ref", "purchase_date", "is_gift", "gift_recipient", "gift_relation",
                 "gift_occasion", "gift_given_on", "gift_delivery", "is_custom", "associate", "remarks", "voided")
ITEM_PART = ("item_description", "item_category", "item_metal", "item_stone", "item_sku",
             "item_price_cents", "item_wording", "item_wording_number")
PURCHASE_COLUMNS = CLIENT_PART + PURCHASE_PART + ITEM_PART
SIGNATURE = {"purchase_ref", "purchase_date", "item_description", "item_price_cents"}
_YES = {"yes", "true", "1", "y"}
_STORE_ID = "store.id"


def store_id() -> str:
    """This store's own name in purchase references, made once and kept."""
    known = settings.get(_STORE_ID)
    if not known:
        known = uuid.uuid4().hex[:12]
        settings.set(_STORE_ID, known)
    return known


def local_prefix() -> str:
    return f"boutique:{store_id()}:"


def export_purchases_csv(out: Path) -> int:
    """Every purchase of the clients not in the Trash, item by item; returns how many."""
    prefix = local_prefix()
    count = 0
    query = (Purchase.select(Purchase, Client).join(Client)
             .where(Client.deleted_at.is_null()).order_by(Purchase.id))
    with Path(out).open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(PURCHASE_COLUMNS)
        for purchase in query:
            client = purchase.client
            head = [client.first_name, client.last_name, client.email, client.mobile_phone,
                    purchase.source_ref or f"{prefix}{purchase.id}", str(purchase.purchase_date),
                    "yes" if purchase.is_gift else "no", purchase.gift_recipient,
                    purchase.gift_relation, purchase.gift_occasion,
                    str(purchase.gift_given_on or ""), purchase.gift_delivery,
                    "yes" if purchase.is_custom else "no", purchase.associate, purchase.remarks,
                    purchase.voided]
            for item in purchase.items.order_by(PurchaseItem.position, PurchaseItem.id):
                cells = head + [item.description, item.category, item.metal, item.stone,
                                item.sku, str(item.price_cents), item.wording,
                                item.wording_number]
                writer.writerow([neutralise(str(c or "")) for c in cells])
            count += 1
    return count


def _cell(row: dict[str, str], column: str) -> str:
    text = (row.get(column) or "").strip()
    return text[1:] if text.startswith("'") else text  # the export's "keep as text" mark


def _purchase(number: int, lines: list[tuple[int, dict[str, str]]]) -> MappedRow:
    first = lines[0][1]
    values = {name.removeprefix("client_"): _cell(first, name) for name in CLIENT_PART}
    out = MappedRow(values={k: v for k, v in values.items() if v})
    raw_date = _cell(first, "purchase_date")
    try:
        day = dt.date.fromisoformat(raw_date)
    except ValueError:
        out.problems.append(("purchase_date", f"'{raw_date}' is not a date (YYYY-MM-DD)"))
        day = None
    given = None
    if _cell(first, "gift_given_on"):
        try:
            given = dt.date.fromisoformat(_cell(first, "gift_given_on"))
        except ValueError:
            out.problems.append(("gift_given_on", f"'{_cell(first, 'gift_given_on')}' is not "
                                 "a date (YYYY-MM-DD)"))
    items = []
    for row_number, row in lines:
        raw_price = _cell(row, "item_price_cents")
        if not raw_price.isdigit():
            out.problems.append(("item_price_cents", f"row {row_number}: '{raw_price}' is "
                                 "not a whole number of cents"))
            continue
        items.append(ItemData(*(_cell(row, f"item_{n}") for n in (
            "description", "category", "metal", "stone", "sku")), price_cents=int(raw_price),
            wording=_cell(row, "item_wording"), wording_number=_cell(row, "item_wording_number")))
    if day is not None:
        out.purchase = PurchaseData(
            purchase_date=day, items=items, associate=_cell(first, "associate"),
            is_gift=_cell(first, "is_gift").casefold() in _YES,
            gift_recipient=_cell(first, "gift_recipient"),
            gift_relation=_cell(first, "gift_relation"),
            gift_occasion=_cell(first, "gift_occasion"), gift_given_on=given,
            gift_delivery=_cell(first, "gift_delivery"),
            is_custom=_cell(first, "is_custom").casefold() in _YES,
            remarks=_cell(first, "remarks"), voided=_cell(first, "voided"),
            source_ref=_cell(first, "purchase_ref"))
    return out


def purchase_rows(rows: list[dict[str, str]]) -> list[tuple[int, MappedRow]]:
    """One MappedRow per purchase, numbered by the file row of its first item."""
    purchases: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for number, row in enumerate(rows, start=2):
        ref = _cell(row, "purchase_ref") or f"row {number}"  # no reference: a purchase alone
        purchases.setdefault(ref, []).append((number, row))
    return [(lines[0][0], _purchase(lines[0][0], lines)) for lines in purchases.values()]


def present_refs() -> set[str]:
    """References of purchases already in this book, made here or imported."""
    prefix = local_prefix()
    ids = Purchase.select(Purchase.id, Purchase.source_ref).tuples()
    return {ref or f"{prefix}{pid}" for pid, ref in ids}
