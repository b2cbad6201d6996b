"""Many new clients at once (an import): one executemany, the word index in bulk.

The values must already have passed `book.clean_client_values`; everything is written in
the caller's transaction, so a failure keeps nothing.
"""

from __future__ import annotations

from typing import Any

from boutique.models import (
    Client,
    client_documents,
    database,
    indexes_rebuilt_after,
    more_than_held,
    new_rows_unwatched,
    search_index_deferred,
    utcnow,
)
from boutique.services.clients.associate_link import link_typed_associates
from boutique.services.clients.book import EDITABLE_FIELDS, derived_columns
from boutique.services.clients.value import invalidate
from boutique.services.clients.word_index import index_rows, insert_rows

_DERIVED = ("sort_name", "search_text", "phone_digits")
_COLUMNS = EDITABLE_FIELDS + ("spend_before_cents", "lifetime_spend_cents") + _DERIVED + (
    "created_at", "updated_at")
# Indexes in another order than new clients arrive in (by id): an import larger than the
# book builds each of them once at its end, sorted, instead of placing every row at a
# random page.
REBUILT_FOR_BULK = ("client_sort_name", "client_spend", "client_last_purchase",
                    "client_birthday_md", "client_anniversary_md", "client_associate_id")
BULK_ROWS = 10_000  # (models.more_than_held)
# Cleaned values of these types go to sqlite3 as they are (what their fields' db_value
# would give it); anything else through its field.
AS_IS = (str, int, bool, type(None))


def insert_clean_clients(rows: list[dict[str, Any]], spend_before: list[int]) -> list[int]:
    """Insert the clients in order; returns their new ids."""
    if not rows:
        return []
    defaults = {name: Client._meta.fields[name].default for name in EDITABLE_FIELDS}
    fields = Client._meta.fields
    now = fields["created_at"].db_value(utcnow())
    columns = ("id",) + _COLUMNS
    values_list = []
    with database.atomic():
        start = (database.execute_sql("SELECT MAX(id) FROM client").fetchone()[0] or 0) + 1
        for offset, (clean, spend) in enumerate(zip(rows, spend_before, strict=True)):
            values = {**defaults, **clean}
            values.update(derived_columns(values), id=start + offset, spend_before_cents=spend,
                          lifetime_spend_cents=spend, created_at=now, updated_at=now)
            values_list.append(values)
        sql = (f"INSERT INTO client ({', '.join(columns)}) "
               f"VALUES ({', '.join('?' for _ in columns)})")
        rebuilt = (REBUILT_FOR_BULK if more_than_held("client", len(values_list), BULK_ROWS)
                   else ())
        with (search_index_deferred("client", start, lambda: client_documents(values_list)),
              new_rows_unwatched("client"), indexes_rebuilt_after(rebuilt)):
            database.connection().executemany(sql, (
                [v[c] if type(v[c]) in AS_IS else fields[c].db_value(v[c]) for c in columns]
                for v in values_list))
        insert_rows(index_rows(values_list))
        link_typed_associates()
        invalidate()
    return [v["id"] for v in values_list]
