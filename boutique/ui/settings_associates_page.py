"""The associates page of Settings: who looks after the clients (the owner among them),
their role and direct line for letters and scripts, who has left; and the handoff."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from boutique.services import settings
from boutique.services.associates import (
    associate_json,
    associates,
    client_counts,
    mark_left,
    save_associate,
)
from boutique.services.clients import display_phone
from boutique.services.errors import NotFound, ValidationError
from boutique.ui.record_table import RecordTable, RecordTableModel


def _phone(number: str) -> str:
    return display_phone(number, settings.get("store.default_region")) if number else ""


class AssociatesModel(RecordTableModel):
    headers = ("Name", "Role", "Direct line", "Email", "", "Clients")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        counts = client_counts()
        self.rows = [associate_json(a, counts) for a in associates()]
        self.endResetModel()

    def record_count(self) -> int:
        return len(self.rows)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        state = "Owner" if row["is_owner"] else ("Here" if row["active"] else
                                                  f"Left {row['left_on'] or ''}".strip())
        return (row["name"], row["role"], _phone(row["phone"]), row["email"], state,
                str(row["clients"]))[index.column()]


class AssociatesSettingsPage(QWidget):
    title = "Associates"

    def __init__(self, parent=None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        intro = QLabel("Who looks after the clients. Letters and scripts speak as the "
                       "client's associate, with this direct line; a client with none hears "
                       "from the store.", self)
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        outer.addWidget(intro)
        self.model = AssociatesModel(self)
        self.table = RecordTable(self, "associates_table")
        self.table.setModel(self.model)
        self.table.set_column_widths({0: 150, 1: 120, 2: 120, 4: 90, 5: 60}, stretch=(3,))
        self.table.selectionModel().currentRowChanged.connect(self._show)
        outer.addWidget(self.table, 1)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for name, label in (("name", "Name"), ("role", "Role"), ("phone", "Direct line"),
                            ("email", "Email")):
            edit = QLineEdit(self)
            edit.setObjectName(f"associate_{name}")
            form.addRow(label, edit)
            self.fields[name] = edit
        self.is_owner = QCheckBox("The owner (signs the handoff letters)", self)
        form.addRow("", self.is_owner)
        outer.addLayout(form)
        row = QHBoxLayout()
        self.add_button = QPushButton("Add as new", self)
        self.save_button = QPushButton("Save changes", self)
        self.left_button = QPushButton("Mark as left", self)
        self.handoff_button = QPushButton("Hand over clients…", self)
        for button in (self.add_button, self.save_button, self.left_button,
                       self.handoff_button):
            row.addWidget(button)
        row.addStretch(1)
        outer.addLayout(row)
        self.message = QLabel("", self)
        self.message.setObjectName("associates_message")
        self.message.setWordWrap(True)
        outer.addWidget(self.message)
        self.add_button.clicked.connect(lambda: self._save(new=True))
        self.save_button.clicked.connect(lambda: self._save(new=False))
        self.left_button.clicked.connect(self._left)
        self.handoff_button.clicked.connect(self.open_handoff)

    def _selected(self) -> dict | None:
        row = self.table.current_row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def _show(self, *_args) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        for name, edit in self.fields.items():
            edit.setText(_phone(chosen[name]) if name == "phone" else chosen[name] or "")
        self.is_owner.setChecked(chosen["is_owner"])

    def _values(self) -> dict:
        values = {name: edit.text() for name, edit in self.fields.items()}
        if self.is_owner.isChecked():
            values["is_owner"] = True
        return values

    def _save(self, new: bool) -> None:
        chosen = self._selected()
        try:
            saved = save_associate(self._values(), None if new or chosen is None
                                   else chosen["id"])
        except (ValidationError, NotFound) as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(f"Saved {saved.name}.")
        self.model.refresh()

    def _left(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        try:
            mark_left(chosen["name"], dt.date.today())
        except (ValidationError, NotFound) as exc:
            self.message.setText(str(exc))
            return
        self.model.refresh()
        self.message.setText(f"{chosen['name']} has left; hand over their "
                             f"{chosen['clients']} clients so that none is left waiting.")

    def open_handoff(self) -> None:
        from boutique.ui.handoff_dialog import HandoffDialog

        chosen = self._selected()
        dialog = HandoffDialog(self, chosen["name"] if chosen else "")
        if dialog.exec() and dialog.result_plan is not None:
            plan = dialog.result_plan
            self.message.setText(f"{len(plan.moves)} clients handed to {plan.to_name}; "
                                 "the letters are on today's agenda.")
        self.model.refresh()

    def save(self) -> None:
        """Each change is saved by its own button."""
