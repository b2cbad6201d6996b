"""A results panel that drops down under a toolbar field while typing continues there.

The field keeps the keyboard: it forwards Up/Down/Page keys here and asks for the
current entry on Enter. The panel is a child of the main window laid over its content,
so it never steals focus and shows in any screenshot of the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from boutique.ui.rich_text import make_document
from boutique.ui.style import ACCENT, MUTED

HEADER, HIT, MORE = "header", "hit", "more"
MAX_HEIGHT = 600


@dataclass(frozen=True)
class Entry:
    kind: str  # HEADER, HIT or MORE
    title: str  # plain text
    detail_html: str = ""  # escaped rich text (a snippet)
    aside: str = ""  # plain text on the right of the title (a date)
    data: Any = None
    title_html: str = ""  # the title with matched words marked (escaped rich text)

    @property
    def selectable(self) -> bool:
        return self.kind != HEADER


EntryRole = Qt.ItemDataRole.UserRole + 41


class EntryModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[Entry] = []

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.title
        if role == EntryRole:
            return entry
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{entry.title} {entry.aside}".strip()
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.entries[index.row()].selectable:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled


class EntryDelegate(QStyledItemDelegate):
    """Group headers in small capitals; hits as a title line and a snippet line."""

    PAD = 6

    def _lines(self, entry: Entry) -> int:
        return 2 if entry.kind == HIT and entry.detail_html else 1

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        entry: Entry = index.data(EntryRole)
        line = option.fontMetrics.height()
        if entry.kind == HEADER:
            return QSize(200, line + 10)
        return QSize(200, self._lines(entry) * (line + 2) + 2 * self.PAD)

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        entry: Entry = index.data(EntryRole)
        rect: QRect = option.rect
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, option.palette.color(QPalette.ColorRole.Highlight))
        font = option.font
        metrics = option.fontMetrics
        if entry.kind == HEADER:
            small = type(font)(font)
            small.setBold(True)
            small.setPointSizeF(font.pointSizeF() * 0.85)
            painter.setFont(small)
            painter.setPen(QColor(ACCENT))
            painter.drawLine(rect.left() + 8, rect.top(), rect.right() - 8, rect.top())
            painter.drawText(rect.adjusted(10, 2, -10, 0),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             entry.title.upper())
            painter.restore()
            return
        inner = rect.adjusted(14, self.PAD, -12, -self.PAD)
        title_font = type(font)(font)
        title_font.setBold(entry.kind == HIT)
        painter.setFont(title_font)
        painter.setPen(QColor(ACCENT) if entry.kind == MORE else
                       option.palette.color(QPalette.ColorRole.Text))
        aside_width = metrics.horizontalAdvance(entry.aside) + 12 if entry.aside else 0
        title_rect = QRect(inner.left(), inner.top(), inner.width() - aside_width,
                           metrics.height())
        if entry.title_html:
            self._draw_html(painter, f"<b>{entry.title_html}</b>", title_font, title_rect)
        else:
            title = painter.fontMetrics().elidedText(entry.title, Qt.TextElideMode.ElideRight,
                                                     title_rect.width())
            painter.drawText(title_rect,
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        if entry.aside:
            painter.setFont(font)
            painter.setPen(QColor(MUTED))
            painter.drawText(QRect(inner.right() - aside_width, inner.top(), aside_width,
                                   metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             entry.aside)
        if self._lines(entry) == 2:
            self._draw_html(painter, entry.detail_html, font,
                            QRect(inner.left(), inner.top() + metrics.height() + 2,
                                  inner.width(), metrics.height() + 2), QColor("#3c3c3c"))
        painter.restore()

    @staticmethod
    def _draw_html(painter, html: str, font, rect: QRect, color: QColor | None = None) -> None:
        document = make_document(html, font)
        context = QAbstractTextDocumentLayout.PaintContext()
        if color is not None:
            context.palette.setColor(QPalette.ColorRole.Text, color)
        painter.save()
        painter.translate(rect.left(), rect.top())
        painter.setClipRect(QRect(0, 0, rect.width(), rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()


class ResultsPopup(QFrame):
    activated = Signal(object)  # the Entry chosen by click

    def __init__(self, window: QWidget, width: int = 620):
        super().__init__(window)
        self.setObjectName("results_popup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#results_popup { background: white; border: 1px solid #cfc6b8; border-radius: 4px; }"
            " QListView { border: none; background: white; }")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup_width = width
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        self.model = EntryModel(self)
        self.view = QListView(self)
        self.view.setObjectName("results_list")
        self.view.setModel(self.model)
        self.view.setItemDelegate(EntryDelegate(self.view))
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.clicked.connect(self._clicked)
        layout.addWidget(self.view)
        self.hide()

    # -- contents ----------------------------------------------------------------------
    def show_entries(self, entries: list[Entry], anchor: QWidget) -> None:
        self.model.set_entries(entries)
        if not entries:
            self.hide()
            return
        self._place(anchor)
        self.show()
        self.raise_()
        self.select_first()
        self.view.scrollToTop()  # the first group's title stays in view

    def _place(self, anchor: QWidget) -> None:
        window = self.parentWidget()
        below = anchor.mapTo(window, QPoint(0, anchor.height() + 2))
        width = min(max(self.popup_width, anchor.width()), window.width() - 16)
        x = max(8, min(below.x(), window.width() - width - 8))
        rows = sum(self.view.sizeHintForRow(r) for r in range(self.model.rowCount()))
        height = min(MAX_HEIGHT, rows + 4, window.height() - below.y() - 8)
        self.setGeometry(x, below.y(), width, max(height, 40))

    # -- keyboard (forwarded by the field) ---------------------------------------------
    def current_entry(self) -> Entry | None:
        index = self.view.currentIndex()
        return index.data(EntryRole) if index.isValid() else None

    def select_first(self) -> None:
        self._select_from(-1, +1)

    def step(self, count: int) -> None:
        """Move the selection by `count` selectable entries (headers are skipped)."""
        row = self.view.currentIndex().row()
        direction = 1 if count > 0 else -1
        for _ in range(abs(count)):
            if not self._select_from(row, direction):
                break
            row = self.view.currentIndex().row()

    def _select_from(self, row: int, direction: int) -> bool:
        entries = self.model.entries
        at = row + direction
        while 0 <= at < len(entries):
            if entries[at].selectable:
                index = self.model.index(at)
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
                return True
            at += direction
        return False

    def _clicked(self, index: QModelIndex) -> None:
        entry = index.data(EntryRole)
        if entry is not None and entry.selectable:
            self.activated.emit(entry)
