"""A client's notes as a Qt list: the timeline and the pinned facts of the profile.

Each row is drawn as a muted header line (when, category, the purchase it recalls,
"edited") over the note's own text, wrapped, cut after a few lines; the full text is in
the edit dialog. A client's notes are few, so the list is loaded whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from boutique.services.notes import notebook as notes
from boutique.ui.style import ACCENT, MUTED

NoteItemRole = Qt.ItemDataRole.UserRole + 50
PIN_BAR_WIDTH = 3


@dataclass(frozen=True)
class NoteItem:
    id: int
    header: str
    text: str
    pinned: bool


def note_header(note, purchase_label: str = "") -> str:
    parts = [notes.local_time(note.created_at), notes.CATEGORY_LABELS.get(note.category, ""),
             "Pinned" if note.pinned else ""]
    if purchase_label:
        parts.append(f"about {purchase_label}")
    if note.edited_at:
        parts.append(f"edited {notes.local_time(note.edited_at)}")
    return "  ·  ".join(p for p in parts if p)


class NoteListModel(QAbstractListModel):
    def __init__(self, client_id: int, pinned_only: bool = False, parent=None):
        super().__init__(parent)
        self.client_id = client_id
        self.pinned_only = pinned_only
        self.items: list[NoteItem] = []
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        rows = (notes.pinned_facts(self.client_id) if self.pinned_only
                else notes.timeline(self.client_id))
        labels = notes.purchase_labels([n.purchase_id for n in rows])
        self.items = [NoteItem(n.id, note_header(n, labels.get(n.purchase_id, "")), n.text,
                               n.pinned) for n in rows]
        self.endResetModel()

    def row_of(self, note_id: int) -> int:
        return next((i for i, item in enumerate(self.items) if item.id == note_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.text
        if role == NoteItemRole:
            return item
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.header
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{item.header}. {item.text}"
        return None


class NoteDelegate(QStyledItemDelegate):
    """Header line over wrapped text; `max_lines` of text at most, then an ellipsis."""

    PAD = 8

    def __init__(self, view, max_lines: int = 6, show_header: bool = True):
        super().__init__(view)
        self.view = view
        self.max_lines = max_lines
        self.show_header = show_header

    def _text_width(self) -> int:
        return max(120, self.view.viewport().width() - 2 * self.PAD - 14)

    def _text_height(self, metrics, text: str) -> tuple[int, bool]:
        flags = Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextWrapAnywhere
        needed = metrics.boundingRect(QRect(0, 0, self._text_width(), 10**6), flags, text).height()
        limit = metrics.lineSpacing() * self.max_lines
        return min(needed, limit), needed > limit

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        item: NoteItem = index.data(NoteItemRole)
        metrics = option.fontMetrics
        height, _ = self._text_height(metrics, item.text)
        header = metrics.height() + 3 if self.show_header else 0
        return QSize(self._text_width(), header + height + 2 * self.PAD)

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        item: NoteItem = index.data(NoteItemRole)
        painter.save()
        rect = option.rect
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, option.palette.color(QPalette.ColorRole.Highlight))
        if index.row() < index.model().rowCount() - 1:  # a hairline between notes
            painter.setPen(QColor("#e7e1d8"))
            painter.drawLine(rect.left() + 6, rect.bottom(), rect.right() - 6, rect.bottom())
        metrics = option.fontMetrics
        left = rect.left() + self.PAD + 10
        top = rect.top() + self.PAD
        if item.pinned:  # an accent bar marks a pinned fact in the timeline
            painter.fillRect(QRect(rect.left() + self.PAD - 2, top, PIN_BAR_WIDTH,
                                   rect.height() - 2 * self.PAD), QColor(ACCENT))
        if self.show_header:
            small = QFont(option.font)
            small.setPointSizeF(option.font.pointSizeF() * 0.9)
            painter.setFont(small)
            painter.setPen(QColor(ACCENT if item.pinned else MUTED))
            header = painter.fontMetrics().elidedText(item.header, Qt.TextElideMode.ElideRight,
                                                      self._text_width())
            painter.drawText(QRect(left, top, self._text_width(), metrics.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, header)
            top += metrics.height() + 3
        painter.setFont(option.font)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        height, cut = self._text_height(metrics, item.text)
        text_rect = QRect(left, top, self._text_width(), height)
        painter.setClipRect(text_rect)
        painter.drawText(text_rect, Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextWrapAnywhere,
                         item.text)
        painter.setClipping(False)
        if cut:
            painter.setPen(QColor(ACCENT))
            more = "… more (Enter)"
            width = metrics.horizontalAdvance(more) + 8
            bottom = QRect(text_rect.right() - width, text_rect.bottom() - metrics.height() + 1,
                           width, metrics.height())
            painter.fillRect(bottom, option.palette.color(
                QPalette.ColorRole.Highlight if option.state & QStyle.StateFlag.State_Selected
                else QPalette.ColorRole.Base))
            painter.drawText(bottom, Qt.AlignmentFlag.AlignRight, more)
        painter.restore()
