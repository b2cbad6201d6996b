"""The window's backups: the daily one in the background at start, one on closing when
anything changed, and the damaged-store offer when the daily check fails."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow

from boutique.services.backup import (
    BackupError,
    backup_folder,
    backup_if_due,
    backup_now,
    newest_verified,
    set_aside_and_restore,
)
from boutique.services.store import release_thread_connection, store_stamp


class _Relay(QObject):
    done = Signal(str, bool)  # message, damaged


class BackupWatch:
    def __init__(self, window: QMainWindow):
        self.window = window
        self.relay = _Relay(window)
        self.relay.done.connect(self._on_daily_done)
        self.stamp_at_open = store_stamp()
        self.thread: threading.Thread | None = None

    def start_daily(self) -> None:
        """Never delays the window: the check and the copy run on a thread of their own."""
        self.thread = threading.Thread(target=self._daily, name="daily-backup", daemon=True)
        self.thread.start()

    def _daily(self) -> None:
        try:
            info = backup_if_due()
            message = "" if info is None else (
                f"Daily backup made: {info.clients} clients, {info.purchases} purchases.")
            self.relay.done.emit(message, False)
        except BackupError as exc:
            self.relay.done.emit(str(exc), exc.damaged)
        except Exception as exc:  # a backup problem is said, never a crash of the window
            self.relay.done.emit(f"The daily backup failed: {exc}", False)
        finally:
            release_thread_connection()

    def _on_daily_done(self, message: str, damaged: bool) -> None:
        if damaged:
            self.offer_repair(message)
        elif message:
            self.window.statusBar().showMessage(message, 15000)
        self.stamp_at_open = store_stamp()  # the backup itself is no change by the user

    def offer_repair(self, problem: str) -> bool:
        from boutique.ui.store_dialogs import damaged_store_box

        backup = newest_verified()
        box = damaged_store_box(problem, backup, self.window)
        box.exec()
        if backup is None or box.clickedButton() is not box.restore:
            self.window.statusBar().showMessage("The store is damaged: see File > Backups…")
            return False
        aside = set_aside_and_restore(backup)
        self.window.statusBar().showMessage(f"The damaged store was set aside as {aside.name};"
                                            f" the backup of {backup.taken_at:%d %B %Y} is open.")
        return True

    def on_close(self) -> None:
        if self.thread is not None:
            self.thread.join(timeout=30)
        if store_stamp() == self.stamp_at_open:
            return
        try:
            backup_now("close")
        except BackupError as exc:
            # The window is closing: say it on stderr too, where a launcher keeps it.
            import sys

            print(f"Boutique: no backup on closing: {exc} (folder {backup_folder()})",
                  file=sys.stderr)
