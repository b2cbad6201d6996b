"""The Trash: clients moved there can be restored, or deleted for good after a question."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from boutique.services.clients.book import purge_client, restore_client, trashed_clients
from boutique.ui.signals import bus


class TrashDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Trash")
        self.resize(520, 420)
        layout = QVBoxLayout(self)
        hint = QLabel("Clients moved to the Trash keep their purchases and notes until "
                      "deleted for good.", self)
        hint.setWordWrap(True)
        hint.setProperty("role", "muted")
        layout.addWidget(hint)
        self.list = QListWidget(self)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton("Restore", self)
        self.purge_button = QPushButton("Delete for good…", self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.purge_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for client in trashed_clients():
            item = QListWidgetItem(f"{client.full_name}  —  trashed {client.deleted_at:%d %b %Y}")
            item.setData(Qt.ItemDataRole.UserRole, client.id)
            self.list.addItem(item)
        has_any = self.list.count() > 0
        self.restore_button.setEnabled(has_any)
        self.purge_button.setEnabled(has_any)
        if has_any:
            self.list.setCurrentRow(0)

    def _selected(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def restore_selected(self) -> None:
        client_id = self._selected()
        if client_id is not None:
            restore_client(client_id)
            bus().clients_changed.emit()
            self.reload()

    def purge_selected(self) -> None:
        client_id = self._selected()
        if client_id is None:
            return
        answer = QMessageBox.question(
            self, "Delete for good",
            "Delete this client for good, with all their purchases, notes and follow-ups?\n"
            "This cannot be undone.", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            purge_client(client_id)
            bus().clients_changed.emit()
            self.reload()
