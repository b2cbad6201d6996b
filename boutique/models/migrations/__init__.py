"""Numbered schema migrations tracked in PRAGMA user_version.

Each module here named `mNNN_<what>.py` defines `up(db)`; NNN is the version it brings
the store to. Migrations hold frozen SQL, never the current models, so an old store
upgrades exactly as it was created. Each runs in one transaction together with the
user_version bump; a verified backup is taken before upgrading an existing store.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import peewee

_MODULE_NAME = re.compile(r"^m(\d{3})_\w+$")


class MigrationError(RuntimeError):
    pass


def available_migrations() -> list[tuple[int, Callable[[peewee.Database], None]]]:
    found = []
    for info in pkgutil.iter_modules(__path__):
        match = _MODULE_NAME.match(info.name)
        if match:
            module = importlib.import_module(f"{__name__}.{info.name}")
            found.append((int(match.group(1)), module.up))
    found.sort(key=lambda pair: pair[0])
    versions = [v for v, _ in found]
    if versions != list(range(1, len(versions) + 1)):
        raise MigrationError(f"migration numbers must run 1..N without gaps, found {versions}")
    return found


def latest_version() -> int:
    return len(available_migrations())


def schema_version(db: peewee.Database) -> int:
    return db.execute_sql("PRAGMA user_version").fetchone()[0]


def backup_file(source: Path, target: Path) -> Path:
    """Copy a live SQLite file with the online backup API and check the copy."""
    with sqlite3.connect(str(source)) as src, sqlite3.connect(str(target)) as dst:
        src.backup(dst)
        ok = dst.execute("PRAGMA integrity_check").fetchone()[0]
    if ok != "ok":
        raise MigrationError(f"backup {target} failed its integrity check: {ok}")
    return target


def migrate_to_latest(db: peewee.Database, path: Path | None = None) -> int:
    current = schema_version(db)
    steps = [(v, up) for v, up in available_migrations() if v > current]
    if not steps:
        return current
    if current > 0 and path is not None and path.exists():
        backup_file(path, path.with_name(f"{path.stem}.before-v{steps[0][0]}{path.suffix}"))
    for version, up in steps:
        with db.atomic():
            up(db)
            db.execute_sql(f"PRAGMA user_version = {int(version)}")
    return steps[-1][0]
