"""Store safety under load: three writer processes at once, then a longer kill -9 burst.

Figures: writes acknowledged, losses (acknowledged but not found), errors (writers that
printed anything or failed). Runs on a small store of its own, not the 100k benchmark.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from pathlib import Path

from boutique.models import close_database
from boutique.services.clients.book import save_client
from boutique.services.store import open_store
from tests.services.store.writers import kill_burst, run_writers

KILL_ROUNDS = 40
REPEAT = 1  # a kill burst is a soak, not a timing


def run(ctx):
    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "writers.sqlite3"
        open_store(store)
        save_client({"first_name": "Ana", "last_name": "Alvarez"})
        close_database()
        started = time.perf_counter()
        acknowledged, errors = run_writers(store, writers=3, count=300)
        writers_s = time.perf_counter() - started
        found = _ids(store)
        yield "writers_3x300_s", f"{writers_s:.1f}"
        yield "writers_acknowledged", len(acknowledged)
        yield "writers_lost", len(set(acknowledged) - found)
        yield "writers_errors", len(errors)
        figures = kill_burst(store, rounds=KILL_ROUNDS)
        found = _ids(store)
        yield "kill9_kills", figures["kills"]
        yield "kill9_acknowledged", figures["acknowledged"]
        yield "kill9_lost", len(set(figures["ids"]) - found)
        yield "kill9_errors", figures["errors"]


def _ids(store: Path) -> set[int]:
    with sqlite3.connect(store) as conn:
        return {row[0] for row in conn.execute("SELECT id FROM note")}
