"""Taking, verifying, listing and restoring backups of the open store.

A backup is always made with SQLite's online backup API from a connection of its own
(a consistent snapshot even while the window writes), written under a `.partial` name,
verified, and only then given its final name; thinning runs only after that.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from boutique.models import database
from boutique.models.db import close_database, open_database, owner_only
from boutique.models.migrations import latest_version
from boutique.models.store_file import StoreFileError, classify
from boutique.services import settings
from boutique.services.backup.policy import backups_to_keep
from boutique.services.errors import ValidationError

FOLDER_SETTING = "backup.folder"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<reason>[a-z0-9-]+)"
                   r"\.sqlite3$")
_COUNTED = ("client", "purchase", "note")


class BackupError(Exception):
    """A backup could not be taken, verified or restored: one sentence saying why.
    `damaged` is true when the live store itself failed its check."""

    def __init__(self, message: str, damaged: bool = False):
        super().__init__(message)
        self.damaged = damaged


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime
    reason: str
    size: int
    clients: int
    purchases: int
    notes: int

    def as_dict(self) -> dict:
        return {"path": str(self.path), "taken_at": self.taken_at.isoformat(timespec="seconds"),
                "reason": self.reason, "size": self.size, "clients": self.clients,
                "purchases": self.purchases, "notes": self.notes}


def _store_path() -> Path:
    if database.obj is None:
        raise BackupError("no store is open")
    return Path(database.obj.database)


def backup_folder() -> Path:
    chosen = settings.get(FOLDER_SETTING)
    if chosen:
        return Path(chosen).expanduser()
    return _store_path().parent / "backups"


def chosen_backup_folder() -> str:
    """The folder the user chose ("" when backups go beside the store)."""
    return settings.get(FOLDER_SETTING) or ""


def backup_folder_setting(folder: str) -> dict[str, str]:
    """The setting that sends backups to `folder` ("" for beside the store), checked first:
    the folder must exist and be writable. Saved by the caller with its other settings."""
    folder = folder.strip()
    if folder:
        path = Path(folder).expanduser()
        if not path.is_dir():
            raise ValidationError({"backup folder": f"{path} is not a folder that exists"})
        if not os.access(path, os.W_OK):
            raise ValidationError({"backup folder": f"{path} cannot be written to"})
    return {FOLDER_SETTING: folder}


def _ready_folder() -> Path:
    folder = backup_folder()
    if settings.get(FOLDER_SETTING):
        if not folder.is_dir():
            raise BackupError(f"the backup folder {folder} is gone (a stick not plugged in,"
                              " a synced folder moved?)")
    else:
        folder.mkdir(parents=True, exist_ok=True)
        owner_only(folder, folder=True)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BackupError(f"the backup folder {folder} is not writable")
    return folder


def verify(path: Path) -> tuple[int, int, int]:
    """Open `path` read-only, run quick_check, count clients, purchases and notes."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise BackupError(f"{path.name} failed its check: {result}")
            counts = [conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                      for table in _COUNTED]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path.name} is not a sound store: {exc}") from exc
    return counts[0], counts[1], counts[2]


def copy_store(source: Path, target: Path, *, read_only: bool = False,
               single_file: bool = False) -> None:
    """Copy `source` into `target` with SQLite's online backup API (never a file copy).
    `single_file` leaves no -wal beside the copy: a backup is one file to carry on a stick."""
    src = (sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True) if read_only
           else sqlite3.connect(str(source), timeout=30))
    dst = sqlite3.connect(str(target), timeout=30)
    try:
        src.backup(dst)
        if single_file:
            dst.execute("PRAGMA journal_mode = DELETE")
    finally:
        dst.close()
        src.close()


def _target_name(folder: Path, stem: str, when: dt.datetime, reason: str) -> Path:
    stamp = when.strftime("%Y%m%d-%H%M%S")
    target = folder / f"{stem}-{stamp}-{reason}.sqlite3"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{stem}-{stamp}-{n}-{reason}.sqlite3"
    return target


