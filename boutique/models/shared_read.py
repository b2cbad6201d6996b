"""One state of the store read by several processes at once.

In WAL mode each read transaction sees the store as it was when it first read; two
processes that begin theirs at different moments may see different states. Holding the
write lock on a connection of its own while every reader takes its first read makes them
all see the same one: no save can commit in between. Writers wait (busy_timeout) for that
moment only, not for the reading that follows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from boutique.models.db import BUSY_TIMEOUT_MS, database


def store_path() -> Path | None:
    """The open store's file; None for a store in memory (no other process can read it)."""
    name = getattr(database.obj, "database", None)
    if not name or name == ":memory:" or str(name).startswith("file:"):
        return None
    return Path(name)


@contextmanager
def writers_held(path: Path) -> Iterator[None]:
    """While inside, no other connection can commit a write (each waits its busy timeout)."""
    hold = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        hold.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            hold.execute("ROLLBACK")
    finally:
        hold.close()


def pin_snapshot() -> None:
    """Inside a read transaction, fix the state it reads: its first read does."""
    database.execute_sql("SELECT COUNT(*) FROM sqlite_master").fetchone()
