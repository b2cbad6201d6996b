"""A verified backup before an import writes anything (the one way this package backs up)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from boutique.models import database
from boutique.models.migrations import backup_file

# The backup policy keeps 7 daily, 4 weekly and 12 monthly copies: data removed today
# is still in the oldest backup for about a year.
BACKUP_KEEPS_DAYS = 365


def backup_before(reason: str) -> Path:
    """Copy the open store into `backups/` beside it, checked; returns the copy's path."""
    store = Path(database.database)
    folder = store.parent / "backups"
    folder.mkdir(exist_ok=True)
    slug = re.sub(r"[^a-z0-9]+", "-", reason.casefold()).strip("-") or "backup"
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return backup_file(store, folder / f"{store.stem}-{stamp}-before-{slug}{store.suffix}")
