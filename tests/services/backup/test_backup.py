"""Backups: verified copies, the thinning calendar, restore, a folder that is gone, modes."""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat

import pytest

from boutique.models import Client
from boutique.services import settings
from boutique.services.backup import (
    KEEP_DAILY,
    KEEP_MONTHLY,
    KEEP_WEEKLY,
    BackupError,
    backup_folder,
    backup_if_due,
    backup_now,
    backups_to_keep,
    check_store,
    kept_until,
    list_backups,
    restore,
)
from boutique.services.backup.taking import thin


def test_a_backup_is_verified_and_counted(make_client, db_path):
    make_client(first_name="Zoë")
    info = backup_now("before-import")
    assert info.path.parent == db_path.parent / "backups"
    assert (info.clients, info.purchases, info.notes) == (1, 0, 0)
    assert info.reason == "before-import"
    with sqlite3.connect(info.path) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT first_name FROM client").fetchone()[0] == "Zoë"
    assert [b.path for b in list_backups()] == [info.path]
    assert not list(info.path.parent.glob("*.partial"))


def test_backups_and_their_folder_are_owner_only(make_client, db_path):
    make_client()
    info = backup_now("manual")
    assert stat.S_IMODE(info.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(info.path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_a_chosen_folder_that_is_gone_is_said(db, tmp_path):
    settings.set_many({"backup.folder": str(tmp_path / "usb-stick")})
    with pytest.raises(BackupError, match="is gone"):
        backup_now("daily")


def test_the_daily_backup_runs_once_a_day(make_client):
    make_client()
    first = backup_if_due(dt.date.today())
    assert first is not None
    assert backup_if_due(dt.date.today()) is None


class Dated:
    def __init__(self, when: dt.datetime):
        self.taken_at = when


def test_thinning_over_400_days_keeps_7_daily_4_weekly_12_monthly():
    start = dt.date(2025, 1, 1)
    backups: list[Dated] = []
    for n in range(400):
        day = start + dt.timedelta(days=n)
        backups.append(Dated(dt.datetime.combine(day, dt.time(9))))
        backups.append(Dated(dt.datetime.combine(day, dt.time(18))))  # on closing
        backups = backups_to_keep(backups, day)
    today = start + dt.timedelta(days=399)  # 2026-02-04
    days = sorted({b.taken_at.date() for b in backups})
    # Every backup of the last 7 days, both of each day:
    recent = [b for b in backups if b.taken_at.date() > today - dt.timedelta(days=KEEP_DAILY)]
    assert len(recent) == 2 * KEEP_DAILY
    weeks = {b.taken_at.date().isocalendar()[:2] for b in backups}
    assert len(weeks) >= KEEP_WEEKLY
    months = {(d.year, d.month) for d in days}
    assert len(months) == KEEP_MONTHLY
    assert min(days) == dt.date(2025, 3, 31)  # the newest of March 2025, 12 months back
    assert len(backups) <= 2 * KEEP_DAILY + KEEP_WEEKLY + KEEP_MONTHLY


def test_kept_until_is_a_week_for_a_backup_of_today():
    assert kept_until(dt.date(2026, 11, 25)) == dt.date(2026, 12, 1)


def test_thinning_deletes_files_only_after_a_new_verified_backup(make_client, db_path):
    make_client()
    old = backup_now("daily", now=dt.datetime(2024, 1, 1, 9))
    newer = backup_now("daily", now=dt.datetime(2024, 1, 2, 9))
    assert old.path.exists() and newer.path.exists()
    deleted = thin(backup_folder(), dt.date(2026, 1, 1))
    assert old.path in deleted and newer.path.exists()  # the newest is never thinned


def test_restore_backs_up_first_then_replaces_and_reopens(make_client):
    make_client(first_name="Before")
    saved = backup_now("manual")
    make_client(first_name="After")
    before_restore = restore(saved.path)
    assert [c.first_name for c in Client.select()] == ["Before"]
    assert before_restore.clients == 2 and before_restore.reason == "before-restore"


def test_restore_refuses_a_file_that_is_not_a_store(make_client, tmp_path):
    make_client(first_name="Kept")
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"not a store at all" * 100)
    with pytest.raises(BackupError):
        restore(bogus)
    assert [c.first_name for c in Client.select()] == ["Kept"]


def test_check_store_says_sound(db):
    assert check_store() == []


def test_another_stores_backups_in_the_same_folder_are_left_alone(make_client, db_path):
    make_client()
    folder = backup_folder()
    folder.mkdir(parents=True, exist_ok=True)
    # The demo store's backups share the folder beside the book: today's and an old one.
    today = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    demo_today = folder / f"boutique-demo-{today}-daily.sqlite3"
    demo_old = folder / "boutique-demo-20240101-090000-daily.sqlite3"
    for path in (demo_today, demo_old):
        with sqlite3.connect(path) as other:
            other.execute("CREATE TABLE client (id INTEGER)")
    assert backup_if_due() is not None  # the demo's backup of today is not the book's
    assert demo_today not in [b.path for b in list_backups()]
    backup_now("daily", now=dt.datetime(2026, 1, 2, 9))
    thin(folder, dt.date(2026, 1, 2))
    assert demo_old.exists() and demo_today.exists()
