"""What the record dialogs end with: the line that names what is wrong, then Save/Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout


def add_error_and_buttons(dialog: QDialog, layout: QVBoxLayout) -> QLabel:
    """Append the error line and the Save/Cancel buttons; returns the error line."""
    error = QLabel("", dialog)
    error.setProperty("role", "error")
    error.setWordWrap(True)
    layout.addWidget(error)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return error
