"""`backup [--out FILE]`, `backups [--json]`, `restore FILE --yes`, `check`."""

from __future__ import annotations

from pathlib import Path

from boutique.cli.common import CliError, print_json
from boutique.paths import resolve_db_path
from boutique.services.backup import (
    backup_now,
    check_store,
    kept_until,
    list_backups,
    restore,
    unreadable_schema,
)


def register(subparsers) -> None:
    backup = subparsers.add_parser("backup", help="back up the store now (verified)",
                                   description="Back up the store with SQLite's online backup,"
                                               " verified, into the backup folder or --out.")
    backup.add_argument("--out", metavar="FILE", help="write the backup to this file instead")
    backup.set_defaults(run=run_backup)
    backups = subparsers.add_parser("backups", help="list the backups, newest first")
    backups.add_argument("--json", action="store_true", help="print a JSON list")
    backups.set_defaults(run=run_backups)
    restoring = subparsers.add_parser(
        "restore", help="replace the store with a backup (the store is backed up first)")
    restoring.add_argument("file", metavar="FILE")
    restoring.add_argument("--yes", action="store_true", help="yes, replace the store")
    restoring.set_defaults(run=run_restore)
    check = subparsers.add_parser("check", help="check the store's integrity (exit 1 if damaged)")
    check.set_defaults(run=run_check, before_open=check_before_open)


def _describe(info) -> str:
    return (f"{info.taken_at:%Y-%m-%d %H:%M}  {info.reason:<15} {info.size / 1024:>9,.0f} KiB  "
            f"{info.clients} clients, {info.purchases} purchases, {info.notes} notes")


def run_backup(args) -> int:
    info = backup_now("manual", out=Path(args.out) if args.out else None)
    kept = "" if args.out else f", kept at least until {kept_until(info.taken_at.date())}"
    print(f"backed up to {info.path}: {info.clients} clients, {info.purchases} purchases,"
          f" {info.notes} notes{kept}")
    return 0


def run_backups(args) -> int:
    found = list_backups()
    if args.json:
        print_json([info.as_dict() for info in found])
        return 0
    for info in found:
        print(_describe(info))
    return 0


def run_restore(args) -> int:
    if not args.yes:
        raise CliError("restore replaces the whole store: add --yes to do it")
    path = Path(args.file).expanduser()
    if not path.is_file():
        raise CliError(f"{args.file} is not a file")
    before = restore(path)
    print(f"restored {path}; the store as it was is kept in {before.path}")
    return 0


def check_before_open(args) -> None:
    """A store too damaged to open (its schema unread) is damaged, not unusable: exit 1."""
    problems = unreadable_schema(resolve_db_path(args.db, args.demo))
    if problems:
        _report_damage(problems)
        raise SystemExit(1)


def run_check(args) -> int:
    problems = check_store()
    if not problems:
        print("the store is sound")
        return 0
    _report_damage(problems)
    return 1


def _report_damage(problems: list[str]) -> None:
    count = f"{len(problems)} problem" + ("s" if len(problems) != 1 else "")
    print(f"the store is damaged ({count} found):")
    for problem in problems[:20]:
        print(f"  {problem}")
