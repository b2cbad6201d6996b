"""The agenda's prepared rows brought up to date a little after Today first fills, in a
process of its own (services.prepare_ahead), never slowing the window's start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from boutique.services.prepare_ahead import PreparingAhead, start_preparing
from boutique.services.store import store_stamp

START_AFTER_MS = 2_000  # after the first fill: the user's first clicks come first
POLL_MS = 1_000


class PrepareWatch(QObject):
    def __init__(self, window, path: Path):
        super().__init__(window)
        self.window = window
        self.path = path
        self.process: PreparingAhead | None = None
        self._untouched = False  # nothing written since the window opened, when it began
        self._stopped = False
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._check)

    def start_soon(self) -> None:
        QTimer.singleShot(START_AFTER_MS, self, self.start)

    def start(self) -> None:
        """Start the process, unless the rows are up to date or it runs already."""
        if self._stopped or (self.process is not None and not self.process.done()):
            return
        self._untouched = store_stamp() == self.window.backup_watch.stamp_at_open
        self.process = start_preparing(self.path, self.window.today)
        if self.process is not None:
            self._poll.start()

    def _check(self) -> None:
        if self.process is None or not self.process.done():
            return
        self._poll.stop()
        # Its rows are no change by the user: with nothing else written, no backup is
        # made on closing for them alone.
        if self._untouched and self.process.nothing_else_written():
            self.window.backup_watch.stamp_at_open = store_stamp()

    def stop(self) -> None:
        """The window closes: a preparing still at work is ended, none is started."""
        self._stopped = True
        self._poll.stop()
        if self.process is not None:
            self.process.stop()
