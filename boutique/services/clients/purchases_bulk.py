"""Many purchases at once (an import of orders): one executemany each for purchases and
items, the search index filled once, every client's value figures refreshed in one update.

The purchases pass the same `validate` as one at the counter, unless the caller says they
already have (an import's plan validates every order it previews). No purchase hook runs: the
caller schedules the follow-ups of all of them at once (`cadence.schedule_imported`), in
the same transaction, so a failure keeps nothing.
"""

from __future__ import annotations

import dataclasses
import operator

from boutique.models import (
    Purchase,
    database,
    new_rows_unwatched,
    purchase_documents,
    search_index_deferred,
    utcnow,
)
from boutique.services.clients import value
from boutique.services.clients.bulk import AS_IS
from boutique.services.clients.purchases import REFRESH_VALUES, PurchaseData, validate

_GIFT_ONLY = ("gift_recipient", "gift_relation", "gift_occasion", "gift_given_on", "gift_delivery")
# What the search document of a purchase reads besides its items (search_documents).
_SEARCHED = ("gift_recipient", "gift_relation", "gift_occasion", "remarks")
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


def insert_purchases(entries: list[tuple[int, PurchaseData]], validated: bool = False) -> list[int]:
    """Write (client id, purchase) pairs in order; returns the new purchase ids.
    `validated`: every purchase has passed `validate` already and is not checked again."""
    if not entries:
        return []
    if not validated:
        for _client_id, data in entries:
            validate(data)
    columns = _purchase_columns()
    fields = Purchase._meta.fields
    cells_of = operator.attrgetter(*columns)
    # A purchase that is not a gift keeps none of a gift's fields: the fields' defaults.
    not_a_gift = [(n, fields[name].default) for n, name in enumerate(columns)
                  if name in _GIFT_ONLY]
    to_store = [fields[name].db_value for name in columns]
    searched = [columns.index(name) for name in _SEARCHED]
    now = fields["created_at"].db_value(utcnow())
    with database.atomic():
        start = (database.execute_sql("SELECT MAX(id) FROM purchase").fetchone()[0] or 0) + 1
        purchase_rows, item_rows, documents = [], [], []
        for purchase_id, (client_id, data) in enumerate(entries, start=start):
            cells = list(cells_of(data))
            if not data.is_gift:
                for n, default in not_a_gift:
                    cells[n] = default
            purchase_rows.append([purchase_id, client_id, sum(i.price_cents for i in data.items),
                                  now, *(cell if type(cell) in AS_IS else store(cell)
                                         for cell, store in zip(cells, to_store, strict=True))])
            items = [(purchase_id, position, item.description, item.category,
                      item.metal, item.stone, item.sku, item.price_cents,
                      item.wording or "", item.wording_number or "")
                     for position, item in enumerate(data.items)]
            item_rows += items
            documents.append((purchase_id, client_id, [i[2:7] for i in items],
                              *(cells[n] for n in searched)))
        names = ("id", "client_id", "total_cents", "created_at") + columns
        with (search_index_deferred("purchase", start, lambda: purchase_documents(documents)),
              new_rows_unwatched("purchase")):
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
