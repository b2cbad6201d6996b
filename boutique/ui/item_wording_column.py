"""The purchase dialog's wording columns: how a sentence names each piece, "it" or "them".

The wording cell starts as what the description gives ("Cufflinks, onyx" -> "cufflinks")
and follows the description until the jeweler types her own; the "it / them" cell is
edited with a list (a delegate: the table keeps one editor at a time, not one per row).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QTableWidget, QTableWidgetItem

from boutique.services.clients import NUMBER_LABELS, wording_from

NUMBER_TEXTS = {"": "auto", "singular": "it", "plural": "them"}
NUMBER_OF_TEXT = {text: number for number, text in NUMBER_TEXTS.items()}
DERIVED = Qt.ItemDataRole.UserRole + 1  # the wording last made from the description


class NumberDelegate(QStyledItemDelegate):
    """Edits an "it / them" cell with a list of the three choices."""

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt API
        editor = QComboBox(parent)
        for number, text in NUMBER_TEXTS.items():
            editor.addItem(text, number)
            editor.setItemData(editor.count() - 1, NUMBER_LABELS[number],
                               Qt.ItemDataRole.ToolTipRole)
        return editor

    def setEditorData(self, editor, index):  # noqa: N802 - Qt API
        found = editor.findText(index.data() or "auto")
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor, model, index):  # noqa: N802 - Qt API
        model.setData(index, editor.currentText())


def wording_cell(description: str, wording: str) -> QTableWidgetItem:
    derived = wording_from(description)
    cell = QTableWidgetItem(wording or derived)
    cell.setData(DERIVED, derived)
    cell.setToolTip("How a note or a script names the piece in a sentence "
                    "(made from the description until you change it)")
    return cell


def number_cell(number: str) -> QTableWidgetItem:
    cell = QTableWidgetItem(NUMBER_TEXTS.get(number, "auto"))
    cell.setToolTip("“it” or “them” in sentences (auto: judged from the words)")
    return cell


def follow_description(table: QTableWidget, row: int, description_column: int,
                       wording_column: int) -> None:
    """A wording still as the description made it follows the description's change."""
    cell = table.item(row, wording_column)
    source = table.item(row, description_column)
    if cell is None or source is None:
        return
    derived = wording_from(source.text())
    if cell.text().strip() in ("", cell.data(DERIVED) or ""):
        table.blockSignals(True)
        cell.setText(derived)
        table.blockSignals(False)
    cell.setData(DERIVED, derived)


def wording_of(table: QTableWidget, row: int, description: str, wording_column: int) -> str:
    """The wording to save: "" while it is what the description gives."""
    cell = table.item(row, wording_column)
    text = " ".join((cell.text() if cell else "").split())
    return "" if text == wording_from(description) else text


def number_of(table: QTableWidget, row: int, number_column: int) -> str:
    cell = table.item(row, number_column)
    return NUMBER_OF_TEXT.get((cell.text() if cell else "auto").strip(), "")
