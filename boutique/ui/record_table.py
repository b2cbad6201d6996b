"""The one way Boutique shows a list of records: a read-only table of whole rows.

Rows have a fixed height (the view never measures them, so 100k rows cost nothing),
one row is selected at a time, and keys open or delete the selected record.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

ROW_HEIGHT = 26


class RecordTable(QTableView):
    def __init__(self, parent: QWidget | None = None, name: str = "", row_height: int = ROW_HEIGHT):
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        vertical = self.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(row_height)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setMinimumSectionSize(60)

    def set_column_widths(self, widths: dict[int, int], stretch: tuple[int, ...] = ()) -> None:
        for column, width in widths.items():
            self.setColumnWidth(column, width)
        for column in stretch:
            self.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def on_key(self, key: Qt.Key, action: Callable[[], None]) -> None:
        """A key that acts on the selected row while the table has the focus."""
        QShortcut(QKeySequence(key), self, activated=action,
                  context=Qt.ShortcutContext.WidgetShortcut)

    def on_open(self, action: Callable[[], None]) -> None:
        """Enter, Return and a double click open the selected record."""
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.on_key(key, action)
        self.doubleClicked.connect(lambda _index: action())

    def select_row(self, row: int, column: int = 0) -> None:
        model = self.model()
        if model is not None and 0 <= row < model.rowCount():
            index = model.index(row, column)
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.scrollTo(index)

    def current_row(self) -> int:
        index = self.selectionModel().currentIndex() if self.selectionModel() else None
        return index.row() if index is not None and index.isValid() else -1


class RecordTableModel(QAbstractTableModel):
    """A flat table of records under `headers`; a subclass says how many rows it holds
    (`record_count`) and what each cell shows (`data`)."""

    headers: tuple[str, ...] = ()

    def record_count(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.record_count()

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None
