"""What a file on disk is, read without writing a byte: new, ours, newer, or not ours.

The store is never opened for writing before this says "new" or "ours": a foreign
SQLite file or a newer Boutique's store is left untouched to the byte.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"
# Tables every Boutique store has had since format 1.
OUR_TABLES = frozenset({"client", "purchase", "purchase_item", "note"})


class StoreFileError(Exception):
    """The file cannot be used as a store; `busy` when it stayed locked by another writer."""

    def __init__(self, message: str, busy: bool = False):
        super().__init__(message)
        self.busy = busy


@dataclass(frozen=True)
class StoreFile:
    path: Path
    kind: str  # "new" | "ours"
    version: int


def classify(path: Path, latest: int, explicit: bool, default_folder: Path | None) -> StoreFile:
    """Say what `path` is, or raise StoreFileError with one sentence saying why not."""
    if path.is_dir():
        raise StoreFileError(f"{path} is a folder, not a store file")
    if not path.exists():
        folder = path.parent
        if not folder.exists():
            if default_folder is not None and folder == default_folder:
                return StoreFile(path, "new", 0)
            raise StoreFileError(f"the folder {folder} does not exist (is the path mistyped?)")
        if _no_write_bit(folder):
            raise StoreFileError(f"cannot create a store in {folder}: the folder is not writable")
        return StoreFile(path, "new", 0)
    if not os.access(path, os.R_OK):
        raise StoreFileError(f"{path} cannot be read: permission denied")
    size = path.stat().st_size
    if size == 0:
        if explicit:
            return _writable(StoreFile(path, "new", 0))
        raise StoreFileError(f"{path} is an empty file, not a Boutique store")
    with open(path, "rb") as handle:
        head = handle.read(100)
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        raise StoreFileError(f"{path} is not a SQLite file, so not a Boutique store; left untouched")
    version, tables = _read_header(path)
    if not tables and version == 0:
        raise StoreFileError(f"{path} is an empty SQLite file made by another program; left untouched")
    if not tables >= OUR_TABLES or version == 0:
        raise StoreFileError(f"{path} is a SQLite file of another program, not a Boutique store;"
                             " left untouched")
    if version > latest:
        raise StoreFileError(f"{path} was made by a newer Boutique, format {version};"
                             f" this one reads up to {latest}")
    return _writable(StoreFile(path, "ours", version))


def _no_write_bit(path: Path) -> bool:
    # The owner's write bit, not os.access alone: an administrator may write anywhere, yet a
    # file marked read-only was marked so on purpose.
    return not os.access(path, os.W_OK) or (os.name == "posix"
                                            and not path.stat().st_mode & stat.S_IWUSR)


def _writable(found: StoreFile) -> StoreFile:
    if _no_write_bit(found.path):
        raise StoreFileError(f"{found.path} is read-only: Boutique needs to write to its store")
    if _no_write_bit(found.path.parent):
        raise StoreFileError(f"the folder {found.path.parent} is not writable (the store needs"
                             " its journal beside it)")
    return found


def _read_header(path: Path) -> tuple[int, set[str]]:
    # Read-only and immutable-free: mode=ro never creates -wal/-shm files of its own when
    # the file is in rollback mode; a WAL store's own -shm is shared as usual.
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        with _closing(sqlite3.connect(uri, uri=True, timeout=5)) as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            names = {row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise StoreFileError(f"{path} stayed busy: another program holds it", busy=True) from exc
        raise StoreFileError(f"{path} cannot be read as a store: {exc}") from exc
    return version, names


class _closing:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        return self.conn

    def __exit__(self, *exc) -> None:
        self.conn.close()
