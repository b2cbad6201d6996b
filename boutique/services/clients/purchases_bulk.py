"""Many purchases at once (an import of orders): one executemany each for purchases and
items, the search index filled once, every client's value figures refreshed in one update.

The purchases pass the same `validate` as one at the counter. No purchase hook runs: the
caller schedules the follow-ups of all of them at once (`cadence.schedule_imported`), in
the same transaction, so a failure keeps nothing.
"""

from __future__ import annotations

import dataclasses

from boutique.models import Purchase, database, search_index_deferred, utcnow
from boutique.services.clients import value
from boutique.services.clients.purchases import REFRESH_VALUES, PurchaseData, validate

_GIFT_ONLY = ("gift_recipient", "gift_relation", "gift_occasion", "gift_given_on", "gift_delivery")
_ITEM_COLUMNS = ("purchase_id", "position", "description", "category", "metal", "stone", "sku",
                 "price_cents", "wording", "wording_number")


def _purchase_columns() -> tuple[str, ...]:
    """The purchase's own fields that PurchaseData carries (items and ids aside)."""
    stored = set(Purchase._meta.fields)
    return tuple(f.name for f in dataclasses.fields(PurchaseData) if f.name in stored)


def imported_refs(prefix: str) -> set[str]:
    """Every order reference starting with `prefix` that an import already wrote."""
    cursor = database.execute_sql(
        "SELECT source_ref FROM purchase WHERE source_ref >= ? AND source_ref < ?",
        (prefix, prefix + "\U0010ffff"))
    return {row[0] for row in cursor}


def insert_purchases(entries: list[tuple[int, PurchaseData]]) -> list[int]:
    """Write (client id, purchase) pairs in order; returns the new purchase ids."""
    if not entries:
        return []
    for _client_id, data in entries:
        validate(data)
    columns = _purchase_columns()
    fields = Purchase._meta.fields
    now = fields["created_at"].db_value(utcnow())
    with database.atomic():
        start = (database.execute_sql("SELECT MAX(id) FROM purchase").fetchone()[0] or 0) + 1
        purchase_rows, item_rows = [], []
        for offset, (client_id, data) in enumerate(entries):
            row = [start + offset, client_id, sum(i.price_cents for i in data.items), now]
            for name in columns:
                cell = getattr(data, name)
                if name in _GIFT_ONLY and not data.is_gift:
                    cell = fields[name].default
                row.append(fields[name].db_value(cell))
            purchase_rows.append(row)
            item_rows += [(start + offset, position, item.description, item.category,
                           item.metal, item.stone, item.sku, item.price_cents,
                           item.wording or "", item.wording_number or "")
                          for position, item in enumerate(data.items)]
        names = ("id", "client_id", "total_cents", "created_at") + columns
        with search_index_deferred("purchase", start):
            database.connection().executemany(
                f"INSERT INTO purchase ({', '.join(names)}) "
                f"VALUES ({', '.join('?' for _ in names)})", purchase_rows)
            database.connection().executemany(
                f"INSERT INTO purchase_item ({', '.join(_ITEM_COLUMNS)}) "
                f"VALUES ({', '.join('?' for _ in _ITEM_COLUMNS)})", item_rows)
        _refresh_values(start)
    value.invalidate()
    return list(range(start, start + len(entries)))


def _refresh_values(first_purchase_id: int) -> None:
    """What `refresh_client_value` does for one client, for every client who just bought."""
    database.execute_sql(REFRESH_VALUES.format(
        which="id IN (SELECT client_id FROM purchase WHERE id >= ?)"), (first_purchase_id,))
