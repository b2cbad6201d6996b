"""Backups of the store: taken with SQLite's online backup API, verified, thinned, restored.

Owns the backup folder (the `backup.folder` setting, default `backups/` beside the store),
the naming of backup files, their verification (opened, `quick_check`, counts of
clients, purchases and notes), the thinning policy and the restore of a backup.

Public names (for any capability that is about to do something risky, call
`backup_now("before-import")` first and tell the user `kept_until(today)`):
- `backup_now(reason, out=None) -> BackupInfo`: back up the open store now, verified;
  older backups are thinned only after the new one is verified. Raises BackupError.
- `BackupInfo`: path, taken_at, reason, size, clients, purchases, notes.
- `list_backups(folder=None) -> list[BackupInfo]`, newest first.
- `KEEP_DAILY = 7`, `KEEP_WEEKLY = 4`, `KEEP_MONTHLY = 12`; `kept_until(taken: date) -> date`
  (a backup is kept at least until that day); `backups_to_keep(backups, today)`.
- `restore(path)`: back up the current store, replace it with `path` atomically, reopen.
- `check_store() -> list[str]`: the first problems `integrity_check` finds ([] when sound);
  `unreadable_schema(path)`: the problem when a damaged page keeps the schema unread.
- `backup_if_due(today)`: the first start of a day: `quick_check` of the live store (a
  failure raises BackupError with `damaged`), then one "daily" backup.
- `newest_verified()`, `set_aside_and_restore(backup)`: a damaged store renamed aside
  (never deleted) and the backup put in its place.
- `backup_folder() -> Path`, `BackupError`; `chosen_backup_folder() -> str` and
  `backup_folder_setting(folder) -> dict` (checked: "" for beside the store, else a
  folder that exists and can be written to).

May use: the models (for the store's path and counts), the top-level `settings`,
`errors` and `store`.
"""

from boutique.services.backup.damage import (
    newest_verified,
    set_aside_and_restore,
    unreadable_schema,
)
from boutique.services.backup.policy import (
    KEEP_DAILY,
    KEEP_MONTHLY,
    KEEP_WEEKLY,
    backups_to_keep,
    kept_until,
)
from boutique.services.backup.taking import (
    BackupError,
    BackupInfo,
    backup_folder,
    backup_folder_setting,
    backup_if_due,
    backup_now,
    check_store,
    chosen_backup_folder,
    list_backups,
    restore,
)

__all__ = [
    "KEEP_DAILY",
    "KEEP_MONTHLY",
    "KEEP_WEEKLY",
    "BackupError",
    "BackupInfo",
    "backup_folder",
    "backup_if_due",
    "backup_now",
    "backups_to_keep",
    "check_store",
    "unreadable_schema",
    "backup_folder_setting",
    "chosen_backup_folder",
    "kept_until",
    "list_backups",
    "newest_verified",
    "restore",
    "set_aside_and_restore",
]
