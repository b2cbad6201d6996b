"""Opening the store: one SQLite file with the pragmas the whole app relies on.

All models bind to `database`, a proxy, so the same models could later run on another
engine; SQLite-only features stay behind services/notes/search.py.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import peewee

from boutique.models.store_file import StoreFileError, classify

__all__ = ["StoreFileError", "close_database", "database", "open_database", "owner_only",
           "pages_mapped"]

database = peewee.DatabaseProxy()

BUSY_TIMEOUT_MS = 5000

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "busy_timeout": BUSY_TIMEOUT_MS,
    # The page cache (negative = KiB) is filled only by what is read. The morning agenda
    # of a 100k book reads about 60 MB of pages; in a cache of half that size every
    # reload read them again (10-15% of the agenda's time).
    "cache_size": -64000,
    # No memory map: reads through one skip a copy per page (the agenda of a 100k book
    # ran ~15% faster), but every page touched counts in the window's memory (+150 MB on
    # the 100k store, half the window's peak); the page cache above is bounded.
    "mmap_size": 0,
}
# SQLite caps it at what it was built with (2 GB by default): the whole of a big store.
MAPPED_BYTES = 1 << 40


def open_database(path: str | Path, migrate: bool = True, explicit: bool = True,
                  default_folder: Path | None = None) -> peewee.SqliteDatabase:
    """Open the store at `path`, bind the models, run migrations.

    The file is classified first (store_file.classify) and nothing is written unless it is
    new or ours; only `default_folder` (the user data folder) is ever created. Writers
    begin IMMEDIATE, so a second writer waits `busy_timeout` instead of failing at once.
    Raises StoreFileError with one sentence when the file cannot be used.
    """
    from boutique.models.migrations import latest_version, migrate_to_latest

    path = Path(path)
    found = classify(path, latest_version(), explicit, default_folder)
    if found.kind == "new" and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        owner_only(path.parent, folder=True)
    close_database()
    db = peewee.SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False,
                               lock_type="IMMEDIATE")
    try:
        database.initialize(db)
        db.connect(reuse_if_open=True)
        owner_only(path)
        if migrate:
            migrate_to_latest(db, path)
    except peewee.OperationalError as exc:
        close_database()
        busy = "locked" in str(exc) or "busy" in str(exc)
        raise StoreFileError(f"{path}: {exc}", busy=busy) from exc
    except peewee.DatabaseError as exc:
        close_database()
        raise StoreFileError(f"{path} cannot be used as a store: {exc}") from exc
    return db


def owner_only(path: Path, folder: bool = False) -> None:
    """On POSIX, the store, its backups and exports are the owner's alone (0600, folders 0700)."""
    if os.name != "posix":
        return
    # A file on a stick or share may keep its own modes.
    with contextlib.suppress(OSError):
        os.chmod(path, 0o700 if folder else 0o600)


@contextlib.contextmanager
def pages_mapped() -> Iterator[None]:
    """While inside, the store's pages are read through a memory map (then no more).

    For a batch that reads most of the store in one process of its own (the calendar
    file): a year of a 100k book reads its pages ten times over the page cache's size, and
    a read through the map skips a system call and a copy for each (about a tenth of its
    time). The pages mapped are the OS's file cache, shared between the processes that map
    them: they count in this process's resident size, but take no memory of its own.
    Enter it outside any transaction (SQLite changes the map only between them)."""
    database.execute_sql(f"PRAGMA mmap_size={MAPPED_BYTES}")
    try:
        yield
    finally:
        database.execute_sql(f"PRAGMA mmap_size={PRAGMAS['mmap_size']}")


def close_database() -> None:
    if database.obj is not None and not database.is_closed():
        database.close()
