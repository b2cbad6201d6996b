"""The People page of a client's profile: the partner, children, parents and friends in
her life, each with a birthday, an anniversary and a wish list, reminded three weeks ahead.

A list of the people (model/view) above a form for the one selected; "New person" clears
the form, Save writes it (a bad date or a missing name is named under the form).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from boutique.services.cadence import load_rules
from boutique.services.clients import (
    RELATION_KIND_LABELS,
    client_relations,
    delete_relation,
    save_relation,
)
from boutique.services.clients.relations import date_text
from boutique.services.errors import NotFound, ValidationError
from boutique.ui.key_date_edit import KeyDateEdit
from boutique.ui.record_table import RecordTable, RecordTableModel
from boutique.ui.signals import bus


class RelationsModel(RecordTableModel):
    headers = ("Who", "Name", "Birthday", "Anniversary", "Wish list")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def record_count(self) -> int:
        return len(self.rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        relation = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == 0:
                return RELATION_KIND_LABELS.get(relation.kind, relation.kind)
            if column == 1:
                return relation.name
            if column in (2, 3):
                return date_text(relation, "birthday" if column == 2 else "anniversary")
            text = relation.wish_list
            return text if role == Qt.ItemDataRole.ToolTipRole else " ".join(text.split())
        return None


class RelationsPage(QWidget):
    def __init__(self, client_id: int, window=None, parent=None):
        super().__init__(parent)
        self.client_id = client_id
        self.window_ = window
        self.editing: int | None = None
        layout = QVBoxLayout(self)
        lead = load_rules().key_date_lead_days
        intro = QLabel("Their birthdays and anniversaries, and last year's gift occasions, "
                       f"remind the client {lead} days ahead.", self)
        intro.setProperty("role", "muted")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = RelationsModel(self)
        self.table = RecordTable(self, name="relations_table")
        self.table.setModel(self.model)
        self.table.set_column_widths({0: 90, 1: 180, 2: 110, 3: 110}, stretch=(4,))
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._form_box())
        self.refresh()

    def _form_box(self) -> QGroupBox:
        box = QGroupBox("Person", self)
        form = QFormLayout(box)
        self.kind = QComboBox(box)
        self.kind.setObjectName("relation_kind")
        for kind, label in RELATION_KIND_LABELS.items():
            self.kind.addItem(label, kind)
        self.name = QLineEdit(box)
        self.name.setObjectName("relation_name")
        self.birthday = KeyDateEdit(box)
        self.birthday.setObjectName("relation_birthday")
        self.anniversary = KeyDateEdit(box)
        self.anniversary.setObjectName("relation_anniversary")
        self.wish_list = QPlainTextEdit(box)
        self.wish_list.setObjectName("relation_wish_list")
        self.wish_list.setPlaceholderText("What they like, what they admired")
        self.wish_list.setFixedHeight(60)
        form.addRow("Who", self.kind)
        form.addRow("Name", self.name)
        form.addRow("Birthday", self.birthday)
        form.addRow("Anniversary", self.anniversary)
        form.addRow("Wish list", self.wish_list)
        self.error = QLabel("", box)
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.error)
        buttons = QHBoxLayout()
        self.new_button = QPushButton("&New person", box)
        self.save_button = QPushButton("&Save person", box)
        self.delete_button = QPushButton("&Remove", box)
        self.new_button.clicked.connect(self.clear_form)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.remove)
        for button in (self.new_button, self.save_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form.addRow(buttons)
        return box

    def refresh(self) -> None:
        self.model.set_rows(client_relations(self.client_id))
        self.delete_button.setEnabled(self.editing is not None)

    def _on_row(self, current: QModelIndex, _previous=None) -> None:
        if current.isValid() and current.row() < len(self.model.rows):
            self.show_relation(self.model.rows[current.row()])

    def show_relation(self, relation) -> None:
        self.editing = relation.id
        self.kind.setCurrentIndex(max(0, self.kind.findData(relation.kind)))
        self.name.setText(relation.name)
        for prefix, edit in (("birthday", self.birthday), ("anniversary", self.anniversary)):
            edit.set_parts(*(getattr(relation, f"{prefix}_{p}") for p in ("year", "month", "day")))
        self.wish_list.setPlainText(relation.wish_list)
        self.error.clear()
        self.delete_button.setEnabled(True)

    def clear_form(self) -> None:
        self.editing = None
        self.table.clearSelection()
        self.kind.setCurrentIndex(0)
        self.name.clear()
        self.birthday.set_parts(None, None, None)
        self.anniversary.set_parts(None, None, None)
        self.wish_list.clear()
        self.error.clear()
        self.delete_button.setEnabled(False)
        self.name.setFocus()

    def values(self) -> dict:
        out = {"kind": self.kind.currentData(), "name": self.name.text(),
               "wish_list": self.wish_list.toPlainText()}
        for prefix, edit in (("birthday", self.birthday), ("anniversary", self.anniversary)):
            year, month, day = edit.parts()
            out.update({f"{prefix}_year": year, f"{prefix}_month": month, f"{prefix}_day": day})
        return out

    def save(self) -> bool:
        try:
            relation = save_relation(self.client_id, self.values(), self.editing)
        except ValidationError as exc:
            self.error.setText("Not saved: " + "; ".join(exc.errors.values()))
            return False
        except NotFound as exc:
            self.error.setText(f"Not saved: {exc}")
            return False
        self.editing = relation.id
        self.refresh()
        ids = [r.id for r in self.model.rows]
        self.table.select_row(ids.index(relation.id))
        self.error.clear()
        bus().followups_changed.emit()
        return True

    def remove(self) -> None:
        if self.editing is None:
            return
        answer = QMessageBox.question(self, "Remove", "Remove this person? Gifts bought for "
                                      "them keep their name.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        delete_relation(self.editing)
        self.clear_form()
        self.refresh()
        bus().followups_changed.emit()
