"""Opening and closing the store: the entries' work (the window's start-up, the command line).

The window and the command line never reach the models themselves; they open the store
here, and a worker thread that read the store gives its own connection back here. Every
failure to open, read or write the store comes out of here as `StoreUnusable`, one
sentence, never a database exception.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import peewee

from boutique.models import Client, close_database, database, open_database
from boutique.models.db import StoreFileError
from boutique.paths import data_dir
from boutique.services.errors import StoreUnusable

DEMO_CLIENTS = 300


def open_store(path: str | Path, demo: bool = False, explicit: bool = True) -> None:
    """Open the store at `path`, upgrading its format if older; a demo store is filled
    with a demo boutique the first time it is opened. `explicit`: the user named this
    path (an empty file there then counts as a new store)."""
    path = Path(path)
    try:
        open_database(path, explicit=explicit, default_folder=data_dir())
    except StoreFileError as exc:
        raise StoreUnusable(str(exc), busy=exc.busy) from exc
    if demo and not Client.select().exists():
        from boutique.services.demo import build_demo

        build_demo(DEMO_CLIENTS, seed=7)
    # What another program (or an upgrade) wrote since: the gifts' reminder days are kept
    # again now, in a write of their own, so that the agenda's reads only read them.
    from boutique.services.cadence import refresh_gift_reminder_days

    with store_errors():
        refresh_gift_reminder_days()


def store_path() -> Path | None:
    db = database.obj
    return Path(db.database) if db is not None else None


@contextlib.contextmanager
def store_errors() -> Iterator[None]:
    """Turn a database failure during a command into StoreUnusable (busy or not)."""
    try:
        yield
    except (peewee.OperationalError, sqlite3.OperationalError) as exc:
        text = str(exc)
        if "locked" in text or "busy" in text:
            raise StoreUnusable("the store stayed busy: another program kept it locked"
                                f" for more than {_busy_seconds()} s", busy=True) from exc
        raise StoreUnusable(f"the store could not be read or written: {text}") from exc
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        raise StoreUnusable(f"the store could not be read or written: {exc}") from exc


def _busy_seconds() -> int:
    from boutique.models.db import BUSY_TIMEOUT_MS

    return BUSY_TIMEOUT_MS // 1000


def store_stamp() -> tuple[float, ...]:
    """Modification times of the store and its journal: compared on closing the window to
    know whether anything was written (and a backup is due)."""
    path = store_path()
    if path is None:
        return ()
    return tuple(p.stat().st_mtime if p.exists() else 0.0
                 for p in (path, Path(str(path) + "-wal")))


def close_store() -> None:
    close_database()


def release_thread_connection() -> None:
    """Close the calling thread's own connection (each thread has one): for workers."""
    database.close()
