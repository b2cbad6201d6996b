"""After Today first fills, the window has the agenda's prepared rows brought up to date in
a process of its own; its writes alone are no change by the user (no backup on closing
for them), and a window closed before it starts starts none."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from boutique.services.agenda import prepared_are_fresh
from boutique.services.backup import list_backups
from boutique.services.clients.book import save_client
from boutique.services.store import store_stamp
from boutique.ui.prepare_watch import PrepareWatch

DAY = dt.date.today()


def _book(make_client, make_purchase) -> int:
    for n in range(6):
        client = make_client(first_name=f"Client {n}", email=f"c{n}@example.com")
        make_purchase(client.id, DAY - dt.timedelta(days=5 + 9 * n), "Pearl studs")
    return client.id


def _window(qtbot, db_path):
    from boutique.ui.application import create_application
    from boutique.ui.main_window import MainWindow

    create_application()
    window = MainWindow(str(db_path))
    qtbot.addWidget(window)
    window.show()
    return window


def _close_backups() -> int:
    return sum(1 for backup in list_backups() if backup.reason == "close")


def test_the_rows_are_prepared_beside_the_window_and_need_no_backup_alone(
        qtbot, db, db_path, make_client, make_purchase):
    _book(make_client, make_purchase)
    window = _window(qtbot, db_path)
    assert not prepared_are_fresh()
    watch = PrepareWatch(window, Path(db_path))
    watch.start()
    assert watch.process is not None
    qtbot.waitUntil(watch.process.done, timeout=60_000)
    qtbot.waitUntil(lambda: window.backup_watch.stamp_at_open == store_stamp(), timeout=5_000)
    assert prepared_are_fresh()
    window.backup_watch.on_close()
    assert _close_backups() == 0
    watch.start()  # (up to date now: nothing to start)
    assert watch.process is None


def test_a_write_of_the_users_meanwhile_still_has_its_backup_on_closing(
        qtbot, db, db_path, make_client, make_purchase):
    client_id = _book(make_client, make_purchase)
    window = _window(qtbot, db_path)
    watch = PrepareWatch(window, Path(db_path))
    watch.start()
    save_client({"first_name": "Renamed"}, client_id)
    qtbot.waitUntil(watch.process.done, timeout=60_000)
    qtbot.wait(1_500)  # (past the poll that would reset the stamp)
    assert window.backup_watch.stamp_at_open != store_stamp()
    window.backup_watch.on_close()
    assert _close_backups() == 1


def test_a_window_closed_before_the_start_starts_nothing(
        qtbot, db, db_path, make_client, make_purchase):
    _book(make_client, make_purchase)
    window = _window(qtbot, db_path)
    watch = PrepareWatch(window, Path(db_path))
    watch.stop()
    watch.start()
    assert watch.process is None and not prepared_are_fresh()
