"""The column mapping of an import preview: each column of the file, a sample of what it
holds, and the client field it goes to, changed with a drop-down in place."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QTableView

from boutique.services.interchange import MEANINGS, NOT_IMPORTED, mapping_targets

_NOT_IMPORTED_LABEL = "(not imported)"
_ROOT = QModelIndex()


def target_label(name: str) -> str:
    if name == NOT_IMPORTED:
        return _NOT_IMPORTED_LABEL
    return MEANINGS.get(name) or name.replace("_", " ")


class MappingModel(QAbstractTableModel):
    """Rows: the file's columns. Columns: the header, a sample value, the target field."""

    HEADERS = ("Column in the file", "First value", "Goes to")
    changed = Signal(dict)

    def __init__(self, header: list[str], first_row: dict[str, str], mapping: dict[str, str],
                 parent=None):
        super().__init__(parent)
        self.header = list(header)
        self.first_row = first_row
        self.mapping = {column: mapping.get(column, NOT_IMPORTED) for column in self.header}

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.header)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        column = self.header[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return column
            if index.column() == 1:
                return (self.first_row.get(column) or "").replace("\n", " ⏎ ")[:80]
            return target_label(self.mapping[column])
        if role == Qt.ItemDataRole.EditRole and index.column() == 2:
            return self.mapping[column]
        if role == Qt.ItemDataRole.ForegroundRole and self.mapping[column] == NOT_IMPORTED:
            return Qt.GlobalColor.gray
        return None

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 2 else base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or index.column() != 2:
            return False
        column = self.header[index.row()]
        if self.mapping[column] == value:
            return False
        if value != NOT_IMPORTED:  # a field is filled from one column: the other lets go
            for other, target in self.mapping.items():
                if target == value:
                    self.mapping[other] = NOT_IMPORTED
        self.mapping[column] = value
        self.dataChanged.emit(self.index(0, 2), self.index(len(self.header) - 1, 2))
        self.changed.emit(self.current())
        return True

    def current(self) -> dict[str, str]:
        return {c: t for c, t in self.mapping.items() if t != NOT_IMPORTED}


class _TargetDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):  # noqa: N802
        combo = QComboBox(parent)
        for name in [NOT_IMPORTED] + mapping_targets():
            combo.addItem(target_label(name), name)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor, index):  # noqa: N802
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class MappingView(QTableView):
    def __init__(self, model: MappingModel, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegateForColumn(2, _TargetDelegate(self))
        self.setEditTriggers(QTableView.EditTrigger.AllEditTriggers)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().hide()
        self.setColumnWidth(0, 220)
        self.setColumnWidth(1, 240)
