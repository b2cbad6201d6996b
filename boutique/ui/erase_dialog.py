"""Erase a client for good, on her request: says what goes and when backups forget her."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout

from boutique.services.clients import get_client
from boutique.services.interchange import backups_clear_on, erase_client


class EraseDialog(QDialog):
    def __init__(self, client_id: int, parent=None):
        super().__init__(parent)
        self.client_id = client_id
        client = get_client(client_id)
        self.setWindowTitle("Erase client for good")
        layout = QVBoxLayout(self)
        text = QLabel(
            f"<b>{html.escape(client.full_name)}</b> will be erased with every purchase, note, "
            "follow-up, return, store credit, service ticket, the people in her life and every "
            "search entry. This cannot be undone.<br><br>"
            "Backups keep the client's data until they rotate out: the last backup holding it will be "
            f"gone by <b>{backups_clear_on():%d %B %Y}</b>.<br><br>"
            "Type ERASE to confirm.", self)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.confirm = QLineEdit(self)
        layout.addWidget(self.confirm)
        self.buttons = QDialogButtonBox(self)
        self.erase_button = self.buttons.addButton("Erase", QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.erase_button.clicked.connect(self.erase)
        self.erase_button.setEnabled(False)
        self.confirm.textChanged.connect(
            lambda t: self.erase_button.setEnabled(t.strip() == "ERASE"))
        layout.addWidget(self.buttons)
        self.resize(460, 220)

    def erase(self) -> None:
        erase_client(self.client_id)
        self.accept()
