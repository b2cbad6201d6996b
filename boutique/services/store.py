"""Opening and closing the store: the entries' work (the window's start-up, the command line).

The window and the command line never reach the models themselves; they open the store
here, and a worker thread that read the store gives its own connection back here.
"""

from __future__ import annotations

from pathlib import Path

from boutique.models import Client, close_database, database, open_database

DEMO_CLIENTS = 300


def open_store(path: str | Path, demo: bool = False) -> None:
    """Open the store at `path`, upgrading its format if older; a demo store is filled
    with a demo boutique the first time it is opened."""
    open_database(path)
    if demo and not Client.select().exists():
        from boutique.services.demo import build_demo

        build_demo(DEMO_CLIENTS, seed=7)


def close_store() -> None:
    close_database()


def release_thread_connection() -> None:
    """Close the calling thread's own connection (each thread has one): for workers."""
    database.close()
