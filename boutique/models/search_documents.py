"""The search documents of many new clients or purchases, made in Python from the values
being written: the very text the views of migration 3 give, without SQLite evaluating a
view row by row (its chains of replace() cost more than indexing the text).

The views stay the truth. Before documents made here go into the index, a sample of them
(the first and the longest, which hold several phones or items) is compared with what the
view says for the same rows, and their number with the rows the view shows; if anything
differs (a later view, an SQLite that orders the phones' subquery otherwise), the caller
fills the index from the view as before. An external-content index must hold exactly what
its view gives, or the triggers' later deletes would not find what they remove.
"""

from __future__ import annotations

from collections.abc import Iterable

from boutique.models.db import database
from boutique.models.migrations.m003_search_index import _FOLDS

# The views' replace() chains as one table: no letter a fold writes is one it reads, so
# applying them one after another or at once gives the same text.
_FOLD_TABLE = str.maketrans(dict(_FOLDS))
_SUFFIX_STARTS = range(12)  # the views' phone suffixes start at characters 1 to 12
_MIN_SUFFIX = 4
SAMPLE = 32  # documents compared with the view, from the start and from the longest

COLUMNS = {"client": ("name", "email", "phones", "other"),
           "purchase": ("items", "gift", "remarks")}
# The rows each view shows among those with id >= ?: clients and purchases of clients
# not in the Trash.
_SHOWN = {
    "client": "SELECT COUNT(*) FROM client WHERE id >= ? AND deleted_at IS NULL",
    "purchase": "SELECT COUNT(*) FROM purchase p JOIN client c ON c.id = p.client_id "
                "WHERE p.id >= ? AND c.deleted_at IS NULL",
}


def _fold(text: str | None) -> str | None:
    return None if text is None else text.translate(_FOLD_TABLE)


def _phones(*numbers: str) -> str | None:
    """Every suffix of at least four digits starting at one of the first twelve, the
    numbers taken in turn for each start (as the view's subquery yields them)."""
    plain = [number.replace("+", "") for number in numbers if number]
    if len(plain) == 1:  # most clients: one number, its suffixes longest first
        number = plain[0]
        suffixes = [number[start:] for start in range(min(len(_SUFFIX_STARTS),
                                                           len(number) - _MIN_SUFFIX + 1))]
    else:
        suffixes = [number[start:] for start in _SUFFIX_STARTS for number in plain
                    if len(number) - start >= _MIN_SUFFIX]
    return " ".join(suffixes) if suffixes else None


def client_documents(clients: Iterable[dict]) -> list[tuple]:
    """(id, name, email, phones, other) for each client, a dict of her stored columns;
    clients in the Trash have none."""
    return [(c["id"], _fold(f"{c['first_name']} {c['last_name']} {c['preferred_name']}"),
             _fold(c["email"]), _phones(c["mobile_phone"], c["work_phone"], c["home_phone"]),
             _fold(f"{c['partner_name']} {c['business_company']} {c['tags']}"))
            for c in clients if c.get("deleted_at") is None]


def purchase_documents(purchases: Iterable[tuple]) -> list[tuple]:
    """(id, items, gift, remarks) for each purchase given as (id, client id, its items'
    (description, category, metal, stone, sku) in position order, gift recipient, gift
    relation, gift occasion, remarks) as stored; those of clients in the Trash have none."""
    trashed = {row[0] for row in database.execute_sql(
        "SELECT id FROM client WHERE deleted_at IS NOT NULL")}
    return [(purchase_id,
             _fold(" ".join(" ".join(parts) for parts in items) if items else None),
             _fold(f"{recipient} {relation} {occasion}"), _fold(remarks))
            for purchase_id, client_id, items, recipient, relation, occasion, remarks
            in purchases if client_id not in trashed]


def _total_length(document: tuple) -> int:
    return sum(len(part) for part in document[1:] if part)


def add_checked(kind: str, first_id: int, documents: list[tuple]) -> bool:
    """Add the documents of the rows with id >= `first_id` to the index, if they are the
    view's; False (nothing added) if the check finds any difference."""
    shown = database.execute_sql(_SHOWN[kind], (first_id,)).fetchone()[0]
    if shown != len(documents):
        return False
    sample = {d[0]: d for d in documents[:SAMPLE]}
    sample.update((d[0], d) for d in sorted(documents, key=_total_length)[-SAMPLE:])
    columns = ", ".join(COLUMNS[kind])
    marks = ", ".join("?" for _ in sample)
    viewed = {row[0]: tuple(row) for row in database.execute_sql(
        f"SELECT id, {columns} FROM {kind}_search_doc WHERE id IN ({marks})", list(sample))}
    if viewed != sample:
        return False
    database.connection().executemany(
        f"INSERT INTO {kind}_fts (rowid, {columns}) VALUES (?, {', '.join('?' for _ in COLUMNS[kind])})",
        documents)
    return True
