"""A damaged store: set aside (renamed, never deleted) and replaced by a verified backup."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from boutique.models.db import close_database, open_database, owner_only
from boutique.services.backup.taking import (
    BackupError,
    BackupInfo,
    _store_path,
    copy_store,
    list_backups,
)


def unreadable_schema(path: Path) -> list[str]:
    """Before opening: the problem when SQLite cannot even read the store's schema (a
    damaged page there); [] when it reads, or the file is not there."""
    if not path.is_file():
        return []
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)] if "malformed" in str(exc) else []
    return []


def newest_verified(folder: Path | None = None) -> BackupInfo | None:
    """The newest backup that passes its check (counts are -1 for an unsound one)."""
    return next((b for b in list_backups(folder) if b.clients >= 0), None)


def set_aside_and_restore(backup: BackupInfo, now: dt.datetime | None = None) -> Path:
    """Rename the damaged store (and its -wal/-shm) aside, put `backup` in its place,
    reopen it; returns where the damaged file now is."""
    live = _store_path()
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside = live.with_name(f"{live.stem}.damaged-{stamp}{live.suffix}")
    close_database()
    os.replace(live, aside)
    for suffix in ("-wal", "-shm"):
        side = Path(str(live) + suffix)
        if side.exists():
            os.replace(side, Path(str(aside) + suffix))
    partial = live.with_name(live.name + ".partial")
    try:
        copy_store(backup.path, partial, read_only=True)
    except sqlite3.Error as exc:
        raise BackupError(f"the backup {backup.path.name} could not be copied: {exc}") from exc
    owner_only(partial)
    os.replace(partial, live)
    open_database(live)
    return aside
