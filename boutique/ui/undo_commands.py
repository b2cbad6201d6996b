"""Undoable actions: a misclick loses nothing."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from boutique.services.clients.book import restore_client, trash_client
from boutique.ui.signals import bus


class TrashClientCommand(QUndoCommand):
    """Move a client to the Trash; undo brings them back with everything they had."""

    def __init__(self, client_id: int, name: str):
        super().__init__(f"move {name} to the Trash")
        self.client_id = client_id

    def redo(self) -> None:
        trash_client(self.client_id)
        bus().clients_changed.emit()

    def undo(self) -> None:
        restore_client(self.client_id)
        bus().clients_changed.emit()
