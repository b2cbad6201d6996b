"""An older store brought to the latest format as a user's would be: by opening it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from boutique.models import close_database, open_database
from boutique.models.migrations import latest_version, schema_version

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def upgraded_v4(tmp_path: Path, table: str, at_least: int) -> Path:
    """A copy of the format-4 fixture store, opened (so upgraded to at least `at_least`);
    every row `table` held before is kept, column for column (later formats add columns
    after the old ones)."""
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "store-v4.sqlite3", path)
    with sqlite3.connect(path) as store:
        before = store.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
    assert before
    db = open_database(path)
    try:
        assert schema_version(db) == latest_version() >= at_least
    finally:
        close_database()
    with sqlite3.connect(path) as store:
        after = store.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
    assert [row[:len(before[0])] for row in after] == before
    return path