def backup_now(reason: str, out: Path | None = None, now: dt.datetime | None = None) -> BackupInfo:
    """Back up the open store now (verified); thin the folder unless `out` names a file."""
    reason = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-") or "manual"
    now = now or dt.datetime.now()
    source = _store_path()
    if out is not None:
        if out.is_dir():
            raise BackupError(f"--out {out} is a folder; name a file")
        if not out.parent.is_dir():
            raise BackupError(f"the folder {out.parent} does not exist")
        target = out
    else:
        target = _target_name(_ready_folder(), source.stem, now, reason)
    partial = target.with_name(target.name + ".partial")
    try:
        copy_store(source, partial, single_file=True)
        owner_only(partial)
        clients, purchases, notes = verify(partial)
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(f"the backup to {target} failed: {exc}") from exc
    finally:
        if partial.exists():
            partial.unlink()
    info = BackupInfo(target, now.replace(microsecond=0), reason, target.stat().st_size,
                      clients, purchases, notes)
    if out is None:
        thin(target.parent, now.date())
    return info


def _read(path: Path) -> BackupInfo | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    taken = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
    try:
        clients, purchases, notes = verify(path)
    except BackupError:
        clients = purchases = notes = -1  # listed, so the user sees it is unsound
    return BackupInfo(path, taken, match["reason"], path.stat().st_size, clients, purchases, notes)


def _named(folder: Path) -> list[tuple[Path, dt.datetime]]:
    """The open store's backups in `folder`. A folder may hold the backups of several
    stores (the book and the demo beside it): listing, thinning and "already backed up
    today" go by this store's own, so one store never thins away another's."""
    stem = _store_path().stem
    found = []
    for path in folder.glob("*.sqlite3"):
        match = _NAME.match(path.name)
        if match and match["stem"] == stem:
            found.append((path, dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")))
    return found


def list_backups(folder: Path | None = None) -> list[BackupInfo]:
    folder = folder or backup_folder()
    if not folder.is_dir():
        return []
    infos = [info for path, _ in _named(folder) if (info := _read(path)) is not None]
    return sorted(infos, key=lambda b: b.taken_at, reverse=True)


@dataclass(frozen=True)
class _Dated:
    path: Path
    taken_at: dt.datetime


def thin(folder: Path, today: dt.date) -> list[Path]:
    """Delete the backups the policy no longer keeps; returns the deleted paths."""
    dated = [_Dated(path, taken) for path, taken in _named(folder)]
    kept = {b.path for b in backups_to_keep(dated, today)}
    deleted = []
    for backup in dated:
        if backup.path not in kept:
            backup.path.unlink(missing_ok=True)
            deleted.append(backup.path)
    return deleted


def check_store(quick: bool = False, limit: int = 20) -> list[str]:
    """The first problems SQLite finds in the open store; [] when it is sound."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = database.execute_sql(f"PRAGMA {pragma}({int(limit)})").fetchall()
    except Exception as exc:  # a damaged page can fail the check itself
        return [str(exc)]
    problems = [row[0] for row in rows]
    return [] if problems == ["ok"] else problems


def backup_if_due(today: dt.date | None = None) -> BackupInfo | None:
    """The first start of a day: check the live store, then back it up once that day."""
    today = today or dt.date.today()
    folder = backup_folder()
    if folder.is_dir() and any(taken.date() == today for _, taken in _named(folder)):
        return None
    problems = check_store(quick=True)
    if problems:
        raise BackupError(f"the store is damaged: {problems[0]}", damaged=True)
    return backup_now("daily")


def restore(path: Path) -> BackupInfo:
    """Back up the current store, replace it with the backup at `path`, reopen it."""
    path = Path(path)
    try:
        found = classify(path, latest_version(), explicit=False, default_folder=None)
    except StoreFileError as exc:
        raise BackupError(str(exc)) from exc
    if found.kind != "ours":
        raise BackupError(f"{path} is not a Boutique store")
    verify(path)
    before = backup_now("before-restore")
    live = _store_path()
    try:
        # The backup API writes the whole store in one transaction: readers see either
        # the old store or the restored one, never a mix, and the -wal stays consistent.
        copy_store(path, live, read_only=True)
    except sqlite3.Error as exc:
        raise BackupError(f"the restore failed, the store is as it was: {exc}") from exc
    close_database()
    open_database(live)
    return before
