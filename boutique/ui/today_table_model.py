"""The Today tab's lists (notes to write, calls to make) as Qt table models.

The agenda of a day is bounded (what is due and overdue), so the model holds its items;
cells are formatted when shown.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from boutique.services.agenda import AgendaItem
from boutique.ui.record_table import RecordTableModel
from boutique.ui.style import MUTED, TOP_TIER, WARNING

CLIENT, WHAT, DUE, WHY, CONTACT, HOOK = range(6)
HEADERS = ("Client", "What", "Due", "Why", "Send to / call", "Remember")
ItemRole = Qt.ItemDataRole.UserRole + 1

_WARNING = QBrush(QColor(WARNING))
_MUTED = QBrush(QColor(MUTED))
_TOP = QBrush(QColor(TOP_TIER))


def what_label(item: AgendaItem) -> str:
    label = item.kind_label
    if item.attempts:
        label += f" (try {item.attempts + 1})"
    return label


def due_label(item: AgendaItem, day: dt.date) -> str:
    return item.when_text(day)


def contact_label(item: AgendaItem) -> str:
    return f"⚠ {item.contact_text}" if item.warnings else item.contact_text


class AgendaTableModel(RecordTableModel):
    headers = HEADERS

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list[AgendaItem] = []
        self.day = dt.date.today()
        self._bold = QFont()
        self._bold.setBold(True)

    def set_items(self, items: list[AgendaItem], day: dt.date) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.day = day
        self.endResetModel()

    def row_of(self, item: AgendaItem) -> int:
        """Where the same follow-up is now (a reminder may have been stored since)."""
        key = (item.client_id, item.kind, item.occasion_date, item.purchase_ids)
        for row, other in enumerate(self.items):
            if (other.followup_id and other.followup_id == item.followup_id) or (
                    (other.client_id, other.kind, other.occasion_date, other.purchase_ids)
                    == key):
                return row
        return -1

    def item_at(self, row: int) -> AgendaItem | None:
        return self.items[row] if 0 <= row < len(self.items) else None

    # -- Qt ----------------------------------------------------------------------------
    def record_count(self) -> int:
        return len(self.items)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        item = self.item_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == DUE and item.days_overdue:
                return _WARNING
            if column == CONTACT and (item.warnings or not item.contact):
                return _WARNING
            if column == CLIENT and item.is_top:
                return _TOP
            if column == HOOK:
                return _MUTED
        if role == Qt.ItemDataRole.FontRole and column == CLIENT and item.is_top:
            return self._bold
        if role == ItemRole:
            return item
        return None

    def _text(self, item: AgendaItem, column: int) -> str:
        if column == CLIENT:
            return ("★ " if item.is_top else "") + item.client_name
        if column == WHAT:
            return what_label(item)
        if column == DUE:
            return due_label(item, self.day)
        if column == WHY:
            return item.reason
        if column == CONTACT:
            return contact_label(item)
        if column == HOOK:
            return item.recall
        return ""

    def _tooltip(self, item: AgendaItem, column: int) -> str | None:
        if column == CLIENT and item.is_top:
            return f"{item.client_name}: a top client"
        if column == CONTACT:
            lines = item.address.envelope_lines() if item.address else [item.contact]
            return "\n".join([line for line in lines if line] + list(item.warnings)) or None
        if column == DUE and item.days_overdue:
            late = f"{item.days_overdue} day{'s' if item.days_overdue != 1 else ''} overdue"
            return f"Due {item.due:%a %d %b}: {late}"
        if column in (WHY, HOOK):
            text = item.reason if column == WHY else item.recall
            return text if len(text) <= 1200 else text[:1200] + " …"
        return None
