"""Shopify's orders export: one row per line item, the order's own fields on its first row."""

from __future__ import annotations

import datetime as dt

from boutique.services.clients import ItemData, PurchaseData, parse_price
from boutique.services.interchange.mapping import MappedRow

ORDER_REF_PREFIX = "shopify:"  # an imported order's source_ref: prefix + the order's Name
ORDER_SIGNATURE = {"Name", "Email", "Created at", "Lineitem name", "Lineitem price"}
BILLING = {"Billing Phone": "mobile_phone", "Billing Address1": "home_line1",
           "Billing Address2": "home_line2", "Billing City": "home_city",
           "Billing Province": "home_region", "Billing Zip": "home_postcode",
           "Billing Country": "home_country", "Billing Company": "business_company"}


def _cell(row: dict[str, str], column: str) -> str:
    return (row.get(column) or "").strip()


def _client_values(first: dict[str, str]) -> dict[str, str]:
    given, _, family = _cell(first, "Billing Name").partition(" ")
    values = {"first_name": given, "last_name": family, "email": _cell(first, "Email")}
    for column, name in BILLING.items():
        text = first.get(column)  # most exports leave most of them out
        if text:
            text = text.strip().lstrip("'")
            if text:
                values[name] = text
    return {k: v for k, v in values.items() if v}


def _price(text: str, known: dict[str, int]) -> int:
    """parse_price, each text once: an export repeats the same few prices."""
    cents = known.get(text)
    if cents is None:
        cents = known[text] = parse_price(text)
    return cents


def _order(lines: list[tuple[int, dict[str, str]]], prices: dict[str, int]) -> MappedRow:
    first = lines[0][1]
    out = MappedRow(values=_client_values(first), note=_cell(first, "Notes"))
    created = _cell(first, "Created at")
    try:
        day = dt.date.fromisoformat(created[:10])
    except ValueError:
        out.problems.append(("Created at", f"'{created}' is not a date"))
        day = None
    items = []
    for row_number, row in lines:  # (_cell written out: this runs for every line item)
        get = row.get
        raw_price = (get("Lineitem price") or "").strip()
        raw_qty = (get("Lineitem quantity") or "").strip() or "1"
        try:
            quantity = int(raw_qty)
            price = _price(raw_price, prices) * quantity
        except ValueError:
            out.problems.append(("Lineitem price", f"row {row_number}: '{raw_price}' x "
                                 f"'{raw_qty}' is not a price"))
            continue
        name = (get("Lineitem name") or "").strip()
        items.append(ItemData(description=f"{name} ×{quantity}" if quantity > 1 else name,
                              sku=(get("Lineitem sku") or "").strip(), price_cents=price))
    voided = ""
    if _cell(first, "Cancelled at"):
        voided = "cancelled"
    else:
        try:
            refunded = _price(_cell(first, "Refunded Amount"), prices)
            total = (_price(_cell(first, "Total"), prices)
                     or sum(i.price_cents for i in items))
        except ValueError:
            out.problems.append(("Refunded Amount", "is not an amount"))
            refunded = total = 0
        if refunded and refunded >= total:
            voided = "refunded"
    if day is not None:
        out.purchase = PurchaseData(purchase_date=day, items=items, voided=voided,
                                    source_ref=ORDER_REF_PREFIX + _cell(first, "Name"))
    return out


def order_rows(rows: list[dict[str, str]]) -> list[tuple[int, MappedRow]]:
    """One MappedRow per order, numbered by the file row of its first line item."""
    orders: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for number, row in enumerate(rows, start=2):
        orders.setdefault(_cell(row, "Name"), []).append((number, row))
    prices: dict[str, int] = {}
    return [(lines[0][0], _order(lines, prices)) for lines in orders.values()]
