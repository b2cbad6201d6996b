"""Triggers set aside for a bulk write, inside the caller's transaction.

A trigger runs once per row: for a bulk write whose rows it has nothing to do for, or
whose work is done once at the end instead, it is dropped for the block and created again
from the very SQL the store holds, so the schema after the block is the schema before it.
Other connections never see the gap: a schema change is as private as any other
uncommitted write.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from boutique.models.db import database


@contextmanager
def triggers_dropped(names: tuple[str, ...], why: str) -> Iterator[None]:
    """Drop the triggers `names` (those the store holds) for the block.
    `why`: the caller, named in the error when no transaction is open."""
    if not database.in_transaction():
        raise RuntimeError(f"{why} needs the caller's transaction")
    marks = ", ".join("?" for _ in names)
    saved = dict(database.execute_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})",
        names).fetchall())
    for name in saved:
        database.execute_sql(f"DROP TRIGGER {name}")
    try:
        yield
    finally:
        for sql in saved.values():
            database.execute_sql(sql)
