"""Opening the store: one SQLite file with the pragmas the whole app relies on.

All models bind to `database`, a proxy, so the same models could later run on another
engine; SQLite-only features stay behind services/notes/search.py.
"""

from __future__ import annotations

from pathlib import Path

import peewee

database = peewee.DatabaseProxy()

BUSY_TIMEOUT_MS = 5000

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "busy_timeout": BUSY_TIMEOUT_MS,
    # A larger page cache keeps the 100k-client list snappy; negative = KiB.
    "cache_size": -32000,
    # Reads through a memory map skip a copy per page: the morning agenda of a big book
    # reads a large index. Address space only; pages are shared with the OS cache.
    "mmap_size": 256 * 1024 * 1024,
}


def open_database(path: str | Path, migrate: bool = True) -> peewee.SqliteDatabase:
    """Open (creating if needed) the store at `path`, bind the models, run migrations."""
    from boutique.models.migrations import migrate_to_latest

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    close_database()
    db = peewee.SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    database.initialize(db)
    db.connect(reuse_if_open=True)
    if migrate:
        migrate_to_latest(db, path)
    return db


def close_database() -> None:
    if database.obj is not None and not database.is_closed():
        database.close()
