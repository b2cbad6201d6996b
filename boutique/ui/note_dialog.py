"""Editing one note: its text, category, the purchase it recalls, pinned or not."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)

from boutique.services.clients.purchases import client_purchases
from boutique.services.errors import ValidationError
from boutique.services.notes import NOTE_CATEGORIES, Note
from boutique.services.notes import notebook as notes


def fill_categories(combo: QComboBox, selected: str = "other") -> None:
    combo.clear()
    for category in NOTE_CATEGORIES:
        combo.addItem(notes.CATEGORY_LABELS[category], category)
    combo.setCurrentIndex(max(0, combo.findData(selected)))


def fill_purchases(combo: QComboBox, client_id: int, selected: int | None = None) -> None:
    """'(no purchase)' then the client's purchases, newest first."""
    combo.clear()
    combo.addItem("(no purchase)", None)
    purchases = client_purchases(client_id)
    labels = notes.purchase_labels([p.id for p in purchases])
    for purchase in purchases:
        combo.addItem(labels.get(purchase.id, str(purchase.purchase_date)), purchase.id)
    combo.setCurrentIndex(max(0, combo.findData(selected)) if selected is not None else 0)


class NoteDialog(QDialog):
    """Edit a note. The caller applies values() (so the edit can go on the undo stack)."""

    def __init__(self, parent, note: Note):
        super().__init__(parent)
        self.note = note
        self.setWindowTitle("Edit note")
        self.resize(640, 460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.category = QComboBox(self)
        fill_categories(self.category, note.category)
        form.addRow("Category", self.category)
        self.purchase = QComboBox(self)
        fill_purchases(self.purchase, note.client_id, note.purchase_id)
        form.addRow("About purchase", self.purchase)
        self.pinned = QCheckBox("Pinned: keep on top of the profile", self)
        self.pinned.setChecked(note.pinned)
        form.addRow("", self.pinned)
        layout.addLayout(form)
        self.text = QPlainTextEdit(self)
        self.text.setPlainText(note.text)
        self.text.setTabChangesFocus(True)
        layout.addWidget(self.text, 1)
        stamp = f"Written {notes.local_time(note.created_at)}"
        if note.edited_at:
            stamp += f" · edited {notes.local_time(note.edited_at)}"
        info = QLabel(stamp + "   ·   Ctrl+Enter saves", self)
        info.setProperty("role", "muted")
        layout.addWidget(info)
        self.error = QLabel("", self)
        self.error.setProperty("role", "error")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self, activated=self.accept)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def values(self) -> dict:
        return {"text": self.text.toPlainText(), "category": self.category.currentData(),
                "purchase_id": self.purchase.currentData(), "pinned": self.pinned.isChecked()}

    def accept(self) -> None:
        values = self.values()
        try:
            notes.clean_text(values["text"])
        except ValidationError as exc:
            self.error.setText(exc.errors.get("text", str(exc)))
            return
        super().accept()
