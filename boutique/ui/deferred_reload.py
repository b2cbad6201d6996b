"""Reload a view after the data changes elsewhere, without wasted work.

A shown view reloads on the next turn of the event loop (several changes in one turn
make one reload); a hidden one only notes that it is stale and reloads when shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, SignalInstance
from PySide6.QtWidgets import QWidget


class DeferredReload(QObject):
    def __init__(self, widget: QWidget, reload: Callable[[], None],
                 signals: list[SignalInstance], stale: bool = False):
        # A child of the widget: its connections end with it.
        super().__init__(widget)
        self._widget = widget
        self.stale = stale
        self.paused = False  # while the view writes itself and reloads on its own
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(reload)
        for signal in signals:
            signal.connect(self.request)

    def request(self, *_args) -> None:
        if self.paused:
            return
        if self._widget.isVisible():
            self._timer.start()
        else:
            self.stale = True

    def reloading(self) -> None:
        """Call at the start of the reload: whatever was pending is now being done."""
        self._timer.stop()
        self.stale = False
