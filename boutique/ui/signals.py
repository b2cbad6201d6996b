"""One bus for 'the data changed' so every tab refreshes after an edit elsewhere."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataSignals(QObject):
    clients_changed = Signal()
    purchases_changed = Signal(int)  # client id
    notes_changed = Signal(int)  # client id
    followups_changed = Signal()
    settings_changed = Signal()


_bus: DataSignals | None = None


def bus() -> DataSignals:
    global _bus
    if _bus is None:
        _bus = DataSignals()
    return _bus
