"""Indexing many new rows at once: the search index filled by one statement, not a trigger
per row.

The insert triggers of the search index (migration 3) cost a view lookup and an FTS write
for every row; an import of 100,000 clients spends most of its time there. Inside the
caller's transaction the triggers are dropped, the rows inserted, their documents added to
the index in one INSERT ... SELECT, and the triggers created again from the very SQL the
store holds, so the schema after the block is the schema before it. Other connections
never see the gap: a schema change is as private as any other uncommitted write.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager

from boutique.models.db import database
from boutique.models.search_documents import add_checked
from boutique.models.triggers import triggers_dropped

# For each kind of search document, the insert triggers that keep it current row by row.
INSERT_TRIGGERS = {
    "client": ("client_fts_insert",),
    "purchase": ("purchase_fts_insert", "purchase_item_fts_insert_before",
                 "purchase_item_fts_insert_after"),
}
# For each kind, the insert triggers with nothing to do for a new row written in bulk
# (migration 14): a new client has no purchases whose gift reminders could go stale, and a
# new purchase written with no gift reminder columns is stale already, as they leave it.
NEW_ROW_TRIGGERS = {"client": ("client_gift_reminder_insert",),
                    "purchase": ("purchase_gift_reminder_insert",)}


def _index_columns(kind: str) -> str:
    columns = [row[1] for row in database.execute_sql(f"PRAGMA table_info({kind}_fts)")]
    return ", ".join(columns)


@contextmanager
def search_index_deferred(kind: str, first_id: int,
                          documents: Callable[[], list[tuple]] | None = None) -> Iterator[None]:
    """Rows of `kind` with id >= `first_id` inserted in the block are indexed at its end.

    Call inside a transaction (the caller's `database.atomic()`), with ids that no row of
    the kind holds yet, so that the index gets each new document exactly once.
    `documents`: gives those rows' documents (search_documents), used if they pass the
    check against the view; else the view gives them."""
    with triggers_dropped(INSERT_TRIGGERS[kind], "search_index_deferred"):
        yield
        if documents is None or not add_checked(kind, first_id, documents()):
            columns = _index_columns(kind)
            database.execute_sql(
                f"INSERT INTO {kind}_fts (rowid, {columns}) SELECT id, {columns} "
                f"FROM {kind}_search_doc WHERE id >= ?", (first_id,))


@contextmanager
def new_rows_unwatched(kind: str) -> Iterator[None]:
    """Rows of `kind` inserted in the block with ids no row held before: the insert
    triggers that have nothing to do for such a row are set aside (at 100,000 clients an
    import spent a tenth of its time in one such trigger's check). Call inside the
    caller's transaction."""
    with triggers_dropped(NEW_ROW_TRIGGERS[kind], "new_rows_unwatched"):
        yield


@contextmanager
def index_rebuilt_after(name: str) -> Iterator[None]:
    """Drop the index `name` for the block and build it again at its end, from the SQL the
    store holds: for rows arriving in another order than the index's, one sorted build is
    far cheaper than as many scattered inserts. Call inside the caller's transaction."""
    if not database.in_transaction():
        raise RuntimeError("index_rebuilt_after needs the caller's transaction")
    row = database.execute_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)).fetchone()
    if row is None:
        yield
        return
    database.execute_sql(f'DROP INDEX "{name}"')
    try:
        yield
    finally:
        database.execute_sql(row[0])


def more_than_held(table: str, rows: int, least: int) -> bool:
    """Whether a write of `rows` new rows (more than `least`) is larger than what `table`
    holds: then its indexes are cheaper built again once, sorted. Below `least`, counting
    the table costs more than a rebuild would save."""
    return rows > least and rows > database.execute_sql(
        f"SELECT COUNT(*) FROM {table}").fetchone()[0]


@contextmanager
def indexes_rebuilt_after(names: tuple[str, ...]) -> Iterator[None]:
    """index_rebuilt_after for each of `names`."""
    with ExitStack() as rebuilt:
        for name in names:
            rebuilt.enter_context(index_rebuilt_after(name))
        yield
