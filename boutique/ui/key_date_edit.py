"""A key date with an optional year: day, month, and a year the client may not give."""

from __future__ import annotations

import calendar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

NO_VALUE = "—"


class KeyDateEdit(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.day = QComboBox(self)
        self.day.addItems([NO_VALUE] + [str(d) for d in range(1, 32)])
        self.month = QComboBox(self)
        self.month.addItems([NO_VALUE] + list(calendar.month_name)[1:])
        self.year = QLineEdit(self)
        self.year.setPlaceholderText("year (optional)")
        self.year.setMaxLength(4)
        self.year.setFixedWidth(110)
        for widget in (self.day, self.month):
            widget.currentIndexChanged.connect(self.changed)
            layout.addWidget(widget)
        self.year.textChanged.connect(self.changed)
        layout.addWidget(self.year)
        layout.addStretch(1)

    def set_parts(self, year: int | None, month: int | None, day: int | None) -> None:
        self.day.setCurrentIndex(day or 0)
        self.month.setCurrentIndex(month or 0)
        self.year.setText(str(year) if year else "")

    def parts(self) -> tuple[str, int | None, int | None]:
        """(year text as typed, month, day); validation happens in the service."""
        month = self.month.currentIndex() or None
        day = self.day.currentIndex() or None
        return self.year.text().strip(), month, day
